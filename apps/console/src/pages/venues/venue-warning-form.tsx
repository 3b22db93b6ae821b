import type { Venue, VenueWarningAnswer } from '@bluezone/api';
import { Alert, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.js';
import { useVenueChange, VENUE_ROUTES } from '../../api/venues.js';
import { CountField, TextField } from '../../components/form-fields.js';
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
        <TextField
          type="date"
          label={t('venues.warnDate')}
          value={date}
          onChange={setDate}
          required
          miw={160}
        />
        <TextField
          type="time"
          label={t('venues.warnFrom')}
          value={from}
          onChange={setFrom}
          required
          miw={120}
        />
        <TextField type="time" label={t('venues.warnTo')} value={to} onChange={setTo} required miw={120} />
        <CountField label={t('venues.warnRisk')} value={risk} onChange={setRisk} min={1} max={8} miw={120} />
      </Group>
      {warn.data ? (
        <Alert color="green" variant="light" role="status">
          {t('venues.warned', { n: warn.data.insertedWarnings })}
        </Alert>
      ) : null}
    </CampaignForm>
  );
}
