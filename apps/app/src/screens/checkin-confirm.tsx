import type { VenuePreview } from '@bluezone/device';
import { Alert, Badge, Button, Card, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { checkInErrorKey, lengthText } from '../checkin/use-check-ins.js';
import { formatDateTime } from '../i18n/index.js';
import { usePhone } from '../runtime/app-context.js';

/** Lengths offered besides the code's own (minutes). */
const LENGTHS = [15, 30, 60, 120, 240, 480];

/**
 * The event URL to check in with: handed over by the scan screen, or this page's own address when the
 * poster's link was opened (`/c?v=1#…` on our host; the part after `#` never reached a server).
 */
function eventUrlOf(location: ReturnType<typeof useLocation>): string {
  const handed = (location.state as { url?: unknown } | null)?.url;
  if (typeof handed === 'string') return handed;
  return `${window.location.origin}/c${location.search}${location.hash}`;
}

/** The venue's name, address and check-in length; "check in" stores it on the phone, nothing is sent. */
export function CheckInConfirmScreen() {
  const { t, i18n } = useTranslation();
  const phone = usePhone();
  const navigate = useNavigate();
  const location = useLocation();
  const url = eventUrlOf(location);
  const [preview, setPreview] = useState<VenuePreview | { error: string }>();
  const [length, setLength] = useState<number>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    phone.device.checkIns
      .preview(url)
      .then((p) => {
        setPreview(p);
        setLength(p.lengthMinutes);
      })
      .catch((error: unknown) => setPreview({ error: checkInErrorKey(error) }));
  }, [phone, url]);

  if (preview === undefined) return null;
  if ('error' in preview)
    return (
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('checkin.confirmTitle')}
        </Title>
        <Alert color="red" role="alert" data-testid="checkin-error">
          {t(preview.error)}
        </Alert>
        <Button component={Link} to="/checkin" size="md">
          {t('checkin.scan')}
        </Button>
      </Stack>
    );
  const { location: venue } = preview.code;
  const lengths = [...new Set([preview.lengthMinutes, ...LENGTHS])].sort((a, b) => a - b);
  const checkIn = async () => {
    setSaving(true);
    try {
      await phone.device.checkIns.checkIn(url, length);
      phone.changed();
      navigate('/checkins', { state: { checkedIn: venue.description } });
    } catch (error) {
      setPreview({ error: checkInErrorKey(error) });
    }
  };
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('checkin.confirmTitle')}
      </Title>
      <Card withBorder padding="lg" data-testid="venue-preview">
        <Text size="sm" c="dimmed">
          {t('checkin.venue')}
        </Text>
        <Title order={2} size="h3" data-testid="venue-name">
          {venue.description}
        </Title>
        <Text mt="xs">
          {t('checkin.address')}: {venue.address}
        </Text>
        {venue.startTimestamp > 0 && venue.endTimestamp > 0 && (
          <Text size="sm" mt="xs">
            {t('checkin.event', {
              start: formatDateTime(venue.startTimestamp * 1000, i18n.language),
              end: formatDateTime(venue.endTimestamp * 1000, i18n.language),
            })}
          </Text>
        )}
        {preview.code.kind === 'cwa' && (
          <Badge mt="xs" variant="light">
            {t('checkin.cwaCode')}
          </Badge>
        )}
      </Card>
      {preview.activeCheckIn ? (
        <Alert color="blue" data-testid="already-checked-in">
          {t('checkin.alreadyHere')}
        </Alert>
      ) : (
        <NativeSelect
          size="md"
          label={t('checkin.length')}
          value={String(length)}
          onChange={(e) => setLength(Number(e.currentTarget.value))}
          data={lengths.map((m) => ({ value: String(m), label: lengthText(t, m) }))}
          data-testid="checkin-length"
        />
      )}
      <Text size="sm">{t('checkin.privacy')}</Text>
      {!preview.activeCheckIn && (
        <Button size="lg" loading={saving} onClick={() => void checkIn()}>
          {t('checkin.checkIn')}
        </Button>
      )}
      <Button component={Link} to="/checkins" variant="default" size="md">
        {preview.activeCheckIn ? t('checkin.myCheckIns') : t('checkin.cancel')}
      </Button>
    </Stack>
  );
}
