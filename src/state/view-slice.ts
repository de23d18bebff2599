import type { StateCreator } from 'zustand/vanilla';
import { MAX_PRUNING_RATE } from '../engine/contract/config';
import type { UserDataSummary } from '../engine/contract/user-data';
import type { DataShape } from '../engine/contract/model-size';
import type { VariantKey } from './select-runs';
import type { AppState } from './store';

export interface Notice {
  id: number;
  tone: 'info' | 'warning' | 'error';
  title: string;
  lines: string[];
}

export interface ViewSlice {
  /** The pruning rate the slider selects (a measured rate, or one between them). */
  selectedRate: number;
  /** The group hovered in any chart or the legend: highlighted everywhere. */
  hoveredGroup: number | null;
  hiddenGroups: number[];
  /** Which sweep (variant key: mode, or mode:version) the per-group charts show. */
  viewMode: VariantKey;
  presenter: boolean;
  notices: Notice[];
  /** The user data (UTKFace, CIFAR-10 ...) decoded on this device, as the worker reports it. */
  userData: UserDataSummary[];
  setUserData: (list: UserDataSummary[]) => void;
  /** The current config's input shape and classes, once the data panel's summary is in: sizes the model shown before Run. */
  dataShape: DataShape | null;
  setDataShape: (shape: DataShape | null) => void;
  /** WebAssembly threads the engine worker starts with; null: automatic (every core but one). A device setting (never in a link). */
  wasmThreads: number | null;
  setWasmThreads: (threads: number | null) => void;
  selectRate: (rate: number) => void;
  hoverGroup: (group: number | null) => void;
  toggleGroup: (group: number) => void;
  setViewMode: (mode: VariantKey) => void;
  setPresenter: (on: boolean) => void;
  addNotice: (n: Omit<Notice, 'id'>) => void;
  dismissNotice: (id: number) => void;
}

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set, get) => ({
  selectedRate: 0,
  hoveredGroup: null,
  hiddenGroups: [],
  viewMode: 'none',
  presenter: false,
  notices: [],
  userData: [],
  setUserData: (userData) => set({ userData }),
  dataShape: null,
  setDataShape: (dataShape) => set({ dataShape }),
  wasmThreads: null,
  setWasmThreads: (wasmThreads) => set({ wasmThreads }),
  selectRate: (rate) => set({ selectedRate: Math.min(MAX_PRUNING_RATE, Math.max(0, rate)) }),
  hoverGroup: (group) => {
    if (get().hoveredGroup !== group) set({ hoveredGroup: group });
  },
  toggleGroup: (group) => {
    const hidden = get().hiddenGroups;
    set({ hiddenGroups: hidden.includes(group) ? hidden.filter((g) => g !== group) : [...hidden, group] });
  },
  setViewMode: (mode) => set({ viewMode: mode }),
  setPresenter: (on) => set({ presenter: on }),
  addNotice: (n) => {
    const notices = get().notices;
    set({ notices: [...notices, { ...n, id: Math.max(0, ...notices.map((x) => x.id)) + 1 }] });
  },
  dismissNotice: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
});
