import type { TrackedLink } from '@bluezone/api';
import { Button, CopyButton, Group, Select, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CAMPAIGN_ROUTES,
  CHANNELS,
  createIn,
  deleteAt,
  useCampaignChange,
  useLinks,
  useOrganisations,
} from '../../api/campaigns.js';
import { useUser } from '../../api/session.js';
import { useCell } from '../../components/cells.js';
import { DataTable } from '../../components/data-table.js';
import { CampaignActions, CampaignForm, CampaignPanel } from './campaign-panel.js';
import { useCanEditCampaigns, useProvinceChoices } from './scope.js';

/** Tracked install links per channel, with the SMS text ready to send and the poster PDF. */
export function LinksPanel() {
  const { t, i18n } = useTranslation();
  const links = useLinks();
  const canEdit = useCanEditCampaigns();
  const remove = useCampaignChange(deleteAt(CAMPAIGN_ROUTES.link));
  const cell = useCell();
  const smsOf = (link: TrackedLink) => (i18n.language === 'en' ? link.sms.en : link.sms.vi);
  return (
    <CampaignPanel
      route={CAMPAIGN_ROUTES.links}
      notAvailable={links.notAvailable}
      error={links.error ?? remove.error}
      form={<NewLinkForm />}
    >
      <DataTable
        rows={links.data?.links}
        rowKey={(link) => link.code}
        rowData={(link) => ({ 'data-link': link.code })}
        testId="links"
        minWidth={860}
        empty={t('campaigns.noLinks')}
        columns={[
          {
            header: t('campaigns.channel'),
            cell: (link) => (
              <>
                {t(`campaigns.channels.${link.channel}`, { defaultValue: link.channel })}
                <Text size="xs" c="dimmed">
                  {link.label || link.code}
                </Text>
              </>
            ),
          },
          {
            header: t('campaigns.sms'),
            maw: 460,
            cell: (link) => {
              const sms = smsOf(link);
              return (
                <>
                  <Text size="sm" data-testid="sms-text">
                    {sms.text}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('campaigns.smsLength', {
                      length: sms.length,
                      segments: sms.segments,
                      encoding: sms.encoding,
                    })}
                  </Text>
                </>
              );
            },
          },
          { header: t('dashboard.installs'), align: 'right', cell: (link) => cell(link.installs) },
          {
            header: t('common.actions'),
            cell: (link) => (
              <CampaignActions
                posterUrl={link.posterUrl}
                onDelete={canEdit ? () => remove.mutate(link.code) : undefined}
              >
                <CopyButton value={smsOf(link).text}>
                  {({ copied, copy }) => (
                    <Button size="compact-xs" variant="light" onClick={copy}>
                      {copied ? t('common.copied') : t('campaigns.copySms')}
                    </Button>
                  )}
                </CopyButton>
              </CampaignActions>
            ),
          },
        ]}
      />
    </CampaignPanel>
  );
}

function NewLinkForm() {
  const { t } = useTranslation();
  const user = useUser();
  const provinces = useProvinceChoices();
  const organisations = useOrganisations();
  const [channel, setChannel] = useState<string>('sms:viettel');
  const [province, setProvince] = useState<string | null>(user.province);
  const [organisation, setOrganisation] = useState<string | null>(null);
  const [label, setLabel] = useState('');
  const create = useCampaignChange(createIn(CAMPAIGN_ROUTES.links));
  const submit = () => {
    create.mutate(
      {
        channel,
        ...(province ? { province } : {}),
        ...(organisation ? { organisation } : {}),
        ...(label ? { label } : {}),
      },
      { onSuccess: () => setLabel('') },
    );
  };
  const orgChoices = (organisations.data?.organisations ?? [])
    .filter((o) => o.province === province)
    .map((o) => ({ value: o.code, label: `${o.name} (${o.code})` }));
  return (
    <CampaignForm
      id="new-link"
      title={t('campaigns.newLink')}
      submitLabel={t('campaigns.addLink')}
      onSubmit={submit}
      change={create}
      canSubmit={province !== null}
    >
      <Group grow align="flex-start" wrap="wrap">
        <Select
          label={t('campaigns.channel')}
          value={channel}
          onChange={(v) => v && setChannel(v)}
          data={CHANNELS.map((c) => ({ value: c, label: t(`campaigns.channels.${c}`) }))}
          allowDeselect={false}
          miw={170}
        />
        <Select
          label={t('dashboard.province')}
          value={province}
          onChange={(v) => {
            setProvince(v);
            setOrganisation(null);
          }}
          data={provinces}
          searchable
          disabled={user.province !== null}
          required
          miw={180}
        />
        <Select
          label={t('campaigns.organisation')}
          value={organisation}
          onChange={setOrganisation}
          data={orgChoices}
          clearable
          miw={200}
        />
        <TextInput
          label={t('campaigns.label')}
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
          maxLength={200}
          miw={200}
        />
      </Group>
    </CampaignForm>
  );
}
