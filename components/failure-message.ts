import type { PostFailure } from '../lib/messaging';
import type { Translate } from './translate';

/** Why a comment or its reassign did not go through, in words a person can act on (shared by the checklist and the popup). */
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
    case 'reassign':
      return failure.status === undefined
        ? t('failureReassignNotShown', [siteName])
        : t('failureReassignStatus', [siteName, String(failure.status)]);
    case 'http':
      return t(statusMessage(failure.status), [
        siteName,
        String(failure.status ?? ''),
        failure.detail || '—',
      ]);
  }
}

/** What the status means for the person who has to act on it; the status and the host's words stay in. */
function statusMessage(status: number | undefined) {
  if (status === 401) return 'failureUnauthorized';
  if (status === 403) return 'failureForbidden';
  if (status === 404) return 'failureNotFound';
  if (status === 409) return 'failureConflict';
  if (status === 429) return 'failureRateLimited';
  if (status !== undefined && status >= 500) return 'failureServer';
  return 'failureStatus';
}

/** The checklist's buttons that end a hold without completing it. */
export type HoldAction = 'cancel' | 'release' | 'skip';

/**
 * Why a button that ends a hold did not take effect: the background never answered ('no_answer': it
 * was stopped or Baton was just updated), or answered that it could not ('refused': the hold is gone,
 * or the page did not take the release). The dialog stays as it is, so nothing typed is lost.
 */
export function holdActionMessage(action: HoldAction, cause: 'no_answer' | 'refused', t: Translate): string {
  const reason = t(cause === 'no_answer' ? 'failureNoAnswer' : 'failureNotHeld');
  if (action === 'cancel') return t('cancelFailed', [reason]);
  if (action === 'release') return t('releaseFailed', [reason]);
  return t('skipFailed', [reason]);
}
