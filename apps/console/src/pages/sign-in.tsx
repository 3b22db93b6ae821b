import { Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../api/client.js';
import { useSessionQuery, useSignIn } from '../api/session.js';
import { ErrorAlert } from '../components/error-alert.js';
import { LanguageSwitch } from '../components/language-switch.js';
import { startPageOf } from '../components/navigation.js';

/** Username and password, then the authenticator code when the account asks for one. */
export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const session = useSessionQuery();
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [askTotp, setAskTotp] = useState(false);

  if (session.data) return <Navigate to={startPageOf(session.data.user)} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate(
      { username, password, ...(askTotp && totp ? { totp } : {}) },
      {
        onSuccess: (signedIn) => {
          const next = params.get('next');
          navigate(next?.startsWith('/') && !next.startsWith('//') ? next : startPageOf(signedIn.user), {
            replace: true,
          });
        },
        onError: (error) => {
          if (isApiError(error, 'totp_required')) setAskTotp(true);
        },
      },
    );
  };
  const totpAsked = isApiError(signIn.error, 'totp_required');

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper component="main" withBorder shadow="sm" p="xl" w={420} maw="100%">
        <form onSubmit={submit} noValidate>
          <Stack>
            <Group justify="space-between" align="flex-start">
              <div>
                <Title order={1} size="h2" c="bluezone.7">
                  Bluezone
                </Title>
                <Text size="sm" c="dimmed">
                  {t('app.subtitle')}
                </Text>
              </div>
              <LanguageSwitch />
            </Group>
            <Title order={2} size="h4">
              {t('signIn.title')}
            </Title>
            {signIn.error && !totpAsked ? <ErrorAlert error={signIn.error} /> : null}
            <TextInput
              label={t('signIn.username')}
              name="username"
              autoComplete="username"
              required
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
            />
            <PasswordInput
              label={t('signIn.password')}
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            {askTotp ? (
              <TextInput
                label={t('signIn.totp')}
                description={t('signIn.totpHelp')}
                name="totp"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                autoFocus
                value={totp}
                onChange={(e) => setTotp(e.currentTarget.value.replace(/\D/g, ''))}
              />
            ) : null}
            <Button type="submit" loading={signIn.isPending} disabled={!username || !password}>
              {t('signIn.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
