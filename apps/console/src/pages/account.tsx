import type { TotpEnrolment } from '@bluezone/api';
import { Alert, Button, Code, Group, Image, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../api/client.js';
import { useSessionQuery, useUser } from '../api/session.js';
import { ErrorAlert } from '../components/error-alert.js';

/** The signed-in user's account: turn on the authenticator (TOTP) second factor. */
export function AccountPage() {
  const { t } = useTranslation();
  const user = useUser();
  const session = useSessionQuery();
  const client = useQueryClient();
  const [code, setCode] = useState('');
  const [qr, setQr] = useState<string>();
  const enrol = useMutation({ mutationFn: () => post<TotpEnrolment>('/session/totp') });
  const confirm = useMutation({
    mutationFn: () => post<{ totpEnabled: boolean }>('/session/totp/confirm', { code }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['session'] }),
  });
  const uri = enrol.data?.otpauthUri;
  useEffect(() => {
    if (!uri) return;
    let live = true;
    QRCode.toDataURL(uri, { margin: 1, width: 200 }).then((url) => live && setQr(url));
    return () => {
      live = false;
    };
  }, [uri]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate();
  };
  const enabled = session.data?.totpEnabled === true || confirm.data?.totpEnabled === true;

  return (
    <Stack maw={640}>
      <Title order={1} size="h2">
        {t('account.title')}
      </Title>
      <Text>
        {user.username} · {t(`roles.${user.role}`)}
      </Text>
      <Paper withBorder p="md" component="section" aria-labelledby="totp-title">
        <Stack>
          <Title order={2} size="h4" id="totp-title">
            {t('account.totpTitle')}
          </Title>
          {enabled ? (
            <Alert color="green" variant="light" role="status" data-testid="totp-on">
              {t('account.totpOn')}
            </Alert>
          ) : enrol.data ? (
            <form onSubmit={submit}>
              <Stack>
                <Text size="sm">{t('account.scan')}</Text>
                {qr ? <Image src={qr} w={200} h={200} alt={t('account.qrAlt')} /> : null}
                <Text size="sm">
                  {t('account.secret')} <Code data-testid="totp-secret">{enrol.data.secret}</Code>
                </Text>
                <TextInput
                  label={t('signIn.totp')}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  value={code}
                  onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, ''))}
                  required
                />
                <ErrorAlert error={confirm.error} />
                <Group>
                  <Button type="submit" loading={confirm.isPending} disabled={code.length !== 6}>
                    {t('account.confirm')}
                  </Button>
                </Group>
              </Stack>
            </form>
          ) : (
            <>
              <Text size="sm">{t('account.totpHelp')}</Text>
              <ErrorAlert error={enrol.error} />
              <Group>
                <Button onClick={() => enrol.mutate()} loading={enrol.isPending}>
                  {t('account.enrol')}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
