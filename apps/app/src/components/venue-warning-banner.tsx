import type { VenueWarning } from '@bluezone/device';
import { Alert, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../i18n/index.js';

/** The newest venue warning, with a link to what to do; nothing when there is none. */
export function VenueWarningBanner({ warnings }: { warnings: readonly VenueWarning[] }) {
  const { t, i18n } = useTranslation();
  const newest = warnings[0];
  if (newest === undefined) return null;
  return (
    <Alert
      color="red"
      variant="filled"
      role="alert"
      title={t('checkin.venueWarningTitle')}
      data-testid="venue-warning-banner"
    >
      {t('checkin.venueWarningBanner', {
        venue: newest.description,
        date: formatDate(newest.date, i18n.language),
      })}
      <Button
        component={Link}
        to="/venue-warning"
        variant="white"
        color="dark"
        size="sm"
        mt="sm"
        display="block"
      >
        {t('checkin.venueWarningOpen')}
      </Button>
    </Alert>
  );
}
