import { Checkbox, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCheckIns } from '../checkin/use-check-ins.js';
import { formatDateTime } from '../i18n/index.js';
import { usePhone } from '../runtime/app-context.js';

/**
 * On the upload's review: the check-ins of the last 14 days, all chosen by default; the person
 * unticks what they do not want to share. `chosen` is null until the list is read.
 */
export function CheckInShareConsent({
  chosen,
  onChange,
}: {
  chosen: readonly string[] | null;
  onChange: (ids: readonly string[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const { snapshot } = useCheckIns();
  const initialised = useRef(false);
  useEffect(() => {
    if (snapshot === undefined || initialised.current) return;
    initialised.current = true;
    onChange(snapshot.checkIns.map((c) => c.id));
  }, [snapshot, onChange]);
  if (snapshot === undefined || chosen === null) return null;
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...chosen, id] : chosen.filter((other) => other !== id));
  return (
    <Stack gap="xs" mt="md" data-testid="check-in-share">
      <Title order={3} size="h5">
        {t('checkin.share.title')}
      </Title>
      <Text size="sm">{t('checkin.share.intro')}</Text>
      {snapshot.checkIns.length === 0 && <Text size="sm">{t('checkin.share.none')}</Text>}
      {snapshot.checkIns.map((c) => (
        <Checkbox
          key={c.id}
          checked={chosen.includes(c.id)}
          onChange={(e) => toggle(c.id, e.currentTarget.checked)}
          label={c.description}
          description={formatDateTime(c.checkInStart * 1000, i18n.language)}
        />
      ))}
      {snapshot.checkIns.length > 0 && (
        <Text size="sm" fw={700} data-testid="check-in-share-count">
          {t('checkin.share.count', { count: chosen.length })}
        </Text>
      )}
    </Stack>
  );
}

/** After the upload: how many check-ins were shared, or that they will be sent later. */
export function CheckInShareOutcome() {
  const { t } = useTranslation();
  const outcome = usePhone().lastCheckInShare;
  if (outcome === undefined) return null;
  const text =
    outcome === 'later'
      ? t('checkin.share.later')
      : outcome === 'failed'
        ? t('checkin.share.failed')
        : t('checkin.share.done', { count: outcome.sharedCheckIns });
  return (
    <Text size="sm" mt="xs" data-testid="check-in-share-outcome">
      {text}
    </Text>
  );
}
