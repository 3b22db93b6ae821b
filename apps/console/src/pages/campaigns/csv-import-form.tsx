import { Alert, Code, Text, Textarea } from '@mantine/core';
import type { ReactNode } from 'react';
import { ImportProblems, importProblemsOf } from '../../components/import-problems.js';
import { CampaignForm } from './campaign-panel.js';

/**
 * A CSV import: the help with the expected header line, the form's own choices (`children`), the CSV,
 * what was imported, and a refused import's problems line by line (instead of the error message).
 */
export function CsvImportForm({
  id,
  title,
  submitLabel,
  help,
  header,
  csvLabel,
  example,
  csv,
  onCsv,
  onSubmit,
  upload,
  imported,
  problemsTestId,
  canSubmit,
  children,
}: {
  id: string;
  title: string;
  submitLabel: string;
  help: string;
  header: string;
  csvLabel: string;
  example: string;
  csv: string;
  onCsv: (csv: string) => void;
  onSubmit: () => void;
  /** The upload mutation: its error (or problems) is shown, the button spins while it runs. */
  upload: { error: unknown; isPending: boolean };
  /** What the import did, once it is done. */
  imported: string | undefined;
  problemsTestId: string;
  canSubmit: boolean;
  children?: ReactNode;
}) {
  const problems = importProblemsOf(upload.error);
  return (
    <CampaignForm
      id={id}
      title={title}
      submitLabel={submitLabel}
      onSubmit={onSubmit}
      change={{ error: problems ? undefined : upload.error, isPending: upload.isPending }}
      canSubmit={canSubmit}
    >
      <Text size="sm">
        {help} <Code>{header}</Code>
      </Text>
      {children}
      <Textarea
        label={csvLabel}
        value={csv}
        onChange={(e) => onCsv(e.currentTarget.value)}
        placeholder={example}
        autosize
        minRows={5}
        maxRows={16}
        styles={{ input: { fontFamily: 'monospace' } }}
        required
      />
      {imported !== undefined ? (
        <Alert color="green" variant="light" role="status">
          {imported}
        </Alert>
      ) : null}
      {problems ? <ImportProblems problems={problems} testId={problemsTestId} /> : null}
    </CampaignForm>
  );
}
