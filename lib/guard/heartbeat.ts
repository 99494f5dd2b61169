import { extensionGone, type PageContext } from '../host-page/page-context';
import type { MainLink } from './main-link';
import { HEARTBEAT_MS } from './net-protocol';

/**
 * While a dialog is open: tells the MAIN-world net every second that the guard is there, and notices an
 * update, reload or removal of the extension (old content scripts are not told), whereupon
 * onInvalidated leaves the host as it was. Returns the stop, which tells the net the dialog is gone.
 */
export function startHeartbeat(ctx: PageContext, link: MainLink): () => void {
  const beat = window.setInterval(() => {
    if (extensionGone()) ctx.notifyInvalidated();
    else link.send({ kind: 'alive' });
  }, HEARTBEAT_MS);
  link.send({ kind: 'alive' });
  return () => {
    clearInterval(beat);
    link.send({ kind: 'idle' });
  };
}
