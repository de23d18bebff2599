import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { DataPreview } from '../app/data-preview';
import type { ResultsImport } from '../app/results-import';
import type { RunController } from '../app/run-controller';
import type { TestImages } from '../app/test-images';
import type { UserDataService } from '../app/user-data';
import type { AppState, AppStore } from '../state/store';

export interface AppServices {
  store: AppStore;
  controller: RunController;
  dataPreview: DataPreview;
  userData: UserDataService;
  resultsImport: ResultsImport;
  testImages: TestImages;
}

export const AppContext = createContext<AppServices | null>(null);

function useServices(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('AppContext is missing: render inside <AppContext.Provider>');
  return services;
}

/** Subscribes to a slice of the store. Selectors must return stored references or primitives (derive with useMemo). */
export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(useServices().store, selector);
}

export const useController = (): RunController => useServices().controller;
export const useDataPreview = (): DataPreview => useServices().dataPreview;
export const useUserData = (): UserDataService => useServices().userData;
export const useResultsImport = (): ResultsImport => useServices().resultsImport;
export const useTestImages = (): TestImages => useServices().testImages;
export const useAppStore = (): AppStore => useServices().store;
