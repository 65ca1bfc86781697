import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/**
 * A bar chart drawn with ECharts (tree-shaken: bars, grid, legend, tooltip, canvas). This module is
 * loaded lazily by the sync monitor, so ECharts is never part of the first page's JavaScript.
 */
export interface BarSeries {
  readonly name: string;
  readonly values: readonly number[];
  readonly color?: string;
}

export default function MonitorChart({
  categories,
  series,
  stacked = false,
  height = 260,
  testId,
}: {
  readonly categories: readonly string[];
  readonly series: readonly BarSeries[];
  readonly stacked?: boolean;
  readonly height?: number;
  readonly testId?: string;
}) {
  const node = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | undefined>(undefined);
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
    chart.current?.setOption(
      {
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { top: 0, type: 'scroll' },
        grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
        xAxis: {
          type: 'category',
          data: [...categories],
          axisLabel: {
            interval: 0,
            rotate: categories.length > 3 ? 30 : 0,
            overflow: 'truncate',
            width: 100,
          },
        },
        yAxis: { type: 'value', minInterval: 1 },
        series: series.map((s) => ({
          type: 'bar',
          barMaxWidth: 48,
          name: s.name,
          data: [...s.values],
          ...(stacked ? { stack: 'all' } : {}),
          ...(s.color === undefined ? {} : { itemStyle: { color: s.color } }),
        })),
      },
      { notMerge: true },
    );
  }, [categories, series, stacked]);
  return <div ref={node} style={{ width: '100%', height }} data-testid={testId} />;
}
