import { Code, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { apiPath } from '../../api/adoption.js';
import { provinceOf, useAreaName, useAreas } from '../../api/areas.js';
import { CAMPAIGN_ROUTES, useOrganisations } from '../../api/campaigns.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { NotAvailable } from '../../components/not-available.js';

export function OrganisationsPanel() {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  const areas = useAreas();
  const name = useAreaName();
  const rows = organisations.data?.organisations ?? [];
  return (
    <Paper withBorder p="md">
      {organisations.notAvailable ? (
        <NotAvailable route={apiPath(CAMPAIGN_ROUTES.organisations)} />
      ) : (
        <ErrorAlert error={organisations.error} />
      )}
      {organisations.data && rows.length === 0 ? (
        <Text c="dimmed">{t('province.noOrganisations')}</Text>
      ) : null}
      {rows.length ? (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('province.name')}</Table.Th>
              <Table.Th>{t('province.kind')}</Table.Th>
              <Table.Th>{t('campaigns.inviteCode')}</Table.Th>
              <Table.Th>{t('dashboard.province')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((o) => (
              <Table.Tr key={o.code}>
                <Table.Td>{o.name}</Table.Td>
                <Table.Td>{t(`campaigns.orgTypes.${o.type}`, { defaultValue: o.type })}</Table.Td>
                <Table.Td>
                  <Code>{o.code}</Code>
                </Table.Td>
                <Table.Td>{name(provinceOf(areas.data, o.province), o.province)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Paper>
  );
}
