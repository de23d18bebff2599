import { jumpTo } from '../jump-to';

/**
 * Links that jump past the header straight to the slider, the charts or the settings, for keyboard and screen-reader
 * users; shown only while focused.
 */
export function SkipLinks({ settings }: { settings: boolean }) {
  return (
    <nav className="skip-links" aria-label="Skip links">
      <a className="skip-link" href="#rate-slider" onClick={jumpTo('rate-slider')}>
        Skip to the rate slider
      </a>
      <a className="skip-link" href="#charts" onClick={jumpTo('charts')}>
        Skip to the charts
      </a>
      {settings && (
        <a className="skip-link" href="#settings" onClick={jumpTo('settings')}>
          Skip to presets and settings
        </a>
      )}
    </nav>
  );
}
