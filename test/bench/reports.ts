import type { BrowserContext, Frame } from '@playwright/test';

// The probes (probes.ts) push their marks to Node through a Playwright binding, `__benchReport`, as they
// take them, so that Node calls nothing in the browser while a click is measured. Polled every 5–15 ms
// instead (CDP round trips through the browser process into the host page and into Baton's process),
// they competed for the machine's two cores with the work being measured. Interleaved A/B of one build,
// 30 tries a site (Jira / Zendesk / Trello): polled at once, p50 57 / 39 / 40 ms and p95 89 / 74 / 89;
// first polled 300 ms after the click, p50 55 / 30 / 35 and p95 81 / 43 / 52. With these reports, a
// 300 ms pause after each click changed nothing (p95 66 / 47 / 78 without it, 67 / 52 / 67 with it): the
// difference was the polling, not the time between tries.

export interface Report {
  kind: 'frame-painted' | 'frame-press' | 'page-painted' | 'popup-painted';
  [mark: string]: unknown;
}

interface Waiter {
  kind: Report['kind'];
  take(report: Report, frame: Frame): void;
}

const waiters = new Set<Waiter>();

/** Every page and frame of the context may report from now on (call once per context, before its pages). */
export async function hearReports(context: BrowserContext): Promise<void> {
  await context.exposeBinding('__benchReport', ({ frame }, report: Report) => {
    for (const waiter of waiters) {
      if (waiter.kind !== report.kind) continue;
      waiters.delete(waiter);
      waiter.take(report, frame);
      return;
    }
  });
}

/**
 * The next report of this kind from any context that reports. Asked before the action that causes it,
 * so that one made at once is not missed; a report no one waits for is dropped.
 */
export function nextReport(
  kind: Report['kind'],
  timeoutMs = 15_000,
): Promise<{ report: Report; frame: Frame }> {
  const next = new Promise<{ report: Report; frame: Frame }>((resolve, reject) => {
    const waiter: Waiter = {
      kind,
      take(report, frame) {
        clearTimeout(timer);
        resolve({ report, frame });
      },
    };
    const timer = setTimeout(() => {
      waiters.delete(waiter);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for a ${kind} report`));
    }, timeoutMs);
    waiters.add(waiter);
  });
  // Awaited after the action; an action that fails first leaves it unawaited.
  next.catch(() => undefined);
  return next;
}
