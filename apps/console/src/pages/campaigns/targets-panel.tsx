import { Group, NumberInput, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CAMPAIGN_ROUTES,
  createIn,
  deleteAt,
  TARGET_KINDS,
  useCampaignChange,
  useTargets,
} from '../../api/campaigns.js';
import { useUser } from '../../api/session.js';
import { todayIso } from '../../components/format.js';
import { TargetsTable } from '../province/targets-table.js';
import { CampaignForm, CampaignPanel } from './campaign-panel.js';
import { useCanEditCampaigns, useProvinceChoices } from './scope.js';

/** Targets with their progress; national administrators and provincial officers add and remove them. */
export function TargetsPanel() {
  const targets = useTargets();
  const canEdit = useCanEditCampaigns();
  const remove = useCampaignChange(deleteAt(CAMPAIGN_ROUTES.target));
  return (
    <CampaignPanel
      route={CAMPAIGN_ROUTES.targets}
      notAvailable={targets.notAvailable}
      error={targets.error ?? remove.error}
      form={<NewTargetForm />}
    >
      {targets.data ? (
        <TargetsTable
          targets={targets.data.targets}
          {...(canEdit ? { onDelete: (id) => remove.mutate(id) } : {})}
        />
      ) : null}
    </CampaignPanel>
  );
}

function NewTargetForm() {
  const { t } = useTranslation();
  const user = useUser();
  const provinces = useProvinceChoices();
  const [area, setArea] = useState<string | null>(user.province ?? 'VN');
  const [kind, setKind] = useState<string>('smartphone_share');
  const [share, setShare] = useState<number | string>(60);
  const [baseCount, setBaseCount] = useState<number | string>('');
  const [deadline, setDeadline] = useState(todayIso(new Date(Date.now() + 30 * 86_400_000)));
  const [label, setLabel] = useState('');
  const create = useCampaignChange(createIn(CAMPAIGN_ROUTES.targets));
  const submit = () => {
    create.mutate({
      area,
      kind,
      deadline,
      ...(kind === 'absolute' ? {} : { share: Number(share) / 100 }),
      ...(kind === 'population_share' || baseCount === '' ? {} : { baseCount: Number(baseCount) }),
      ...(label ? { label } : {}),
    });
  };
  const areas = [
    ...(user.province === null ? [{ value: 'VN', label: t('campaigns.wholeCountry') }] : []),
    ...provinces,
  ];

  return (
    <CampaignForm
      id="new-target"
      title={t('campaigns.newTarget')}
      submitLabel={t('campaigns.addTarget')}
      onSubmit={submit}
      change={create}
    >
      <Group grow align="flex-start" wrap="wrap">
        <Select
          label={t('targets.area')}
          value={area}
          onChange={setArea}
          data={areas}
          searchable
          allowDeselect={false}
          miw={180}
        />
        <Select
          label={t('campaigns.targetKind')}
          value={kind}
          onChange={(v) => v && setKind(v)}
          data={TARGET_KINDS.map((k) => ({ value: k, label: t(`campaigns.targetKinds.${k}`) }))}
          allowDeselect={false}
          miw={200}
        />
        {kind !== 'absolute' ? (
          <NumberInput
            label={t('campaigns.sharePercent')}
            value={share}
            onChange={setShare}
            min={1}
            max={100}
            suffix=" %"
            miw={120}
          />
        ) : null}
        {kind !== 'population_share' ? (
          <NumberInput
            label={t(kind === 'absolute' ? 'campaigns.users' : 'campaigns.smartphoneUsers')}
            value={baseCount}
            onChange={setBaseCount}
            min={1}
            thousandSeparator="."
            decimalSeparator=","
            required
            miw={160}
          />
        ) : null}
        <TextInput
          type="date"
          label={t('targets.deadline')}
          value={deadline}
          onChange={(e) => setDeadline(e.currentTarget.value)}
          required
          miw={150}
        />
      </Group>
      <TextInput
        label={t('campaigns.label')}
        value={label}
        onChange={(e) => setLabel(e.currentTarget.value)}
        maxLength={200}
      />
    </CampaignForm>
  );
}
