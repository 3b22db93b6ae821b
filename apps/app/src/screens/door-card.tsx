import { Button, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { BluezoneMark } from '../components/icons.js';
import { usePhone } from '../runtime/app-context.js';
import { usePhoneSnapshot } from '../runtime/use-snapshot.js';
import classes from './door-card.module.css';

const ZONE = 'Asia/Ho_Chi_Minh';
const dayOf = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(ms));
const clockOf = (ms: number, language: string, seconds: boolean) =>
  new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'vi-VN', {
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    timeZone: ZONE,
  }).format(new Date(ms));

/**
 * "Trình diện khi vào cơ quan": a full-screen card a guard reads at a glance — green when the app
 * synced today (Vietnam's date), the time of that sync, a live clock with seconds and a moving ring
 * so a screenshot is spotted, and whether a warning is in force. No name, no identifier.
 */
export function DoorCardScreen() {
  const { t, i18n } = useTranslation();
  const phone = usePhone();
  const snapshot = usePhoneSnapshot();
  const navigate = useNavigate();
  const [now, setNow] = useState(() => phone.clock.nowMs());
  useEffect(() => {
    const timer = setInterval(() => setNow(phone.clock.nowMs()), 250);
    return () => clearInterval(timer);
  }, [phone]);
  if (snapshot === undefined) return null;
  const last = snapshot.status.lastSuccessfulCheckMs;
  const syncedToday = last !== null && dayOf(last) === dayOf(now);
  const warned = snapshot.warning !== null;
  const state = !syncedToday ? 'stale' : warned ? 'warned' : 'ok';
  return (
    <div className={classes.door} data-state={state} data-testid="door-card" role="dialog" aria-modal="true">
      <Stack align="center" gap="sm" className={classes.inner}>
        <div className={classes.ring} aria-hidden>
          <BluezoneMark size={72} />
        </div>
        <Title order={1} size="h2" ta="center">
          {t('checkin.doorTitle')}
        </Title>
        <Text fz="3rem" fw={800} lh={1} data-testid="door-clock" aria-label={t('checkin.doorNow')}>
          {clockOf(now, i18n.language, true)}
        </Text>
        <Text fz="lg" fw={700} ta="center" data-testid="door-sync" data-synced-today={syncedToday}>
          {syncedToday && last !== null
            ? t('checkin.doorSynced', { time: clockOf(last, i18n.language, false) })
            : t('checkin.doorNotSynced')}
        </Text>
        {!syncedToday && <Text ta="center">{t('checkin.doorNotSyncedHelp')}</Text>}
        <Text fz="lg" ta="center">
          {warned ? t('checkin.doorWarned') : t('checkin.doorNoWarning')}
        </Text>
        <Text size="sm" ta="center">
          {t('checkin.doorNoIdentity')}
        </Text>
        <Button variant="white" color="dark" size="md" onClick={() => navigate(-1)}>
          {t('checkin.doorClose')}
        </Button>
      </Stack>
    </div>
  );
}
