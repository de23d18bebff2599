import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultConfig } from '../../src/engine/contract/config';
import { applyLink, startShareLinkSync } from '../../src/app/share-link-sync';
import { encodeShareLink } from '../../src/state/share-link';
import { createAppStore } from '../../src/state/store';

describe('applyLink', () => {
  it('loads a link into the store and says whether it asks to run', () => {
    const store = createAppStore();
    expect(applyLink(store, 'v=1&train.epochs=3&presenter=1&rate=0.5&autorun=1')).toBe(true);
    expect(store.getState()).toMatchObject({ presenter: true, selectedRate: 0.5 });
    expect(store.getState().config.train.epochs).toBe(3);
    expect(store.getState().notices).toEqual([]);
  });

  it('reports what it could not use in one notice', () => {
    const store = createAppStore();
    expect(applyLink(store, 'v=1&train.epochs=1000&nope=1')).toBe(false);
    const [notice] = store.getState().notices;
    expect(notice.title).toBe('Parts of the link could not be used; the closest valid settings were loaded');
    expect(notice.lines.join('\n')).toContain('train.epochs');
    expect(store.getState().config.train.epochs).toBe(200);
  });
});

describe('startShareLinkSync', () => {
  const listeners = new Map<string, () => void>();
  const page = { origin: 'http://x', pathname: '/', search: '', hash: '' };
  const replaceState = vi.fn((_state: unknown, _title: string, url: string) => (page.hash = url.slice(url.indexOf('#'))));

  beforeEach(() => {
    vi.useFakeTimers();
    page.hash = '';
    replaceState.mockClear();
    vi.stubGlobal('location', page);
    vi.stubGlobal('history', { state: null, replaceState });
    vi.stubGlobal('window', {
      addEventListener: (type: string, f: () => void) => listeners.set(type, f),
      removeEventListener: (type: string) => listeners.delete(type),
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('writes the hash at most every 300 ms and reads a pasted hash back in', () => {
    const store = createAppStore();
    const onAutorun = vi.fn();
    const stop = startShareLinkSync(store, onAutorun);
    store.getState().setPresenter(true);
    store.getState().selectRate(0.5);
    expect(replaceState).not.toHaveBeenCalled();
    vi.advanceTimersByTime(300);
    expect(replaceState).toHaveBeenCalledTimes(1);
    expect(page.hash).toBe(`#${encodeShareLink({ config: defaultConfig(), presenter: true, rate: 0.5 })}`);

    page.hash = '#v=1&seeds=2&autorun=1';
    listeners.get('hashchange')?.();
    expect(store.getState().config.seeds).toBe(2);
    expect(onAutorun).toHaveBeenCalledTimes(1);

    stop();
    expect(listeners.has('hashchange')).toBe(false);
  });
});
