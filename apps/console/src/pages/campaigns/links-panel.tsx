import {
  Anchor,
  Button,
  CopyButton,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiPath } from '../../api/adoption.js';
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
import { ErrorAlert } from '../../components/error-alert.js';
import { NotAvailable } from '../../components/not-available.js';
import { useCanEditCampaigns, useProvinceChoices } from './scope.js';

/** Tracked install links per channel, with the SMS text ready to send and the poster PDF. */
export function LinksPanel() {
  const { t, i18n } = useTranslation();
  const links = useLinks();
  const canEdit = useCanEditCampaigns();
  const remove = useCampaignChange(deleteAt(CAMPAIGN_ROUTES.link));
  const cell = useCell();
  const rows = links.data?.links ?? [];
  return (
    <Stack>
      {canEdit && !links.notAvailable ? <NewLinkForm /> : null}
      <Paper withBorder p="md">
        {links.notAvailable ? (
          <NotAvailable route={apiPath(CAMPAIGN_ROUTES.links)} />
        ) : (
          <ErrorAlert error={links.error ?? remove.error} />
        )}
        {links.data && rows.length === 0 ? <Text c="dimmed">{t('campaigns.noLinks')}</Text> : null}
        {rows.length ? (
          <Table.ScrollContainer minWidth={860}>
            <Table striped data-testid="links">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('campaigns.channel')}</Table.Th>
                  <Table.Th>{t('campaigns.sms')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.installs')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((link) => {
                  const sms = i18n.language === 'en' ? link.sms.en : link.sms.vi;
                  return (
                    <Table.Tr key={link.code} data-link={link.code}>
                      <Table.Td>
                        {t(`campaigns.channels.${link.channel}`, { defaultValue: link.channel })}
                        <Text size="xs" c="dimmed">
                          {link.label || link.code}
                        </Text>
                      </Table.Td>
                      <Table.Td maw={460}>
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
                      </Table.Td>
                      <Table.Td ta="right">{cell(link.installs)}</Table.Td>
                      <Table.Td>
                        <Group gap={6}>
                          <CopyButton value={sms.text}>
                            {({ copied, copy }) => (
                              <Button size="compact-xs" variant="light" onClick={copy}>
                                {copied ? t('common.copied') : t('campaigns.copySms')}
                              </Button>
                            )}
                          </CopyButton>
                          <Anchor href={link.posterUrl} download size="sm">
                            {t('campaigns.posterPdf')}
                          </Anchor>
                          {canEdit ? (
                            <Button
                              size="compact-xs"
                              variant="outline"
                              color="red"
                              onClick={() => remove.mutate(link.code)}
                            >
                              {t('common.delete')}
                            </Button>
                          ) : null}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Paper>
    </Stack>
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
  const submit = (event: FormEvent) => {
    event.preventDefault();
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
    <Paper withBorder p="md" component="section" aria-labelledby="new-link">
      <form onSubmit={submit}>
        <Stack>
          <Title order={2} size="h4" id="new-link">
            {t('campaigns.newLink')}
          </Title>
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
          <ErrorAlert error={create.error} />
          <Group>
            <Button type="submit" loading={create.isPending} disabled={!province}>
              {t('campaigns.addLink')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
