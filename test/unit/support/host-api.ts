import { vi } from 'vitest';

/**
 * A host's REST API as the page's session sees it, in place of `fetch`: `answers` maps a path prefix
 * (the longest matching wins) to a JSON body, or to a status answered with no body. Returns the URLs
 * asked for, in order.
 */
export function stubHostApi(answers: Record<string, unknown>): string[] {
  const calls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      calls.push(url);
      const match = Object.keys(answers)
        .sort((a, b) => b.length - a.length)
        .find((prefix) => url.startsWith(prefix));
      const answer = match === undefined ? 404 : answers[match];
      if (typeof answer === 'number') return new Response('', { status: answer });
      return new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } });
    }),
  );
  return calls;
}
