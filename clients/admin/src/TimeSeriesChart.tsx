import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { daySeconds, formatCompact, type DateRange } from './format';

export interface Series {
  label: string;
  values: number[];
  color: string;
}

const HEIGHT = 220;

/** A uPlot line chart of per-day values; redraws on new data, follows the container's width. */
export function TimeSeriesChart(props: { id: string; title: string; range: DateRange; series: Series[] }) {
  const container = useRef<HTMLDivElement>(null);
  const { id, title, range, series } = props;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const data: uPlot.AlignedData = [range.days.map(daySeconds), ...series.map((s) => s.values)];
    const plot = new uPlot(
      {
        width: Math.max(element.clientWidth, 280),
        height: HEIGHT,
        series: [
          {},
          ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2, fill: `${s.color}22` })),
        ],
        axes: [
          { stroke: '#8892a6' },
          { stroke: '#8892a6', size: 64, values: (_plot, splits) => splits.map(formatCompact) },
        ],
        scales: { x: { time: true } },
        legend: { show: true },
      },
      data,
      element,
    );
    const resize = new ResizeObserver(() =>
      plot.setSize({ width: Math.max(element.clientWidth, 280), height: HEIGHT }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [range, series]);

  return (
    <section className="panel chart" data-chart={id}>
      <h3>{title}</h3>
      <div ref={container} />
    </section>
  );
}
