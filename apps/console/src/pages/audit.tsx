import type { AuditList } from '@bluezone/api';
import { Button, Code, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get, query } from '../api/client.js';
import { ErrorAlert } from '../components/error-alert.js';
import { useFormat } from '../components/format.js';

/** The audit log, newest first, paged backwards (a provincial officer sees their province's entries). */
export function AuditPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const audit = useInfiniteQuery({
    queryKey: ['audit'],
    queryFn: ({ pageParam }) => get<AuditList>(`/audit${query({ limit: 50, before: pageParam })}`),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const entries = audit.data?.pages.flatMap((p) => p.entries) ?? [];

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('audit.title')}
      </Title>
      <Paper withBorder p="md">
        <ErrorAlert error={audit.error} />
        {audit.isSuccess && entries.length === 0 ? <Text c="dimmed">{t('audit.none')}</Text> : null}
        <Table.ScrollContainer minWidth={640}>
          <Table striped data-testid="audit">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.at')}</Table.Th>
                <Table.Th>{t('audit.user')}</Table.Th>
                <Table.Th>{t('audit.action')}</Table.Th>
                <Table.Th>{t('audit.target')}</Table.Th>
                <Table.Th>{t('audit.province')}</Table.Th>
                <Table.Th>{t('audit.details')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{format.dateTime(e.at)}</Table.Td>
                  <Table.Td>{e.username ?? '–'}</Table.Td>
                  <Table.Td>{t(`audit.actions.${e.action}`, { defaultValue: e.action })}</Table.Td>
                  <Table.Td>{e.target ? <Code>{e.target}</Code> : '–'}</Table.Td>
                  <Table.Td>{e.province ?? '–'}</Table.Td>
                  <Table.Td>
                    {Object.keys(e.details).length ? <Code>{JSON.stringify(e.details)}</Code> : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {audit.hasNextPage ? (
          <Button
            variant="default"
            mt="sm"
            onClick={() => void audit.fetchNextPage()}
            loading={audit.isFetchingNextPage}
          >
            {t('audit.more')}
          </Button>
        ) : null}
      </Paper>
    </Stack>
  );
}
