import type { NationalAdoption, ProvinceBrief } from '@bluezone/api';
import { Anchor, Table, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAreaName } from '../../api/areas.js';
import { useCell } from '../../components/cells.js';
import { useFormat } from '../../components/format.js';

/** Top and bottom five provinces by adoption ("17/63"), and all 63. */
export function Ranking({ data }: { data: NationalAdoption }) {
  const { t } = useTranslation();
  return (
    <Tabs defaultValue="top">
      <Tabs.List>
        <Tabs.Tab value="top">{t('dashboard.top5')}</Tabs.Tab>
        <Tabs.Tab value="bottom">{t('dashboard.bottom5')}</Tabs.Tab>
        <Tabs.Tab value="all">{t('dashboard.all', { n: data.provinces.length })}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="top" pt="xs">
        <BriefTable rows={data.top} testId="ranking-top" />
      </Tabs.Panel>
      <Tabs.Panel value="bottom" pt="xs">
        <BriefTable rows={[...data.bottom].sort((a, b) => rankOf(a) - rankOf(b))} testId="ranking-bottom" />
      </Tabs.Panel>
      <Tabs.Panel value="all" pt="xs">
        <AllTable data={data} />
      </Tabs.Panel>
    </Tabs>
  );
}

/** The rank of a "17/63" label (unranked last). */
const rankOf = (row: ProvinceBrief) => Number.parseInt(row.rankLabel ?? '', 10) || 999;

function BriefTable({ rows, testId }: { rows: ProvinceBrief[]; testId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const name = useAreaName();
  return (
    <Table data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('dashboard.rank')}</Table.Th>
          <Table.Th>{t('dashboard.province')}</Table.Th>
          <Table.Th ta="right">{t('dashboard.adoptionRate')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.iso}>
            <Table.Td>{row.rankLabel ?? '–'}</Table.Td>
            <Table.Td>
              <Anchor component={Link} to={`/provinces/${row.iso}`}>
                {name(row)}
              </Anchor>
            </Table.Td>
            <Table.Td ta="right">{format.percent(row.adoptionRate)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function AllTable({ data }: { data: NationalAdoption }) {
  const { t } = useTranslation();
  const format = useFormat();
  const cell = useCell();
  const name = useAreaName();
  const rows = [...data.provinces].sort((a, b) => (a.rank ?? 999) - (b.rank ?? 999));
  return (
    <Table.ScrollContainer minWidth={360} maxHeight={520}>
      <Table stickyHeader data-testid="ranking-all">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('dashboard.rank')}</Table.Th>
            <Table.Th>{t('dashboard.province')}</Table.Th>
            <Table.Th ta="right">{t('dashboard.installs')}</Table.Th>
            <Table.Th ta="right">{t('dashboard.adoptionRate')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.iso}>
              <Table.Td>{row.rankLabel ?? '–'}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/provinces/${row.iso}`}>
                  {name(row)}
                </Anchor>
              </Table.Td>
              <Table.Td ta="right">{cell(row.installs)}</Table.Td>
              <Table.Td ta="right">{format.percent(row.adoptionRate)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
