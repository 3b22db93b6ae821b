import { AppShell, Group, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import classes from './app-layout.module.css';
import { BluezoneMark } from './icons.js';

const TABS = [
  { to: '/', key: 'home', glyph: '⌂' },
  { to: '/history', key: 'history', glyph: '◷' },
  { to: '/report', key: 'report', glyph: '✚' },
  { to: '/notices', key: 'notices', glyph: 'ℹ' },
  { to: '/settings', key: 'settings', glyph: '⚙' },
] as const;

/** Header with the name, the screen, and a bottom bar of five large tabs (thumb-reachable at 360 px). */
export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <AppShell header={{ height: 56 }} footer={{ height: 68 }} padding="md">
      <AppShell.Header className={classes.header}>
        <Group h="100%" px="md" gap="xs" wrap="nowrap">
          <BluezoneMark size={32} />
          <Text fw={700} fz="lg" c="white">
            {t('app.name')}
          </Text>
          <Text fz="sm" c="blue.1" truncate>
            {t('app.tagline')}
          </Text>
        </Group>
      </AppShell.Header>
      <AppShell.Main className={classes.main}>{children}</AppShell.Main>
      <AppShell.Footer component="nav" aria-label={t('nav.label')}>
        <Group grow h="100%" gap={0} wrap="nowrap">
          {TABS.map((tab) => (
            <UnstyledButton
              key={tab.key}
              component={NavLink}
              to={tab.to}
              end={tab.to === '/'}
              className={classes.tab}
            >
              <span aria-hidden className={classes.glyph}>
                {tab.glyph}
              </span>
              <span className={classes.label}>{t(`nav.${tab.key}`)}</span>
            </UnstyledButton>
          ))}
        </Group>
      </AppShell.Footer>
    </AppShell>
  );
}
