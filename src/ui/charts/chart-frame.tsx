import { useId, useRef, type ReactNode } from 'react';
import { exportPng, exportSvg, type LegendItem } from './export-chart';

interface Props {
  /** The region's accessible name and visible title. */
  title: string;
  /** One or two sentences tying the chart to the paper's claim. */
  caption: ReactNode;
  /** Shown instead of the chart when there is nothing to draw yet. */
  empty?: string | null;
  /** Extra controls beside the export buttons. */
  tools?: ReactNode;
  wide?: boolean;
  /** Written into exported files (the page's legend is outside the chart). */
  legend?: LegendItem[];
  children: ReactNode;
}

/** A chart card: a named region (tests and screen readers find charts by it), caption, PNG/SVG export. */
export function ChartFrame({ title, caption, empty, tools, wide, legend, children }: Props) {
  const body = useRef<HTMLDivElement>(null);
  const titleId = useId();
  return (
    <section className={`chart-card${wide ? ' wide' : ''}`} role="region" aria-labelledby={titleId}>
      <header className="chart-head">
        <h3 id={titleId}>{title}</h3>
        <div className="chart-tools">
          {tools}
          <button type="button" className="small" disabled={!!empty} onClick={() => body.current && exportPng(body.current, title, legend)} aria-label={`Export ${title} as PNG`}>
            PNG
          </button>
          <button type="button" className="small" disabled={!!empty} onClick={() => body.current && exportSvg(body.current, title, legend)} aria-label={`Export ${title} as SVG`}>
            SVG
          </button>
        </div>
      </header>
      <div className="chart-body" ref={body}>
        {empty ? <p className="chart-empty">{empty}</p> : children}
      </div>
      <p className="caption">{caption}</p>
    </section>
  );
}
