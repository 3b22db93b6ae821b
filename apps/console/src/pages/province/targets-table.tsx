import type { TargetProgress } from '@bluezone/api';
import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAreaName } from '../../api/areas.js';
import { useCell } from '../../components/cells.js';
import { DataTable, RowDangerButton } from '../../components/data-table.js';
import { useFormat } from '../../components/format.js';

/** Targets with their deadline, where the area stands and the daily pace needed to meet them. */
export function TargetsTable({
  targets,
  onDelete,
}: {
  targets: TargetProgress[];
  onDelete?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const cell = useCell();
  const name = useAreaName();
  const perDay = (n: number | null) => (n === null ? '–' : t('targets.perDay', { n: format.number(n) }));
  return (
    <DataTable
      rows={targets}
      rowKey={(target) => target.id}
      testId="targets"
      minWidth={760}
      empty={t('province.noTargets')}
      columns={[
        {
          header: t('targets.area'),
          cell: (target) => (
            <>
              {name(target.areaName)}
              {target.label ? (
                <Text size="xs" c="dimmed">
                  {target.label}
                </Text>
              ) : null}
            </>
          ),
        },
        {
          header: t('targets.goal'),
          cell: (target) => (
            <>
              {target.kind === 'absolute'
                ? format.number(target.targetUsers)
                : t(`targets.kinds.${target.kind}`, { share: format.percent(target.share, 0) })}
              <Text size="xs" c="dimmed">
                {t('targets.users', { n: format.number(target.targetUsers) })}
              </Text>
            </>
          ),
        },
        {
          header: t('targets.deadline'),
          cell: (target) => (
            <>
              {format.date(target.deadline)}
              <Text size="xs" c="dimmed">
                {t('targets.daysLeft', { count: target.daysLeft })}
              </Text>
            </>
          ),
        },
        { header: t('targets.current'), align: 'right', cell: (target) => cell(target.current) },
        { header: t('targets.reached'), align: 'right', cell: (target) => format.percent(target.reached, 1) },
        { header: t('targets.paceNeeded'), align: 'right', cell: (target) => perDay(target.dailyPaceNeeded) },
        {
          header: t('targets.recentPace'),
          align: 'right',
          cell: (target) =>
            perDay(target.recentDailyAverage === null ? null : Math.round(target.recentDailyAverage)),
        },
        { header: t('targets.state'), cell: (target) => <TargetState target={target} /> },
        onDelete !== undefined && {
          header: t('common.actions'),
          cell: (target) => (
            <RowDangerButton onClick={() => onDelete(target.id)}>{t('common.delete')}</RowDangerButton>
          ),
        },
      ]}
    />
  );
}

/** Overdue, on track, behind, or – when it cannot be told yet. */
function TargetState({ target }: { target: TargetProgress }) {
  const { t } = useTranslation();
  if (target.overdue) return <Badge color="red">{t('targets.overdue')}</Badge>;
  if (target.onTrack === null) return '–';
  return target.onTrack ? (
    <Badge color="green">{t('targets.onTrack')}</Badge>
  ) : (
    <Badge color="orange">{t('targets.behind')}</Badge>
  );
}
