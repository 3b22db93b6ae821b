import type { SeriesPoint, TargetProgress } from '@bluezone/api';
import { Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChartOption, EChart } from './echart.js';
import { useFormat } from './format.js';

/** Cumulative installs per day, with each target as a dashed line up to its deadline. */
export function InstallsChart({ series, targets }: { series: SeriesPoint[]; targets: TargetProgress[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const option = useMemo<ChartOption>(() => {
    const days = [...series.map((p) => p.day)];
    for (const target of targets) if (!days.includes(target.deadline)) days.push(target.deadline);
    days.sort();
    const cumulative = new Map(series.map((p) => [p.day, p.cumulative]));
    const first = days[0];
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => format.number(v) },
      legend: { top: 0 },
      grid: { left: 70, right: 24, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: days, boundaryGap: false },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => format.number(v) } },
      series: [
        {
          name: t('charts.cumulativeInstalls'),
          type: 'line',
          showSymbol: false,
          areaStyle: { opacity: 0.15 },
          connectNulls: true,
          data: days.map((d) => cumulative.get(d) ?? null),
        },
        ...targets
          .filter((target) => target.targetUsers !== null)
          .map((target) => ({
            name: `${t('charts.target')}: ${target.label || target.areaName.vi} (${format.date(target.deadline)})`,
            type: 'line',
            showSymbol: true,
            lineStyle: { type: 'dashed' },
            data: days.map((d) => (d === first ? 0 : d === target.deadline ? target.targetUsers : null)),
            connectNulls: true,
          })),
      ],
    };
  }, [series, targets, t, format]);
  if (targets.length === 0 && !series.some((p) => p.cumulative > 0))
    return <Text c="dimmed">{t('charts.noSeries')}</Text>;
  return <EChart option={option} height={320} label={t('charts.installsOverTime')} testId="installs-chart" />;
}
