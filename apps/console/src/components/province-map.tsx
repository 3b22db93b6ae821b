import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MAP_NAME, registerVietnamMap } from '../map/vietnam-map.js';
import { type ChartOption, EChart, type echarts } from './echart.js';
import { useFormat } from './format.js';

interface ProvinceMapProps {
  /** Adoption share (0–1) by ISO code; a province without a value is drawn grey ("no data"). */
  shares: ReadonlyMap<string, number>;
  onSelect?: (iso: string) => void;
  height?: number;
}

/**
 * The choropleth of the 63 provinces, with Hoàng Sa and Trường Sa drawn and labelled (as every map of
 * Viet Nam shows them), coloured like the province they belong to. The container carries
 * `data-provinces`: how many provinces the chart's series holds.
 */
export function ProvinceMap({ shares, onSelect, height = 620 }: ProvinceMapProps) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const regions = useMemo(() => registerVietnamMap(), []);
  const name = useCallback(
    (r: { vi: string; en: string }) => (i18n.language === 'en' ? r.en : r.vi),
    [i18n.language],
  );

  const option = useMemo<ChartOption>(() => {
    const values = [...shares.values()];
    const max = values.length ? Math.max(0.05, ...values) : 1;
    const data = regions.map((region) => {
      const iso = region.kind === 'archipelago' ? (region.province ?? region.id) : region.id;
      const value = shares.get(iso);
      return {
        name: region.id,
        kind: region.kind,
        value: value ?? Number.NaN,
        ...(region.kind === 'archipelago'
          ? {
              label: {
                show: true,
                formatter: name(region),
                fontSize: 11,
                color: '#1a1b1e',
                offset: region.id === 'VN-HOANG-SA' ? [0, -16] : [0, 16],
              },
            }
          : {}),
        displayName: name(region),
      };
    });
    return {
      aria: { enabled: true, description: t('dashboard.mapDescription') },
      tooltip: {
        trigger: 'item',
        formatter: (p: { data?: { displayName?: string }; value?: number }) =>
          `${p.data?.displayName ?? ''}: ${Number.isFinite(p.value) ? format.percent(p.value) : t('dashboard.noData')}`,
      },
      visualMap: {
        type: 'continuous',
        min: 0,
        max,
        calculable: false,
        left: 8,
        bottom: 8,
        text: [format.percent(max, 0), '0 %'],
        inRange: { color: ['#e3f0fb', '#7fb3e3', '#1c6fc4', '#0b3d75'] },
        outOfRange: { color: '#d5d8dc' },
      },
      series: [
        {
          type: 'map',
          map: MAP_NAME,
          roam: false,
          layoutCenter: ['50%', '50%'],
          layoutSize: '100%',
          aspectScale: 0.95,
          selectedMode: false,
          itemStyle: { areaColor: '#d5d8dc', borderColor: '#ffffff', borderWidth: 0.6 },
          emphasis: { label: { show: false }, itemStyle: { areaColor: '#f2b705' } },
          label: { show: false },
          data,
        },
      ],
    };
  }, [regions, shares, name, t, format]);

  const exposeCount = useCallback((chart: echarts.ECharts, element: HTMLDivElement) => {
    const series = (chart.getOption().series as { data?: { kind?: string }[] }[] | undefined)?.[0];
    const provinces = series?.data?.filter((d) => d.kind === 'province').length ?? 0;
    element.dataset.provinces = String(provinces);
    element.dataset.archipelagos = String(series?.data?.filter((d) => d.kind === 'archipelago').length ?? 0);
  }, []);

  return (
    <EChart
      option={option}
      height={height}
      label={t('dashboard.mapLabel')}
      testId="province-map"
      onRendered={exposeCount}
      {...(onSelect
        ? { onClick: (id: string) => onSelect(regions.find((r) => r.id === id)?.province ?? id) }
        : {})}
    />
  );
}
