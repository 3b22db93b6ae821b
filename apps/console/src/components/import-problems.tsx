import type { ImportProblem } from '@bluezone/api';
import { Alert, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.js';

/** The line-by-line problems of a refused CSV import (`import_invalid` with `errors`), if that is the error. */
export const importProblemsOf = (error: unknown): ImportProblem[] | undefined =>
  isApiError(error) && Array.isArray(error.body.errors) ? (error.body.errors as ImportProblem[]) : undefined;

/** A refused import's problems: line, column, message. */
export function ImportProblems({ problems, testId }: { problems: readonly ImportProblem[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" role="alert" title={t('campaigns.importRefused')}>
      <Table data-testid={testId}>
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
  );
}
