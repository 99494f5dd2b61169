import type { CDPSession } from '@playwright/test';

// Chrome traces (devtools.timeline) taken through a page's CDP session, to say which part of a page's
// main-thread time was Baton's own code: events that name a content-scripts/ URL of the extension.

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: Record<string, unknown> } & Record<string, unknown>;
}

export async function traced<T>(
  cdp: CDPSession,
  action: () => Promise<T>,
): Promise<{ result: T; events: TraceEvent[] }> {
  const events: TraceEvent[] = [];
  const listener = (e: { value: unknown[] }) => {
    events.push(...(e.value as TraceEvent[]));
  };
  cdp.on('Tracing.dataCollected', listener);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'v8', 'v8.execute'] },
    transferMode: 'ReportEvents',
  });
  let result: T;
  try {
    result = await action();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', listener);
  }
  return { result, events };
}

const contentScript = (url: unknown): string | null => {
  if (typeof url !== 'string') return null;
  const found = /^chrome-extension:\/\/[^/]+\/(content-scripts\/[^?#]+)/.exec(url);
  return found?.[1] ?? null;
};

export interface BatonActivity {
  /** Per content script: EvaluateScript (compile + first run) and the v8.compile inside it, ms. */
  scripts: Record<string, { evaluateMs: number; compileMs: number }>;
  /** Calls into Baton's code after its scripts ran (listeners, messages, timers), before `splitAt`. */
  callbacksMs: number;
  callbacks: number;
  /** The same, from `splitAt` on (e.g. work deferred until after the load). */
  laterCallbacksMs: number;
  laterCallbacks: number;
  /** The longest calls: function (as minified), script position, ms, and when (ms from `origin`). */
  longest: { fn: string; at: string; ms: number; atMs: number }[];
}

/** Baton's own main-thread work in a trace; `splitAtMs` is measured from Baton's first script (or the first event). */
export function batonActivity(events: TraceEvent[], splitAtMs = Number.POSITIVE_INFINITY): BatonActivity {
  const scripts: BatonActivity['scripts'] = {};
  const complete = events.filter((e) => e.ph === 'X');
  for (const e of complete) {
    const file = contentScript(e.args?.data?.url);
    if (!file) continue;
    const entry = scripts[file] ?? { evaluateMs: 0, compileMs: 0 };
    if (e.name === 'EvaluateScript') entry.evaluateMs += (e.dur ?? 0) / 1000;
    if (e.name === 'v8.compile') entry.compileMs += (e.dur ?? 0) / 1000;
    scripts[file] = entry;
  }
  const evaluations = complete.filter((e) => e.name === 'EvaluateScript' && contentScript(e.args?.data?.url));
  const origin = evaluations.length
    ? Math.min(...evaluations.map((e) => e.ts))
    : Math.min(...complete.map((e) => e.ts));
  const calls = complete.filter((e) => e.name === 'FunctionCall' && contentScript(e.args?.data?.url));
  const early = calls.filter((e) => e.ts < origin + splitAtMs * 1000);
  const late = calls.filter((e) => e.ts >= origin + splitAtMs * 1000);
  const sum = (list: TraceEvent[]) => list.reduce((total, e) => total + (e.dur ?? 0) / 1000, 0);
  return {
    scripts,
    callbacksMs: sum(early),
    callbacks: early.length,
    laterCallbacksMs: sum(late),
    laterCallbacks: late.length,
    longest: [...calls]
      .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
      .slice(0, 5)
      .map((e) => ({
        fn: String(e.args?.data?.functionName ?? ''),
        at: `${contentScript(e.args?.data?.url)}:${e.args?.data?.lineNumber}:${e.args?.data?.columnNumber}`,
        ms: (e.dur ?? 0) / 1000,
        atMs: (e.ts - origin) / 1000,
      })),
  };
}
