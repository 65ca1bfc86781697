import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/**
 * Budget execution as stacked horizontal bars, one per budget slice: spent, committed, remaining and
 * any overrun. Drawn with ECharts (tree-shaken, as the sync monitor's chart) in a module the budgets
 * page loads lazily, so ECharts is never part of the first page's JavaScript. The bars' lengths are
 * numbers for drawing only; every amount a person reads (the tooltip) is the API's exact decimal,
 * formatted by the page.
 */
export interface BudgetSeries {
  readonly name: string;
  readonly color: string;
  /** Bar lengths, one per slice. */
  readonly values: readonly number[];
  /** What the tooltip shows for each slice (formatted money). */
  readonly labels: readonly string[];
}

export default function BudgetChart({
  slices,
  series,
  testId,
}: {
  readonly slices: readonly string[];
  readonly series: readonly BudgetSeries[];
  readonly testId?: string;
}) {
  const node = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | undefined>(undefined);
  const height = Math.max(160, 48 + slices.length * 34);
  useEffect(() => {
    if (node.current === null) return;
    const instance = echarts.init(node.current);
    chart.current = instance;
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
    chart.current?.setOption(
      {
        animation: false,
        tooltip: {
          trigger: 'axis',
          axisPointer: { type: 'shadow' },
          formatter: (params: unknown) => {
            const items = Array.isArray(params)
              ? (params as { dataIndex: number; seriesIndex: number }[])
              : [];
            const index = items[0]?.dataIndex ?? 0;
            const lines = series.map((s) => `${s.name}: ${s.labels[index] ?? ''}`);
            return [slices[index] ?? '', ...lines].map(escape).join('<br/>');
          },
        },
        legend: { top: 0 },
        grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
        xAxis: { type: 'value' },
        yAxis: {
          type: 'category',
          data: [...slices],
          inverse: true,
          axisLabel: { width: 220, overflow: 'truncate' },
        },
        series: series.map((s) => ({
          type: 'bar',
          name: s.name,
          stack: 'execution',
          barMaxWidth: 22,
          data: [...s.values],
          itemStyle: { color: s.color },
        })),
      },
      { notMerge: true },
    );
  }, [slices, series]);
  return <div ref={node} style={{ width: '100%', height }} data-testid={testId} />;
}

const escape = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
