import { Badge, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { ADOPTION_ROUTES, apiPath, useProvinceAdoption } from '../api/adoption.js';
import { provinceOf, useAreaName, useAreas } from '../api/areas.js';
import { useUser } from '../api/session.js';
import { Stat, useCell } from '../components/cells.js';
import { ErrorAlert } from '../components/error-alert.js';
import { useFormat } from '../components/format.js';
import { InstallsChart } from '../components/installs-chart.js';
import { NotAvailable } from '../components/not-available.js';
import { AdoptionBuysPanel } from './planning/adoption-buys-panel.js';
import { targetShare } from './planning/curve-figures.js';
import { ChannelsTable, DistrictsTable, OrganisationsTable } from './province/breakdowns.js';
import { TargetsTable } from './province/targets-table.js';

/** One province: installs and rank, targets with the pace needed, districts, organisations, channels. */
export function ProvincePage() {
  const user = useUser();
  const { iso = '' } = useParams();
  // A user of one province is never offered another one (the API refuses it too: 403 forbidden_area).
  if (user.province !== null && iso !== user.province)
    return <Navigate to={`/provinces/${user.province}`} replace />;
  return <Province iso={iso} />;
}

function Province({ iso }: { iso: string }) {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const format = useFormat();
  const cell = useCell();
  const areas = useAreas();
  const areaName = useAreaName();
  const adoption = useProvinceAdoption(iso);
  const province = provinceOf(areas.data, iso);
  const data = adoption.data;

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2" data-testid="province-title">
            {areaName(province, iso)}
          </Title>
          <Text size="sm" c="dimmed">
            {iso} · {t('province.population', { n: format.number(province?.population) })}
          </Text>
        </div>
        {user.province === null ? (
          <Select
            label={t('province.choose')}
            searchable
            value={iso}
            onChange={(value) => value && navigate(`/provinces/${value}`)}
            data={(areas.data?.provinces ?? []).map((p) => ({ value: p.iso, label: areaName(p) }))}
            allowDeselect={false}
            w={260}
          />
        ) : null}
      </Group>
      {adoption.notAvailable ? (
        <NotAvailable route={apiPath(ADOPTION_ROUTES.province(iso))} />
      ) : (
        <ErrorAlert error={adoption.error} />
      )}
      {data ? (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
          <Stat label={t('dashboard.installs')} value={cell(data.installs)} />
          <Stat label={t('dashboard.adoptionRate')} value={format.percent(data.adoptionRate)} />
          <Stat label={t('dashboard.active')} value={cell(data.active)} hint={format.date(data.activeDay)} />
          <Stat label={t('dashboard.rank')} value={data.rankLabel ?? '–'} testId="province-rank" />
        </SimpleGrid>
      ) : null}
      <Paper withBorder p="md" component="section" aria-labelledby="targets-title">
        <Title order={2} size="h4" id="targets-title" mb="sm">
          {t('province.targets')}
        </Title>
        {data ? <TargetsTable targets={data.targets} /> : <Text c="dimmed">{t('dashboard.noData')}</Text>}
      </Paper>
      {data ? (
        <Paper withBorder p="md" component="section" aria-labelledby="trend-title">
          <Title order={2} size="h4" id="trend-title" mb="sm">
            {t('charts.installsOverTime')}
          </Title>
          <InstallsChart series={data.series} targets={data.targets} />
        </Paper>
      ) : null}
      <AdoptionBuysPanel
        area={iso}
        current={data?.adoptionRate}
        target={targetShare(data?.targets, iso, data?.province.population)}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md" component="section" aria-labelledby="districts-title">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4" id="districts-title">
              {t('province.districts')}
            </Title>
            <Badge variant="light">{province?.districts.length ?? 0}</Badge>
          </Group>
          <DistrictsTable
            districts={province?.districts ?? []}
            counts={data?.districts}
            unknown={data?.noDistrict}
          />
        </Paper>
        <Stack>
          <Paper withBorder p="md" component="section" aria-labelledby="orgs-title">
            <Title order={2} size="h4" id="orgs-title" mb="sm">
              {t('province.organisations')}
            </Title>
            {data ? (
              <OrganisationsTable rows={data.organisations} unknown={data.noOrganisation} />
            ) : (
              <Text c="dimmed">{t('dashboard.noData')}</Text>
            )}
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="channels-title">
            <Title order={2} size="h4" id="channels-title" mb="sm">
              {t('province.channels')}
            </Title>
            {data ? (
              <ChannelsTable rows={data.channels} unknown={data.noChannel} />
            ) : (
              <Text c="dimmed">{t('dashboard.noData')}</Text>
            )}
          </Paper>
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
