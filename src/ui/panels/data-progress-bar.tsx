import { describeDataProgress, progressFraction, type DataProgress } from '../../engine/contract/data-progress';

/** A data source's loading bar and its line (what, how much, time left); `waiting` until it reports any progress. */
export function DataProgressBar({ progress, label, waiting }: { progress: DataProgress | null; label: string; waiting: string }) {
  return (
    <div className="data-loading">
      <progress aria-label={label} max={1} value={progress ? progressFraction(progress) : undefined} />
      <span role="status">{progress ? describeDataProgress(progress) : waiting}</span>
    </div>
  );
}
