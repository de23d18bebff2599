import { useMemo } from 'react';
import { variantsOf } from '../state/select-runs';
import { ChartGrid } from './charts/chart-grid';
import { ControlsPanel } from './controls/controls-panel';
import { useApp } from './app-context';
import { DataPanel } from './panels/data-panel';
import { DropZone } from './panels/drop-zone';
import { HeaderBar } from './panels/header-bar';
import { Notices } from './panels/notices';
import { PresetGallery } from './panels/preset-gallery';
import { ProgressBar } from './panels/progress-bar';
import { RateDetails } from './panels/rate-details';
import { SkipLinks } from './panels/skip-links';
import { SnapshotBanner } from './panels/snapshot-banner';
import { Table2 } from './panels/table2';
import { ViewBar } from './panels/view-bar';
import { Welcome } from './panels/welcome';
import { runStatus } from '../state/run-slice';

/**
 * One screen: settings on the left (hidden in presenter mode), the charts of the current Results on the right. The
 * charts come first in the page's order, so on a phone (one column) they are on screen without scrolling and the
 * keyboard reaches them before the settings; on wide screens the grid puts the settings back on the left.
 */
export function App() {
  const presenter = useApp((s) => s.presenter);
  const results = useApp((s) => s.results);
  const configModes = useApp((s) => s.config.mitigation.modes);
  const showModes = useMemo(() => variantsOf(results).length > 1 || configModes.length > 1, [results, configModes]);
  return (
    <div className={`app${presenter ? ' presenter' : ''}`} data-status={useApp(runStatus)}>
      <SkipLinks settings={!presenter} />
      <HeaderBar />
      {/* In a landmark, so that nothing on the page lies outside one (axe's "region" rule). */}
      <section className="status-area" aria-label="Run status and notices">
        <Notices />
        <ProgressBar />
      </section>
      <div className="layout">
        <main className="main">
          <Welcome />
          <DataPanel />
          <SnapshotBanner />
          <ViewBar />
          <ChartGrid showModes={showModes} />
          <RateDetails />
          {showModes && <Table2 />}
        </main>
        {!presenter && (
          <div className="sidebar" id="settings" tabIndex={-1}>
            <PresetGallery />
            <ControlsPanel />
          </div>
        )}
      </div>
      <DropZone />
    </div>
  );
}
