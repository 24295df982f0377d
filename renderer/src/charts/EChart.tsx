// The one ECharts wrapper: only the bar chart, grid, tooltip, legend and the canvas renderer are
// bundled (echarts/core), and this file is loaded lazily, so first paint never pays for them.
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { BarChartOption } from './chartOptions';
import { chartHeight } from './chartOptions';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

export default function EChart({ option, testId }: { option: BarChartOption; testId: string }) {
  const holder = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    const el = holder.current!;
    const c = echarts.init(el, null, { renderer: 'canvas', locale: 'ZH' });
    chart.current = c;
    // The panel's width changes with the window and the sidebar.
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
  return <div ref={holder} data-testid={testId} style={{ width: '100%', height: chartHeight(option) }} />;
}
