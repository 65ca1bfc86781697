import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useEffectEvent, useRef } from 'react';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/**
 * The analytics page's bars (ECharts, tree-shaken, loaded only with this page): one category axis,
 * one or more series, stacked or side by side; a click on a bar reports its category and series.
 * Bar lengths are numbers for drawing only; every amount read (the tooltip) is the API's decimal.
 */
export interface ChartSeries {
  readonly name: string;
  readonly values: readonly number[];
  readonly labels: readonly string[];
  readonly color?: string;
}

export default function AnalyticsChart({
  categories,
  series,
  stacked = false,
  horizontal = false,
  onPick,
  testId,
}: {
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  readonly stacked?: boolean;
  readonly horizontal?: boolean;
  readonly onPick?: (category: string, series: string) => void;
  readonly testId?: string;
}) {
  const node = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | undefined>(undefined);
  const pick = useEffectEvent((category: string, name: string) => onPick?.(category, name));
  const height = horizontal ? Math.max(180, 56 + categories.length * 30) : 320;
  useEffect(() => {
    if (node.current === null) return;
    const instance = echarts.init(node.current);
    chart.current = instance;
    instance.on('click', (p) => {
      const params = p as { name?: string; seriesName?: string };
      pick(params.name ?? '', params.seriesName ?? '');
    });
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = undefined;
    };
  }, []);
  useEffect(() => {
    chart.current?.resize();
    const categoryAxis = {
      type: 'category' as const,
      data: [...categories],
      ...(horizontal ? { inverse: true } : {}),
    };
    chart.current?.setOption(
      {
        animation: false,
        tooltip: {
          trigger: 'axis',
          axisPointer: { type: 'shadow' },
          formatter: (params: unknown) => {
            const items = Array.isArray(params) ? (params as { dataIndex: number }[]) : [];
            const index = items[0]?.dataIndex ?? 0;
            return [categories[index] ?? '', ...series.map((s) => `${s.name}: ${s.labels[index] ?? ''}`)]
              .map(escape)
              .join('<br/>');
          },
        },
        legend: { top: 0 },
        grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
        xAxis: horizontal ? { type: 'value' } : categoryAxis,
        yAxis: horizontal ? categoryAxis : { type: 'value' },
        series: series.map((s) => ({
          type: 'bar',
          name: s.name,
          ...(stacked ? { stack: 'all' } : {}),
          barMaxWidth: 22,
          data: [...s.values],
          ...(s.color === undefined ? {} : { itemStyle: { color: s.color } }),
        })),
      },
      { notMerge: true },
    );
  }, [categories, series, stacked, horizontal]);
  return (
    <div
      ref={node}
      style={{ width: '100%', height, cursor: onPick ? 'pointer' : 'default' }}
      data-testid={testId}
    />
  );
}

const escape = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
