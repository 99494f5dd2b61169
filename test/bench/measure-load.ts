import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession } from '@playwright/test';
import { type BenchBrowser, launchBenchBrowser } from './browsers.ts';
import { type Bench, freshPage, metrics, ms, type Row, row, sleep } from './harness.ts';
import { BENCH_SITES, type BenchSite } from './sites.ts';
import { summarize } from './stats.ts';
import { type BatonActivity, batonActivity, traced } from './trace.ts';

// Script time a host page load costs with Baton vs without, and the JS heap it leaves behind.
//
// Each load is a new tab in one of the browsers (the order rotates every round, so drift on this
// 2-core machine hits all alike), navigated to the replica's ticket page; 500 ms after `load` the
// renderer's Performance metrics are read: ScriptDuration = all JavaScript run on that page's renderer
// main thread since the navigation (page scripts, Baton's MAIN-world script and its isolated world alike),
// as thread (CPU) time, and V8CompileDuration = the top-level compiles Blink asked V8 for. The two do not
// overlap: a content script is compiled on the main thread each load (no streaming, no code cache), and
// that compile is only in the second (an isolated script of 300 KB that never runs added 9 ms to it and
// nothing to the first). So a load's script time is their sum. Then garbage is collected twice and the
// isolate's used heap read
// (Runtime.getHeapUsage): one V8 isolate per renderer holds the page's world and every isolated world,
// so Baton's content-script heap can only be seen as with − without.
//
// A third browser loads a generated extension whose MAIN-world and isolated-world content scripts, for
// the same hosts at document_start, are empty: what any extension shaped like Baton costs (Chromium's
// floor). Traced loads then attribute Baton's share to its own scripts.

// 40 loads per browser: with 24, the same build's added time moved by 2-4 ms from run to run (and an
// extension with empty scripts by as much), most of the 5 ms budget; the spread is in the table.
export const LOAD_RUNS = 40;
const BARE_RUNS = 30;
const TRACED_LOADS = 2;
const SETTLE_MS = 500;

interface LoadSample {
  /** ScriptDuration + V8CompileDuration. */
  script: number;
  task: number;
  compile: number;
  heap: number;
  heapMetric: number;
}

/** An extension with Baton's content-script shape and nothing in the scripts. */
function emptyExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'baton-bench-empty-ext-'));
  const content_scripts = BENCH_SITES.flatMap((site) => [
    { matches: [matchOf(site)], run_at: 'document_start', js: ['main.js'], world: 'MAIN' },
    { matches: [matchOf(site)], run_at: 'document_start', js: ['isolated.js'] },
  ]);
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({ manifest_version: 3, name: 'Empty content scripts', version: '1.0.0', content_scripts }),
  );
  writeFileSync(join(dir, 'main.js'), '');
  writeFileSync(join(dir, 'isolated.js'), '');
  return dir;
}

function matchOf(site: BenchSite): string {
  const host = new URL(site.url).hostname;
  return host === 'trello.com' ? 'https://trello.com/*' : `https://*.${host.split('.').slice(1).join('.')}/*`;
}

async function gcAndHeap(cdp: CDPSession): Promise<{ used: number; metric: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  const after = await metrics(cdp);
  return { used: usage.usedSize, metric: after.JSHeapUsedSize ?? Number.NaN };
}

/** A page of the host with nothing in it but a title: Baton's scripts still load, the host's do not. */
const bareUrl = (site: BenchSite) => new URL('/baton-bench-bare-page', site.url).href;
const BARE_PAGE = '<!doctype html><html lang="en"><title>Bare</title><p>Nothing here.</p></html>';

async function loadOnce(browser: BenchBrowser, site: BenchSite, bare = false): Promise<LoadSample> {
  const { page, cdp } = await freshPage(browser);
  try {
    if (bare) {
      await page.route(bareUrl(site), (route) =>
        route.fulfill({ status: 200, contentType: 'text/html', body: BARE_PAGE }),
      );
    }
    await page.goto(bare ? bareUrl(site) : site.url, { waitUntil: 'load' });
    await sleep(SETTLE_MS);
    const m = await metrics(cdp);
    const heap = await gcAndHeap(cdp);
    return {
      script: ms((m.ScriptDuration ?? Number.NaN) + (m.V8CompileDuration ?? Number.NaN)),
      task: ms(m.TaskDuration ?? Number.NaN),
      compile: ms(m.V8CompileDuration ?? Number.NaN),
      heap: heap.used,
      heapMetric: heap.metric,
    };
  } finally {
    await page.close();
  }
}

/** A traced Baton load, 5 s long so that the health check deferred 4 s after `load` is in it. */
async function tracedLoad(bench: Bench, site: BenchSite): Promise<BatonActivity> {
  const { page, cdp } = await freshPage(bench.baton);
  try {
    const { events } = await traced(cdp, async () => {
      await page.goto(site.url, { waitUntil: 'load' });
      await sleep(5_000);
    });
    return batonActivity(events, 3_000);
  } finally {
    await page.close();
  }
}

type Label = 'baseline' | 'baton' | 'empty';
const LABELS: Label[] = ['baseline', 'baton', 'empty'];
type Samples = Record<Label, LoadSample[]>;

/** `runs` loads in each browser after a warm-up, the order rotating every round. */
async function sampleLoads(
  browsers: Record<Label, BenchBrowser>,
  site: BenchSite,
  runs: number,
  bare = false,
): Promise<Samples> {
  for (const label of LABELS) await loadOnce(browsers[label], site, bare);
  const samples: Samples = { baseline: [], baton: [], empty: [] };
  for (let i = 0; i < runs; i++) {
    const order = [...LABELS.slice(i % 3), ...LABELS.slice(0, i % 3)];
    for (const label of order) samples[label].push(await loadOnce(browsers[label], site, bare));
  }
  return samples;
}

const medianOf = (samples: Samples, label: Label, key: keyof LoadSample) =>
  summarize(samples[label].map((s) => s[key])).median;

/** What an extension (Baton by default, or the empty one) adds to a figure: median against median. */
const addedOf = (samples: Samples, key: keyof LoadSample, label: Label = 'baton') =>
  medianOf(samples, label, key) - medianOf(samples, 'baseline', key);
const floorOf = (samples: Samples, key: keyof LoadSample) => addedOf(samples, key, 'empty');

/** A row of what Baton adds to one figure of a load, median against median; `per` divides each value. */
function addedRow(
  site: BenchSite,
  samples: Samples,
  key: keyof LoadSample,
  shown: {
    figure: string;
    unit: string;
    per?: number;
    budget: string;
    limit?: number;
    /** By default, what an extension with empty content scripts adds. */
    note?: (floor: number) => string;
    /** false where the baseline is ~0 (a ratio would mean nothing). */
    ratio?: false;
  },
): Row {
  const per = shown.per ?? 1;
  const added = addedOf(samples, key) / per;
  return row({
    figure: shown.figure,
    site: site.id,
    unit: shown.unit,
    baseline: samples.baseline.map((s) => s[key] / per),
    baton: samples.baton.map((s) => s[key] / per),
    compared: { label: `added ${shown.unit}`, value: added },
    budget: shown.budget,
    within: shown.limit === undefined ? null : added <= shown.limit,
    ...(shown.ratio === false ? { ratio: false as const } : {}),
    note: (
      shown.note ??
      ((floor) => `an extension with empty content scripts adds ${floor.toFixed(2)} ${shown.unit}`)
    )(floorOf(samples, key) / per),
  });
}

export async function measureLoad(bench: Bench): Promise<void> {
  const emptyDir = emptyExtension();
  const empty = await launchBenchBrowser(emptyDir, bench.server.port, 'empty extension');
  const browsers: Record<Label, BenchBrowser> = { baseline: bench.baseline, baton: bench.baton, empty };
  try {
    for (const site of BENCH_SITES) {
      bench.log(
        `load: ${site.id}: warm-up, then ${LOAD_RUNS} loads per browser (without, with Baton, empty extension)`,
      );
      const samples = await sampleLoads(browsers, site, LOAD_RUNS);
      const scriptRow = addedRow(site, samples, 'script', {
        figure: 'script time added to page load (ms, CPU, compiles included)',
        unit: 'ms',
        budget: '≤ 5 ms added',
        limit: 5,
        note: (floor) =>
          `an extension with empty content scripts of the same shape adds ${floor.toFixed(1)} ms`,
      });
      // The compile is the one part of that sum that does not drown in the page's own spread.
      const compileRow = addedRow(site, samples, 'compile', {
        figure: 'of it, compiling scripts (ms, CPU)',
        unit: 'ms',
        budget: '— (part of the row above)',
        ratio: false,
      });
      const heapRow = addedRow(site, samples, 'heap', {
        figure: 'JS heap after load + GC (KB)',
        unit: 'KB',
        per: 1024,
        budget: '— (no §9 budget)',
        note: (floor) =>
          `renderer isolate (page + Baton’s two worlds); empty content scripts add ${floor.toFixed(0)} KB`,
      });
      // On the replica, the host's own scripts (44–210 ms a load) spread by more than Baton costs. On a
      // bare page of the host, nearly all the script time is Baton's.
      bench.log(`load: ${site.id}: ${BARE_RUNS} loads of a bare page of the host per browser`);
      const bare = await sampleLoads(browsers, site, BARE_RUNS, true);
      const bareRow = addedRow(site, bare, 'script', {
        figure: 'script time added to a bare page of the host (ms, CPU, compiles included)',
        unit: 'ms',
        budget: '— (Baton’s own share, without the host’s requests)',
        ratio: false,
      });
      bench.rows.push(scriptRow, compileRow, heapRow, bareRow);
      bench.log(`load: ${site.id}: ${TRACED_LOADS} traced loads for attribution`);
      const activity: BatonActivity[] = [];
      for (let i = 0; i < TRACED_LOADS; i++) activity.push(await tracedLoad(bench, site));
      const paired = samples.baton.map((s, i) => s.script - (samples.baseline[i]?.script ?? Number.NaN));
      const compileOf = (label: Label) => summarize(samples[label].map((s) => s.compile));
      bench.details[`load:${site.id}`] = {
        samples,
        bare,
        scriptAddedPaired: summarize(paired),
        emptyExtensionScriptAddedMs: floorOf(samples, 'script'),
        emptyExtensionHeapAddedKB: floorOf(samples, 'heap') / 1024,
        taskAddedMs: addedOf(samples, 'task'),
        compileMs: { baseline: compileOf('baseline'), baton: compileOf('baton'), empty: compileOf('empty') },
        heapMetricAddedKB: addedOf(samples, 'heapMetric') / 1024,
        tracedActivity: activity,
        tracedNote:
          'Traced loads run slower than untraced ones. evaluateMs includes compileMs; callbacks are calls into Baton’s content scripts in the first 3 s after its first script, later ones (the health check 4 s after load) apart.',
      };
      bench.log(
        `load: ${site.id}: script +${scriptRow.compared?.value.toFixed(1)} ms (empty extension +${floorOf(samples, 'script').toFixed(1)}), bare page +${bareRow.compared?.value.toFixed(1)} ms, heap +${heapRow.compared?.value.toFixed(0)} KB`,
      );
    }
  } finally {
    await empty.close();
    rmSync(emptyDir, { recursive: true, force: true });
  }
}
