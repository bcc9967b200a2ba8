// The trend chart (uPlot on a canvas): the values (or averages, with the min and max of
// each group), the tag's low and high limits as dashed lines, and the points out of
// limits as large red marks. The canvas is decorative for screen readers: the figure is
// labelled with the summary, and the page offers the values as a table.
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { TrendPoint } from './trend';
import { isGrouped, seriesOf } from './trend';

interface Props {
  points: TrendPoint[];
  low: number | null;
  high: number | null;
  unit: string;
  /** The figure's accessible name (the summary in words). */
  label: string;
}

const HEIGHT = 320;

export function TrendChart({ points, low, high, unit, label }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const valueLabel = unit ? `Value (${unit})` : 'Value';
    // Min and max lines only for groups (steps, compacted minutes).
    const range: uPlot.Series[] = isGrouped(points)
      ? [
          { label: 'Min', stroke: '#5d7f9e', width: 1 },
          { label: 'Max', stroke: '#5d7f9e', width: 1 },
        ]
      : [];
    const opts: uPlot.Options = {
      width: Math.max(320, el.clientWidth),
      height: HEIGHT,
      scales: { x: { time: true } },
      series: [
        { label: 'Time' },
        { label: valueLabel, stroke: '#1f5f99', width: 2 },
        ...range,
        { label: 'Low limit', stroke: '#a05a00', width: 2, dash: [8, 6], points: { show: false } },
        { label: 'High limit', stroke: '#b3261e', width: 2, dash: [8, 6], points: { show: false } },
        {
          label: 'Out of limits',
          stroke: '#b3261e',
          width: 0,
          paths: () => null,
          points: { show: true, size: 9, stroke: '#b3261e', fill: '#b3261e' },
        },
      ],
      axes: [{}, { label: valueLabel }],
    };
    const chart = new uPlot(opts, seriesOf(points, low, high) as uPlot.AlignedData, el);
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(320, el.clientWidth), height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [points, low, high, unit]);
  return (
    <figure class="tr-figure" role="img" aria-label={label} data-testid="tr-chart" data-low={low ?? ''} data-high={high ?? ''} data-points={points.length}>
      <div ref={box} class="tr-canvas" aria-hidden="true" />
    </figure>
  );
}
