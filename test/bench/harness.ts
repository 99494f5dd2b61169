import type { CDPSession, Page } from '@playwright/test';
import type { HostServer } from '../e2e/fixtures/host-server.ts';
import type { BenchBrowser } from './browsers.ts';
import { type Summary, summarize } from './stats.ts';

// What every measurement gets: the local host server, the two browsers, a progress log, and a place to
// put its rows (the table) and its details (everything else worth comparing between runs).

export interface Row {
  figure: string;
  site: string;
  unit: string;
  baseline: Summary | null;
  baton: Summary | null;
  /** baton median / baseline median. */
  ratio: number | null;
  /** What is compared with the budget, e.g. "added ms" = baton median − baseline median. */
  compared?: { label: string; value: number };
  budget: string;
  /** null when §9 sets no budget for this figure (reported for context). */
  within: boolean | null;
  note?: string;
}

export interface Bench {
  server: HostServer;
  baseline: BenchBrowser;
  baton: BenchBrowser;
  /** The snapshot of the production build that the Baton browser loads. */
  extensionDir: string;
  rows: Row[];
  details: Record<string, unknown>;
  log(message: string): void;
}

export function row(
  fields: Omit<Row, 'ratio' | 'baseline' | 'baton'> & {
    baseline?: number[] | null;
    baton?: number[] | null;
    /** false where a ratio means nothing (e.g. a baseline that is an empty stub). */
    ratio?: false;
  },
): Row {
  const { ratio: showRatio, ...rest } = fields;
  const baseline = fields.baseline?.length ? summarize(fields.baseline) : null;
  const baton = fields.baton?.length ? summarize(fields.baton) : null;
  const ratio =
    showRatio !== false && baseline && baton && baseline.median !== 0 ? baton.median / baseline.median : null;
  return { ...rest, baseline, baton, ratio };
}

export type Metrics = Record<string, number>;

export async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/** A fresh tab with a CDP session on it, Performance metrics on (thread time: CPU time of the main thread). */
export async function freshPage(browser: BenchBrowser): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return { page, cdp };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls a Node-side condition (e.g. the server having recorded a request); what is measured is the
 *  server's own arrival timestamp, so the polling interval does not enter the figure. */
export async function until<T>(what: string, check: () => T | undefined | null | false, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(5);
  }
}

export const ms = (seconds: number) => seconds * 1000;

/**
 * Polls an expression in a page or frame until it is truthy and returns its value. Not
 * waitForFunction: extension pages' CSP forbids the eval it uses with a string. The probes keep their
 * own timestamps, so the interval adds nothing to a figure.
 */
export async function pollEvaluate<T>(
  target: { evaluate(expression: string): Promise<unknown> },
  expression: string,
  timeoutMs = 15_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await target.evaluate(expression);
    if (value) return value as T;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${expression}`);
    await sleep(15);
  }
}
