import type { HandoffContext } from '../checklist/context';
import type { PageContext } from '../host-page/page-context';
import type { SiteAdapter } from './adapter';
import type { Holds } from './holds';
import type { LiveSettings } from './live-settings';
import type { HeldRequest, MainLink } from './main-link';
import { awaitOutcome } from './reassign-outcome';

// Decides each reassign request the MAIN-world net held: out at once when Baton is off or has just
// allowed it (a pass it fits), failed while another hold is open, and otherwise a hold of its own.

export interface HeldRequestsDeps {
  ctx: PageContext;
  adapter: SiteAdapter;
  settings: LiveSettings;
  enforced(): boolean;
  holds: Holds;
  link: MainLink;
}

export function heldRequests({ ctx, adapter, settings, enforced, holds, link }: HeldRequestsDeps) {
  function decide(held: HeldRequest): void {
    const settle = (kind: 'release' | 'fail') => () => link.send({ kind, id: held.id });
    if (!enforced()) {
      settle('release')();
      return;
    }
    if (link.releaseWithPass(held)) return;
    if (holds.busy()) {
      // One dialog at a time: a second reassign while one is held fails like a cancelled one.
      settle('fail')();
      holds.focus();
      return;
    }
    holds.setDeciding(true);
    void adapter
      .describeRequest(held.match)
      // An adapter that cannot describe the request still guards it, with what the request itself says.
      .catch(
        (): HandoffContext => ({
          site: adapter.id,
          ticketKey: held.match.tickets[0] ?? '',
          url: location.href,
          at: new Date().toISOString(),
        }),
      )
      .then((context) => {
        holds.setDeciding(false);
        if (!context) return settle('release')();
        return holds.start({
          via: 'network',
          tickets: adapter.ticketsOf?.(held.match, context) ?? held.match.tickets,
          context,
          // The page's request goes out, and again on each retry after the host refused it: the page
          // gets a refusal only if the user gives up (abort), and then it shows its own error.
          release: () => {
            const answer = link.answerTo(held.id);
            link.send({ kind: 'release', id: held.id, retryable: true });
            return awaitOutcome(ctx, answer);
          },
          abort: settle('fail'),
        });
      });
  }

  /** A held request, once the settings are known. */
  return (held: HeldRequest): void => {
    if (settings.loaded()) decide(held);
    else void settings.ready().then(() => decide(held));
  };
}
