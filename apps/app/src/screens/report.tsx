import { isDeviceError, type PreparedUpload } from '@bluezone/device';
import { Alert, Button, Card, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckInShareConsent, CheckInShareOutcome } from '../components/check-in-share-consent.js';
import { VisitedProvinces } from '../components/visited-provinces.js';
import { formatDate } from '../i18n/index.js';
import { usePhone } from '../runtime/app-context.js';

type Step =
  | { kind: 'enter'; error?: string }
  | { kind: 'checking' }
  | { kind: 'review'; prepared: PreparedUpload; error?: string }
  | { kind: 'sending'; prepared: PreparedUpload }
  | { kind: 'pending' }
  | { kind: 'done'; keyCount: number };

/** Network trouble keeps the upload for later; every other failure is explained and the code asked again. */
const KEEPS_PENDING = new Set(['upload_network', 'upload_server_busy']);

function errorCode(error: unknown): string {
  return isDeviceError(error) ? error.code : 'unknown';
}

/** Enter the code (or open a `?code=` link), see exactly what will be shared, confirm, see the result. */
export function ReportScreen() {
  const { t, i18n } = useTranslation();
  const phone = usePhone();
  const [code, setCode] = useState(
    () => new URLSearchParams(window.location.search).get('code')?.slice(0, 64) ?? '',
  );
  const [step, setStep] = useState<Step>({ kind: 'enter' });
  const [checkIns, setCheckIns] = useState<readonly string[] | null>(null);
  const [visited, setVisited] = useState<string[]>([]);

  useEffect(() => {
    void phone.uploadConfirmed().then((waiting) => waiting && setStep({ kind: 'pending' }));
  }, [phone]);

  const check = async () => {
    setStep({ kind: 'checking' });
    try {
      setStep({ kind: 'review', prepared: await phone.device.prepareUpload(code) });
    } catch (error) {
      setStep({ kind: 'enter', error: errorCode(error) });
    }
  };
  const share = async (prepared: PreparedUpload) => {
    setStep({ kind: 'sending', prepared });
    try {
      setStep({
        kind: 'done',
        keyCount: (await phone.confirmUpload(prepared, visited, checkIns ?? [])).keyCount,
      });
    } catch (error) {
      const code = errorCode(error);
      setStep(KEEPS_PENDING.has(code) ? { kind: 'pending' } : { kind: 'enter', error: code });
    }
  };
  const retry = async () => {
    try {
      const result = await phone.retryConfirmedUpload();
      setStep(result === null ? { kind: 'enter' } : { kind: 'done', keyCount: result.keyCount });
    } catch (error) {
      const code = errorCode(error);
      if (!KEEPS_PENDING.has(code)) setStep({ kind: 'enter', error: code });
    }
  };
  const message = (code: string) => t(`report.errors.${code}`, { defaultValue: t('report.errors.unknown') });

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('report.title')}
      </Title>
      {(step.kind === 'enter' || step.kind === 'checking') && (
        <>
          <Text>{t('report.intro')}</Text>
          <TextInput
            size="lg"
            label={t('report.code')}
            description={t('report.codeHelp')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            inputMode="text"
            autoComplete="one-time-code"
            data-testid="code-input"
            error={step.kind === 'enter' && step.error ? message(step.error) : undefined}
          />
          <Button size="lg" loading={step.kind === 'checking'} disabled={code.trim() === ''} onClick={check}>
            {t('report.next')}
          </Button>
        </>
      )}
      {(step.kind === 'review' || step.kind === 'sending') && (
        <Card withBorder padding="md" data-testid="upload-review">
          <Title order={2} size="h4">
            {t('report.whatTitle')}
          </Title>
          <Text mt="xs">
            {step.prepared.testType === 'recursive'
              ? t('report.whatRecursive', { count: step.prepared.days.length })
              : t('report.whatConfirmed', { count: step.prepared.days.length })}
          </Text>
          <List size="sm" mt="xs" data-testid="upload-days">
            {step.prepared.days.map((day) => (
              <List.Item key={day}>{formatDate(day, i18n.language)}</List.Item>
            ))}
          </List>
          <Text fw={700} mt="xs" data-testid="upload-key-count" data-count={step.prepared.keyCount}>
            {t('report.keys', { count: step.prepared.keyCount })}
          </Text>
          <Text size="sm" mt="xs">
            {t('report.notShared')}
          </Text>
          <CheckInShareConsent chosen={checkIns} onChange={setCheckIns} />
          <VisitedProvinces value={visited} onChange={setVisited} disabled={step.kind === 'sending'} />
          <Stack mt="md" gap="xs">
            <Button size="lg" loading={step.kind === 'sending'} onClick={() => void share(step.prepared)}>
              {t('report.confirm')}
            </Button>
            <Button
              variant="default"
              size="md"
              disabled={step.kind === 'sending'}
              onClick={() => setStep({ kind: 'enter' })}
            >
              {t('report.cancel')}
            </Button>
          </Stack>
        </Card>
      )}
      {step.kind === 'pending' && (
        <Alert color="yellow" title={t('report.pendingTitle')} data-testid="upload-pending">
          <Text>{t('report.pending')}</Text>
          <Button mt="sm" onClick={() => void retry()}>
            {t('report.retry')}
          </Button>
        </Alert>
      )}
      {step.kind === 'done' && (
        <Alert color="green" title={t('report.doneTitle')} data-testid="upload-done">
          {t('report.done', { count: step.keyCount })}
          <CheckInShareOutcome />
        </Alert>
      )}
    </Stack>
  );
}
