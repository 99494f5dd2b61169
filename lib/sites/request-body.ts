// Reading request bodies in the MAIN-world matchers, with plain checks (see guard/net-protocol.ts
// for why no zod there). A body may be JSON, form-encoded, or absent with parameters in the query.

export type Json = Record<string, unknown>;

export const record = (value: unknown): Json | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;

export const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export function jsonBody(body: string | null): Json | undefined {
  if (!body) return undefined;
  try {
    return record(JSON.parse(body));
  } catch {
    return undefined;
  }
}

/** JSON, form or query parameters, merged: Trello's API accepts a parameter in any of them. */
export function params(url: URL, body: string | null): Record<string, unknown> {
  const merged: Record<string, unknown> = Object.fromEntries(url.searchParams);
  const json = jsonBody(body);
  if (json) return { ...merged, ...json };
  if (body && /^[^{[\s]/.test(body)) Object.assign(merged, Object.fromEntries(new URLSearchParams(body)));
  return merged;
}
