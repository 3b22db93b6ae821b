import type { Cell } from '@bluezone/api';
import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from './format.js';

/** A count, or "< 10" where it is suppressed (docs/privacy.md). */
export function useCell(): (cell: Cell | null | undefined) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return (cell) => (!cell ? '–' : cell.suppressed ? t('common.suppressed') : format.number(cell.value));
}

/** One headline figure. */
export function Stat({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  testId?: string;
}) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={26} fw={700}>
        {value}
      </Text>
      {hint ? (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      ) : null}
    </Paper>
  );
}
