import { BarChart, LineChart, MapChart } from 'echarts/charts';
import {
  AriaComponent,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([
  MapChart,
  LineChart,
  BarChart,
  AriaComponent,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
]);

export { echarts };
// biome-ignore lint/suspicious/noExplicitAny: ECharts' option type is a union too wide to spell here
export type ChartOption = Record<string, any>;

interface EChartProps {
  option: ChartOption;
  height: number | string;
  /** What the chart shows, for screen readers (the chart's own aria description follows). */
  label: string;
  testId?: string;
  onClick?: (name: string) => void;
  /** Called after each render with the chart, e.g. to expose what it drew. */
  onRendered?: (chart: echarts.ECharts, element: HTMLDivElement) => void;
}

/** One ECharts chart (SVG renderer), resized with its box, disposed with the component. */
export function EChart({ option, height, label, testId, onClick, onRendered }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => {
      if (typeof params.name === 'string') click.current?.(params.name);
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !ref.current) return;
    instance.setOption({ aria: { enabled: true }, ...option }, { notMerge: true });
    onRendered?.(instance, ref.current);
  }, [option, onRendered]);

  return (
    <div ref={ref} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />
  );
}
