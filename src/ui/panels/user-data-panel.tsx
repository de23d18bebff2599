import { useState } from 'react';
import type { GivenFile } from '../../app/user-data';
import type { DataProgress } from '../../engine/contract/data-progress';
import { errorMessage } from '../../engine/contract/events';
import { imageSources, type ImageSourceId } from '../../engine/contract/image-sources';
import { useApp, useUserData } from '../app-context';
import { DataProgressBar } from './data-progress-bar';
import { filesFromDrop } from './dropped-files';

type Status = { kind: 'idle' } | { kind: 'loading'; progress: DataProgress | null } | { kind: 'error'; message: string };

/**
 * Where the user gives their own data (UTKFace, CIFAR-10, SVHN, a folder): files or a folder, picked or dropped.
 * They are decoded in the worker on this device and cached there; nothing is uploaded. Says what was read and
 * skipped, and forgets the data on request.
 */
export function UserDataPanel({ source, side }: { source: ImageSourceId; side: number }) {
  const service = useUserData();
  const have = useApp((s) => s.userData).find((u) => u.source === source && u.side === side);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const info = imageSources[source];
  const give = async (files: GivenFile[]) => {
    if (!files.length) return;
    setStatus({ kind: 'loading', progress: null });
    try {
      await service.give(source, side, files, (progress) => setStatus({ kind: 'loading', progress }));
      setStatus({ kind: 'idle' });
    } catch (e) {
      setStatus({ kind: 'error', message: errorMessage(e) });
    }
  };
  const picked = (list: FileList | null) => void give(Array.from(list ?? [], (f) => ({ path: f.webkitRelativePath || f.name, file: f })));
  return (
    <section
      className="user-data-panel"
      aria-label="Your files"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        // Handled here, not by the page-wide Results import.
        e.preventDefault();
        e.stopPropagation();
        void filesFromDrop(e.dataTransfer).then(give);
      }}
    >
      <h3>Your files: {info.title}</h3>
      <p className="muted">
        Give {info.files}. They are decoded here, on this device, and kept in this browser for next time; nothing is
        uploaded.
      </p>
      <div className="user-data-inputs">
        <label>
          Files or archives <input type="file" multiple aria-label="Choose data files" onChange={(e) => picked(e.target.files)} />
        </label>
        <label>
          A folder <input type="file" aria-label="Choose a data folder" {...{ webkitdirectory: '' }} onChange={(e) => picked(e.target.files)} />
        </label>
        <span className="muted">or drop them here</span>
      </div>
      {status.kind === 'loading' && <DataProgressBar progress={status.progress} label="Decoding" waiting="Reading the files…" />}
      {status.kind === 'error' && (
        <p className="data-error" role="alert">
          Could not read the files: {status.message}
        </p>
      )}
      {have && (
        <div className="user-data-report">
          <p role="status">
            Read {have.read.toLocaleString('en-US')} {info.title} images ({side}×{side} RGB) in {(have.ms / 1000).toFixed(1)} s; skipped {have.skippedCount}.
          </p>
          {have.skippedCount > 0 && (
            <details>
              <summary>Skipped files and why</summary>
              <ul>
                {have.skipped.map((s) => (
                  <li key={s.path}>
                    <code>{s.path}</code>: {s.reason}
                  </li>
                ))}
                {have.skippedCount > have.skipped.length && <li>… and {have.skippedCount - have.skipped.length} more</li>}
              </ul>
            </details>
          )}
          <button type="button" className="small" onClick={() => void service.forget(source)}>
            Forget this data
          </button>
        </div>
      )}
    </section>
  );
}
