import type { Page } from '@playwright/test';
import type { BenchBrowser } from './browsers.ts';
import { type Bench, freshPage, metrics, ms, row, sleep } from './harness.ts';
import { fetchLoop, mutationStorm, NATIVE_STUBS, stubCheck, stubLoop, xhrLoop } from './probes.ts';
import { BENCH_SITES, type BenchSite } from './sites.ts';
import { summarize } from './stats.ts';
import { type BatonActivity, batonActivity, traced } from './trace.ts';

// What Baton costs a host page while it works: the fetch/XHR wrapper on requests that are not reassigns,
// and a page that grows its DOM heavily.

export const NET_ROUNDS = 5;
export const NET_REQUESTS = 1000;
export const STUB_ROUNDS = 10;
export const STUB_CALLS = 10_000;
export const STORM_RUNS = 3;

type Label = 'baseline' | 'baton';
type Kind = 'fetch' | 'xhr';

async function loadedPage(browser: BenchBrowser, site: BenchSite, initScript?: string) {
  const { page, cdp } = await freshPage(browser);
  if (initScript) await page.addInitScript({ content: initScript });
  await page.goto(site.url, { waitUntil: 'load' });
  await sleep(300);
  return { page, cdp };
}

/** Rounds alternating between the browsers; the first round of each is a warm-up. */
async function rounds(
  pages: Record<Label, Page>,
  count: number,
  script: (kind: Kind) => string,
  perCall: number,
): Promise<Record<Kind, Record<Label, number[]>>> {
  const out: Record<Kind, Record<Label, number[]>> = {
    fetch: { baseline: [], baton: [] },
    xhr: { baseline: [], baton: [] },
  };
  for (let round = 0; round <= count; round++) {
    const order: Label[] = round % 2 === 0 ? ['baseline', 'baton'] : ['baton', 'baseline'];
    for (const label of order) {
      for (const kind of ['fetch', 'xhr'] as const) {
        const elapsed = (await pages[label].evaluate(script(kind))) as number;
        if (round > 0) out[kind][label].push(elapsed / perCall);
      }
    }
  }
  return out;
}

/**
 * The fetch/XHR wrapper on requests that are not reassigns. Two ways:
 * - real requests: the synchronous part of 1,000 fetch() (and XHR open+send) calls to a GET the host
 *   makes all the time, with Baton vs without; includes Chromium's own per-request work, which varies
 *   between rounds by more than the budget on this machine;
 * - wrapper alone: the same calls with fetch/open/send replaced by counting stubs before any script, so
 *   Baton's wrapper wraps the stubs; with Baton minus without is then the wrapper's own cost. This one
 *   carries the verdict.
 */
export async function measureNetwork(bench: Bench): Promise<void> {
  for (const site of BENCH_SITES) {
    bench.log(`fetch/XHR: ${site.id}: real requests, ${NET_ROUNDS} rounds of ${NET_REQUESTS} per browser`);
    const real = {
      baseline: await loadedPage(bench.baseline, site),
      baton: await loadedPage(bench.baton, site),
    };
    let realResult: Awaited<ReturnType<typeof rounds>>;
    try {
      realResult = await rounds(
        { baseline: real.baseline.page, baton: real.baton.page },
        NET_ROUNDS,
        (kind) => (kind === 'fetch' ? fetchLoop : xhrLoop)(site.nonReassignUrl, NET_REQUESTS),
        NET_REQUESTS,
      );
    } finally {
      await real.baseline.page.close();
      await real.baton.page.close();
      bench.server.clearRequests();
    }
    bench.log(
      `fetch/XHR: ${site.id}: wrapper alone (stubbed natives), ${STUB_ROUNDS} rounds of ${STUB_CALLS}`,
    );
    const stubbed = {
      baseline: await loadedPage(bench.baseline, site, NATIVE_STUBS),
      baton: await loadedPage(bench.baton, site, NATIVE_STUBS),
    };
    let stubResult: Awaited<ReturnType<typeof rounds>>;
    const checks: Record<Label, unknown> = { baseline: null, baton: null };
    try {
      for (const label of ['baseline', 'baton'] as const) {
        const check = (await stubbed[label].page.evaluate(stubCheck(site.nonReassignUrl))) as {
          installed: boolean;
          fetchWrapped?: boolean;
          reached?: boolean;
        };
        checks[label] = check;
        const wrapped = label === 'baton';
        if (!check.installed || !check.reached || check.fetchWrapped !== wrapped) {
          throw new Error(
            `${site.id} ${label}: the stubs are not set up as expected (${JSON.stringify(check)}): ` +
              (wrapped ? 'Baton’s wrapper should wrap them' : 'nothing should wrap them'),
          );
        }
      }
      stubResult = await rounds(
        { baseline: stubbed.baseline.page, baton: stubbed.baton.page },
        STUB_ROUNDS,
        (kind) => stubLoop(kind, site.nonReassignUrl, STUB_CALLS),
        STUB_CALLS,
      );
    } finally {
      await stubbed.baseline.page.close();
      await stubbed.baton.page.close();
    }
    for (const kind of ['fetch', 'xhr'] as const) {
      const name = kind === 'fetch' ? 'fetch(url)' : 'XHR open+send';
      const realAdded =
        summarize(realResult[kind].baton).median - summarize(realResult[kind].baseline).median;
      const noise = summarize(realResult[kind].baseline);
      bench.rows.push(
        row({
          figure: `${name}, non-reassign, real requests (ms/request)`,
          site: site.id,
          unit: 'ms',
          baseline: realResult[kind].baseline,
          baton: realResult[kind].baton,
          compared: { label: 'added ms/request', value: realAdded },
          budget: '≤ 0.05 ms added (see wrapper alone)',
          within: null,
          note: `Chromium’s own cost varies ${number4(noise.p5)}–${number4(noise.p95)} ms/request between rounds`,
        }),
      );
      const added = summarize(stubResult[kind].baton).median - summarize(stubResult[kind].baseline).median;
      bench.rows.push(
        row({
          figure: `${name}, non-reassign, wrapper alone (ms/request)`,
          site: site.id,
          unit: 'ms',
          baseline: stubResult[kind].baseline,
          baton: stubResult[kind].baton,
          compared: { label: 'added ms/request', value: added },
          budget: '≤ 0.05 ms added',
          within: added <= 0.05,
          ratio: false,
          note: 'baseline: counting stubs in place of the browser’s fetch/open/send, not wrapped',
        }),
      );
    }
    bench.details[`network:${site.id}`] = {
      url: site.nonReassignUrl,
      real: realResult,
      stubbed: stubResult,
      checks,
    };
  }
}

const number4 = (value: number) => value.toFixed(3);

interface StormSample {
  taskMs: number;
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
  longTasks: number;
  longTaskMs: number;
  elements: number;
  elapsedMs: number;
  /** Traced runs only: calls into Baton's content scripts and their time. */
  batonCalls?: number;
  batonMs?: number;
}

async function stormOnce(browser: BenchBrowser, site: BenchSite, trace = false): Promise<StormSample> {
  const { page, cdp } = await loadedPage(browser, site);
  try {
    await sleep(200);
    const before = await metrics(cdp);
    const run = async () =>
      (await page.evaluate(mutationStorm(site.feedSelector))) as {
        elapsed: number;
        elements: number;
        longTasks: number[];
        calibrated: boolean;
      };
    let activity: BatonActivity | undefined;
    let result: Awaited<ReturnType<typeof run>>;
    if (trace) {
      // Traced a little past the storm, so that work Baton defers until after the page loaded (its
      // health check, 4 s after load) is seen on the grown DOM.
      const out = await traced(cdp, async () => {
        const storm = await run();
        await sleep(1_500);
        return storm;
      });
      result = out.result;
      activity = batonActivity(out.events);
    } else {
      result = await run();
    }
    if (!result.calibrated) throw new Error('the long-task observer missed the 80 ms calibration task');
    if (result.elements < 10_000) throw new Error(`only ${result.elements} elements were added`);
    const after = await metrics(cdp);
    const delta = (key: string) => ms((after[key] ?? Number.NaN) - (before[key] ?? Number.NaN));
    return {
      taskMs: delta('TaskDuration'),
      scriptMs: delta('ScriptDuration'),
      layoutMs: delta('LayoutDuration'),
      styleMs: delta('RecalcStyleDuration'),
      longTasks: result.longTasks.length,
      longTaskMs: result.longTasks.reduce((a, b) => a + b, 0),
      elements: result.elements,
      elapsedMs: result.elapsed,
      ...(activity ? { batonCalls: activity.callbacks, batonMs: activity.callbacksMs } : {}),
    };
  } finally {
    await page.close();
  }
}

/**
 * 10,000 elements appended over ~3 s: main-thread time and long tasks, with vs without Baton (the
 * difference of two ~1.5 s CPU figures, so only a large cost would show), and, from a traced run, the
 * time Baton's own code ran during the storm (calls into its content scripts: observers, listeners,
 * timers), which is what it adds to such a page.
 */
export async function measureMutations(bench: Bench): Promise<void> {
  for (const site of BENCH_SITES) {
    bench.log(`DOM storm: ${site.id}: ${STORM_RUNS} runs per browser + 1 traced (10,000 elements over ~3 s)`);
    const samples: Record<Label, StormSample[]> = { baseline: [], baton: [] };
    for (let i = 0; i < STORM_RUNS; i++) {
      const order: Label[] = i % 2 === 0 ? ['baseline', 'baton'] : ['baton', 'baseline'];
      for (const label of order) samples[label].push(await stormOnce(bench[label], site));
    }
    const tracedRun = await stormOnce(bench.baton, site, true);
    const pick = (label: Label, key: keyof StormSample) => samples[label].map((s) => s[key] ?? Number.NaN);
    const added = (key: keyof StormSample) =>
      summarize(pick('baton', key)).median - summarize(pick('baseline', key)).median;
    bench.rows.push(
      row({
        figure: 'DOM storm: main-thread time (ms, CPU)',
        site: site.id,
        unit: 'ms',
        baseline: pick('baseline', 'taskMs'),
        baton: pick('baton', 'taskMs'),
        compared: { label: 'added ms', value: added('taskMs') },
        budget: '— (no §9 budget)',
        within: null,
        note: `all tasks of the page’s renderer, mostly the host’s style and layout; script alone ${added('scriptMs').toFixed(1)} ms added`,
      }),
      row({
        figure: 'DOM storm: Baton’s own code running (ms, traced)',
        site: site.id,
        unit: 'ms',
        baseline: null,
        baton: [tracedRun.batonMs ?? Number.NaN],
        compared: { label: 'ms', value: tracedRun.batonMs ?? Number.NaN },
        budget: '— (no §9 budget)',
        within: null,
        note: `${tracedRun.batonCalls ?? 0} calls into Baton’s content scripts during the storm and 1.5 s after it`,
      }),
      row({
        figure: 'DOM storm: long tasks (count)',
        site: site.id,
        unit: 'count',
        baseline: pick('baseline', 'longTasks'),
        baton: pick('baton', 'longTasks'),
        compared: { label: 'added', value: added('longTasks') },
        budget: '— (no §9 budget)',
        within: null,
        note: 'an 80 ms calibration task checks the observer, then is left out',
      }),
    );
    bench.details[`storm:${site.id}`] = { samples, traced: tracedRun, scriptAddedMs: added('scriptMs') };
  }
}
