// A KPI's trend as a uPlot line on a canvas, with its target as a dashed line. The values
// are the API's (GET /api/v1/kpi/trend), drawn as they are; the axis only formats them.
// The canvas is hidden from screen readers: the figure is labelled with a summary and the
// page lists the points in a table.
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Trend } from './api';
import { formatValue } from './format';

const HEIGHT = 300;

export function TrendChart({ trend, label, kpiLabel }: { trend: Trend; label: string; kpiLabel: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const xs = trend.points.map((p) => Date.parse(p.from) / 1000);
    const values = trend.points.map((p) => p.value);
    const target = trend.target ? trend.points.map(() => trend.target!.value) : null;
    const format = (v: number | null) => (v === null ? '' : formatValue(v, trend.unit));
    const opts: uPlot.Options = {
      width: Math.max(320, el.clientWidth),
      height: HEIGHT,
      scales: { x: { time: true } },
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'), // the MIS's times are UTC
      series: [
        { label: trend.step === 'day' ? 'Day (UTC)' : 'Shift start (UTC)' },
        { label: kpiLabel, stroke: '#1f5f99', width: 2, points: { show: true, size: 7 }, value: (_u, v) => format(v) },
        ...(target ? [{ label: 'Target', stroke: '#1b7a3e', width: 2, dash: [8, 6], points: { show: false }, value: (_u: uPlot, v: number | null) => format(v) }] : []),
      ],
      axes: [{}, { size: 70, values: (_u, splits) => splits.map((v) => format(v)) }],
    };
    const data = (target ? [xs, values, target] : [xs, values]) as uPlot.AlignedData;
    const chart = new uPlot(opts, data, el);
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(320, el.clientWidth), height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [trend, kpiLabel]);
  return (
    <figure class="mis-trend-figure" role="img" aria-label={label} data-testid="trend-chart"
      data-points={trend.points.length} data-target={trend.target?.value ?? ''}>
      <div ref={box} aria-hidden="true" />
    </figure>
  );
}
