import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** One entity's daily score (0–100). */
export interface ScoreLine {
  readonly name: string;
  readonly points: readonly { readonly on: string; readonly score: number }[];
}

/**
 * The data-quality score trend: one line per entity over the days evaluated, drawn with ECharts
 * (tree-shaken; loaded lazily by the quality page only).
 */
export default function QualityChart({
  lines,
  height = 260,
}: {
  readonly lines: readonly ScoreLine[];
  readonly height?: number;
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
    const days = [...new Set(lines.flatMap((l) => l.points.map((p) => p.on)))].sort();
    chart.current?.setOption(
      {
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { top: 0, type: 'scroll' },
        grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: days },
        yAxis: { type: 'value', min: 0, max: 100 },
        series: lines.map((l) => {
          const byDay = new Map(l.points.map((p) => [p.on, p.score]));
          return {
            type: 'line',
            name: l.name,
            connectNulls: true,
            data: days.map((d) => byDay.get(d) ?? null),
          };
        }),
      },
      { notMerge: true },
    );
  }, [lines]);
  return <div ref={node} style={{ width: '100%', height }} data-testid="quality-trend" />;
}
