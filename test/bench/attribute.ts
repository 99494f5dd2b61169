import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// A transitive dependency (wxt → unimport → unplugin → @jridgewell/remapping); fine for an analysis tool.
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { build } from 'wxt';
import { startHostServer } from '../e2e/fixtures/host-server.ts';
import { launchBenchBrowser } from './browsers.ts';
import { freshPage, sleep } from './harness.ts';
import { BENCH_SITES } from './sites.ts';

// `npx tsx test/bench/attribute.ts`: what in Baton's always-loaded content scripts costs what. Not part
// of the bench: it builds a copy of the Chrome extension with source maps into a temp dir (the product
// build is untouched), then
// - splits each content script's bytes by source module (node_modules package or lib/ file), and
// - samples the CPU (V8's profiler, through a trace) while each replica page loads with that build, and
//   charges Baton's samples to the source module of the function that was running (self time).
// Traced and profiled loads are slower than real ones: read the shares, not the absolute ms.

const LOADS = 3;
const root = resolve('.');

function moduleOf(source: string | null): string {
  if (!source) return '(no source)';
  const path = source.replace(/^(\.\.\/)+/, '').replace(/\\/g, '/');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) {
    const sub = /node_modules\/zod\/(v4\/(?:core|mini|classic)|mini|v4)/.exec(path);
    return sub ? `zod/${sub[1]}` : (pkg[1] ?? path);
  }
  return path.replace(/^.*?(lib|entrypoints|components)\//, '$1/');
}

function bytesBySource(code: string, map: TraceMap): Map<string, number> {
  const out = new Map<string, number>();
  const lines = code.split('\n');
  lines.forEach((line, index) => {
    // Walk the line in 40-character steps: enough resolution for a share of bytes.
    for (let column = 0; column < line.length; column += 40) {
      const pos = originalPositionFor(map, { line: index + 1, column });
      const key = moduleOf(pos.source);
      out.set(key, (out.get(key) ?? 0) + Math.min(40, line.length - column));
    }
  });
  return out;
}

interface ProfileNode {
  id: number;
  callFrame: { url: string; lineNumber: number; columnNumber: number; functionName: string };
}

function table(title: string, entries: Map<string, number>, unit: string, limit = 14): string {
  const total = [...entries.values()].reduce((a, b) => a + b, 0);
  const rows = [...entries].sort((a, b) => b[1] - a[1]).slice(0, limit);
  return [
    title,
    ...rows.map(
      ([key, value]) =>
        `  ${value.toFixed(unit === 'B' ? 0 : 1).padStart(8)} ${unit}  ${((100 * value) / total).toFixed(0).padStart(3)}%  ${key}`,
    ),
    `  ${total.toFixed(unit === 'B' ? 0 : 1).padStart(8)} ${unit}  total`,
  ].join('\n');
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
  const server = await startHostServer();
  const browser = await launchBenchBrowser(extensionDir, server.port);
  try {
    for (const site of BENCH_SITES) {
      const maps = new Map<string, { map: TraceMap; code: string }>();
      for (const file of [`${site.id}.js`, `${site.id}-main.js`]) {
        const path = join(extensionDir, 'content-scripts', file);
        const code = readFileSync(path, 'utf8');
        maps.set(file, { map: new TraceMap(readFileSync(`${path}.map`, 'utf8')), code });
      }
      console.log(`\n=== ${site.id} ===`);
      for (const [file, { map, code }] of maps) {
        console.log(
          table(`bytes of ${file} by source (minified, before gzip)`, bytesBySource(code, map), 'B', 10),
        );
      }
      const selfMs = new Map<string, number>();
      for (let i = 0; i < LOADS; i++) {
        const { page, cdp } = await freshPage(browser);
        const events: { name: string; id?: string; args?: { data?: Record<string, unknown> } }[] = [];
        cdp.on('Tracing.dataCollected', (e) => {
          events.push(...(e.value as unknown as typeof events));
        });
        const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
        await cdp.send('Tracing.start', {
          traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-v8.cpu_profiler'] },
          transferMode: 'ReportEvents',
        });
        await page.goto(site.url, { waitUntil: 'load' });
        await sleep(1_000);
        await cdp.send('Tracing.end');
        await complete;
        await page.close();
        // Rebuild each profile from its chunks, then charge every sample's time to its frame's source.
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
            const url = node?.callFrame.url ?? '';
            const file = /content-scripts\/([^/?#]+)$/.exec(url)?.[1];
            const mapped = file ? maps.get(file) : undefined;
            if (!node || !mapped) return;
            const pos = originalPositionFor(mapped.map, {
              line: node.callFrame.lineNumber + 1,
              column: node.callFrame.columnNumber,
            });
            const key = `${moduleOf(pos.source)}`;
            selfMs.set(key, (selfMs.get(key) ?? 0) + (deltas[index + 1] ?? deltas[index] ?? 0) / 1000);
          });
        }
      }
      for (const [key, value] of selfMs) selfMs.set(key, value / LOADS);
      console.log(
        table(`CPU self time in Baton's scripts per page load (mean of ${LOADS}, profiled)`, selfMs, 'ms'),
      );
    }
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
