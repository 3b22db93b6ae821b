import { Accordion, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApp } from '../runtime/app-context.js';
import { useNoticeBoard } from '../runtime/notice-board.js';

const NOTICES = [1, 2] as const;
const QUESTIONS = [1, 2, 3, 4, 5] as const;

/**
 * Notices and FAQ from the health authority (`GET /v1/notices/{region}`, kept for offline use); the
 * app's own texts until the first answer, and its own FAQ when the authority gives none.
 */
export function NoticesScreen() {
  const { t, i18n } = useTranslation();
  const { phase } = useApp();
  if (phase.kind !== 'ready') throw new Error('the notices screen shows only once the phone runs');
  const board = useNoticeBoard(phase.store, phase.config);
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const notices = board
    ? board.notices.map((n) => ({ key: n.id, title: n.title[lang], body: n.body[lang] }))
    : NOTICES.map((n) => ({
        key: String(n),
        title: t(`notices.notice${n}Title`),
        body: t(`notices.notice${n}`),
      }));
  const faq =
    board && board.faq.length > 0
      ? board.faq.map((q, i) => ({ key: `s${i}`, question: q.question[lang], answer: q.answer[lang] }))
      : QUESTIONS.map((q) => ({ key: `q${q}`, question: t(`notices.q${q}`), answer: t(`notices.a${q}`) }));
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('notices.title')}
      </Title>
      <Title order={2} size="h4">
        {t('notices.noticesTitle')}
      </Title>
      {notices.map((n) => (
        <Card key={n.key} withBorder padding="md" data-testid="notice">
          <Title order={3} size="h5">
            {n.title}
          </Title>
          <Text mt={4}>{n.body}</Text>
        </Card>
      ))}
      <Title order={2} size="h4">
        {t('notices.faqTitle')}
      </Title>
      <Accordion variant="separated">
        {faq.map((q) => (
          <Accordion.Item key={q.key} value={q.key}>
            <Accordion.Control>
              <Text fw={600}>{q.question}</Text>
            </Accordion.Control>
            <Accordion.Panel>{q.answer}</Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Stack>
  );
}
