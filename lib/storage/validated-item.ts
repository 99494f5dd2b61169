import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { KEYS, type StorageKey } from './keys';

// WXT's storage items do not validate what they read. Every read here is parsed; a value that does
// not parse is set aside under a "corrupt:" key (kept for export) and the fallback is used instead,
// so a bad write or an old bug never crashes the extension.

export const storageProblemSchema = z.object({ key: z.string(), message: z.string(), at: z.number() });

/**
 * The stored shape's version, given for every item. Version 1 is every value stored so far, read as it
 * is. A change of shape takes the next version and says how to bring each older value up to date:
 * `migrations[n]` turns a version n-1 value into version n; WXT runs them once, on first use after an
 * update, and keeps the version beside the value (`<key>$`).
 */
export type ItemVersion =
  | { version: 1 }
  | { version: number; migrations: Record<number, (old: unknown) => unknown> };

export interface ValidatedItem<T> {
  key: StorageKey;
  /** The stored value, once this context's updates begun before the read have been written. */
  get(): Promise<T>;
  set(value: T): Promise<void>;
  /** Read-modify-write, serialised per item within this context (the background is the only writer). */
  update(change: (current: T) => T): Promise<T>;
  watch(callback: (value: T) => void): () => void;
  /** The value as one write of several, for writeTogether. */
  entry(value: T): ItemWrite;
  /** A value read some other way (pages reading several items at once): parsed, or the fallback. */
  parse(raw: unknown): T;
}

/** A write the browser refused (most often the quota) is reported, then fails as before. */
async function reportingFailure(key: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await storage.setItem(KEYS.storageProblem, { key, message, at: Date.now() }).catch(() => undefined);
    throw error;
  }
}

/** A value ready to be written, from an item's `entry`. */
export interface ItemWrite {
  key: StorageKey;
  value: unknown;
}

/**
 * Writes several items in one storage write (per area), so a stop of the service worker between them
 * cannot leave one written without the others.
 */
export function writeTogether(writes: readonly ItemWrite[]): Promise<void> {
  return reportingFailure(writes.map((write) => write.key).join(', '), () => storage.setItems([...writes]));
}

/** Forgets what a context keeps of a read, by the key read ("<area>:<name>", or "managed:" for the policy). */
const forgetters = new Map<string, () => void>();
let keeping = false;

/**
 * From now on, this context keeps the last value of each read made through keptRead (the items marked
 * `keep`), until anything writes it: a write of its own (forgotten as it starts and again as it ends) or
 * of another context (storage.onChanged). The background calls this once: it reads the settings, the
 * policy, the templates and the drafts on every reassign, and each read cost it a storage round trip
 * (about 9 ms, measured) before the dialog could show.
 */
export function keepReadsInMemory(): void {
  if (keeping) return;
  keeping = true;
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed') forgetters.get('managed:')?.();
    else for (const name of Object.keys(changes)) forgetters.get(`${area}:${name}`)?.();
  });
}

/**
 * A read whose last value is kept in memory once keepReadsInMemory() was called, until `key` changes or
 * `forget()`. A read that overlapped a change is not kept; a kept value is handed out as a copy, so no
 * caller can change it for the next.
 */
export function keptRead<T>(key: string, read: () => Promise<T>) {
  let kept: { value: T } | undefined;
  let generation = 0;
  const forget = () => {
    kept = undefined;
    generation += 1;
  };
  forgetters.set(key, forget);
  return {
    async get(): Promise<T> {
      if (kept) return structuredClone(kept.value);
      const at = generation;
      const value = await read();
      if (keeping && at === generation) kept = { value: structuredClone(value) };
      return value;
    },
    forget,
  };
}

export function validatedItem<T>(
  key: StorageKey,
  schema: z.ZodMiniType<T>,
  fallback: () => NoInfer<T>,
  shape: ItemVersion,
  options: { keep?: boolean } = {},
): ValidatedItem<T> {
  // WXT's defineItem reads the stored value as soon as the item is defined, in every page that imports
  // it: the 13 MB event log alone cost the popup over a second that way. So an item is plain reads and
  // writes, and WXT's item (which runs the migrations and keeps the version) is made only for an item
  // that has migrations, on its first use.
  let versioned: ReturnType<typeof storage.defineItem<unknown>> | undefined;
  const migrated = () => {
    if (!('migrations' in shape)) return undefined;
    versioned ??= storage.defineItem<unknown>(key, { version: shape.version, migrations: shape.migrations });
    return versioned;
  };
  const read = (): Promise<unknown> => migrated()?.getValue() ?? storage.getItem<unknown>(key);
  let queue: Promise<unknown> = Promise.resolve();

  function parseOrFallback(raw: unknown): { value: T; corrupt: boolean } {
    if (raw === null || raw === undefined) return { value: fallback(), corrupt: false };
    const parsed = z.safeParse(schema, raw);
    return parsed.success ? { value: parsed.data, corrupt: false } : { value: fallback(), corrupt: true };
  }

  async function readParsed(): Promise<T> {
    const raw = await read();
    const { value, corrupt } = parseOrFallback(raw);
    if (corrupt) {
      const [area, name] = key.split(':') as ['local' | 'session', string];
      await storage.setItem(`${area}:corrupt:${name}:${Date.now()}`, raw);
      await write(value);
    }
    return value;
  }
  const kept = options.keep ? keptRead(key, readParsed) : null;
  const get = kept ? kept.get : readParsed;
  async function write(value: T): Promise<void> {
    kept?.forget();
    try {
      await reportingFailure(key, () => migrated()?.setValue(value) ?? storage.setItem(key, value));
    } finally {
      kept?.forget();
    }
  }

  return {
    key,
    // A value handed out before its update is written (a hold, to the frame waiting for it) is never
    // read back missing in this context.
    get: () => queue.then(get),
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
    watch: (callback) => storage.watch<unknown>(key, (raw) => callback(parseOrFallback(raw).value)),
    entry: (value) => ({ key, value }),
    parse: (raw) => parseOrFallback(raw).value,
  };
}
