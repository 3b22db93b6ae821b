import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCheckIns } from '../checkin/use-check-ins.js';
import { VenueWarningBanner } from './venue-warning-banner.js';

/** The home screen's venue check-in: a venue warning if any, scan, the list, and the door card. */
export function CheckInShortcuts() {
  const { t } = useTranslation();
  const { snapshot } = useCheckIns();
  const active = snapshot?.checkIns.find((c) => c.active);
  return (
    <>
      <VenueWarningBanner warnings={snapshot?.venueWarnings ?? []} />
      <Card withBorder padding="md">
        <Title order={2} size="h4">
          {t('checkin.title')}
        </Title>
        {active ? (
          <Text size="sm" data-testid="active-check-in">
            {t('checkin.active')}: {active.description}
          </Text>
        ) : (
          <Text size="sm">{t('checkin.intro')}</Text>
        )}
        <Stack gap="xs" mt="sm">
          <Button component={Link} to="/checkin" size="md">
            {t('checkin.scan')}
          </Button>
          <Button component={Link} to="/checkins" size="md" variant="light">
            {t('checkin.myCheckIns')}
          </Button>
          <Button component={Link} to="/door" size="md" variant="light" color="green">
            {t('checkin.door')}
          </Button>
        </Stack>
      </Card>
    </>
  );
}
