import type { ExposureWarning } from '@bluezone/device';
import { Button, Card, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../i18n/index.js';
import type { Reported } from '../runtime/prefs.js';

/** The one status of the home screen: reported positive, warned F1/F2, or no known exposure. */
export function StatusCard({
  warning,
  reported,
}: {
  warning: ExposureWarning | null;
  reported: Reported | null;
}) {
  const { t, i18n } = useTranslation();
  if (reported?.testType === 'confirmed')
    return (
      <Card bg="blue.9" c="white" padding="lg" data-testid="status" data-status="reported">
        <Title order={2} size="h3">
          {t('home.statusReported')}
        </Title>
        <Text>
          {t('home.statusReportedText', {
            date: formatDate(new Date(reported.atMs).toISOString().slice(0, 10), i18n.language),
            count: reported.days.length,
          })}
        </Text>
      </Card>
    );
  if (warning !== null)
    return (
      <Card
        bg={warning.level === 'F1' ? 'red.9' : 'orange.9'}
        c="white"
        padding="lg"
        data-testid="status"
        data-status={warning.level}
        role="alert"
      >
        <Title order={2} size="h2">
          {warning.level === 'F1' ? t('home.statusF1') : t('home.statusF2')}
        </Title>
        <Text>{t('home.statusWarnedText', { date: formatDate(warning.exposureDate, i18n.language) })}</Text>
        {reported?.testType === 'recursive' && <Text fw={600}>{t('home.statusReportedF1')}</Text>}
        <Button component={Link} to="/warning" variant="white" color="dark" mt="sm" size="md">
          {t('home.seeWhatToDo')}
        </Button>
      </Card>
    );
  return (
    <Card bg="green.9" c="white" padding="lg" data-testid="status" data-status="none">
      <Title order={2} size="h3">
        {t('home.statusNone')}
      </Title>
      <Text>{t('home.statusNoneText')}</Text>
    </Card>
  );
}
