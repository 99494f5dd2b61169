// Plain checks for what reaches the scripts that load on every host page (host API answers, stored
// settings, messages from the background). zod/mini was 60–70% of their load-time CPU: its schemas are
// built when the script starts, on every page, while a reassign is rare (DESIGN.md §9 allows 5 ms).
// Every shape checked here has a unit test that holds it to the zod schema the rest of Baton uses.

export type Check<T> = (value: unknown) => value is T;
export type Checked<C> = C extends Check<infer T> ? T : never;

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
export const isString: Check<string> = (value): value is string => typeof value === 'string';
export const isBoolean: Check<boolean> = (value): value is boolean => typeof value === 'boolean';
export const isNumber: Check<number> = (value): value is number =>
  typeof value === 'number' && Number.isFinite(value);

export const maxLength =
  (max: number): Check<string> =>
  (value): value is string =>
    isString(value) && value.length <= max;

export const optional =
  <T>(check: Check<T>): Check<T | undefined> =>
  (value): value is T | undefined =>
    value === undefined || check(value);

export const nullable =
  <T>(check: Check<T>): Check<T | null> =>
  (value): value is T | null =>
    value === null || check(value);

export const arrayOf =
  <T>(check: Check<T>, max = Number.POSITIVE_INFINITY): Check<T[]> =>
  (value): value is T[] =>
    Array.isArray(value) && value.length <= max && value.every(check);

export const recordOf =
  <T>(check: Check<T>): Check<Record<string, T>> =>
  (value): value is Record<string, T> =>
    isRecord(value) && Object.values(value).every(check);

/** An object with at least these fields; other keys are left as they are and never read. */
export const shape =
  <S extends Record<string, Check<unknown>>>(fields: S): Check<{ [K in keyof S]: Checked<S[K]> }> =>
  (value): value is { [K in keyof S]: Checked<S[K]> } =>
    isRecord(value) && Object.entries(fields).every(([key, check]) => check(value[key]));
