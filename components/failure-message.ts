import type { PostFailure } from '../lib/messaging';
import type { Translate } from './translate';

/** Why a comment could not be posted, in words a person can act on (shared by the checklist and the popup). */
export function failureMessage(failure: PostFailure, siteName: string, t: Translate): string {
  switch (failure.kind) {
    case 'offline':
      return t('failureOffline');
    case 'timeout':
      return t('failureTimeout', [siteName]);
    case 'logged_out':
      return t('failureLoggedOut', [siteName]);
    case 'no_tab':
    case 'lost':
      return t('failureNoTab');
    case 'http':
      return t('failureStatus', [siteName, String(failure.status ?? ''), failure.detail || '—']);
  }
}
