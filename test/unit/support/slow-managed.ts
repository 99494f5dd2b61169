import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * Managed storage as it is right after the browser starts: no answer until the returned function is
 * called. Restore with vi.restoreAllMocks().
 */
export function slowManagedStorage(): (policy: Record<string, unknown>) => void {
  let answer: (policy: Record<string, unknown>) => void = () => undefined;
  const pending = new Promise<Record<string, unknown>>((resolve) => {
    answer = resolve;
  });
  // The fake's type has the callback overloads too; only the promise form is used.
  vi.spyOn(fakeBrowser.storage.managed, 'get').mockReturnValue(pending as never);
  return (policy) => answer(policy);
}

/** Managed storage rejecting as Firefox does when no policy is installed for the add-on. */
export const FIREFOX_NO_POLICY = new Error('Managed storage manifest not found');

/** Managed storage that rejects every read with this error. Restore with vi.restoreAllMocks(). */
export function failingManagedStorage(error: Error): void {
  vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(error as never);
}
