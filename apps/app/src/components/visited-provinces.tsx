import { MAX_VISITED_PROVINCES } from '@bluezone/api';
import { MultiSelect, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { areaName } from '../runtime/areas.js';
import { useProvinces } from '../runtime/use-provinces.js';

/**
 * On the upload consent screen, F0 and F1 alike: the provinces the person was in during the shared
 * days (at most 10), sent as `visitedProvinces` so their keys reach those provinces' export sets.
 */
export function VisitedProvinces({
  value,
  onChange,
  disabled,
}: {
  value: readonly string[];
  onChange(codes: string[]): void;
  disabled?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const provinces = useProvinces();
  if (provinces.length === 0) return null;
  return (
    <div data-testid="visited-provinces">
      <Text fw={700} mt="md">
        {t('visited.title')}
      </Text>
      <Text size="sm">{t('visited.help')}</Text>
      <MultiSelect
        mt="xs"
        label={t('visited.label')}
        description={t('visited.max', { count: MAX_VISITED_PROVINCES })}
        data={provinces.map((p) => ({ value: p.code, label: areaName(p, i18n.language) }))}
        value={[...value]}
        onChange={onChange}
        maxValues={MAX_VISITED_PROVINCES}
        searchable
        disabled={disabled}
        comboboxProps={{ withinPortal: true }}
      />
    </div>
  );
}
