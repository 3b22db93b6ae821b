import {
  Anchor,
  Button,
  Code,
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
import { ErrorAlert } from '../../components/error-alert.js';
import { NotAvailable } from '../../components/not-available.js';
import { useCanEditCampaigns, useProvinceChoices } from './scope.js';

/** Unions, companies, schools… with their invite codes, install links, posters and installs. */
export function OrganisationsPanel() {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  const canEdit = useCanEditCampaigns();
  const remove = useCampaignChange(deleteAt(CAMPAIGN_ROUTES.organisation));
  const areas = useAreas();
  const name = useAreaName();
  const cell = useCell();
  const rows = organisations.data?.organisations ?? [];
  return (
    <Stack>
      {canEdit && !organisations.notAvailable ? <NewOrganisationForm /> : null}
      <Paper withBorder p="md">
        {organisations.notAvailable ? (
          <NotAvailable route={apiPath(CAMPAIGN_ROUTES.organisations)} />
        ) : (
          <ErrorAlert error={organisations.error ?? remove.error} />
        )}
        {organisations.data && rows.length === 0 ? (
          <Text c="dimmed">{t('province.noOrganisations')}</Text>
        ) : null}
        {rows.length ? (
          <Table.ScrollContainer minWidth={760}>
            <Table striped data-testid="organisations">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('province.name')}</Table.Th>
                  <Table.Th>{t('province.kind')}</Table.Th>
                  <Table.Th>{t('campaigns.inviteCode')}</Table.Th>
                  <Table.Th>{t('dashboard.province')}</Table.Th>
                  <Table.Th>{t('campaigns.link')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.installs')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((o) => (
                  <Table.Tr key={o.code}>
                    <Table.Td>{o.name}</Table.Td>
                    <Table.Td>{t(`campaigns.orgTypes.${o.type}`, { defaultValue: o.type })}</Table.Td>
                    <Table.Td>
                      <Code fz="md">{o.code}</Code>
                    </Table.Td>
                    <Table.Td>{name(provinceOf(areas.data, o.province), o.province)}</Table.Td>
                    <Table.Td>
                      <Code>{o.installUrl}</Code>
                    </Table.Td>
                    <Table.Td ta="right">{cell(o.installs)}</Table.Td>
                    <Table.Td>
                      <Group gap={6}>
                        <Anchor href={o.posterUrl} download size="sm">
                          {t('campaigns.posterPdf')}
                        </Anchor>
                        {canEdit ? (
                          <Button
                            size="compact-xs"
                            variant="outline"
                            color="red"
                            onClick={() => remove.mutate(o.code)}
                          >
                            {t('common.delete')}
                          </Button>
                        ) : null}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Paper>
    </Stack>
  );
}

function NewOrganisationForm() {
  const { t } = useTranslation();
  const user = useUser();
  const provinces = useProvinceChoices();
  const areas = useAreas();
  const areaName = useAreaName();
  const [orgName, setOrgName] = useState('');
  const [type, setType] = useState<string>('company');
  const [province, setProvince] = useState<string | null>(user.province);
  const [district, setDistrict] = useState<string | null>(null);
  const create = useCampaignChange(createIn(CAMPAIGN_ROUTES.organisations));
  const districts = provinceOf(areas.data, province)?.districts ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name: orgName, type, ...(province ? { province } : {}), ...(district ? { district } : {}) },
      { onSuccess: () => setOrgName('') },
    );
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="new-org">
      <form onSubmit={submit}>
        <Stack>
          <Title order={2} size="h4" id="new-org">
            {t('campaigns.newOrganisation')}
          </Title>
          <Group grow align="flex-start" wrap="wrap">
            <TextInput
              label={t('province.name')}
              value={orgName}
              onChange={(e) => setOrgName(e.currentTarget.value)}
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
            <Select
              label={t('dashboard.province')}
              value={province}
              onChange={(v) => {
                setProvince(v);
                setDistrict(null);
              }}
              data={provinces}
              searchable
              disabled={user.province !== null}
              required
              miw={180}
            />
            <Select
              label={t('province.district')}
              value={district}
              onChange={setDistrict}
              data={districts.map((d) => ({ value: d.code, label: areaName(d) }))}
              searchable
              clearable
              miw={180}
            />
          </Group>
          <ErrorAlert error={create.error} />
          <Group>
            <Button type="submit" loading={create.isPending} disabled={!orgName || !province}>
              {t('campaigns.addOrganisation')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
