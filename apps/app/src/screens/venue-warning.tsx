import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCheckIns } from '../checkin/use-check-ins.js';
import { DeclarationForm } from '../components/declaration-form.js';
import { formatDate, formatDateTime } from '../i18n/index.js';

/**
 * Venue warnings: the date, the venue's name (from the phone's own check-in: the server never knew
 * it), the stay, what to do, and the health declaration (sent as F2: a contact at a place where a
 * confirmed case was, the declarations API's nearest level).
 */
export function VenueWarningScreen() {
  const { t, i18n } = useTranslation();
  const { snapshot } = useCheckIns();
  if (snapshot === undefined) return null;
  const newest = snapshot.venueWarnings[0];
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('checkin.venueWarningTitle')}
      </Title>
      {newest === undefined && <Text data-testid="no-venue-warning">{t('checkin.venueWarningNone')}</Text>}
      {snapshot.venueWarnings.map((w) => (
        <Card
          key={`${w.checkInId}/${w.date}`}
          bg="red.9"
          c="white"
          padding="lg"
          role="alert"
          data-testid="venue-warning"
        >
          <Text size="sm">{t('checkin.venueWarningDate')}</Text>
          <Title order={2} size="h3" data-testid="venue-warning-date" data-iso={w.date}>
            {formatDate(w.date, i18n.language)}
          </Title>
          <Text fw={700} mt="xs" data-testid="venue-warning-venue">
            {w.description}
          </Text>
          <Text size="sm">{w.address}</Text>
          <Text size="sm" mt="xs">
            {t('checkin.venueWarningStay', {
              from: formatDateTime(w.checkInStart * 1000, i18n.language),
              to: formatDateTime(w.checkInEnd * 1000, i18n.language),
              minutes: w.overlapMinutes,
            })}
          </Text>
          <Text mt="xs">{t('checkin.venueWarningMeaning')}</Text>
        </Card>
      ))}
      {newest !== undefined && (
        <>
          <Card withBorder padding="md">
            <Title order={2} size="h4">
              {t('checkin.venueWarningWhat')}
            </Title>
            <Text mt="xs" data-testid="venue-guidance">
              {t('checkin.venueWarningGuidance')}
            </Text>
            <Button component="a" href="tel:19009095" mt="sm" size="md" variant="light">
              {t('warning.callHotline')}
            </Button>
          </Card>
          <Text size="sm">{t('checkin.declarationHint')}</Text>
          <DeclarationForm level="F2" exposureDate={newest.date} />
        </>
      )}
    </Stack>
  );
}
