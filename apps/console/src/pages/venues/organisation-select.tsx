import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOrganisations } from '../../api/campaigns.js';

/** Picks one of the organisations the user sees (or none: the health authority's own venues). */
export function OrganisationSelect({
  value,
  onChange,
  required = false,
}: {
  value: string | null;
  onChange: (code: string | null) => void;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  return (
    <Select
      label={t('venues.organisation')}
      value={value}
      onChange={onChange}
      data={(organisations.data?.organisations ?? []).map((o) => ({
        value: o.code,
        label: `${o.name} (${o.code})`,
      }))}
      searchable
      clearable={!required}
      placeholder={required ? undefined : t('venues.healthAuthority')}
      miw={240}
    />
  );
}
