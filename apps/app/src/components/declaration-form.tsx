import { Alert, Button, Card, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appClient, offers } from '../runtime/app-client.js';
import { usePhone } from '../runtime/app-context.js';
import { readOnboarding } from '../runtime/prefs.js';

/**
 * The optional declaration to the health authority: phone, name, address, sent only when the
 * person presses send, and only if the deployment accepts declarations. `POST /api/declarations`
 * (docs/api.md, "Declarations") with the device API key, the warning's level and exposure date, and the
 * province chosen in the first run (if any).
 */
export function DeclarationForm({ level, exposureDate }: { level: 'F1' | 'F2'; exposureDate: string }) {
  const { t } = useTranslation();
  const phone = usePhone();
  // Whether the deployment takes declarations: its `/app/config.json` says so (`features`).
  const accepted = offers(phone.config, 'declarations');
  const [form, setForm] = useState({ phone: '', name: '', address: '' });
  const [state, setState] = useState<'idle' | 'sending' | 'sent' | 'failed'>('idle');
  const field = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value }),
  });
  const send = async () => {
    setState('sending');
    try {
      const onboarding = await readOnboarding(phone.store);
      await appClient(phone.config).declare({
        level,
        exposureDate,
        name: form.name.trim(),
        phone: form.phone.trim(),
        address: form.address.trim(),
        ...(onboarding?.province ? { province: onboarding.province } : {}),
      });
      setState('sent');
    } catch {
      setState('failed');
    }
  };
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4">
        {t('declaration.title')}
      </Title>
      {!accepted && (
        <Text mt="xs" data-testid="declarations-not-accepted">
          {t('declaration.notAccepted')}
        </Text>
      )}
      {accepted && state !== 'sent' && (
        <Stack gap="sm" mt="xs">
          <Text size="sm">{t('declaration.intro')}</Text>
          <TextInput
            size="md"
            type="tel"
            autoComplete="tel"
            label={t('declaration.phone')}
            {...field('phone')}
          />
          <TextInput size="md" autoComplete="name" label={t('declaration.name')} {...field('name')} />
          <Textarea
            size="md"
            autoComplete="street-address"
            label={t('declaration.address')}
            {...field('address')}
          />
          {state === 'failed' && (
            <Alert color="red" data-testid="declaration-failed">
              {t('declaration.failed')}
            </Alert>
          )}
          <Button
            size="md"
            loading={state === 'sending'}
            disabled={form.phone.trim() === '' || form.name.trim() === ''}
            onClick={send}
          >
            {t('declaration.send')}
          </Button>
        </Stack>
      )}
      {state === 'sent' && (
        <Alert color="green" data-testid="declaration-sent">
          {t('declaration.sent')}
        </Alert>
      )}
    </Card>
  );
}
