import { useMemo } from 'react';
import { rateContext, type RateContext } from '../state/select-rate';
import { useApp } from './app-context';

/** The selected rate's context (state/select-rate.ts), derived once per change of its inputs. */
export function useRateContext(): RateContext {
  const results = useApp((s) => s.results);
  const viewMode = useApp((s) => s.viewMode);
  const selectedRate = useApp((s) => s.selectedRate);
  const provisional = useApp((s) => s.provisional);
  return useMemo(() => rateContext({ results, viewMode, selectedRate, provisional }), [results, viewMode, selectedRate, provisional]);
}
