import type { EngineEvent } from '../engine/contract/events';

/** A one-line progress bar on stderr (redrawn in place on a terminal, a line per phase change otherwise). */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): (e: EngineEvent) => void {
  const started = Date.now();
  let lastMessage = '';
  return (e) => {
    if (e.type !== 'progress') return;
    const width = 28;
    const filled = Math.round(e.fraction * width);
    const elapsed = (Date.now() - started) / 1000;
    const eta = e.fraction > 0.02 ? elapsed * (1 / e.fraction - 1) : NaN;
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(e.fraction * 100).toFixed(0).padStart(3)}% ${elapsed.toFixed(0)}s${Number.isFinite(eta) ? ` eta ${eta.toFixed(0)}s` : ''}  ${e.message}`;
    if (stream.isTTY) stream.write(`\r${line.slice(0, (stream.columns || 120) - 1).padEnd((stream.columns || 120) - 1)}`);
    else if (e.message !== lastMessage) stream.write(`${line}\n`);
    lastMessage = e.message;
    if (e.phase === 'done' && stream.isTTY) stream.write('\n');
  };
}
