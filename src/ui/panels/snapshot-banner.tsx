import { echoKey } from '../../engine/contract/echo';
import { useApp, useController } from '../app-context';

/**
 * Results that came with the link were measured elsewhere: say so beside the charts, when and on what, and offer
 * to reproduce them here (the same config, seeds included, gives the same numbers on the same backend).
 */
export function SnapshotBanner() {
  const controller = useController();
  const shown = useApp((s) => (s.source === 'link' ? s.results : null));
  if (!shown) return null;
  return (
    <section className="snapshot-banner" aria-label="Results from the link">
      <p>
        These charts came with the link: measured on {echoKey(shown.backend.name, 40)}
        {shown.createdAt ? ` (${echoKey(shown.createdAt.slice(0, 10))})` : ''}, not computed in this browser.
      </p>
      <button type="button" className="primary" onClick={() => controller.run()}>
        Re-run to reproduce
      </button>
    </section>
  );
}
