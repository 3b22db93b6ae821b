import { AppShell, Badge, Burger, Button, Center, Group, Loader, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, NavLink as RouterNavLink, useLocation } from 'react-router';
import { provinceOf, useAreaName, useAreas } from '../api/areas.js';
import { UserProvider, useSessionQuery, useSignOut } from '../api/session.js';
import { ErrorAlert } from './error-alert.js';
import { LanguageSwitch } from './language-switch.js';
import { navigationFor } from './navigation.js';

/** The signed-in frame: header (user, language, sign out) and the navigation the user's role allows. */
export function Layout() {
  const { t } = useTranslation();
  const session = useSessionQuery();
  const signOut = useSignOut();
  const location = useLocation();
  const areas = useAreas();
  const areaName = useAreaName();
  const [opened, { toggle, close }] = useDisclosure(false);

  if (session.isPending)
    return (
      <Center h="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (session.isError) return <ErrorAlert error={session.error} />;
  if (!session.data) {
    const next = location.pathname === '/' ? '' : `?next=${encodeURIComponent(location.pathname)}`;
    return <Navigate to={`/sign-in${next}`} replace />;
  }
  const { user } = session.data;
  const province = provinceOf(areas.data, user.province);

  return (
    <UserProvider user={user}>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="md"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
              <Title order={1} size="h4" c="bluezone.7">
                Bluezone
              </Title>
              <Text size="sm" c="dimmed" visibleFrom="md">
                {t('app.subtitle')}
              </Text>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <LanguageSwitch />
              <Text size="sm" visibleFrom="sm" data-testid="signed-in-user">
                {user.username}
              </Text>
              <Badge variant="light" visibleFrom="sm">
                {t(`roles.${user.role}`)}
                {user.province ? ` · ${areaName(province, user.province)}` : ''}
              </Badge>
              <Button
                variant="default"
                size="xs"
                onClick={() => signOut.mutate()}
                loading={signOut.isPending}
              >
                {t('nav.signOut')}
              </Button>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
          <nav>
            {navigationFor(user).map((item) => (
              <NavLink
                key={item.to}
                component={RouterNavLink}
                to={item.to}
                end={item.end}
                active={item.end ? location.pathname === item.to : location.pathname.startsWith(item.to)}
                label={t(item.label)}
                onClick={close}
              />
            ))}
          </nav>
        </AppShell.Navbar>
        <AppShell.Main>
          <Suspense fallback={<Loader aria-label={t('common.loading')} />}>
            <Outlet />
          </Suspense>
        </AppShell.Main>
      </AppShell>
    </UserProvider>
  );
}
