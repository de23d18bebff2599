import { useEffect, useMemo, useState } from 'react';
import type { Config } from '../../engine/contract/config';
import { errorMessage } from '../../engine/contract/events';
import type { TestImageSet } from '../../app/test-images';
import { useTestImages } from '../app-context';

export type TestImagesState = { status: 'idle' | 'loading' } | { status: 'ready'; set: TestImageSet } | { status: 'error'; message: string };

type Answer = { status: 'ready'; set: TestImageSet } | { status: 'error'; message: string };

/** The pixels of the test rows `indices` of config's data, fetched from the worker; a newer request drops an older one. */
export function useTestImageSet(config: Config | null, indices: number[]): TestImagesState {
  const service = useTestImages();
  // One key for the effect: the array's identity changes on every render of its parent.
  const key = indices.join(',');
  // By value: a run's partial Results arrive as new objects with the same config, and their images stay valid.
  const configKey = useMemo(() => (config ? JSON.stringify(config) : ''), [config]);
  const [answer, setAnswer] = useState<{ configKey: string; key: string; value: Answer } | null>(null);
  useEffect(() => {
    if (!config || key === '') return;
    let current = true;
    const settle = (value: Answer) => current && setAnswer({ configKey: JSON.stringify(config), key, value });
    service.get(config, key.split(',').map(Number)).then(
      (set) => settle({ status: 'ready', set }),
      (e) => settle({ status: 'error', message: errorMessage(e) }),
    );
    return () => {
      current = false;
    };
  }, [service, config, key]);
  if (!config || key === '') return { status: 'idle' };
  // An answer to an older request is stale: the new one is loading.
  return answer && answer.configKey === configKey && answer.key === key ? answer.value : { status: 'loading' };
}
