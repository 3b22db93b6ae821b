import { Accordion, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const NOTICES = [1, 2] as const;
const QUESTIONS = [1, 2, 3, 4, 5] as const;

/** Notices from the health authority and the FAQ (static texts for now). */
export function NoticesScreen() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('notices.title')}
      </Title>
      <Title order={2} size="h4">
        {t('notices.noticesTitle')}
      </Title>
      {NOTICES.map((n) => (
        <Card key={n} withBorder padding="md">
          <Title order={3} size="h5">
            {t(`notices.notice${n}Title`)}
          </Title>
          <Text mt={4}>{t(`notices.notice${n}`)}</Text>
        </Card>
      ))}
      <Title order={2} size="h4">
        {t('notices.faqTitle')}
      </Title>
      <Accordion variant="separated">
        {QUESTIONS.map((q) => (
          <Accordion.Item key={q} value={`q${q}`}>
            <Accordion.Control>
              <Text fw={600}>{t(`notices.q${q}`)}</Text>
            </Accordion.Control>
            <Accordion.Panel>{t(`notices.a${q}`)}</Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Stack>
  );
}
