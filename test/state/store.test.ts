import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/engine/contract/config';
import { runStatus } from '../../src/state/run-slice';
import { createAppStore } from '../../src/state/store';
import { fixtureResults } from './fixtures';

describe('app store', () => {
  it('never stores an invalid config: the decoder clamps it', () => {
    const store = createAppStore();
    const c = defaultConfig();
    store.getState().setConfig({ ...c, train: { ...c.train, epochs: 5000 } });
    expect(store.getState().config.train.epochs).toBe(200);
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
