import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CheckInShortcuts } from '../components/check-in-shortcuts.js';
import { DataUsedCard } from '../components/data-used-card.js';
import { BluetoothRune } from '../components/icons.js';
import { Radar } from '../components/radar.js';
import { StatusCard } from '../components/status-card.js';
import { formatDateTime } from '../i18n/index.js';
import { usePhone } from '../runtime/app-context.js';
import { usePhoneSnapshot } from '../runtime/use-snapshot.js';

/** One clear status, Bluetooth, days protected, last check, "check now", and the radar. */
export function HomeScreen() {
  const { t, i18n } = useTranslation();
  const phone = usePhone();
  const snapshot = usePhoneSnapshot();
  const [checking, setChecking] = useState(false);
  if (snapshot === undefined) return null;
  const { status } = snapshot;
  const bluetooth = status.bluetooth === 'unknown' ? 'unsupported' : status.bluetooth;
  const bluetoothTitle = {
    on: t('home.bluetoothOn'),
    off: t('home.bluetoothOff'),
    unauthorized: t('home.bluetoothUnauthorized'),
    unsupported: t('home.bluetoothUnsupported'),
  }[bluetooth];
  const bluetoothHelp = {
    on: undefined,
    off: t('home.bluetoothOffHelp'),
    unauthorized: t('home.bluetoothUnauthorizedHelp'),
    unsupported: t('home.bluetoothUnsupportedHelp'),
  }[bluetooth];
  // This session's last check, else the stored status (the clock may have changed: demo air, offline).
  const stored = status.lastError;
  const errorCode =
    snapshot.syncError !== undefined
      ? snapshot.syncError
      : stored !== null && (status.lastSuccessfulCheckMs ?? 0) <= stored.atMs
        ? stored.code
        : null;

  return (
    <Stack gap="md">
      <VisuallyHidden component="h1">{t('home.title')}</VisuallyHidden>
      <StatusCard warning={snapshot.warning} reported={snapshot.reported} />
      {snapshot.pendingUpload && (
        <Alert color="yellow" title={t('home.pendingUpload')}>
          <Button component={Link} to="/report" variant="white" color="dark" size="sm">
            {t('home.openReport')}
          </Button>
        </Alert>
      )}
      <Card withBorder padding="md" aria-live="polite">
        <Group gap="xs" wrap="nowrap">
          <BluetoothRune color={bluetooth === 'on' ? '#0b5cad' : '#c92a2a'} />
          <Text fw={700} data-testid="bluetooth-state">
            {bluetoothTitle}
          </Text>
        </Group>
        {bluetoothHelp && <Text size="sm">{bluetoothHelp}</Text>}
        {snapshot.demoPhone && (
          <Text
            size="sm"
            c="dimmed"
            mt="xs"
            data-testid="demo-phone"
            data-phone-id={snapshot.demoPhone.phoneId}
          >
            {t('home.demoPerson', {
              person: snapshot.demoPhone.person,
              description: snapshot.demoPhone.description,
            })}
          </Text>
        )}
      </Card>
      <SimpleGrid cols={2}>
        <Card withBorder padding="sm">
          <Text size="sm">{t('home.daysProtected')}</Text>
          <Text fz="1.75rem" fw={700} data-testid="days-protected">
            {status.daysActive}
          </Text>
        </Card>
        <Card withBorder padding="sm">
          <Text size="sm">{t('home.lastCheck')}</Text>
          <Text fw={700} data-testid="last-check">
            {status.lastSuccessfulCheckMs === null
              ? t('home.never')
              : formatDateTime(status.lastSuccessfulCheckMs, i18n.language)}
          </Text>
        </Card>
      </SimpleGrid>
      {errorCode !== null && (
        <Alert color="orange" role="status">
          {errorCode === 'sync_network' ? t('home.checkFailedNetwork') : t('home.checkFailed')}
        </Alert>
      )}
      <Button
        size="lg"
        loading={checking}
        onClick={() => {
          setChecking(true);
          void phone.sync().finally(() => setChecking(false));
        }}
      >
        {checking ? t('home.checking') : t('home.checkNow')}
      </Button>
      <CheckInShortcuts />
      <DataUsedCard snapshot={snapshot} />
      <Radar nearby={snapshot.nearby} />
      <Button component={Link} to="/invite" variant="light" size="md">
        {t('home.invite')}
      </Button>
    </Stack>
  );
}
