import type { ImportAnswer, ImportProblem } from '@bluezone/api';
import { Alert, Button, Code, Group, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, post } from '../../api/client.js';
import { ErrorAlert } from '../../components/error-alert.js';

const EXAMPLE = 'date,province,district,source,installs,active\n2020-08-10,VN-20,,store:google,1520,1300';

/** Counts reported by others (app stores, telecom operators) as CSV; wrong lines listed one by one. */
export function ImportPanel() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [csv, setCsv] = useState('');
  const upload = useMutation({
    mutationFn: () => post<ImportAnswer>('/adoption/import', { csv }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['adoption'] }),
  });
  const problems =
    isApiError(upload.error) && Array.isArray(upload.error.body.errors)
      ? (upload.error.body.errors as ImportProblem[])
      : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    upload.mutate();
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="import-title">
      <form onSubmit={submit}>
        <Stack>
          <Title order={2} size="h4" id="import-title">
            {t('campaigns.importTitle')}
          </Title>
          <Text size="sm">
            {t('campaigns.importHelp')} <Code>{EXAMPLE.split('\n')[0]}</Code>
          </Text>
          <Textarea
            label={t('campaigns.importCsv')}
            value={csv}
            onChange={(e) => setCsv(e.currentTarget.value)}
            placeholder={EXAMPLE}
            autosize
            minRows={5}
            maxRows={16}
            styles={{ input: { fontFamily: 'monospace' } }}
            required
          />
          {upload.data ? (
            <Alert color="green" variant="light" role="status">
              {t('campaigns.imported', { n: upload.data.imported, sources: upload.data.sources.join(', ') })}
            </Alert>
          ) : null}
          {problems ? (
            <Alert color="red" variant="light" role="alert" title={t('campaigns.importRefused')}>
              <Table data-testid="import-problems">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('campaigns.line')}</Table.Th>
                    <Table.Th>{t('campaigns.column')}</Table.Th>
                    <Table.Th>{t('campaigns.problem')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {problems.map((p) => (
                    <Table.Tr key={`${p.line}-${p.column}-${p.message}`}>
                      <Table.Td>{p.line}</Table.Td>
                      <Table.Td>{p.column ?? '–'}</Table.Td>
                      <Table.Td>{p.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Alert>
          ) : (
            <ErrorAlert error={upload.error} />
          )}
          <Group>
            <Button type="submit" loading={upload.isPending} disabled={!csv.trim()}>
              {t('campaigns.import')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
