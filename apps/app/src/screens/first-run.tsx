import { Button, Checkbox, Container, List, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BluezoneMark } from '../components/icons.js';
import { LanguageSwitch } from '../components/language-switch.js';
import { notificationPermission } from '../platform/browser-ports.js';
import { useApp } from '../runtime/app-context.js';
import { areaName, loadProvinces, type Province } from '../runtime/areas.js';

const STEPS = 4;

/** What the app does and does not do, consent, the optional area, permissions explained before asked. */
export function FirstRunScreen() {
  const { t, i18n } = useTranslation();
  const { phase, finishFirstRun } = useApp();
  const [step, setStep] = useState(0);
  const [consent, setConsent] = useState(false);
  const [provinces, setProvinces] = useState<Province[] | undefined>();
  const [province, setProvince] = useState<string | null>(null);
  const [district, setDistrict] = useState<string | null>(null);
  const [permission, setPermission] = useState(notificationPermission());
  const [starting, setStarting] = useState(false);
  const org = new URLSearchParams(window.location.search).get('org')?.slice(0, 64) ?? undefined;
  const demo = phase.kind === 'first-run' && phase.config.demoAir !== undefined;

  const config = phase.kind === 'first-run' ? phase.config : undefined;
  useEffect(() => {
    if (config) void loadProvinces(config).then(setProvinces);
    else setProvinces([]);
  }, [config]);
  const districts = provinces?.find((p) => p.code === province)?.districts ?? [];
  const next = () => setStep((s) => s + 1);

  return (
    <Container size="xs" p="md">
      <Stack gap="md">
        <Stack gap={4} align="center">
          <BluezoneMark size={64} />
          <LanguageSwitch />
          <Text size="sm" c="dimmed">
            {t('firstRun.stepLabel', { step: step + 1, total: STEPS })}
          </Text>
        </Stack>
        {step === 0 && (
          <>
            <Title order={1} size="h2">
              {t('firstRun.welcomeTitle')}
            </Title>
            <Text>{t('firstRun.welcomeIntro')}</Text>
            <Title order={2} size="h4">
              {t('firstRun.doesTitle')}
            </Title>
            <List spacing="xs">
              <List.Item>{t('firstRun.does1')}</List.Item>
              <List.Item>{t('firstRun.does2')}</List.Item>
              <List.Item>{t('firstRun.does3')}</List.Item>
            </List>
            <Title order={2} size="h4">
              {t('firstRun.doesNotTitle')}
            </Title>
            <List spacing="xs">
              <List.Item>{t('firstRun.doesNot1')}</List.Item>
              <List.Item>{t('firstRun.doesNot2')}</List.Item>
              <List.Item>{t('firstRun.doesNot3')}</List.Item>
            </List>
            {org && <Text fw={600}>{t('firstRun.orgInvite', { org })}</Text>}
            <Button size="lg" onClick={next}>
              {t('firstRun.continue')}
            </Button>
          </>
        )}
        {step === 1 && (
          <>
            <Title order={1} size="h2">
              {t('firstRun.consentTitle')}
            </Title>
            <Text>{t('firstRun.consentText')}</Text>
            <Checkbox
              size="md"
              checked={consent}
              onChange={(e) => setConsent(e.currentTarget.checked)}
              label={t('firstRun.consentCheck')}
            />
            <Button size="lg" disabled={!consent} onClick={next}>
              {t('firstRun.continue')}
            </Button>
          </>
        )}
        {step === 2 && (
          <>
            <Title order={1} size="h2">
              {t('firstRun.areaTitle')}
            </Title>
            <Text>{t('firstRun.areaText')}</Text>
            {provinces !== undefined && provinces.length === 0 && (
              <Text c="dimmed">{t('firstRun.areasUnavailable')}</Text>
            )}
            {provinces !== undefined && provinces.length > 0 && (
              <>
                <Select
                  size="md"
                  label={t('firstRun.province')}
                  placeholder={t('firstRun.choose')}
                  data={provinces.map((p) => ({ value: p.code, label: areaName(p, i18n.language) }))}
                  value={province}
                  onChange={(value) => {
                    setProvince(value);
                    setDistrict(null);
                  }}
                  searchable
                />
                <Select
                  size="md"
                  label={t('firstRun.district')}
                  placeholder={t('firstRun.choose')}
                  data={districts.map((d) => ({ value: d.code, label: areaName(d, i18n.language) }))}
                  value={district}
                  onChange={setDistrict}
                  disabled={districts.length === 0}
                  searchable
                />
              </>
            )}
            <Button size="lg" onClick={next}>
              {province ? t('firstRun.continue') : t('firstRun.skip')}
            </Button>
          </>
        )}
        {step === 3 && (
          <>
            <Title order={1} size="h2">
              {t('firstRun.permissionsTitle')}
            </Title>
            <Text>{t('firstRun.bluetoothWhy')}</Text>
            {demo && <Text c="dimmed">{t('firstRun.bluetoothDemo')}</Text>}
            <Text>{t('firstRun.notificationsWhy')}</Text>
            {permission === 'default' && (
              <Button
                variant="light"
                size="md"
                onClick={() => void Notification.requestPermission().then(setPermission)}
              >
                {t('firstRun.allowNotifications')}
              </Button>
            )}
            {permission === 'granted' && <Text c="green.9">{t('firstRun.notificationsGranted')}</Text>}
            {(permission === 'denied' || permission === 'unsupported') && (
              <Text c="dimmed">{t('firstRun.notificationsDenied')}</Text>
            )}
            <Button
              size="lg"
              loading={starting}
              onClick={() => {
                setStarting(true);
                void finishFirstRun({
                  province: province ?? undefined,
                  district: district ?? undefined,
                  org,
                });
              }}
            >
              {t('firstRun.start')}
            </Button>
          </>
        )}
      </Stack>
    </Container>
  );
}
