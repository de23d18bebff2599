import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/engine/contract/config';
import { runStatus } from '../../src/state/run-slice';
import { ADJUSTED_TITLE } from '../../src/state/config-slice';
import { createAppStore } from '../../src/state/store';
import { withValue } from '../../src/ui/controls/use-config-field';
import { fixtureResults } from './fixtures';

describe('app store', () => {
  it('never stores an invalid config: the decoder clamps it', () => {
    const store = createAppStore();
    const c = defaultConfig();
    store.getState().setConfig({ ...c, train: { ...c.train, epochs: 5000 } });
    expect(store.getState().config.train.epochs).toBe(200);
  });

  it('reports what a control edit had clamped, naming the field, and stores the clamped value', () => {
    const store = createAppStore();
    store.getState().updateConfig((c) => withValue(c, 'prune.rates', [0.5, 0.995]));
    expect(store.getState().config.prune.rates).toEqual([0.5, 0.99]);
    expect(store.getState().notices).toMatchObject([{ tone: 'warning', title: ADJUSTED_TITLE, lines: ['prune.rates.1: 0.995 is out of range, clamped to 0.99'] }]);

    store.getState().updateConfig((c) => withValue(c, 'train.epochs', 1000));
    expect(store.getState().config.train.epochs).toBe(200);
    // The latest edit's notice replaces the earlier one.
    expect(store.getState().notices).toMatchObject([{ title: ADJUSTED_TITLE, lines: ['train.epochs: 1000 is out of range, clamped to 200'] }]);
  });

  it('adds no notice for an edit within range', () => {
    const store = createAppStore();
    store.getState().updateConfig((c) => withValue(c, 'train.epochs', 12));
    store.getState().updateConfig((c) => withValue(c, 'prune.rates', [0.2, 0.99]));
    expect(store.getState().config.train.epochs).toBe(12);
    expect(store.getState().config.prune.rates).toEqual([0.2, 0.99]);
    expect(store.getState().notices).toEqual([]);
  });

  it('tracks a run from start to results and keeps live training curves', () => {
    const store = createAppStore();
    const s = () => store.getState();
    s().runStarted(1000);
    s().progressReceived({ type: 'progress', phase: 'train-dense', fraction: 0.25, seed: 1, mode: null, rate: 0, message: 'epoch 1' }, 2000);
    s().epochReceived(1, 'dense', { epoch: 1, loss: 1, accuracy: 0.5, groups: [{ loss: 1, accuracy: 0.5 }] });
    s().epochReceived(1, 'dense', { epoch: 2, loss: 0.8, accuracy: 0.6, groups: [{ loss: 0.8, accuracy: 0.6 }] });
    expect(s().run).toMatchObject({ status: 'running', phase: 'train-dense', fraction: 0.25, startedAt: 1000, updatedAt: 2000 });
    expect(s().liveTraining[0].epochs.map((e) => e.epoch)).toEqual([1, 2]);
    const results = fixtureResults();
    s().resultsFinal(results);
    expect(runStatus(s())).toBe('complete');
    expect(s().canQuickEvaluate).toBe(true);
  });

  it('ignores progress after a cancel request and imports results without a session', () => {
    const store = createAppStore();
    const s = () => store.getState();
    s().runStarted(0);
    s().cancelRequested();
    s().progressReceived({ type: 'progress', phase: 'prune', fraction: 0.9, seed: 1, mode: 'none', rate: 0.5, message: '' }, 1);
    expect(s().run.status).toBe('cancelling');
    s().resultsImported(fixtureResults());
    expect(s()).toMatchObject({ source: 'import', canQuickEvaluate: false, provisional: [] });
  });

  it('gives each notice its own id and dismisses by id', () => {
    const store = createAppStore();
    store.getState().addNotice({ tone: 'info', title: 'a', lines: [] });
    store.getState().addNotice({ tone: 'info', title: 'b', lines: [] });
    const [a, b] = store.getState().notices;
    expect(a.id).not.toBe(b.id);
    store.getState().dismissNotice(a.id);
    expect(store.getState().notices.map((n) => n.title)).toEqual(['b']);
  });
});
