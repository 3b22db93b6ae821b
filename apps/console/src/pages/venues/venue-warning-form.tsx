import type { Venue, VenueWarningAnswer } from '@bluezone/api';
import { Alert, Group, NumberInput, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.js';
import { useVenueChange, VENUE_ROUTES } from '../../api/venues.js';
import { CampaignForm } from '../campaigns/campaign-panel.js';

/** Today in Vietnam time (YYYY-MM-DD). */
const vietnamToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/** "Warn this venue": an outbreak there on a day, from HH:MM to HH:MM (Vietnam time), a risk level. */
export function VenueWarningForm({ venue }: { venue: Venue }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(vietnamToday());
  const [from, setFrom] = useState('07:00');
  const [to, setTo] = useState('11:00');
  const [risk, setRisk] = useState<number>(8);
  const warn = useVenueChange(() =>
    post<VenueWarningAnswer>(VENUE_ROUTES.warnings(venue.id), {
      date,
      from,
      to,
      transmissionRiskLevel: risk,
    }),
  );
  return (
    <CampaignForm
      id="warn-venue"
      title={t('venues.warnTitle', { name: venue.name })}
      submitLabel={t('venues.warnSubmit')}
      onSubmit={() => warn.mutate(undefined)}
      change={warn}
      canSubmit={date !== '' && from !== '' && to !== ''}
    >
      <Group grow align="flex-start" wrap="wrap">
        <TextInput
          type="date"
          label={t('venues.warnDate')}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          required
          miw={160}
        />
        <TextInput
          type="time"
          label={t('venues.warnFrom')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          required
          miw={120}
        />
        <TextInput
          type="time"
          label={t('venues.warnTo')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          required
          miw={120}
        />
        <NumberInput
          label={t('venues.warnRisk')}
          value={risk}
          onChange={(v) => setRisk(Number(v) || 1)}
          min={1}
          max={8}
          miw={120}
        />
      </Group>
      {warn.data ? (
        <Alert color="green" variant="light" role="status">
          {t('venues.warned', { n: warn.data.insertedWarnings })}
        </Alert>
      ) : null}
    </CampaignForm>
  );
}
