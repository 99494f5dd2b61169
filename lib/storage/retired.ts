import { storage } from 'wxt/utils/storage';
import { RETIRED_KEYS } from './keys';

/** Frees what earlier versions stored and nothing reads any more (after an update). */
export function removeRetiredKeys(): Promise<void> {
  return storage.removeItems([...RETIRED_KEYS]);
}
