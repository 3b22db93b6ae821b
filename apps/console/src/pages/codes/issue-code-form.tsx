import type { IssuedConsoleCode } from '@bluezone/api';
import { Button, Paper, Radio, Select, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAreaName, useAreas } from '../../api/areas.js';
import { post } from '../../api/client.js';
import { useUser } from '../../api/session.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { todayIso } from '../../components/format.js';

/** F0 (`confirmed`) or F1 (`recursive`) with the symptom or test date; a national user may name a province. */
export function IssueCodeForm({ onIssued }: { onIssued: (code: IssuedConsoleCode) => void }) {
  const { t } = useTranslation();
  const user = useUser();
  const areas = useAreas();
  const areaName = useAreaName();
  const client = useQueryClient();
  const [testType, setTestType] = useState('confirmed');
  const [dateKind, setDateKind] = useState<'symptomDate' | 'testDate'>('symptomDate');
  const [date, setDate] = useState(todayIso());
  const [province, setProvince] = useState<string | null>(null);
  const issue = useMutation({
    mutationFn: () =>
      post<IssuedConsoleCode>('/codes', {
        testType,
        [dateKind]: date,
        tzOffset: -new Date().getTimezoneOffset(),
        ...(province ? { province } : {}),
      }),
    onSuccess: (code) => {
      void client.invalidateQueries({ queryKey: ['codes'] });
      onIssued(code);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    issue.mutate();
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="issue-title">
      <form onSubmit={submit}>
        <Stack>
          <Title order={2} size="h4" id="issue-title">
            {t('codes.issueTitle')}
          </Title>
          <Radio.Group label={t('codes.testType')} value={testType} onChange={setTestType} required>
            <Stack gap={6} mt={4}>
              <Radio value="confirmed" label={t('codes.f0')} />
              <Radio value="recursive" label={t('codes.f1')} />
            </Stack>
          </Radio.Group>
          <Radio.Group
            label={t('codes.dateKind')}
            value={dateKind}
            onChange={(v) => setDateKind(v as typeof dateKind)}
          >
            <Stack gap={6} mt={4}>
              <Radio value="symptomDate" label={t('codes.symptomDate')} />
              <Radio value="testDate" label={t('codes.testDate')} />
            </Stack>
          </Radio.Group>
          <TextInput
            type="date"
            label={t(`codes.${dateKind}`)}
            description={t('codes.dateHelp')}
            value={date}
            max={todayIso()}
            onChange={(e) => setDate(e.currentTarget.value)}
            required
          />
          {user.province === null ? (
            <Select
              label={t('codes.province')}
              description={t('codes.provinceHelp')}
              placeholder={t('codes.noProvince')}
              searchable
              clearable
              value={province}
              onChange={setProvince}
              data={(areas.data?.provinces ?? []).map((p) => ({ value: p.iso, label: areaName(p) }))}
            />
          ) : null}
          <ErrorAlert error={issue.error} />
          <Button type="submit" loading={issue.isPending}>
            {t('codes.issue')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
