import type { AreaDistrict, Cell, ProvinceAdoption } from '@bluezone/api';
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAreaName } from '../../api/areas.js';
import { useCell } from '../../components/cells.js';

/** The province's districts (from /v1/areas) with their installs when the adoption route answers. */
export function DistrictsTable({
  districts,
  counts,
  unknown,
}: {
  districts: AreaDistrict[];
  counts: ProvinceAdoption['districts'] | undefined;
  unknown: Cell | undefined;
}) {
  const { t } = useTranslation();
  const name = useAreaName();
  const cell = useCell();
  const byCode = new Map((counts ?? []).map((d) => [d.code, d.installs]));
  return (
    <Table.ScrollContainer minWidth={300} maxHeight={480}>
      <Table stickyHeader striped data-testid="districts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('province.district')}</Table.Th>
            <Table.Th ta="right">{t('dashboard.installs')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {districts.map((d) => (
            <Table.Tr key={d.code} data-district={d.code}>
              <Table.Td>{name(d)}</Table.Td>
              <Table.Td ta="right">{counts ? cell(byCode.get(d.code)) : '–'}</Table.Td>
            </Table.Tr>
          ))}
          {unknown ? (
            <Table.Tr>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {t('province.noDistrict')}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{cell(unknown)}</Table.Td>
            </Table.Tr>
          ) : null}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface Row {
  key: string;
  label: string;
  detail: string;
  installs: Cell;
}

function CountTable({
  rows,
  unknown,
  unknownLabel,
  empty,
}: {
  rows: Row[];
  unknown: Cell;
  unknownLabel: string;
  empty: string;
}) {
  const { t } = useTranslation();
  const cell = useCell();
  if (rows.length === 0 && unknown.value === 0) return <Text c="dimmed">{empty}</Text>;
  return (
    <Table striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('province.name')}</Table.Th>
          <Table.Th>{t('province.kind')}</Table.Th>
          <Table.Th ta="right">{t('dashboard.installs')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key}>
            <Table.Td>{row.label}</Table.Td>
            <Table.Td>{row.detail}</Table.Td>
            <Table.Td ta="right">{cell(row.installs)}</Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr>
          <Table.Td colSpan={2}>
            <Text size="sm" c="dimmed">
              {unknownLabel}
            </Text>
          </Table.Td>
          <Table.Td ta="right">{cell(unknown)}</Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

export function OrganisationsTable({
  rows,
  unknown,
}: {
  rows: ProvinceAdoption['organisations'];
  unknown: Cell;
}) {
  const { t } = useTranslation();
  return (
    <CountTable
      rows={rows.map((o) => ({
        key: o.code,
        label: `${o.name} (${o.code})`,
        detail: t(`campaigns.orgTypes.${o.type}`, { defaultValue: o.type }),
        installs: o.installs,
      }))}
      unknown={unknown}
      unknownLabel={t('province.noOrganisation')}
      empty={t('province.noOrganisations')}
    />
  );
}

export function ChannelsTable({ rows, unknown }: { rows: ProvinceAdoption['channels']; unknown: Cell }) {
  const { t } = useTranslation();
  return (
    <CountTable
      rows={rows.map((c) => ({
        key: c.code,
        label: c.label || c.code,
        detail: t(`campaigns.channels.${c.channel}`, { defaultValue: c.channel }),
        installs: c.installs,
      }))}
      unknown={unknown}
      unknownLabel={t('province.noChannel')}
      empty={t('province.noChannels')}
    />
  );
}
