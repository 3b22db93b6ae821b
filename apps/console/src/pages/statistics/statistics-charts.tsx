import type { StatisticsDay } from '@bluezone/api';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { f0Keys, f0Of } from '../../api/statistics.js';
import { type ChartOption, EChart } from '../../components/echart.js';
import { useFormat } from '../../components/format.js';

function useDailyOption(
  days: StatisticsDay[],
  series: { name: string; value: (d: StatisticsDay) => number; type?: string; stack?: string }[],
  unit?: (v: number) => string,
) {
  const format = useFormat();
  return useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => (unit ? unit(v) : format.number(v)) },
      legend: { top: 0 },
      grid: { left: 60, right: 16, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: days.map((d) => d.day.slice(5)) },
      yAxis: {
        type: 'value',
        minInterval: 1,
        axisLabel: { formatter: (v: number) => (unit ? unit(v) : format.number(v)) },
      },
      series: series.map((s) => ({
        name: s.name,
        type: s.type ?? 'bar',
        ...(s.stack ? { stack: s.stack } : {}),
        showSymbol: false,
        data: days.map(s.value),
      })),
    }),
    [days, series, format, unit],
  );
}

/** Per day: F0 and F1 codes issued and keys published by report type (F0 → F1). */
export function FunnelChart({ days }: { days: StatisticsDay[] }) {
  const { t } = useTranslation();
  const series = useMemo(
    () => [
      { name: t('statistics.f0Codes'), value: (d: StatisticsDay) => f0Of(d.codesIssued), type: 'line' },
      { name: t('statistics.f0Keys'), value: (d: StatisticsDay) => f0Keys(d.keysPublished), type: 'line' },
      { name: t('statistics.f1Codes'), value: (d: StatisticsDay) => d.codesIssued.recursive, type: 'line' },
      { name: t('statistics.f1Keys'), value: (d: StatisticsDay) => d.keysPublished.RECURSIVE, type: 'line' },
    ],
    [t],
  );
  return (
    <EChart
      option={useDailyOption(days, series)}
      height={300}
      label={t('statistics.funnelTitle')}
      testId="funnel-chart"
    />
  );
}

/** Uploads per day, F0 and F1 stacked. */
export function UploadsChart({ days }: { days: StatisticsDay[] }) {
  const { t } = useTranslation();
  const series = useMemo(
    () => [
      { name: 'F0', value: (d: StatisticsDay) => f0Of(d.uploads), stack: 'uploads' },
      { name: 'F1', value: (d: StatisticsDay) => d.uploads.recursive, stack: 'uploads' },
    ],
    [],
  );
  return (
    <EChart
      option={useDailyOption(days, series)}
      height={280}
      label={t('statistics.uploadsTitle')}
      testId="uploads-chart"
    />
  );
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0)} KiB`;

/** Bytes of export files written per day. */
export function ExportSizeChart({ days }: { days: StatisticsDay[] }) {
  const { t } = useTranslation();
  const series = useMemo(
    () => [{ name: t('statistics.exportBytes'), value: (d: StatisticsDay) => d.exportBytes }],
    [t],
  );
  return (
    <EChart
      option={useDailyOption(days, series, kib)}
      height={280}
      label={t('statistics.exportsTitle')}
      testId="exports-chart"
    />
  );
}
