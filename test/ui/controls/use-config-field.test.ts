import { describe, expect, expectTypeOf, it } from 'vitest';
import { defaultConfig, type Config } from '../../../src/engine/contract/config';
import type { ConfigPath, PathValue } from '../../../src/engine/contract/config-path';
import { useConfigField, withValue } from '../../../src/ui/controls/use-config-field';

describe('typed config paths', () => {
  it('carry the type at the path', () => {
    expectTypeOf<PathValue<Config, 'prune.rates'>>().toEqualTypeOf<number[]>();
    expectTypeOf<PathValue<Config, 'model.convFilters'>>().toEqualTypeOf<[number, number]>();
    expectTypeOf<PathValue<Config, 'hessian.when'>>().toEqualTypeOf<'off' | 'dense' | 'all'>();
    expectTypeOf<PathValue<Config, 'seeds'>>().toEqualTypeOf<number>();
    // A path of one data source only: the value those sources hold there.
    expectTypeOf<PathValue<Config, 'data.numClasses'>>().toEqualTypeOf<number>();
    expectTypeOf<PathValue<Config, 'data.balancedTest'>>().toEqualTypeOf<boolean>();
    expectTypeOf<'data.longTail'>().toExtend<ConfigPath>();
    expectTypeOf<ReturnType<typeof useConfigField<'prune.rates'>>>().toEqualTypeOf<[number[], (value: number[]) => void]>();
  });

  it('reject a path the Config does not have, and a value of the wrong type', () => {
    // Never called: the hook needs a React tree; these lines are checked by `npm run typecheck`.
    const typeOnly = () => {
      // @ts-expect-error 'prune.rate' is not a config path
      useConfigField('prune.rate');
      // @ts-expect-error arrays are leaves: no paths inside them
      useConfigField('prune.rates.0');
      // @ts-expect-error prune.rates holds number[], not a number
      withValue(defaultConfig(), 'prune.rates', 0.5);
    };
    expect(typeof typeOnly).toBe('function');
  });

  it('withValue replaces the value at the path on a copy', () => {
    const c = defaultConfig();
    const next = withValue(c, 'prune.rates', [0.2, 0.4]);
    expect(next.prune.rates).toEqual([0.2, 0.4]);
    expect(c.prune.rates).toEqual([0.3, 0.5, 0.7, 0.9]);
    expect(next.train).toEqual(c.train);
  });
});
