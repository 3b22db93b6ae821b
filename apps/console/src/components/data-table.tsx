import { Button, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One column of a DataTable: its header and what a row shows in it. */
export interface Column<T> {
  readonly header: ReactNode;
  readonly cell: (row: T) => ReactNode;
  /** Numbers are right-aligned. */
  readonly align?: 'right';
  readonly maw?: number;
}

interface DataTableProps<T> {
  /** Undefined while loading: nothing is shown. */
  readonly rows: readonly T[] | undefined;
  /** `false` leaves a column out (e.g. actions the user may not take). */
  readonly columns: readonly (Column<T> | false)[];
  readonly rowKey: (row: T) => string;
  /** `data-…` attributes of a row, for tests and styles. */
  readonly rowData?: (row: T) => Record<`data-${string}`, string>;
  readonly testId: string;
  readonly minWidth: number;
  /** Shown instead of the table when there are no rows; without it an empty table is shown. */
  readonly empty?: string;
}

/** The console's lists: a striped table in a horizontal scroll container, or a line when empty. */
export function DataTable<T>({ rows, columns, rowKey, rowData, testId, minWidth, empty }: DataTableProps<T>) {
  if (rows === undefined) return null;
  if (rows.length === 0 && empty !== undefined) return <Text c="dimmed">{empty}</Text>;
  const shown = columns.filter((c): c is Column<T> => c !== false);
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {shown.map((column, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed for a render
              <Table.Th key={i} ta={column.align}>
                {column.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)} {...rowData?.(row)}>
              {shown.map((column, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed for a render
                <Table.Td key={i} ta={column.align} maw={column.maw}>
                  {column.cell(row)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The small red outlined button of a row's destructive action (delete, disable, expire). */
export function RowDangerButton({
  onClick,
  loading,
  children,
}: {
  onClick: () => void;
  loading?: boolean;
  children: ReactNode;
}) {
  return (
    <Button size="compact-xs" variant="outline" color="red" onClick={onClick} loading={loading}>
      {children}
    </Button>
  );
}
