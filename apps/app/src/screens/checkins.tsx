import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useCheckIns } from '../checkin/use-check-ins.js';
import { CheckInCard } from '../components/check-in-card.js';
import { VenueWarningBanner } from '../components/venue-warning-banner.js';

/** The check-ins of the last 14 days, newest first, with check-out, edit and delete. */
export function CheckInsScreen() {
  const { t } = useTranslation();
  const { snapshot } = useCheckIns();
  const checkedIn = (useLocation().state as { checkedIn?: string } | null)?.checkedIn;
  if (snapshot === undefined) return null;
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('checkin.listTitle')}
      </Title>
      {checkedIn && (
        <Alert color="green" data-testid="checked-in">
          {t('checkin.checkedIn', { venue: checkedIn })}
        </Alert>
      )}
      <VenueWarningBanner warnings={snapshot.venueWarnings} />
      <Stack gap="xs">
        <Button component={Link} to="/checkin" size="md">
          {t('checkin.scan')}
        </Button>
        <Button component={Link} to="/door" size="md" variant="light" color="green">
          {t('checkin.door')}
        </Button>
      </Stack>
      <Text size="sm">{t('checkin.listIntro')}</Text>
      {snapshot.checkIns.length === 0 && <Text data-testid="no-check-ins">{t('checkin.listEmpty')}</Text>}
      {snapshot.checkIns.map((checkIn) => (
        <CheckInCard key={checkIn.id} checkIn={checkIn} />
      ))}
    </Stack>
  );
}
