import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';

// WXT's storage items do not validate what they read. Every read here is parsed; a value that does
// not parse is set aside under a "corrupt:" key (kept for export) and the fallback is used instead,
// so a bad write or an old bug never crashes the extension.

type Key = `local:${string}` | `session:${string}`;

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
): ValidatedItem<T> {
  const item = storage.defineItem<unknown>(key, { version: 1 });
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
      await item.setValue(value);
    }
    return value;
  }

  return {
    key,
    get,
    set: (value) => item.setValue(value),
    update(change) {
      const next = queue.then(async () => {
        const value = change(await get());
        await item.setValue(value);
        return value;
      });
      queue = next.catch(() => undefined);
      return next;
    },
    watch: (callback) => item.watch((raw) => callback(parseOrFallback(raw).value)),
  };
}
