import type { TargetProgress } from '@bluezone/api';
import { Badge, Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAreaName } from '../../api/areas.js';
import { useCell } from '../../components/cells.js';
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
  if (targets.length === 0) return <Text c="dimmed">{t('province.noTargets')}</Text>;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped data-testid="targets">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('targets.area')}</Table.Th>
            <Table.Th>{t('targets.goal')}</Table.Th>
            <Table.Th>{t('targets.deadline')}</Table.Th>
            <Table.Th ta="right">{t('targets.current')}</Table.Th>
            <Table.Th ta="right">{t('targets.reached')}</Table.Th>
            <Table.Th ta="right">{t('targets.paceNeeded')}</Table.Th>
            <Table.Th ta="right">{t('targets.recentPace')}</Table.Th>
            <Table.Th>{t('targets.state')}</Table.Th>
            {onDelete ? <Table.Th>{t('common.actions')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {targets.map((target) => (
            <Table.Tr key={target.id}>
              <Table.Td>
                {name(target.areaName)}
                {target.label ? (
                  <Text size="xs" c="dimmed">
                    {target.label}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                {target.kind === 'absolute'
                  ? format.number(target.targetUsers)
                  : t(`targets.kinds.${target.kind}`, { share: format.percent(target.share, 0) })}
                <Text size="xs" c="dimmed">
                  {t('targets.users', { n: format.number(target.targetUsers) })}
                </Text>
              </Table.Td>
              <Table.Td>
                {format.date(target.deadline)}
                <Text size="xs" c="dimmed">
                  {t('targets.daysLeft', { count: target.daysLeft })}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{cell(target.current)}</Table.Td>
              <Table.Td ta="right">{format.percent(target.reached, 1)}</Table.Td>
              <Table.Td ta="right">
                {target.dailyPaceNeeded === null
                  ? '–'
                  : t('targets.perDay', { n: format.number(target.dailyPaceNeeded) })}
              </Table.Td>
              <Table.Td ta="right">
                {target.recentDailyAverage === null
                  ? '–'
                  : t('targets.perDay', { n: format.number(Math.round(target.recentDailyAverage)) })}
              </Table.Td>
              <Table.Td>
                {target.overdue ? (
                  <Badge color="red">{t('targets.overdue')}</Badge>
                ) : target.onTrack === null ? (
                  '–'
                ) : target.onTrack ? (
                  <Badge color="green">{t('targets.onTrack')}</Badge>
                ) : (
                  <Badge color="orange">{t('targets.behind')}</Badge>
                )}
              </Table.Td>
              {onDelete ? (
                <Table.Td>
                  <Button size="compact-xs" variant="outline" color="red" onClick={() => onDelete(target.id)}>
                    {t('common.delete')}
                  </Button>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
