import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// Extension pages forbid eval. zod decides when an object schema is built whether to compile its parser,
// trying the Function constructor then unless jitless was set first; Firefox reports each try as a CSP
// violation. A fresh Node process per case: zod keeps that decision and its config as module state.

/** How often building and using an object schema calls the Function constructor. */
function functionCalls(importFirst: string[]): number {
  const script = `
    let calls = 0;
    globalThis.Function = new Proxy(Function, { construct(target, args) { calls++; return Reflect.construct(target, args); } });
    ${importFirst.map((path) => `await import(${JSON.stringify(path)});`).join('\n')}
    const z = await import('zod');
    z.object({ a: z.string() }).parse({ a: 'x' });
    console.log(calls);
  `;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  return Number(out.trim());
}

describe('lib/zod-jitless', () => {
  it('is needed: without it, building an object schema tries the Function constructor', () => {
    expect(functionCalls([])).toBeGreaterThan(0);
  });

  it('imported first, no schema tries the Function constructor', () => {
    expect(functionCalls([new URL('../../lib/zod-jitless.ts', import.meta.url).href])).toBe(0);
  });
});
