import type { PageContext } from '../host-page/page-context';
import type { SiteAdapter } from './adapter';
import { backgroundLink } from './background-link';
import { framePool } from './frame-pool';
import { scheduleHealthCheck } from './health-check';
import { startHeartbeat } from './heartbeat';
import { heldRequests } from './held-requests';
import { holds as openHolds } from './holds';
import type { LiveSettings } from './live-settings';
import { mainLink } from './main-link';
import { captureUi } from './ui-capture';

// Site-independent interception in the isolated world: stops a reassign (UI event or held network
// request), shows the checklist, and when the background says so releases or drops it, exactly once.
// The parts: ui-capture (the host's UI), held-requests (the MAIN-world net's), holds (the one open
// dialog), frame-pool (its frame loaded ahead), main-link and heartbeat (the MAIN world), background-link
// (the background), health-check.

/** A newer copy of the guard started in this page (after an update). */
const STARTED_EVENT = 'baton:guard-started';

export function startGuard(ctx: PageContext, adapter: SiteAdapter, settings: LiveSettings): void {
  const enforced = () => settings.enforcement(adapter.id) !== 'off';
  const link = mainLink(ctx);
  const frames = framePool(ctx);
  const holds = openHolds({
    ctx,
    adapter,
    enforced,
    frames,
    watch: () => startHeartbeat(ctx, link),
    listen: () => background.listen(),
  });
  const background = backgroundLink(ctx, adapter, holds);
  link.onHeld(heldRequests({ ctx, adapter, settings, enforced, holds, link }));
  captureUi({ ctx, adapter, settings, enforced, holds, frames, link });

  // Put into a page already open, after an update (lib/background/reinject.ts): the older copy of this
  // script still there stands down once it finds its extension gone. Any copy hearing this checks
  // that, so a page sending the same event changes nothing.
  if (document.readyState !== 'loading') document.dispatchEvent(new CustomEvent(STARTED_EVENT));
  document.addEventListener(STARTED_EVENT, () => ctx.isInvalid, { signal: ctx.signal });
  settings.onChange(holds.releaseIfOff);
  ctx.onInvalidated(() => {
    settings.stop();
    frames.dispose();
    // The extension was updated or removed: the checklist can no longer complete, so the host is left
    // as it was (a held request fails like a cancelled one) and the draft stays in storage.
    holds.abortOpen();
  });
  scheduleHealthCheck(ctx, adapter, background.listen);
}
