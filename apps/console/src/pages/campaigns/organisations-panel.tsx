import { Code, Group, Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { provinceOf, useAreaName, useAreas } from '../../api/areas.js';
import {
  CAMPAIGN_ROUTES,
  createIn,
  deleteAt,
  ORGANISATION_TYPES,
  useCampaignChange,
  useOrganisations,
} from '../../api/campaigns.js';
import { useUser } from '../../api/session.js';
import { useCell } from '../../components/cells.js';
import { DataTable } from '../../components/data-table.js';
import { TextField } from '../../components/form-fields.js';
import { ProvinceDistrictSelects } from './area-selects.js';
import { CampaignActions, CampaignForm, CampaignPanel } from './campaign-panel.js';
import { useCanEditCampaigns } from './scope.js';

/** Unions, companies, schools… with their invite codes, install links, posters and installs. */
export function OrganisationsPanel() {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  const canEdit = useCanEditCampaigns();
  const remove = useCampaignChange(deleteAt(CAMPAIGN_ROUTES.organisation));
  const areas = useAreas();
  const name = useAreaName();
  const cell = useCell();
  return (
    <CampaignPanel
      route={CAMPAIGN_ROUTES.organisations}
      notAvailable={organisations.notAvailable}
      error={organisations.error ?? remove.error}
      form={<NewOrganisationForm />}
    >
      <DataTable
        rows={organisations.data?.organisations}
        rowKey={(o) => o.code}
        testId="organisations"
        minWidth={760}
        empty={t('province.noOrganisations')}
        columns={[
          { header: t('province.name'), cell: (o) => o.name },
          {
            header: t('province.kind'),
            cell: (o) => t(`campaigns.orgTypes.${o.type}`, { defaultValue: o.type }),
          },
          { header: t('campaigns.inviteCode'), cell: (o) => <Code fz="md">{o.code}</Code> },
          {
            header: t('dashboard.province'),
            cell: (o) => name(provinceOf(areas.data, o.province), o.province),
          },
          { header: t('campaigns.link'), cell: (o) => <Code>{o.installUrl}</Code> },
          { header: t('dashboard.installs'), align: 'right', cell: (o) => cell(o.installs) },
          {
            header: t('common.actions'),
            cell: (o) => (
              <CampaignActions
                posterUrl={o.posterUrl}
                onDelete={canEdit ? () => remove.mutate(o.code) : undefined}
              />
            ),
          },
        ]}
      />
    </CampaignPanel>
  );
}

function NewOrganisationForm() {
  const { t } = useTranslation();
  const user = useUser();
  const [orgName, setOrgName] = useState('');
  const [type, setType] = useState<string>('company');
  const [province, setProvince] = useState<string | null>(user.province);
  const [district, setDistrict] = useState<string | null>(null);
  const create = useCampaignChange(createIn(CAMPAIGN_ROUTES.organisations));
  const submit = () => {
    create.mutate(
      { name: orgName, type, ...(province ? { province } : {}), ...(district ? { district } : {}) },
      { onSuccess: () => setOrgName('') },
    );
  };
  return (
    <CampaignForm
      id="new-org"
      title={t('campaigns.newOrganisation')}
      submitLabel={t('campaigns.addOrganisation')}
      onSubmit={submit}
      change={create}
      canSubmit={orgName !== '' && province !== null}
    >
      <Group grow align="flex-start" wrap="wrap">
        <TextField
          label={t('province.name')}
          value={orgName}
          onChange={setOrgName}
          required
          maxLength={200}
          miw={220}
        />
        <Select
          label={t('province.kind')}
          value={type}
          onChange={(v) => v && setType(v)}
          data={ORGANISATION_TYPES.map((o) => ({ value: o, label: t(`campaigns.orgTypes.${o}`) }))}
          allowDeselect={false}
          miw={150}
        />
        <ProvinceDistrictSelects
          province={province}
          onProvince={setProvince}
          district={district}
          onDistrict={setDistrict}
          disabled={user.province !== null}
          required
        />
      </Group>
    </CampaignForm>
  );
}
