import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Compared } from '../lib/series';

const LINE = '#0b5cad';
const BAND = 'rgba(11, 92, 173, 0.18)';

/** A moment from the log drawn on the time axis: the gateway online or offline, a configuration, firmware, a command. */
export interface Annotation {
  readonly t: number;
  readonly kind: 'gateway_online' | 'gateway_offline' | 'configuration' | 'firmware' | 'command';
  readonly label: string;
  /** Node configuration: when the log stored it, the instant to open the configuration as of. */
  readonly recordedAt?: string;
}

/** One colour per kind, also used for the marker beside each entry of the list under the chart. */
export const ANNOTATION_COLOURS: Record<Annotation['kind'], string> = {
  gateway_offline: '#b42318',
  gateway_online: '#1a7f37',
  configuration: '#9a6700',
  firmware: '#8250df',
  command: '#0b5cad',
};

/** Dashed vertical lines at each annotation, drawn over the plot after the series. */
function drawAnnotations(u: uPlot, annotations: readonly Annotation[]): void {
  const { ctx, bbox } = u;
  ctx.save();
  ctx.lineWidth = 1;
  ctx.setLineDash([3, 3]);
  for (const a of annotations) {
    ctx.strokeStyle = ANNOTATION_COLOURS[a.kind];
    const x = Math.round(u.valToPos(a.t, 'x', true));
    if (x < bbox.left || x > bbox.left + bbox.width) continue;
    ctx.beginPath();
    ctx.moveTo(x, bbox.top);
    ctx.lineTo(x, bbox.top + bbox.height);
    ctx.stroke();
  }
  ctx.restore();
}

/** Further lines on the same time axis (a dashboard chart of several sensors). */
export interface MoreSeries {
  readonly label: string;
  readonly y: readonly (number | null | undefined)[];
}

const MORE_COLOURS = ['#bc4c00', '#1a7f37', '#8250df', '#9a6700', '#cf222e', '#0969da', '#57606a'];

function options(
  columns: Compared,
  unit: string,
  width: number,
  range: readonly [number, number],
  onDraw: (u: uPlot) => void,
  more: readonly MoreSeries[] = [],
  firstLabel?: string,
): uPlot.Options {
  // Few points draw nothing as a line; show them as dots then (never for large series: dots are slow there).
  const dots = columns.x.length < 60;
  const band = columns.kind === 'gauge';
  const series: uPlot.Series[] = [
    {},
    {
      label: firstLabel ?? (columns.kind === 'counter' ? `energy (${unit})` : band ? `average (${unit})` : unit),
      stroke: LINE,
      width: 1.5,
      spanGaps: false,
      points: { show: dots, size: 6 },
      ...(columns.kind === 'counter' ? { paths: uPlot.paths.bars!({ size: [0.8, 40] }), fill: BAND } : {}),
    },
  ];
  if (band) {
    series.push({ label: 'min', stroke: 'transparent', points: { show: false }, spanGaps: false });
    series.push({ label: 'max', stroke: 'transparent', points: { show: false }, spanGaps: false });
  }
  if (columns.previous)
    series.push({
      label: 'previous period',
      stroke: '#6e7781',
      width: 1,
      dash: [6, 4],
      spanGaps: false,
      points: { show: dots, size: 5 },
    });
  more.forEach((m, i) =>
    series.push({
      label: m.label,
      stroke: MORE_COLOURS[i % MORE_COLOURS.length]!,
      width: 1.5,
      spanGaps: false,
      points: { show: dots, size: 5 },
    }),
  );
  return {
    width,
    height: 320,
    series,
    bands: band ? [{ series: [3, 2], fill: BAND }] : [],
    legend: { show: true, live: true },
    cursor: { drag: { x: true, y: false } },
    axes: [
      {},
      {
        size: 70,
        values: (_u, splits) => splits.map((v) => (Math.abs(v) >= 10_000 && unit === 'W' ? `${v / 1000} kW` : `${v}`)),
      },
    ],
    // The asked range, not the data's: a day with one reading still reads as a day.
    scales: { x: { time: true, range: () => [range[0], range[1]] } },
    hooks: { draw: [onDraw] },
  };
}

/**
 * One uPlot chart: an average line with the min–max band of each bucket (or bars of energy per bucket), gaps left
 * as gaps. The canvas is described by `label` for screen readers; the page offers the same data as a table.
 */
export function Chart({
  columns,
  unit,
  label,
  range,
  annotations = [],
  onDrawn,
  more = [],
  firstLabel,
}: {
  columns: Compared;
  unit: string;
  label: string;
  range: readonly [number, number];
  annotations?: readonly Annotation[];
  onDrawn?: (ms: number) => void;
  more?: readonly MoreSeries[];
  firstLabel?: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const started = performance.now();
    const data = (
      columns.kind === 'gauge' ? [columns.x, columns.y, columns.lo, columns.hi] : [columns.x, columns.y]
    ) as uPlot.AlignedData extends readonly (infer T)[] ? T[] : never;
    if (columns.previous) data.push(columns.previous as (number | null)[]);
    for (const m of more) data.push(m.y as (number | null)[]);
    let first = true;
    // The first draw's time is exposed for the browser tests and the UI benchmark: data-render-ms from the data to
    // the drawn chart, data-drawn-at since the page's navigation began.
    const drawn = (u: uPlot): void => {
      drawAnnotations(u, annotations);
      if (!first) return;
      first = false;
      const ms = performance.now() - started;
      element.dataset.renderMs = ms.toFixed(1);
      element.dataset.drawnAt = performance.now().toFixed(1);
      onDrawn?.(ms);
    };
    const plot = new uPlot(
      options(columns, unit, element.clientWidth || 800, range, drawn, more, firstLabel),
      data as unknown as uPlot.AlignedData,
      element,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: element.clientWidth, height: 320 }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [columns, unit, range, annotations, more, firstLabel]);
  return <div class="chart" ref={host} role="img" aria-label={label} data-points={columns.x.length} />;
}
