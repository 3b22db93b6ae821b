import type { ImportAnswer } from '@bluezone/api';
import { Alert, Button, Code, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { ImportProblems, importProblemsOf } from '../../components/import-problems.js';

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
  const problems = importProblemsOf(upload.error);
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
            <ImportProblems problems={problems} testId="import-problems" />
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
