import { Paper, SimpleGrid, Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useVenueStatistics } from '../../api/venues.js';
import { Stat } from '../../components/cells.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { useFormat } from '../../components/format.js';

/** Venues registered and warnings published per day (no visit counts: the server has none). */
export function VenueStatisticsPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const statistics = useVenueStatistics();
  if (statistics.notAvailable) return null;
  const data = statistics.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="venue-statistics">
      <Stack>
        <Title order={2} size="h4" id="venue-statistics">
          {t('venues.statisticsTitle')}
        </Title>
        <ErrorAlert error={statistics.error} />
        {data ? (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Stat
                label={t('venues.registered')}
                value={format.number(data.venues)}
                testId="venues-registered"
              />
              <Stat
                label={t('venues.warningsTotal')}
                value={format.number(data.warningsPerDay.reduce((s, d) => s + d.uploaded + d.caseWorker, 0))}
                hint={t('venues.noVisits')}
              />
            </SimpleGrid>
            <Table data-testid="venue-warnings-per-day">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('venues.day')}</Table.Th>
                  <Table.Th ta="right">{t('venues.uploaded')}</Table.Th>
                  <Table.Th ta="right">{t('venues.caseWorker')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.warningsPerDay.map((d) => (
                  <Table.Tr key={d.day}>
                    <Table.Td>{d.day}</Table.Td>
                    <Table.Td ta="right">{format.number(d.uploaded)}</Table.Td>
                    <Table.Td ta="right">{format.number(d.caseWorker)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
