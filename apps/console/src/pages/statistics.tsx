import { Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiPath } from '../api/adoption.js';
import { STATISTICS_ROUTE, useStatistics } from '../api/statistics.js';
import { Stat } from '../components/cells.js';
import { ErrorAlert } from '../components/error-alert.js';
import { useFormat } from '../components/format.js';
import { NotAvailable } from '../components/not-available.js';
import { ExportFilesTable } from './statistics/export-files.js';
import { ProvinceCostsTable } from './statistics/province-costs.js';
import { ExportSizeChart, FunnelChart, UploadsChart } from './statistics/statistics-charts.js';
import { VenueStatisticsPanel } from './venues/venue-statistics.js';

const RANGES = ['7', '30', '90'] as const;

/** What the key server did: the F0 → F1 funnel over time, uploads per day, export files and sizes. */
export function StatisticsPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [range, setRange] = useState<string>('30');
  const statistics = useStatistics(Number(range));
  const data = statistics.data;
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {t('statistics.title')}
        </Title>
        <SegmentedControl
          aria-label={t('statistics.range')}
          value={range}
          onChange={setRange}
          data={RANGES.map((r) => ({ value: r, label: t('statistics.lastDays', { n: r }) }))}
        />
      </Group>
      {statistics.notAvailable ? (
        <NotAvailable route={apiPath(STATISTICS_ROUTE)} />
      ) : (
        <ErrorAlert error={statistics.error} />
      )}
      {data ? (
        <>
          <SimpleGrid cols={{ base: 2, md: 3, lg: 6 }} data-testid="funnel">
            <Stat label={t('statistics.f0Codes')} value={format.number(data.funnel.f0Codes)} />
            <Stat label={t('statistics.f0Uploads')} value={format.number(data.funnel.f0Uploads)} />
            <Stat label={t('statistics.f0Keys')} value={format.number(data.funnel.f0Keys)} />
            <Stat label={t('statistics.f1Codes')} value={format.number(data.funnel.f1Codes)} />
            <Stat label={t('statistics.f1Uploads')} value={format.number(data.funnel.f1Uploads)} />
            <Stat label={t('statistics.f1Keys')} value={format.number(data.funnel.f1Keys)} />
          </SimpleGrid>
          <Text size="sm" c="dimmed">
            {t('statistics.f2Note')}
          </Text>
          <Paper withBorder p="md" component="section" aria-labelledby="funnel-title">
            <Title order={2} size="h4" id="funnel-title" mb="sm">
              {t('statistics.funnelTitle')}
            </Title>
            <FunnelChart days={data.days} />
          </Paper>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <Paper withBorder p="md" component="section" aria-labelledby="uploads-title">
              <Title order={2} size="h4" id="uploads-title" mb="sm">
                {t('statistics.uploadsTitle')}
              </Title>
              <UploadsChart days={data.days} />
            </Paper>
            <Paper withBorder p="md" component="section" aria-labelledby="exports-title">
              <Title order={2} size="h4" id="exports-title" mb="sm">
                {t('statistics.exportsTitle')}
              </Title>
              <ExportSizeChart days={data.days} />
            </Paper>
          </SimpleGrid>
          <Paper withBorder p="md" component="section" aria-labelledby="provinces-title">
            <Title order={2} size="h4" id="provinces-title" mb="sm">
              {t('statistics.provincesTitle')}
            </Title>
            <ProvinceCostsTable byProvince={data.byProvince} />
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="files-title">
            <Title order={2} size="h4" id="files-title" mb="sm">
              {t('statistics.filesTitle')}
            </Title>
            <ExportFilesTable files={data.exportFiles} />
            <Text size="xs" c="dimmed" mt="xs">
              {t('statistics.downloadsNote', { total: data.downloads.total.toLocaleString(i18n.language) })}
            </Text>
          </Paper>
        </>
      ) : null}
      <VenueStatisticsPanel />
    </Stack>
  );
}
