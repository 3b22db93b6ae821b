import type { ConsoleCode } from '@bluezone/api';
import { Badge, Paper, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { provinceOf, useAreaName, useAreas } from '../../api/areas.js';
import { get, post } from '../../api/client.js';
import { useUser } from '../../api/session.js';
import { CODE_ROLES } from '../../api/types.js';
import { DataTable, RowDangerButton } from '../../components/data-table.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { useFormat } from '../../components/format.js';

const STATUS_COLOR: Record<ConsoleCode['status'], string> = {
  unclaimed: 'blue',
  claimed: 'green',
  expired: 'gray',
};

/** The newest codes issued through the console: status only, never the code; expire an unclaimed one. */
export function RecentCodes() {
  const { t } = useTranslation();
  const user = useUser();
  const format = useFormat();
  const areas = useAreas();
  const areaName = useAreaName();
  const client = useQueryClient();
  const codes = useQuery({
    queryKey: ['codes'],
    queryFn: () => get<{ codes: ConsoleCode[] }>('/codes?limit=50'),
  });
  const expire = useMutation({
    mutationFn: (uuid: string) => post('/codes/expire', { uuid }),
    onSettled: () => client.invalidateQueries({ queryKey: ['codes'] }),
  });
  const canExpire = CODE_ROLES.includes(user.role);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="recent-title">
      <Title order={2} size="h4" id="recent-title" mb="sm">
        {t('codes.recentTitle')}
      </Title>
      <ErrorAlert error={codes.error ?? expire.error} />
      <DataTable
        rows={codes.data?.codes}
        rowKey={(code) => code.uuid}
        rowData={(code) => ({ 'data-uuid': code.uuid, 'data-status': code.status })}
        testId="recent-codes"
        minWidth={560}
        empty={t('codes.none')}
        columns={[
          { header: t('codes.issuedAt'), cell: (code) => format.dateTime(code.issuedAt) },
          {
            header: t('codes.type'),
            cell: (code) => t(code.testType === 'confirmed' ? 'codes.f0Short' : 'codes.f1Short'),
          },
          {
            header: t('codes.province'),
            cell: (code) =>
              code.province ? areaName(provinceOf(areas.data, code.province), code.province) : '–',
          },
          { header: t('codes.issuedBy'), cell: (code) => code.issuedBy },
          {
            header: t('codes.status'),
            cell: (code) => (
              <Badge color={STATUS_COLOR[code.status]} variant="light">
                {t(`codes.statuses.${code.status}`)}
              </Badge>
            ),
          },
          canExpire && {
            header: t('common.actions'),
            cell: (code) =>
              code.status === 'unclaimed' ? (
                <RowDangerButton
                  onClick={() => expire.mutate(code.uuid)}
                  loading={expire.isPending && expire.variables === code.uuid}
                >
                  {t('codes.expire')}
                </RowDangerButton>
              ) : null,
          },
        ]}
      />
    </Paper>
  );
}
