import type { AdoptionCurveAnswer, CurveRegimeName } from '@bluezone/api';
import { Group, Paper, Progress, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiPath } from '../../api/adoption.js';
import { isNotAvailable } from '../../api/client.js';
import { PLANNING_ROUTE, useAdoptionCurve } from '../../api/planning.js';
import { type ChartOption, EChart, type echarts } from '../../components/echart.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { useFormat } from '../../components/format.js';
import { NotAvailable } from '../../components/not-available.js';
import { avertedLines, type CurveLine, quarantineLines, valueAt } from './curve-figures.js';

interface PanelProps {
  /** `VN` or a province's ISO code. */
  readonly area: string;
  /** The area's adoption now (installs / population), null when unknown or suppressed. */
  readonly current: number | null | undefined;
  /** The area's target as a share of its population, null when none is set. */
  readonly target: number | null | undefined;
}

/**
 * "Hiệu quả theo tỷ lệ cài đặt / What adoption buys": infections averted and quarantine load against
 * adoption, F1 and F1 + F2, with the area's current adoption and target marked. The curves come from
 * the server's cache; while they are computed the panel shows the progress and the page goes on.
 */
export function AdoptionBuysPanel({ area, current, target }: PanelProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [regime, setRegime] = useState<CurveRegimeName>('baseline');
  const answer = useAdoptionCurve(area, regime);
  const data = answer.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="buys-title" data-testid="adoption-buys">
      <Group justify="space-between" align="flex-start" mb="xs">
        <div>
          <Title order={2} size="h4" id="buys-title">
            {t('planner.title')}
          </Title>
          <Text size="sm" c="dimmed" maw={720}>
            {t('planner.subtitle')}
          </Text>
        </div>
        {data?.canChangeRegime ? (
          <SegmentedControl
            aria-label={t('planner.regime')}
            value={regime}
            onChange={(value) => setRegime(value as CurveRegimeName)}
            data={(['baseline', 'near-threshold'] as const).map((value) => ({
              value,
              label: t(`planner.regimes.${value}`),
            }))}
          />
        ) : null}
      </Group>
      {isNotAvailable(answer.error) ? (
        <NotAvailable route={apiPath(PLANNING_ROUTE(area, regime))} />
      ) : (
        <ErrorAlert error={answer.error} />
      )}
      {data && data.status !== 'ready' ? <Pending answer={data} /> : null}
      {data?.status === 'ready' && data.curve ? (
        <Ready answer={data} current={current ?? null} target={target ?? null} />
      ) : null}
      {data?.status === 'ready' && data.computedAt ? (
        <Text size="xs" c="dimmed" mt="xs">
          {t('planner.settings', {
            people: format.number(data.settings.people),
            days: data.settings.days,
            seeds: data.settings.seeds,
            at: format.dateTime(data.computedAt),
          })}
        </Text>
      ) : null}
    </Paper>
  );
}

function Pending({ answer }: { answer: AdoptionCurveAnswer }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (answer.status === 'failed')
    return (
      <Text c="red" role="alert">
        {t('planner.failed', { error: answer.error ?? '' })}
      </Text>
    );
  return (
    <Stack gap={4} data-testid="adoption-buys-computing">
      <Text size="sm">
        {answer.status === 'queued'
          ? t('planner.queued')
          : t('planner.computing', { percent: format.percent(answer.progress, 0) })}
      </Text>
      <Progress value={answer.progress * 100} aria-label={t('planner.computing', { percent: '' })} animated />
    </Stack>
  );
}

function Ready({
  answer,
  current,
  target,
}: {
  answer: AdoptionCurveAnswer;
  current: number | null;
  target: number | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const curve = answer.curve as NonNullable<AdoptionCurveAnswer['curve']>;
  const averted = useMemo(() => avertedLines(curve), [curve]);
  const quarantine = useMemo(() => quarantineLines(curve), [curve]);
  const pct = (share: number) => format.percent(share, 1);
  const sentence = (key: 'sentenceCurrent' | 'sentenceTarget', share: number) =>
    t(`planner.${key}`, {
      adoption: pct(share),
      f1: format.percent(valueAt(averted.f1, share * 100) / 100, 0),
      f2: format.percent(valueAt(averted.f2, share * 100) / 100, 0),
    });
  return (
    <Stack gap="xs">
      <Text data-testid="adoption-buys-sentence">
        {current === null ? t('planner.sentenceNoCurrent') : sentence('sentenceCurrent', current)}{' '}
        {target === null ? null : sentence('sentenceTarget', target)}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {[
          { lines: averted, yName: t('planner.averted'), testId: 'adoption-buys-averted', percentAxis: true },
          { lines: quarantine, yName: t('planner.quarantine'), testId: 'adoption-buys-quarantine' },
        ].map((chart) => (
          <CurveChart key={chart.testId} {...chart} current={current} target={target} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

interface CurveChartProps {
  lines: CurveLine;
  yName: string;
  current: number | null;
  target: number | null;
  testId: string;
  percentAxis?: boolean;
}

/** One curve pair (F1, F1+F2) against adoption 0–100 %, the current adoption and the target as vertical lines. */
function CurveChart({ lines, yName, current, target, testId, percentAxis = false }: CurveChartProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const marks = useMemo(
    () => [
      ...(current === null
        ? []
        : [{ xAxis: current * 100, name: t('planner.current', { percent: format.percent(current, 1) }) }]),
      ...(target === null
        ? []
        : [{ xAxis: target * 100, name: t('planner.target', { percent: format.percent(target, 1) }) }]),
    ],
    [current, target, t, format],
  );
  const option = useMemo<ChartOption>(() => {
    const value = (v: number) =>
      percentAxis ? `${format.number(Math.round(v))} %` : format.number(Math.round(v));
    return {
      tooltip: { trigger: 'axis', valueFormatter: value },
      legend: { top: 0 },
      grid: { left: 64, right: 24, top: 40, bottom: 48 },
      xAxis: {
        type: 'value',
        min: 0,
        max: 100,
        name: t('planner.adoption'),
        nameLocation: 'middle',
        nameGap: 28,
        axisLabel: { formatter: (v: number) => `${v} %` },
      },
      yAxis: {
        type: 'value',
        name: yName,
        min: 0,
        ...(percentAxis ? { max: 100 } : {}),
        axisLabel: { formatter: value },
      },
      series: [
        {
          name: t('planner.f1'),
          type: 'line',
          data: lines.f1,
          markLine: {
            symbol: 'none',
            lineStyle: { type: 'dashed', color: '#555' },
            label: { formatter: '{b}', position: 'insideEndTop' },
            data: marks,
          },
        },
        { name: t('planner.f2'), type: 'line', data: lines.f2 },
      ],
    };
  }, [lines, yName, marks, percentAxis, t, format]);
  // What was drawn, for the browser test and for screen readers' neighbours: the points and the marks.
  const rendered = useMemo(
    () => (_chart: echarts.ECharts, element: HTMLDivElement) => {
      element.dataset.f1 = lines.f1.map(([x, y]) => `${x}:${y.toFixed(1)}`).join(' ');
      element.dataset.f2 = lines.f2.map(([x, y]) => `${x}:${y.toFixed(1)}`).join(' ');
      element.dataset.marks = marks.map((m) => m.xAxis.toFixed(1)).join(' ');
    },
    [lines, marks],
  );
  return <EChart option={option} height={300} label={yName} testId={testId} onRendered={rendered} />;
}
