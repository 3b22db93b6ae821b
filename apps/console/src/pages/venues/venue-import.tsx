import type { VenueImportAnswer } from '@bluezone/api';
import { Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.js';
import { useUser } from '../../api/session.js';
import { useVenueChange, VENUE_ROUTES } from '../../api/venues.js';
import { CsvImportForm } from '../campaigns/csv-import-form.js';
import { useProvinceChoices } from '../campaigns/scope.js';
import { OrganisationSelect } from './organisation-select.js';

const HEADER = 'name,address,type,check_in_minutes,start,end,district';
const EXAMPLE = `${HEADER}\n"Cổng chính, nhà A",Số 1 Lê Lợi,6,60,,,\nHội nghị tổng kết,Hội trường tầng 3,9,180,2026-03-12T08:00+07:00,2026-03-12T11:00+07:00,`;

/** CSV import of venues for an organisation or the health authority; every wrong line listed. */
export function VenueImport() {
  const { t } = useTranslation();
  const user = useUser();
  const provinces = useProvinceChoices();
  const [csv, setCsv] = useState('');
  const [organisation, setOrganisation] = useState<string | null>(null);
  const [province, setProvince] = useState<string | null>(user.province);
  const upload = useVenueChange(() =>
    post<VenueImportAnswer>(VENUE_ROUTES.import, {
      csv,
      ...(organisation ? { organisation } : province ? { province } : {}),
    }),
  );
  return (
    <CsvImportForm
      id="import-venues"
      title={t('venues.importTitle')}
      submitLabel={t('venues.import')}
      help={t('venues.importHelp')}
      header={HEADER}
      csvLabel={t('venues.importCsv')}
      example={EXAMPLE}
      csv={csv}
      onCsv={setCsv}
      onSubmit={() => upload.mutate(undefined)}
      upload={upload}
      imported={upload.data ? t('venues.imported', { n: upload.data.imported }) : undefined}
      problemsTestId="venue-import-problems"
      canSubmit={csv.trim() !== '' && (organisation !== null || province !== null)}
    >
      <OrganisationSelect value={organisation} onChange={setOrganisation} />
      {organisation ? null : (
        <Select
          label={t('dashboard.province')}
          value={province}
          onChange={setProvince}
          data={provinces}
          searchable
          disabled={user.province !== null}
        />
      )}
    </CsvImportForm>
  );
}
