import { Anchor, Button, Card, Group, List, Modal, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataSettingsCard } from '../components/data-settings-card.js';
import { LanguageSwitch } from '../components/language-switch.js';
import { WatchListCard } from '../components/watch-list-card.js';
import { useApp, usePhone } from '../runtime/app-context.js';

/** Language, what is stored, delete all my data, about and privacy. */
export function SettingsScreen() {
  const { t } = useTranslation();
  const { deleteAllData } = useApp();
  const phone = usePhone();
  const [counts, setCounts] = useState({ keys: 0, sightings: 0 });
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  useEffect(() => {
    void Promise.all([phone.device.ownKeys.all(), phone.device.status()]).then(([keys, status]) =>
      setCounts({ keys: keys.length, sightings: status.sightingsStored }),
    );
  }, [phone]);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('settings.title')}
      </Title>
      <Card withBorder padding="md">
        <Title order={2} size="h4" mb="xs">
          {t('settings.language')}
        </Title>
        <LanguageSwitch />
      </Card>
      <WatchListCard />
      <DataSettingsCard />
      <Card withBorder padding="md">
        <Title order={2} size="h4">
          {t('settings.storedTitle')}
        </Title>
        <List spacing={4} mt="xs" size="sm">
          <List.Item>{t('settings.stored1')}</List.Item>
          <List.Item>{t('settings.stored2')}</List.Item>
          <List.Item>{t('settings.stored3')}</List.Item>
          <List.Item>{t('settings.stored4')}</List.Item>
        </List>
        <Text mt="xs" fw={600} data-testid="stored-counts">
          {t('settings.storedCount', counts)}
        </Text>
      </Card>
      <Card withBorder padding="md">
        <Title order={2} size="h4">
          {t('settings.aboutTitle')}
        </Title>
        <Text mt="xs" size="sm">
          {t('settings.about')}
        </Text>
        <Group mt="xs" gap="md">
          <Anchor component={Link} to="/invite">
            {t('settings.invite')}
          </Anchor>
          <Anchor component={Link} to="/notices">
            {t('settings.notices')}
          </Anchor>
        </Group>
        <Text mt="xs" size="xs" c="dimmed">
          {t('settings.version', { version: '0.1.0' })}
        </Text>
      </Card>
      <Card withBorder padding="md" style={{ borderColor: 'var(--mantine-color-red-7)' }}>
        <Title order={2} size="h4">
          {t('settings.deleteTitle')}
        </Title>
        <Text mt="xs" size="sm">
          {t('settings.deleteText')}
        </Text>
        <Button mt="sm" color="red.8" size="md" onClick={() => setConfirming(true)}>
          {t('settings.delete')}
        </Button>
      </Card>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('settings.deleteConfirm')}
        centered
      >
        <Group grow>
          <Button variant="default" onClick={() => setConfirming(false)}>
            {t('report.cancel')}
          </Button>
          <Button
            color="red.8"
            loading={deleting}
            data-testid="confirm-delete"
            onClick={() => {
              setDeleting(true);
              void deleteAllData();
            }}
          >
            {t('settings.deleteYes')}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
