import type { Venue } from '@bluezone/api';
import { Group, Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.js';
import { useUser } from '../../api/session.js';
import { EVENT_TYPES, LOCATION_TYPES, useVenueChange, VENUE_ROUTES } from '../../api/venues.js';
import { CountField, TextField } from '../../components/form-fields.js';
import { ProvinceDistrictSelects } from '../campaigns/area-selects.js';
import { CampaignForm } from '../campaigns/campaign-panel.js';
import { OrganisationSelect } from './organisation-select.js';

/** `2026-03-10T07:00` (a datetime-local value, Vietnam time) → ISO 8601 with +07:00. */
const toIso = (local: string) => (local ? `${local}+07:00` : undefined);
/** ISO time → a datetime-local value in Vietnam time. */
const toLocal = (iso: string | null) =>
  iso ? new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 16) : '';

/** Register a venue, or edit one (`editing`): name, address, type, check-in length, times, area. */
export function VenueForm({ editing, onDone }: { editing?: Venue | undefined; onDone?: () => void }) {
  const { t } = useTranslation();
  const user = useUser();
  const [name, setName] = useState(editing?.name ?? '');
  const [address, setAddress] = useState(editing?.address ?? '');
  const [type, setType] = useState(String(editing?.locationType ?? 3));
  const [minutes, setMinutes] = useState<number>(editing?.defaultCheckInLengthInMinutes ?? 60);
  const [start, setStart] = useState(toLocal(editing?.startsAt ?? null));
  const [end, setEnd] = useState(toLocal(editing?.endsAt ?? null));
  const [province, setProvince] = useState<string | null>(editing?.province ?? user.province);
  const [district, setDistrict] = useState<string | null>(editing?.district ?? null);
  const [organisation, setOrganisation] = useState<string | null>(editing?.organisation ?? null);
  const isEvent = EVENT_TYPES.has(Number(type));
  const save = useVenueChange((body: Record<string, unknown>) =>
    post<Venue>(editing ? VENUE_ROUTES.venue(editing.id) : VENUE_ROUTES.venues, body),
  );
  const submit = () => {
    const fields = {
      name,
      address,
      locationType: Number(type),
      defaultCheckInLengthInMinutes: minutes,
      ...(isEvent ? { startsAt: toIso(start), endsAt: toIso(end) } : {}),
      ...(district ? { district } : {}),
    };
    const body = editing
      ? fields
      : { ...fields, ...(organisation ? { organisation } : province ? { province } : {}) };
    save.mutate(body, {
      onSuccess: () => {
        if (!editing) {
          setName('');
          setAddress('');
        }
        onDone?.();
      },
    });
  };
  return (
    <CampaignForm
      id={editing ? 'edit-venue' : 'new-venue'}
      title={editing ? t('venues.edit', { name: editing.name }) : t('venues.new')}
      submitLabel={editing ? t('venues.save') : t('venues.add')}
      onSubmit={submit}
      change={save}
      canSubmit={name.trim() !== '' && address.trim() !== '' && (province !== null || organisation !== null)}
    >
      <Group grow align="flex-start" wrap="wrap">
        <TextField
          label={t('venues.name')}
          value={name}
          onChange={setName}
          required
          maxLength={100}
          miw={220}
        />
        <TextField
          label={t('venues.address')}
          value={address}
          onChange={setAddress}
          required
          maxLength={100}
          miw={220}
        />
      </Group>
      <Group grow align="flex-start" wrap="wrap">
        <Select
          label={t('venues.type')}
          value={type}
          onChange={(v) => v && setType(v)}
          data={LOCATION_TYPES.map((n) => ({ value: String(n), label: t(`venues.types.${n}`) }))}
          allowDeselect={false}
          miw={200}
        />
        <CountField
          label={t('venues.minutes')}
          value={minutes}
          onChange={setMinutes}
          min={1}
          max={1440}
          miw={140}
        />
        {isEvent ? (
          <>
            <TextField
              type="datetime-local"
              label={t('venues.start')}
              value={start}
              onChange={setStart}
              required
              miw={200}
            />
            <TextField
              type="datetime-local"
              label={t('venues.end')}
              value={end}
              onChange={setEnd}
              required
              miw={200}
            />
          </>
        ) : null}
      </Group>
      {editing ? null : (
        <Group grow align="flex-start" wrap="wrap">
          <OrganisationSelect value={organisation} onChange={setOrganisation} />
          <ProvinceDistrictSelects
            province={province}
            onProvince={setProvince}
            district={district}
            onDistrict={setDistrict}
            disabled={user.province !== null || organisation !== null}
          />
        </Group>
      )}
    </CampaignForm>
  );
}
