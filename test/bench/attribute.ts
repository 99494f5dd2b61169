import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// A transitive dependency (wxt → unimport → unplugin → @jridgewell/remapping); fine for an analysis tool.
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import type { CDPSession, Page } from '@playwright/test';
import { build } from 'wxt';
import { startHostServer } from '../e2e/fixtures/host-server.ts';
import { type BenchBrowser, launchBenchBrowser } from './browsers.ts';
import { freshPage, pollEvaluate, sleep } from './harness.ts';
import { seedScript } from './measure-popup.ts';
import { POPUP_PROBE } from './probes.ts';
import { BENCH_SITES } from './sites.ts';

// `npx tsx test/bench/attribute.ts`: what in Baton costs what, for the figures that miss their budget.
// Not part of the bench: it builds a copy of the Chrome extension with source maps into a temp dir (the
// product build is untouched), then samples the CPU with V8's profiler (through a trace) and charges
// each sample to the source module of the function that was running (self time):
// - each host page load: Baton's content scripts, plus their bytes by source module;
// - the popup opened with 50,000 stored events.
// Profiled runs are slower than real ones: read the shares, not the absolute ms.

const LOADS = 3;
const root = resolve('.');

function moduleOf(source: string | null): string {
  if (!source) return '(unmapped)';
  const path = source.replace(/^(\.\.\/)+/, '').replace(/\\/g, '/');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) {
    const sub = /node_modules\/zod\/(v4\/(?:core|mini|classic)|mini|v4)/.exec(path);
    return sub ? `zod/${sub[1]}` : (pkg[1] ?? path);
  }
  return path.replace(/^.*?(lib|entrypoints|components)\//, '$1/');
}

/** Source maps of the build, by the path of the script inside the extension. */
class Maps {
  private readonly cache = new Map<string, TraceMap | null>();
  constructor(private readonly dir: string) {}
  get(file: string): TraceMap | null {
    if (!this.cache.has(file)) {
      const path = join(this.dir, `${file}.map`);
      this.cache.set(file, existsSync(path) ? new TraceMap(readFileSync(path, 'utf8')) : null);
    }
    return this.cache.get(file) ?? null;
  }
  /** Where a profiled frame comes from: an extension script's source module, or V8's own bucket. */
  locate(frame: ProfileNode['callFrame']): string | null {
    const file = /^chrome-extension:\/\/[^/]+\/(.+?)(?:[?#].*)?$/.exec(frame.url ?? '')?.[1];
    if (!file) return frame.url ? null : frame.functionName?.startsWith('(') ? frame.functionName : null;
    const map = this.get(file);
    if (!map) return `${file} (no map)`;
    if (frame.lineNumber < 0) return `${file} (top level)`;
    try {
      return moduleOf(
        originalPositionFor(map, { line: frame.lineNumber + 1, column: frame.columnNumber }).source,
      );
    } catch {
      return `${file} (outside the map)`;
    }
  }
}

function bytesBySource(code: string, map: TraceMap): Map<string, number> {
  const out = new Map<string, number>();
  code.split('\n').forEach((line, index) => {
    // Walk each line in 40-character steps: enough resolution for a share of bytes.
    for (let column = 0; column < line.length; column += 40) {
      const key = moduleOf(originalPositionFor(map, { line: index + 1, column }).source);
      out.set(key, (out.get(key) ?? 0) + Math.min(40, line.length - column));
    }
  });
  return out;
}

interface ProfileNode {
  id: number;
  callFrame: { url: string; lineNumber: number; columnNumber: number; functionName: string };
}

/** Runs `action` under a trace with V8's sampling profiler; self ms by what `locate` names (null: dropped). */
async function profile(
  cdp: CDPSession,
  action: () => Promise<void>,
  locate: (frame: ProfileNode['callFrame']) => string | null,
): Promise<Map<string, number>> {
  const events: { name: string; id?: string; args?: { data?: Record<string, unknown> } }[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as typeof events));
  });
  const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-v8.cpu_profiler'] },
    transferMode: 'ReportEvents',
  });
  await action();
  await cdp.send('Tracing.end');
  await complete;
  const selfMs = new Map<string, number>();
  const nodes = new Map<string, ProfileNode>();
  for (const e of events) {
    if (e.name !== 'ProfileChunk') continue;
    const data = e.args?.data as {
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
    for (const node of data.cpuProfile?.nodes ?? []) nodes.set(`${e.id}:${node.id}`, node);
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    samples.forEach((sample, index) => {
      const node = nodes.get(`${e.id}:${sample}`);
      const key = node ? locate(node.callFrame) : null;
      if (!key || key === '(idle)') return;
      selfMs.set(key, (selfMs.get(key) ?? 0) + (deltas[index + 1] ?? deltas[index] ?? 0) / 1000);
    });
  }
  return selfMs;
}

function table(title: string, entries: Map<string, number>, unit: string, limit = 14): string {
  const total = [...entries.values()].reduce((a, b) => a + b, 0);
  const digits = unit === 'B' ? 0 : 1;
  const rows = [...entries].sort((a, b) => b[1] - a[1]).slice(0, limit);
  return [
    title,
    ...rows.map(
      ([key, value]) =>
        `  ${value.toFixed(digits).padStart(8)} ${unit}  ${((100 * value) / total).toFixed(0).padStart(3)}%  ${key}`,
    ),
    `  ${total.toFixed(digits).padStart(8)} ${unit}  total`,
  ].join('\n');
}

function scale(entries: Map<string, number>, factor: number): Map<string, number> {
  return new Map([...entries].map(([k, v]) => [k, v * factor]));
}

function add(into: Map<string, number>, from: Map<string, number>): void {
  for (const [k, v] of from) into.set(k, (into.get(k) ?? 0) + v);
}

async function contentScripts(browser: BenchBrowser, extensionDir: string, maps: Maps): Promise<void> {
  for (const site of BENCH_SITES) {
    console.log(`\n=== ${site.id}: the content scripts that load on every page ===`);
    for (const file of [`${site.id}.js`, `${site.id}-main.js`]) {
      const path = `content-scripts/${file}`;
      const map = maps.get(path);
      if (!map) continue;
      const bytes = bytesBySource(readFileSync(join(extensionDir, path), 'utf8'), map);
      console.log(table(`bytes of ${file} by source (minified, before gzip)`, bytes, 'B', 10));
    }
    const total = new Map<string, number>();
    for (let i = 0; i < LOADS; i++) {
      const { page, cdp } = await freshPage(browser);
      const selfMs = await profile(
        cdp,
        async () => {
          await page.goto(site.url, { waitUntil: 'load' });
          await sleep(1_000);
        },
        (frame) => (frame.url?.includes('/content-scripts/') ? maps.locate(frame) : null),
      );
      await page.close();
      add(total, selfMs);
    }
    console.log(
      table(
        `CPU self time in Baton's scripts per page load (mean of ${LOADS})`,
        scale(total, 1 / LOADS),
        'ms',
      ),
    );
  }
}

async function popup(browser: BenchBrowser, maps: Maps): Promise<void> {
  const worker = browser.worker;
  if (!worker) throw new Error('no service worker');
  console.log('\n=== popup with 50,000 stored events ===');
  await worker.evaluate(seedScript(50_000));
  await browser.context.addInitScript({ content: POPUP_PROBE });
  const total = new Map<string, number>();
  const painted: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    const { page, cdp } = await freshPage(browser);
    const selfMs = await profile(
      cdp,
      async () => {
        await page.goto(`chrome-extension://${browser.extensionId}/popup.html`, { waitUntil: 'commit' });
        const probe = await pollEvaluate<{ figurePainted: number }>(
          page as Page,
          'window.__benchPopup && window.__benchPopup.figurePainted > 0 && window.__benchPopup',
          60_000,
        );
        painted.push(probe.figurePainted);
      },
      (frame) => maps.locate(frame),
    );
    await page.close();
    add(total, selfMs);
  }
  console.log(`figure painted at ${painted.map((p) => p.toFixed(0)).join(', ')} ms (profiled)`);
  console.log(
    table(
      `CPU self time on the popup's main thread until the figure is painted (mean of ${LOADS}); waiting for storage is not CPU and is not in it`,
      scale(total, 1 / LOADS),
      'ms',
      16,
    ),
  );
  await worker.evaluate('chrome.storage.local.set({ events: [] })');
}

async function main(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'baton-attribute-'));
  console.log(`building a source-mapped copy into ${outDir} …`);
  await build({
    root,
    outDir,
    browser: 'chrome',
    logger: {
      level: 0,
      debug() {},
      log() {},
      info() {},
      success() {},
      warn: console.warn,
      error: console.error,
      fatal: console.error,
    } as never,
    vite: () => ({ build: { sourcemap: true } }),
  });
  const extensionDir = join(outDir, 'chrome-mv3');
  const maps = new Maps(extensionDir);
  const server = await startHostServer();
  const browser = await launchBenchBrowser(extensionDir, server.port);
  try {
    const only = process.argv[2];
    if (!only || only === 'content') await contentScripts(browser, extensionDir, maps);
    if (!only || only === 'popup') await popup(browser, maps);
  } finally {
    await browser.close();
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
