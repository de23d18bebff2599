import { useEffect, useState } from 'react';
import type { DataPreviewState } from '../../app/data-preview';
import { classTotals, groupTotals, type DataSummary } from '../../engine/contract/data-summary';
import { useApp, useAppStore, useDataPreview } from '../app-context';
import { DataProgressBar } from './data-progress-bar';
import { SampleImage } from './sample-image';
import { UserDataPanel } from './user-data-panel';

const int = (n: number) => n.toLocaleString('en-US');
/** Wait this long after the last edit before asking for a summary, so typing a sample count asks once. */
const DEBOUNCE_MS = 250;
/**
 * Screens with room for the panel open and still show the first chart; on a phone or a 1280×720 projector it starts
 * folded to its one-line summary, so the charts are on screen without scrolling.
 */
const ROOMY = '(min-width: 901px) and (min-height: 801px)';
const roomy = () => typeof window !== 'undefined' && window.matchMedia(ROOMY).matches;

/** Counts per group (rows) and class (columns) of the training split, with each group's train and test sizes. */
function CountsTable({ s }: { s: DataSummary }) {
  const trainByGroup = groupTotals(s.train);
  const testByGroup = groupTotals(s.test);
  const trainByClass = classTotals(s.train);
  return (
    <div className="table-scroll">
      <table className="data-counts">
        <caption>Training samples per group and class; train and test size of each group</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            {s.classNames.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
            <th scope="col">Train</th>
            <th scope="col">Test</th>
          </tr>
        </thead>
        <tbody>
          {s.groupNames.map((g, a) => (
            <tr key={g}>
              <th scope="row">{g}</th>
              {s.train[a].map((n, c) => (
                <td key={c} className={n === 0 ? 'muted' : undefined}>
                  {n === 0 ? '·' : int(n)}
                </td>
              ))}
              <td className="total">{int(trainByGroup[a])}</td>
              <td className="total">{int(testByGroup[a])}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All</th>
            {trainByClass.map((n, c) => (
              <td key={c}>{int(n)}</td>
            ))}
            <td className="total">{int(trainByGroup.reduce((x, y) => x + y, 0))}</td>
            <td className="total">{int(testByGroup.reduce((x, y) => x + y, 0))}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** A row of sample training images per group, each titled with its class. */
function SampleGrid({ s }: { s: DataSummary }) {
  return (
    <div className="sample-grid" aria-label="Sample images per group">
      {s.groupNames.map((g, a) => (
        <div className="sample-row" key={g}>
          <span className="sample-group">{g}</span>
          {s.samples[a].map((img, k) => (
            <SampleImage key={k} pixels={img.pixels} shape={s.imageShape} title={`${g}: ${s.classNames[img.label]}`} />
          ))}
          {s.samples[a].length === 0 && <span className="muted">no samples</span>}
        </div>
      ))}
    </div>
  );
}

/** Loading: a bar with bytes or chunks and an ETA; until the source reports progress, a plain line. */
function Loading({ state }: { state: Extract<DataPreviewState, { status: 'loading' }> }) {
  const p = state.progress;
  if (p === null) return <p className="muted">Building the data set…</p>;
  return <DataProgressBar progress={p} label="Data loading" waiting="" />;
}

/**
 * The data of the current config, before any training: the split the run will use (same seed), its counts per
 * group and class, and sample images per group. Works for every data source: it only reads the engine's summary.
 */
export function DataPanel() {
  const data = useApp((s) => s.config.data);
  const testFraction = useApp((s) => s.config.testFraction);
  const seed = useApp((s) => s.config.seed);
  // New user data on this device (files just given, or forgotten) changes what an 'images' config builds.
  const userData = useApp((s) => s.userData);
  const preview = useDataPreview();
  const store = useAppStore();
  const [state, setState] = useState<DataPreviewState>({ status: 'loading', progress: null });
  // Data the user must give (a preset on their files) opens the panel wherever it is: the file picker is in it. The
  // user's own fold or unfold holds until the data set's kind changes.
  const [choice, setChoice] = useState<{ kind: string; open: boolean } | null>(null);
  const open = choice?.kind === data.kind ? choice.open : data.kind === 'images' || roomy();
  // The config object changes on any edit; only its data, split and seed change this panel.
  const key = JSON.stringify({ data, testFraction, seed, user: data.kind === 'images' ? userData.map((u) => u.hash) : null });
  useEffect(() => {
    const tell = (next: DataPreviewState) => {
      setState(next);
      store.getState().setDataShape(next.status === 'ready' ? { imageShape: next.summary.imageShape, classNames: next.summary.classNames } : null);
    };
    const timer = setTimeout(() => preview.request(store.getState().config, tell), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key, preview, store]);
  const s = state.status === 'ready' ? state.summary : null;
  return (
    <details className="data-panel card" open={open} onToggle={(e) => {
        const now = e.currentTarget.open;
        if (now !== open) setChoice({ kind: data.kind, open: now });
      }}>
      <summary>
        Data{s ? `: ${s.name}` : ''}
        {s && (
          <span className="muted">
            {' '}
            · train {int(groupTotals(s.train).reduce((x, y) => x + y, 0))} · test {int(groupTotals(s.test).reduce((x, y) => x + y, 0))} · seed {s.seed}
          </span>
        )}
      </summary>
      {data.kind === 'images' && <UserDataPanel source={data.source} side={data.side} />}
      {state.status === 'loading' && <Loading state={state} />}
      {state.status === 'error' && (
        <p className="data-error" role="alert">
          Could not load the data: {state.message}
        </p>
      )}
      {s && (
        <div className="data-body">
          <CountsTable s={s} />
          <SampleGrid s={s} />
        </div>
      )}
    </details>
  );
}
