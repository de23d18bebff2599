import type { Config } from './config';

// Dotted paths into the Config, as types: 'prune.rates' is a ConfigPath and PathValue<Config, 'prune.rates'> is
// number[], so a control that names a path gets the value's type with it, and a misspelt path is a type error.
// Arrays (and tuples) are leaves, as in the share link; a union (the data sources) contributes the paths of each
// member, and a path's value is what the members that have it hold there.

type Leaf = string | number | boolean | bigint | symbol | null | undefined | readonly unknown[];

/** Every dotted path of T, objects included ('data', 'data.samples', ...). Distributes over unions. */
export type Path<T> = T extends Leaf
  ? never
  : T extends object
    ? { [K in keyof T & string]: K | (NonNullable<T[K]> extends Leaf ? never : `${K}.${Path<NonNullable<T[K]>>}`) }[keyof T & string]
    : never;

/** The type at a dotted path of T; for a union, the union of what the members that have the path hold there. */
export type PathValue<T, P extends string> = T extends unknown
  ? P extends `${infer K}.${infer Rest}`
    ? K extends keyof T
      ? PathValue<NonNullable<T[K]>, Rest>
      : never
    : P extends keyof T
      ? T[P]
      : never
  : never;

export type ConfigPath = Path<Config>;
