import type { Venue } from '@bluezone/api';
import {
  Anchor,
  Button,
  Code,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiPath } from '../api/adoption.js';
import { provinceOf, useAreaName, useAreas } from '../api/areas.js';
import { del } from '../api/client.js';
import { useUser } from '../api/session.js';
import { posterOf, useVenueChange, useVenues, VENUE_ROUTES } from '../api/venues.js';
import { DataTable, RowDangerButton } from '../components/data-table.js';
import { ErrorAlert } from '../components/error-alert.js';
import { NotAvailable } from '../components/not-available.js';
import { useCanEditCampaigns } from './campaigns/scope.js';
import { OrganisationSelect } from './venues/organisation-select.js';
import { VenueForm } from './venues/venue-form.js';
import { VenueImport } from './venues/venue-import.js';
import { VenueWarningForm } from './venues/venue-warning-form.js';

/**
 * Venues (Địa điểm): places and events with their check-in QR code, posters (A4, A5, a ZIP per
 * organisation), CSV import, and "warn this venue" for case workers (docs/checkin.md).
 */
export function VenuesPage() {
  const { t } = useTranslation();
  const user = useUser();
  const canEdit = useCanEditCampaigns();
  const canWarn = user.role !== 'analyst';
  const venues = useVenues();
  const areas = useAreas();
  const name = useAreaName();
  const remove = useVenueChange((id: string) => del(VENUE_ROUTES.venue(id)));
  const [editing, setEditing] = useState<Venue | undefined>();
  const [warning, setWarning] = useState<Venue | undefined>();
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('venues.title')}
      </Title>
      <Tabs defaultValue="list" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="list">{t('venues.list')}</Tabs.Tab>
          <Tabs.Tab value="posters">{t('venues.postersTab')}</Tabs.Tab>
          {canEdit ? <Tabs.Tab value="import">{t('venues.importTab')}</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="list" pt="md">
          <Stack>
            {canEdit && !venues.notAvailable ? (
              <VenueForm key={editing?.id ?? 'new'} editing={editing} onDone={() => setEditing(undefined)} />
            ) : null}
            {warning && canWarn ? <VenueWarningForm key={warning.id} venue={warning} /> : null}
            <Paper withBorder p="md">
              {venues.notAvailable ? (
                <NotAvailable route={apiPath(VENUE_ROUTES.venues)} />
              ) : (
                <ErrorAlert error={venues.error ?? remove.error} />
              )}
              <DataTable
                rows={venues.data?.venues}
                rowKey={(v) => v.id}
                testId="venues"
                minWidth={900}
                empty={t('venues.none')}
                columns={[
                  { header: t('venues.name'), cell: (v) => <Text fw={500}>{v.name}</Text> },
                  { header: t('venues.type'), cell: (v) => t(`venues.types.${v.locationType}`) },
                  {
                    header: t('dashboard.province'),
                    cell: (v) => name(provinceOf(areas.data, v.province), v.province),
                  },
                  {
                    header: t('venues.code'),
                    cell: (v) => (
                      <Stack gap={2}>
                        <Anchor
                          href={v.url}
                          size="xs"
                          style={{ wordBreak: 'break-all' }}
                          data-testid="venue-url"
                        >
                          {v.url.slice(0, 48)}…
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {t('venues.locationId')}: <Code>{v.locationId.slice(0, 16)}…</Code>
                        </Text>
                      </Stack>
                    ),
                  },
                  {
                    header: t('common.actions'),
                    cell: (v) => (
                      <Group gap={6}>
                        <Anchor href={posterOf(v, 'a4')} download size="sm">
                          {t('venues.posterA4')}
                        </Anchor>
                        <Anchor href={posterOf(v, 'a5')} download size="sm">
                          {t('venues.posterA5')}
                        </Anchor>
                        {canWarn ? (
                          <Button
                            size="compact-sm"
                            variant="light"
                            color="orange"
                            onClick={() => setWarning(v)}
                          >
                            {t('venues.warn')}
                          </Button>
                        ) : null}
                        {canEdit ? (
                          <Button size="compact-sm" variant="subtle" onClick={() => setEditing(v)}>
                            {t('venues.editButton')}
                          </Button>
                        ) : null}
                        {canEdit ? (
                          <RowDangerButton onClick={() => remove.mutate(v.id)}>
                            {t('common.delete')}
                          </RowDangerButton>
                        ) : null}
                      </Group>
                    ),
                  },
                ]}
              />
            </Paper>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="posters" pt="md">
          <PosterZip />
        </Tabs.Panel>
        {canEdit ? (
          <Tabs.Panel value="import" pt="md">
            <VenueImport />
          </Tabs.Panel>
        ) : null}
      </Tabs>
    </Stack>
  );
}

/** A ZIP of the posters of every venue of an organisation. */
function PosterZip() {
  const { t } = useTranslation();
  const [organisation, setOrganisation] = useState<string | null>(null);
  const [size, setSize] = useState('a4');
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h4">
          {t('venues.zipTitle')}
        </Title>
        <Group align="flex-end">
          <OrganisationSelect value={organisation} onChange={setOrganisation} required />
          <SegmentedControl
            value={size}
            onChange={setSize}
            data={[
              { value: 'a4', label: 'A4' },
              { value: 'a5', label: t('venues.a5') },
            ]}
          />
          {organisation ? (
            <Anchor href={VENUE_ROUTES.posterZip(organisation, size)} download data-testid="poster-zip">
              {t('venues.zipDownload')}
            </Anchor>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}
