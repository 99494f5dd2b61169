import type { Worker } from '@playwright/test';
import { type Bench, row } from './harness.ts';
import { POPUP_PROBE } from './probes.ts';
import { nextReport } from './reports.ts';
import { summarize } from './stats.ts';

// Popup first render with 0, 5,000 and 50,000 stored events, and what an event costs in storage.
//
// Events (lib/metrics/event.ts) are written straight into chrome.storage.local `events` from the
// service worker, spread over the last 30 days (inside the 32-day recent log, so nothing is moved to the
// archive); the background then writes the digest the popup reads (lib/metrics/digest.ts). The popup is opened as a tab (chrome-extension://<id>/popup.html, a fresh tab each time);
// the time is from its navigation start (performance.timeOrigin) to the frame after the Handoffs figure
// first has a value (MutationObserver → requestAnimationFrame → a task after it), read in the page.

export const EVENT_COUNTS = [0, 5_000, 50_000] as const;
export const POPUP_RUNS = 8;

export function seedScript(count: number): string {
  return `(async () => {
    const n = ${count};
    const day = 24 * 60 * 60 * 1000;
    const now = Date.now();
    const sites = ['jira', 'zendesk', 'trello'];
    const outcomes = ['completed', 'completed', 'completed', 'completed', 'cancelled', 'bypassed', 'post_failed'];
    const reasons = ['escalation', 'expertise', 'shift_change', 'wrong_team', 'workload', 'customer_request', 'other'];
    const people = ['Alice Park', 'Bob Chen', 'Chloé Dubois', 'Dana Whitfield', 'Eitan Levi'];
    const events = new Array(n);
    for (let i = 0; i < n; i++) {
      const site = sites[i % 3];
      const ticket = site === 'jira' ? 'ACME-' + (1 + (i % 1500)) : site === 'zendesk' ? String(100 + (i % 1500)) : 'Xy' + (10000 + (i % 1500)) + 'Ab';
      const url = site === 'jira' ? 'https://acme.atlassian.net/browse/' + ticket : site === 'zendesk' ? 'https://acme.zendesk.com/agent/tickets/' + ticket : 'https://trello.com/c/' + ticket;
      const outcome = outcomes[i % outcomes.length];
      const event = {
        id: crypto.randomUUID(),
        site,
        ticketKey: ticket,
        url,
        from: people[i % people.length],
        to: people[(i + 1) % people.length],
        outcome,
        fieldsFilled: outcome === 'completed' ? 8 : 0,
        at: now - 30 * day + Math.floor(((i + 1) / (n + 1)) * 30 * day),
      };
      if (outcome === 'completed') {
        event.fillMs = 20000 + ((i * 7919) % 180000);
        event.reason = reasons[i % reasons.length];
      }
      if (outcome === 'bypassed') event.skipReason = 'Customer is waiting on the phone';
      events[i] = event;
    }
    await chrome.storage.local.set({ events });
    // The background builds the popup's digest of a log written from outside (storage.onChanged), as it
    // does when it records events itself; the popup is opened once the digest describes the seeded log.
    let digest;
    for (let waited = 0; waited < 60000; waited += 50) {
      digest = (await chrome.storage.local.get('eventDigest')).eventDigest;
      if (digest && digest.count === n) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const stored = (await chrome.storage.local.get('events')).events || [];
    return {
      count: stored.length,
      digestCount: digest ? digest.count : -1,
      jsonBytes: new TextEncoder().encode(JSON.stringify(stored)).length,
      bytesInUse: await chrome.storage.local.getBytesInUse(['events', 'eventDigest', 'figureDigest', 'figureSteps']),
      digestBytes: await chrome.storage.local.getBytesInUse(['eventDigest', 'figureDigest', 'figureSteps']),
    };
  })()`;
}

interface PopupProbe {
  documentStart: number;
  figureInDom: number;
  figureRaf: number;
  figurePainted: number;
  value: string | null;
  mark: number | null;
  fcp: number | null;
}

export async function measurePopup(bench: Bench): Promise<void> {
  const { context, extensionId } = bench.baton;
  const worker = bench.baton.worker as Worker;
  await context.addInitScript({ content: POPUP_PROBE });
  const perCount: Record<
    number,
    { painted: number[]; probes: PopupProbe[]; storage: unknown; storageReadMs: Record<string, number[]> }
  > = {};
  try {
    for (const count of EVENT_COUNTS) {
      bench.log(`popup: seeding ${count} events`);
      const storage = (await worker.evaluate(seedScript(count))) as {
        count: number;
        digestCount: number;
        jsonBytes: number;
        bytesInUse: number;
        digestBytes: number;
      };
      if (storage.count !== count) throw new Error(`seeded ${count} events, storage holds ${storage.count}`);
      if (storage.digestCount !== count) {
        throw new Error(`seeded ${count} events, the popup's digest holds ${storage.digestCount}`);
      }
      bench.log(`popup: ${count} events: ${POPUP_RUNS} opens`);
      const probes: PopupProbe[] = [];
      for (let i = 0; i < POPUP_RUNS + 1; i++) {
        const page = await context.newPage();
        try {
          const painted = nextReport('popup-painted', 30_000);
          await page.goto(`chrome-extension://${extensionId}/popup.html`, { waitUntil: 'commit' });
          await painted;
          const probe = (await page.evaluate(`({
            ...window.__benchPopup,
            mark: performance.getEntriesByName('baton:popup-figures')[0]?.startTime ?? null,
            fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
          })`)) as PopupProbe;
          if (i > 0) probes.push(probe); // the first open is a warm-up
        } finally {
          await page.close();
        }
      }
      // For the analysis: how much of it is only reading out of storage (no parsing, no React): the
      // figures worked out ahead, which the figures wait for; the last week, read instead when those do
      // not reach now; and the whole log, read after the figures are painted.
      const reads: Record<string, number[]> = { figureSteps: [], figureDigest: [], eventDigest: [] };
      const page = await context.newPage();
      try {
        await page.goto(`chrome-extension://${extensionId}/popup.html`, { waitUntil: 'load' });
        for (let i = 0; i < 3; i++) {
          for (const key of Object.keys(reads)) {
            reads[key]?.push(
              (await page.evaluate(`(async () => {
                const start = performance.now();
                const got = await chrome.storage.local.get('${key}');
                const elapsed = performance.now() - start;
                return got['${key}'] ? elapsed : -1;
              })()`)) as number,
            );
          }
        }
      } finally {
        await page.close();
      }
      perCount[count] = {
        painted: probes.map((p) => p.figurePainted),
        probes,
        storage,
        storageReadMs: reads,
      };
      const s = summarize(perCount[count].painted);
      const readMedians = Object.entries(reads)
        .map(([key, times]) => `${key} ${summarize(times).median.toFixed(1)} ms`)
        .join(', ');
      bench.log(
        `popup: ${count} events: figure painted at ${s.median.toFixed(0)} ms (value ${probes[0]?.value}); storage reads alone: ${readMedians}`,
      );
    }
  } finally {
    await worker.evaluate(`chrome.storage.local.set({ events: [] })`);
  }
  const empty = perCount[0]?.painted ?? [];
  for (const count of EVENT_COUNTS.filter((c) => c > 0)) {
    const painted = perCount[count]?.painted ?? [];
    const s = summarize(painted);
    const budgeted = count === 50_000;
    bench.rows.push(
      row({
        figure: `popup first render, ${count.toLocaleString('en')} events (ms)`,
        site: 'popup',
        unit: 'ms',
        baseline: empty,
        baton: painted,
        compared: { label: 'median ms', value: s.median },
        budget: budgeted ? '≤ 200 ms' : '— (budget is at 50,000)',
        within: budgeted ? s.median <= 200 : null,
        note: 'baseline: the same popup with 0 events',
      }),
    );
    const storage = perCount[count]?.storage as {
      jsonBytes: number;
      bytesInUse: number;
      digestBytes: number;
    };
    bench.rows.push(
      row({
        figure: `storage per event, ${count.toLocaleString('en')} events (bytes)`,
        site: 'popup',
        unit: 'bytes',
        baseline: null,
        baton: [storage.bytesInUse / count],
        budget: '— (no §9 budget)',
        within: null,
        note: `storage.local.getBytesInUse(events + digests) / count, of which the popup's digests and figures ${(storage.digestBytes / count).toFixed(0)}; UTF-8 JSON of the array / count = ${(storage.jsonBytes / count).toFixed(0)}`,
      }),
    );
  }
  bench.details.popup = perCount;
}
