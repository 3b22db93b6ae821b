import { Anchor, Code, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { apiPath } from '../../api/adoption.js';
import { CAMPAIGN_ROUTES, useLinks } from '../../api/campaigns.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { NotAvailable } from '../../components/not-available.js';

export function LinksPanel() {
  const { t } = useTranslation();
  const links = useLinks();
  const rows = links.data?.links ?? [];
  return (
    <Paper withBorder p="md">
      {links.notAvailable ? (
        <NotAvailable route={apiPath(CAMPAIGN_ROUTES.links)} />
      ) : (
        <ErrorAlert error={links.error} />
      )}
      {links.data && rows.length === 0 ? <Text c="dimmed">{t('campaigns.noLinks')}</Text> : null}
      {rows.length ? (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('campaigns.channel')}</Table.Th>
              <Table.Th>{t('campaigns.link')}</Table.Th>
              <Table.Th>{t('campaigns.sms')}</Table.Th>
              <Table.Th>{t('campaigns.poster')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((link) => (
              <Table.Tr key={link.code}>
                <Table.Td>{t(`campaigns.channels.${link.channel}`, { defaultValue: link.channel })}</Table.Td>
                <Table.Td>
                  <Code>{link.url ?? link.code}</Code>
                </Table.Td>
                <Table.Td>{link.smsText ?? '–'}</Table.Td>
                <Table.Td>
                  <Anchor href={apiPath(CAMPAIGN_ROUTES.poster(link.code))} download>
                    PDF
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Paper>
  );
}
