import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';

// WXT's storage items do not validate what they read. Every read here is parsed; a value that does
// not parse is set aside under a "corrupt:" key (kept for export) and the fallback is used instead,
// so a bad write or an old bug never crashes the extension.

type Key = `local:${string}` | `session:${string}`;

/** Where a failed write is reported (e.g. the storage quota was hit), for the popup to show. */
export const STORAGE_PROBLEM_KEY = 'session:storageProblem';
export const storageProblemSchema = z.object({ key: z.string(), message: z.string(), at: z.number() });

export interface ItemOptions<T> {
  /**
   * The shape's version and how to bring each older stored version up to date: `migrations[n]` turns a
   * version n-1 value into version n. WXT runs them once, on first use after an update.
   */
  version?: number;
  migrations?: Record<number, (old: unknown) => unknown>;
}

export interface ValidatedItem<T> {
  key: Key;
  get(): Promise<T>;
  set(value: T): Promise<void>;
  /** Read-modify-write, serialised per item within this context (the background is the only writer). */
  update(change: (current: T) => T): Promise<T>;
  watch(callback: (value: T) => void): () => void;
}

export function validatedItem<T>(
  key: Key,
  schema: z.ZodMiniType<T>,
  fallback: () => NoInfer<T>,
  options: ItemOptions<T> = {},
): ValidatedItem<T> {
  const item = storage.defineItem<unknown>(key, {
    version: options.version ?? 1,
    ...(options.migrations ? { migrations: options.migrations } : {}),
  });

  /** A write the browser refused (most often the quota) is reported, then fails as before. */
  async function write(value: T): Promise<void> {
    try {
      await item.setValue(value);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await storage.setItem(STORAGE_PROBLEM_KEY, { key, message, at: Date.now() }).catch(() => undefined);
      throw error;
    }
  }
  let queue: Promise<unknown> = Promise.resolve();

  function parseOrFallback(raw: unknown): { value: T; corrupt: boolean } {
    if (raw === null || raw === undefined) return { value: fallback(), corrupt: false };
    const parsed = z.safeParse(schema, raw);
    return parsed.success ? { value: parsed.data, corrupt: false } : { value: fallback(), corrupt: true };
  }

  async function get(): Promise<T> {
    const raw = await item.getValue();
    const { value, corrupt } = parseOrFallback(raw);
    if (corrupt) {
      const [area, name] = key.split(':') as ['local' | 'session', string];
      await storage.setItem(`${area}:corrupt:${name}:${Date.now()}`, raw);
      await write(value);
    }
    return value;
  }

  return {
    key,
    get,
    set: write,
    update(change) {
      const next = queue.then(async () => {
        const value = change(await get());
        await write(value);
        return value;
      });
      queue = next.catch(() => undefined);
      return next;
    },
    watch: (callback) => item.watch((raw) => callback(parseOrFallback(raw).value)),
  };
}
