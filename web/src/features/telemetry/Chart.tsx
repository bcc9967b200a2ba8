// The trend chart (uPlot on a canvas): the values (or averages, with the min and max of
// each group), the tag's low and high limits as dashed lines, and the points out of
// limits as large red marks. The canvas is decorative for screen readers: the figure is
// labelled with the summary, and the page offers the values as a table. The x axis spans
// the window asked for; a refresh with the same series only replaces the data (setData),
// so a live trend slides without the canvas being rebuilt.
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
  /** The window the values were read for (epoch ms): the x axis spans it. */
  window: { from: number; to: number } | null;
}

const HEIGHT = 320;

export function TrendChart({ points, low, high, unit, label, window: win }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const span = useRef(win);
  span.current = win;
  const grouped = isGrouped(points);
  // The chart is built again only when its series change (grouped or not, limits, unit).
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const valueLabel = unit ? `Value (${unit})` : 'Value';
    // Min and max lines only for groups (steps, compacted minutes).
    const range: uPlot.Series[] = grouped
      ? [
          { label: 'Min', stroke: '#5d7f9e', width: 1 },
          { label: 'Max', stroke: '#5d7f9e', width: 1 },
        ]
      : [];
    const opts: uPlot.Options = {
      width: Math.max(320, el.clientWidth),
      height: HEIGHT,
      scales: {
        x: {
          time: true,
          range: (_u, min, max) => (span.current ? [span.current.from / 1000, span.current.to / 1000] : [min, max]),
        },
      },
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
    const plot = new uPlot(opts, seriesOf(points, low, high) as uPlot.AlignedData, el);
    chart.current = plot;
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(320, el.clientWidth), height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
      chart.current = null;
    };
    // The points are drawn by the effect below (and by the constructor the first time).
  }, [grouped, low, high, unit]);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    chart.current?.setData(seriesOf(points, low, high) as uPlot.AlignedData);
  }, [points, win?.from, win?.to]);
  return (
    <figure class="tr-figure" role="img" aria-label={label} data-testid="tr-chart" data-low={low ?? ''} data-high={high ?? ''} data-points={points.length}>
      <div ref={box} class="tr-canvas" aria-hidden="true" />
    </figure>
  );
}
