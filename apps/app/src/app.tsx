import { Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { AppLayout } from './components/app-layout.js';
import { useApp } from './runtime/app-context.js';
import { CheckInConfirmScreen } from './screens/checkin-confirm.js';
import { CheckInScanScreen } from './screens/checkin-scan.js';
import { CheckInsScreen } from './screens/checkins.js';
import { DoorCardScreen } from './screens/door-card.js';
import { FirstRunScreen } from './screens/first-run.js';
import { HistoryScreen } from './screens/history.js';
import { HomeScreen } from './screens/home.js';
import { InviteScreen } from './screens/invite.js';
import { NoticesScreen } from './screens/notices.js';
import { ReportScreen } from './screens/report.js';
import { SettingsScreen } from './screens/settings.js';
import { VenueWarningScreen } from './screens/venue-warning.js';
import { WarningScreen } from './screens/warning.js';

export function App() {
  const { phase, retry } = useApp();
  const { t } = useTranslation();
  if (phase.kind === 'loading')
    return (
      <Center h="100dvh" role="status">
        <Stack align="center">
          <Loader aria-hidden />
          <Text>{t('app.loading')}</Text>
        </Stack>
      </Center>
    );
  if (phase.kind === 'no-config')
    return (
      <Center h="100dvh" p="md">
        <Stack align="center">
          <Text role="alert">{t('app.noConfig')}</Text>
          <Button onClick={retry}>{t('app.retry')}</Button>
        </Stack>
      </Center>
    );
  if (phase.kind === 'first-run') return <FirstRunScreen />;
  return (
    <AppLayout>
      <Routes>
        <Route path="/" element={<HomeScreen />} />
        <Route path="/history" element={<HistoryScreen />} />
        <Route path="/warning" element={<WarningScreen />} />
        <Route path="/report" element={<ReportScreen />} />
        <Route path="/notices" element={<NoticesScreen />} />
        <Route path="/invite" element={<InviteScreen />} />
        <Route path="/settings" element={<SettingsScreen />} />
        <Route path="/checkin" element={<CheckInScanScreen />} />
        <Route path="/checkin/confirm" element={<CheckInConfirmScreen />} />
        <Route path="/c" element={<CheckInConfirmScreen />} />
        <Route path="/checkins" element={<CheckInsScreen />} />
        <Route path="/door" element={<DoorCardScreen />} />
        <Route path="/venue-warning" element={<VenueWarningScreen />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </AppLayout>
  );
}
