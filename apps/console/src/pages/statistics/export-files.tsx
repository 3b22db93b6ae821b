import type { Statistics } from '@bluezone/api';
import { Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/format.js';

/** The newest export files: day, path, keys, size. */
export function ExportFilesTable({ files }: { files: Statistics['exportFiles'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (files.length === 0) return <Text c="dimmed">{t('statistics.noFiles')}</Text>;
  return (
    <Table.ScrollContainer minWidth={560} maxHeight={360}>
      <Table stickyHeader striped data-testid="export-files">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('statistics.day')}</Table.Th>
            <Table.Th>{t('statistics.file')}</Table.Th>
            <Table.Th ta="right">{t('statistics.keys')}</Table.Th>
            <Table.Th ta="right">{t('statistics.size')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {files.slice(0, 100).map((f) => (
            <Table.Tr key={f.path}>
              <Table.Td>{f.day}</Table.Td>
              <Table.Td>
                <Code>{f.path}</Code>
              </Table.Td>
              <Table.Td ta="right">{format.number(f.keyCount)}</Table.Td>
              <Table.Td ta="right">{f.sizeBytes === null ? '–' : `${format.number(f.sizeBytes)} B`}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
