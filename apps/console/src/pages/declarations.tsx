import type { DeclarationStatus } from '@bluezone/api';
import { Badge, Paper, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { provinceOf, useAreaName, useAreas } from '../api/areas.js';
import { useDeclarations, useSetDeclarationStatus } from '../api/declarations.js';
import { ErrorAlert } from '../components/error-alert.js';
import { useFormat } from '../components/format.js';

const STATUSES: readonly DeclarationStatus[] = ['new', 'contacted', 'closed'];
const STATUS_COLOR: Record<DeclarationStatus, string> = { new: 'red', contacted: 'blue', closed: 'gray' };

/**
 * F1/F2 declarations sent from the app (name, phone, address): the user's province, or all for national
 * users; each one can be marked contacted or closed. Every read is audited on the server.
 */
export function DeclarationsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const areas = useAreas();
  const areaName = useAreaName();
  const [filter, setFilter] = useState<DeclarationStatus | 'all'>('new');
  const declarations = useDeclarations(filter === 'all' ? undefined : filter);
  const setStatus = useSetDeclarationStatus();
  const list = declarations.data?.declarations ?? [];

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('declarations.title')}
      </Title>
      <Text c="dimmed" size="sm">
        {t('declarations.intro')}
      </Text>
      <SegmentedControl
        value={filter}
        onChange={(value) => setFilter(value as DeclarationStatus | 'all')}
        data={[...STATUSES, 'all' as const].map((s) => ({ value: s, label: t(`declarations.filter.${s}`) }))}
        aria-label={t('declarations.status')}
      />
      <Paper withBorder p="md">
        <ErrorAlert error={declarations.error ?? setStatus.error} />
        {declarations.isSuccess && list.length === 0 ? (
          <Text c="dimmed">{t('declarations.none')}</Text>
        ) : null}
        {list.length ? (
          <Table.ScrollContainer minWidth={900}>
            <Table striped data-testid="declarations">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('declarations.received')}</Table.Th>
                  <Table.Th>{t('declarations.level')}</Table.Th>
                  <Table.Th>{t('declarations.exposureDate')}</Table.Th>
                  <Table.Th>{t('declarations.name')}</Table.Th>
                  <Table.Th>{t('declarations.phone')}</Table.Th>
                  <Table.Th>{t('declarations.address')}</Table.Th>
                  <Table.Th>{t('declarations.province')}</Table.Th>
                  <Table.Th>{t('declarations.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((d) => (
                  <Table.Tr key={d.id} data-id={d.id} data-status={d.status}>
                    <Table.Td>{format.date(d.receivedDay)}</Table.Td>
                    <Table.Td>
                      <Badge color={d.level === 'F1' ? 'red' : 'orange'}>{d.level}</Badge>
                    </Table.Td>
                    <Table.Td>{format.date(d.exposureDate)}</Table.Td>
                    <Table.Td>
                      {d.name}
                      {d.note ? (
                        <Text size="xs" c="dimmed">
                          {d.note}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <a href={`tel:${d.phone}`}>{d.phone}</a>
                    </Table.Td>
                    <Table.Td>{d.address}</Table.Td>
                    <Table.Td>
                      {d.province ? areaName(provinceOf(areas.data, d.province), d.province) : '–'}
                    </Table.Td>
                    <Table.Td>
                      <Select
                        size="xs"
                        w={150}
                        aria-label={t('declarations.status')}
                        value={d.status}
                        allowDeselect={false}
                        leftSection={<Badge size="xs" circle color={STATUS_COLOR[d.status]} />}
                        data={STATUSES.map((s) => ({ value: s, label: t(`declarations.statuses.${s}`) }))}
                        disabled={setStatus.isPending && setStatus.variables?.id === d.id}
                        onChange={(value) => {
                          if (value && value !== d.status)
                            setStatus.mutate({ id: d.id, status: value as DeclarationStatus });
                        }}
                      />
                      {d.handledBy ? (
                        <Text size="xs" c="dimmed">
                          {d.handledBy}
                        </Text>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Paper>
    </Stack>
  );
}
