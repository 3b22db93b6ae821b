import type { ConsoleCode } from '@bluezone/api';
import { Badge, Button, Paper, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { provinceOf, useAreaName, useAreas } from '../../api/areas.js';
import { get, post } from '../../api/client.js';
import { useUser } from '../../api/session.js';
import { CODE_ROLES } from '../../api/types.js';
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
      {codes.data?.codes.length === 0 ? <Text c="dimmed">{t('codes.none')}</Text> : null}
      {codes.data?.codes.length ? (
        <Table.ScrollContainer minWidth={560}>
          <Table striped data-testid="recent-codes">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('codes.issuedAt')}</Table.Th>
                <Table.Th>{t('codes.type')}</Table.Th>
                <Table.Th>{t('codes.province')}</Table.Th>
                <Table.Th>{t('codes.issuedBy')}</Table.Th>
                <Table.Th>{t('codes.status')}</Table.Th>
                {canExpire ? <Table.Th>{t('common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {codes.data.codes.map((code) => (
                <Table.Tr key={code.uuid} data-uuid={code.uuid} data-status={code.status}>
                  <Table.Td>{format.dateTime(code.issuedAt)}</Table.Td>
                  <Table.Td>{t(code.testType === 'confirmed' ? 'codes.f0Short' : 'codes.f1Short')}</Table.Td>
                  <Table.Td>
                    {code.province ? areaName(provinceOf(areas.data, code.province), code.province) : '–'}
                  </Table.Td>
                  <Table.Td>{code.issuedBy}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[code.status]} variant="light">
                      {t(`codes.statuses.${code.status}`)}
                    </Badge>
                  </Table.Td>
                  {canExpire ? (
                    <Table.Td>
                      {code.status === 'unclaimed' ? (
                        <Button
                          size="compact-xs"
                          variant="outline"
                          color="red"
                          onClick={() => expire.mutate(code.uuid)}
                          loading={expire.isPending && expire.variables === code.uuid}
                        >
                          {t('codes.expire')}
                        </Button>
                      ) : null}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Paper>
  );
}
