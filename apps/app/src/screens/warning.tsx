import { Anchor, Badge, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DeclarationForm } from '../components/declaration-form.js';
import { formatDate } from '../i18n/index.js';
import { usePhoneSnapshot } from '../runtime/use-snapshot.js';

const WATCH_DAYS = 14;
const DAY_MS = 86_400_000;

/** F1 / F2, the day of the contact, what to do (the health authority's guidance), days left, declaration. */
export function WarningScreen() {
  const { t, i18n } = useTranslation();
  const snapshot = usePhoneSnapshot();
  if (snapshot === undefined) return null;
  const { warning } = snapshot;
  if (warning === null)
    return (
      <Stack>
        <Title order={1} size="h2">
          {t('warning.title')}
        </Title>
        <Text data-testid="no-warning">{t('warning.none')}</Text>
      </Stack>
    );
  const exposureMs = Date.parse(`${warning.exposureDate}T00:00:00Z`);
  const daysLeft = WATCH_DAYS - Math.floor((snapshot.nowMs - exposureMs) / DAY_MS);
  const guidance = i18n.language === 'en' ? warning.guidance.en : warning.guidance.vi;
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('warning.title')}
      </Title>
      <Card bg={warning.level === 'F1' ? 'red.9' : 'orange.9'} c="white" padding="lg" role="alert">
        <Badge
          size="xl"
          color="white"
          c={warning.level === 'F1' ? 'red.9' : 'orange.9'}
          data-testid="warning-level"
        >
          {warning.level}
        </Badge>
        <Title order={2} size="h2" mt="xs">
          {warning.level === 'F1' ? t('warning.levelF1') : t('warning.levelF2')}
        </Title>
        <Text>{warning.level === 'F1' ? t('warning.meaningF1') : t('warning.meaningF2')}</Text>
        <Text mt="sm">
          {t('warning.exposureDate')}:{' '}
          <strong data-testid="exposure-date" data-iso={warning.exposureDate}>
            {formatDate(warning.exposureDate, i18n.language)}
          </strong>
        </Text>
      </Card>
      <Card withBorder padding="md">
        <Title order={2} size="h4">
          {t('warning.whatToDo')}
        </Title>
        <Text mt="xs" data-testid="guidance">
          {guidance}
        </Text>
        <Text mt="sm" fw={700}>
          {daysLeft > 0 ? t('warning.daysLeft', { count: daysLeft }) : t('warning.daysOver')}
        </Text>
        <Text mt="sm">{t('warning.hotline')}</Text>
        <Button component="a" href="tel:19009095" mt="xs" size="md" variant="light">
          {t('warning.callHotline')}
        </Button>
      </Card>
      <DeclarationForm level={warning.level} exposureDate={warning.exposureDate} />
      <Anchor component={Link} to="/report">
        {t('warning.iAmPositive')}
      </Anchor>
    </Stack>
  );
}
