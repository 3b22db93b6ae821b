import type { Declaration, DeclarationStatus } from '@bluezone/api';
import { Badge, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { provinceOf, useAreaName, useAreas } from '../api/areas.js';
import { useDeclarations, useSetDeclarationStatus } from '../api/declarations.js';
import { DataTable } from '../components/data-table.js';
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
        <DataTable
          rows={declarations.data?.declarations}
          rowKey={(d) => d.id}
          rowData={(d) => ({ 'data-id': d.id, 'data-status': d.status })}
          testId="declarations"
          minWidth={900}
          empty={t('declarations.none')}
          columns={[
            { header: t('declarations.received'), cell: (d) => format.date(d.receivedDay) },
            {
              header: t('declarations.level'),
              cell: (d) => <Badge color={d.level === 'F1' ? 'red' : 'orange'}>{d.level}</Badge>,
            },
            { header: t('declarations.exposureDate'), cell: (d) => format.date(d.exposureDate) },
            {
              header: t('declarations.name'),
              cell: (d) => (
                <>
                  {d.name}
                  {d.note ? (
                    <Text size="xs" c="dimmed">
                      {d.note}
                    </Text>
                  ) : null}
                </>
              ),
            },
            { header: t('declarations.phone'), cell: (d) => <a href={`tel:${d.phone}`}>{d.phone}</a> },
            { header: t('declarations.address'), cell: (d) => d.address },
            {
              header: t('declarations.province'),
              cell: (d) => (d.province ? areaName(provinceOf(areas.data, d.province), d.province) : '–'),
            },
            {
              header: t('declarations.status'),
              cell: (d) => <StatusCell declaration={d} change={setStatus} />,
            },
          ]}
        />
      </Paper>
    </Stack>
  );
}

/** A declaration's status, changed in place, and who handled it last. */
function StatusCell({
  declaration: d,
  change,
}: {
  declaration: Declaration;
  change: ReturnType<typeof useSetDeclarationStatus>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Select
        size="xs"
        w={150}
        aria-label={t('declarations.status')}
        value={d.status}
        allowDeselect={false}
        leftSection={<Badge size="xs" circle color={STATUS_COLOR[d.status]} />}
        data={STATUSES.map((s) => ({ value: s, label: t(`declarations.statuses.${s}`) }))}
        disabled={change.isPending && change.variables?.id === d.id}
        onChange={(value) => {
          if (value && value !== d.status) change.mutate({ id: d.id, status: value as DeclarationStatus });
        }}
      />
      {d.handledBy ? (
        <Text size="xs" c="dimmed">
          {d.handledBy}
        </Text>
      ) : null}
    </>
  );
}
