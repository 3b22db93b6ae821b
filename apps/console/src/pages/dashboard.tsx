import { Grid, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { ADOPTION_ROUTES, apiPath, useNationalAdoption, useTimeseries } from '../api/adoption.js';
import { useUser } from '../api/session.js';
import { Stat, useCell } from '../components/cells.js';
import { ErrorAlert } from '../components/error-alert.js';
import { useFormat } from '../components/format.js';
import { InstallsChart } from '../components/installs-chart.js';
import { startPageOf } from '../components/navigation.js';
import { NotAvailable } from '../components/not-available.js';
import { ProvinceMap } from '../components/province-map.js';
import { Ranking } from './dashboard/ranking.js';
import { AdoptionBuysPanel } from './planning/adoption-buys-panel.js';

/** The national dashboard: installs, adoption, the 50 million target, the map, the ranking, the trend. */
export function DashboardPage() {
  const user = useUser();
  if (user.province !== null || user.role === 'caseworker')
    return <Navigate to={startPageOf(user)} replace />;
  return <NationalDashboard />;
}

function NationalDashboard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useFormat();
  const cell = useCell();
  const adoption = useNationalAdoption();
  const timeseries = useTimeseries();
  const data = adoption.data;
  const shares = useMemo(
    () =>
      new Map(
        (data?.provinces ?? []).flatMap((p) => (p.adoptionRate === null ? [] : [[p.iso, p.adoptionRate]])),
      ),
    [data],
  );

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('dashboard.title')}
      </Title>
      {adoption.notAvailable ? (
        <NotAvailable route={apiPath(ADOPTION_ROUTES.national)} />
      ) : (
        <ErrorAlert error={adoption.error} />
      )}
      {data ? (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
          <Stat label={t('dashboard.installs')} value={cell(data.total.installs)} testId="stat-installs" />
          <Stat
            label={t('dashboard.adoptionRate')}
            value={format.percent(data.total.adoptionRate)}
            hint={t('dashboard.ofPopulation', { population: format.number(data.total.population) })}
          />
          <Stat
            label={t('dashboard.active')}
            value={cell(data.total.active)}
            hint={format.date(data.activeDay)}
          />
          <Paper withBorder p="md" data-testid="national-target">
            <Text size="sm" c="dimmed">
              {t('dashboard.nationalTarget', { users: format.number(data.nationalTarget.users) })}
            </Text>
            <Text fz={26} fw={700}>
              {format.percent(data.nationalTarget.reached, 1)}
            </Text>
            <Progress
              value={(data.nationalTarget.reached ?? 0) * 100}
              aria-label={t('dashboard.targetProgress')}
              mt={4}
            />
            <Text size="xs" c="dimmed" mt={4}>
              {t('dashboard.remaining', { n: format.number(data.nationalTarget.remaining) })}
            </Text>
          </Paper>
        </SimpleGrid>
      ) : null}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Paper withBorder p="md" component="section" aria-labelledby="map-title">
            <Title order={2} size="h4" id="map-title">
              {t('dashboard.mapTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('dashboard.mapHelp')}
            </Text>
            <ProvinceMap shares={shares} onSelect={(iso) => navigate(`/provinces/${iso}`)} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Paper withBorder p="md" component="section" aria-labelledby="ranking-title">
            <Title order={2} size="h4" id="ranking-title" mb="sm">
              {t('dashboard.rankingTitle')}
            </Title>
            {data ? <Ranking data={data} /> : <Text c="dimmed">{t('dashboard.noData')}</Text>}
          </Paper>
        </Grid.Col>
      </Grid>
      <AdoptionBuysPanel
        area="VN"
        current={data?.total.adoptionRate}
        target={data?.total.population ? (data?.nationalTarget.users ?? 0) / data.total.population : null}
      />
      <Paper withBorder p="md" component="section" aria-labelledby="trend-title">
        <Title order={2} size="h4" id="trend-title" mb="sm">
          {t('charts.installsOverTime')}
        </Title>
        {timeseries.notAvailable ? (
          <NotAvailable route={apiPath(ADOPTION_ROUTES.timeseries())} />
        ) : (
          <ErrorAlert error={timeseries.error} />
        )}
        {timeseries.data ? (
          <InstallsChart series={timeseries.data.series} targets={timeseries.data.targets} />
        ) : null}
      </Paper>
    </Stack>
  );
}
