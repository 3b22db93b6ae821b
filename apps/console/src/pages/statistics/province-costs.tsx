import type { Statistics } from '@bluezone/api';
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { provinceOf, useAreaName, useAreas } from '../../api/areas.js';
import { useFormat } from '../../components/format.js';

/**
 * Per province set: keys F0 and F1 published there, and what a phone watching the province downloads
 * a day, with its share of the national set's download (issue 17: what F2 costs a province in data).
 */
export function ProvinceCostsTable({ byProvince }: { byProvince: Statistics['byProvince'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const areas = useAreas();
  const areaName = useAreaName();
  const rows = [...byProvince.provinces].sort(
    (a, b) => b.bytesPerDay - a.bytesPerDay || a.province.localeCompare(b.province),
  );
  const kb = (bytes: number) => `${format.number(Math.round(bytes / 1000))} KB`;
  return (
    <>
      <Text size="sm" mb="xs" data-testid="national-bytes">
        {t('statistics.nationalPerDay', { size: kb(byProvince.national.bytesPerDay) })}
      </Text>
      <Table.ScrollContainer minWidth={560} maxHeight={420}>
        <Table stickyHeader striped data-testid="province-costs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('statistics.province')}</Table.Th>
              <Table.Th ta="right">{t('statistics.f0Keys')}</Table.Th>
              <Table.Th ta="right">{t('statistics.f1Keys')}</Table.Th>
              <Table.Th ta="right">{t('statistics.phonePerDay')}</Table.Th>
              <Table.Th ta="right">{t('statistics.shareOfNational')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((p) => (
              <Table.Tr key={p.province}>
                <Table.Td>{areaName(provinceOf(areas.data, p.province), p.province)}</Table.Td>
                <Table.Td ta="right">{format.number(p.f0Keys)}</Table.Td>
                <Table.Td ta="right">{format.number(p.f1Keys)}</Table.Td>
                <Table.Td ta="right">{kb(p.bytesPerDay)}</Table.Td>
                <Table.Td ta="right">{`${(100 * p.shareOfNational).toFixed(1)} %`}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
