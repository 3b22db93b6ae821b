import { Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { apiPath, useOptionalQuery } from '../api/adoption.js';
import { ErrorAlert } from '../components/error-alert.js';
import { NotAvailable } from '../components/not-available.js';

export const STATISTICS_ROUTE = '/statistics';

/** Exposure statistics: the F0 → F1 → F2 funnel, uploads per day, export sizes. */
export function StatisticsPage() {
  const { t } = useTranslation();
  const statistics = useOptionalQuery<unknown>(['statistics'], STATISTICS_ROUTE);
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('statistics.title')}
      </Title>
      <Paper withBorder p="md">
        {statistics.notAvailable ? (
          <NotAvailable route={apiPath(STATISTICS_ROUTE)} />
        ) : (
          <ErrorAlert error={statistics.error} />
        )}
      </Paper>
    </Stack>
  );
}
