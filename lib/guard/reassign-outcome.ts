import type { PageContext } from '../host-page/page-context';
import type { PostFailure } from '../messaging';

// Whether the host really performed a released reassign: the answer to its request, or, where Baton may
// not see that request, what the host shows soon after.

/** How long a released reassign may take to be answered, or to show on a host whose request Baton cannot see. */
const ANSWER_TIMEOUT_MS = 20_000;
const LANDED_TIMEOUT_MS = 6000;
const LANDED_FIRST_POLL_MS = 25;
const LANDED_POLL_MS = 400;

export type Outcome = { ok: true } | { ok: false; failure: PostFailure };
export const landedOk: Outcome = { ok: true };

/** A reassign the host refused, did not answer, or did not perform: the handoff is not complete. */
export function refused(status?: number): Outcome {
  return { ok: false, failure: status === undefined ? { kind: 'reassign' } : { kind: 'reassign', status } };
}

const outcomeOf = (status: number): Outcome => (status >= 200 && status < 300 ? landedOk : refused(status));

/** The answer to the released request (0: a network error), or, when given, whichever `landed` sees first. */
export function awaitOutcome(
  ctx: PageContext,
  answer: Promise<number>,
  landed?: () => Promise<boolean>,
): Promise<Outcome> {
  return new Promise<Outcome>((resolve) => {
    let settled = false;
    const settle = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    void answer.then((status) => settle(outcomeOf(status)));
    if (!landed) {
      ctx.setTimeout(() => settle(refused()), ANSWER_TIMEOUT_MS);
      return;
    }
    // Soon after the replay first (a local change shows within a few tens of ms), then less often.
    const deadline = Date.now() + LANDED_TIMEOUT_MS;
    const check = async (wait: number) => {
      if (settled) return;
      if (await landed().catch(() => false)) settle(landedOk);
      else if (Date.now() > deadline) settle(refused());
      else ctx.setTimeout(() => void check(Math.min(wait * 2, LANDED_POLL_MS)), wait);
    };
    ctx.setTimeout(() => void check(LANDED_FIRST_POLL_MS), LANDED_FIRST_POLL_MS);
  });
}
