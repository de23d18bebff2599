import { useCallback, useEffect, useRef } from 'react';
import { useController } from './app-context';
import { useShareLinkSync } from './use-share-link-sync';

/** Keeps the link in step with the state, and runs once on load when the link says autorun=1. */
export function AutorunAndSync({ autorun }: { autorun: boolean }) {
  const controller = useController();
  const started = useRef(false);
  const run = useCallback(() => controller.run(), [controller]);
  useShareLinkSync(run);
  useEffect(() => {
    // StrictMode runs effects twice in development: the ref keeps it to one run.
    if (autorun && !started.current) {
      started.current = true;
      controller.run();
    }
  }, [autorun, controller]);
  return null;
}
