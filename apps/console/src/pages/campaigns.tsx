import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ImportPanel } from './campaigns/import-panel.js';
import { LinksPanel } from './campaigns/links-panel.js';
import { OrganisationsPanel } from './campaigns/organisations-panel.js';
import { useCanEditCampaigns } from './campaigns/scope.js';
import { TargetsPanel } from './campaigns/targets-panel.js';

/** Install campaigns: targets, organisations with invite codes, tracked links (SMS text, poster), imports. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const canEdit = useCanEditCampaigns();
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('campaigns.title')}
      </Title>
      <Tabs defaultValue="targets" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="targets">{t('campaigns.targets')}</Tabs.Tab>
          <Tabs.Tab value="organisations">{t('campaigns.organisations')}</Tabs.Tab>
          <Tabs.Tab value="links">{t('campaigns.links')}</Tabs.Tab>
          {canEdit ? <Tabs.Tab value="import">{t('campaigns.importTab')}</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="targets" pt="md">
          <TargetsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="organisations" pt="md">
          <OrganisationsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="links" pt="md">
          <LinksPanel />
        </Tabs.Panel>
        {canEdit ? (
          <Tabs.Panel value="import" pt="md">
            <ImportPanel />
          </Tabs.Panel>
        ) : null}
      </Tabs>
    </Stack>
  );
}
