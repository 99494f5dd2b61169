import * as z from 'zod/mini';
import type { Check } from '../checks';
import type { PostFailure, PostResult } from '../messaging';

// Turns a host's answer into success or a failure a person can act on. Shared by every adapter
// because hosts fail in the same few ways: offline, logged out (a login page served as 200 HTML),
// or an HTTP error with a JSON or text body.

function detailOf(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object') {
      const record = parsed as Record<string, unknown>;
      const messages = record.errorMessages;
      if (Array.isArray(messages) && messages.length > 0) return messages.map(String).join(' ');
      const error = record.error;
      if (typeof error === 'string') return error;
      if (error && typeof error === 'object' && 'message' in error) return String(error.message);
      if (typeof record.message === 'string') return record.message;
      if (record.errors && typeof record.errors === 'object') {
        return Object.entries(record.errors as Record<string, unknown>)
          .map(([field, message]) => `${field}: ${String(message)}`)
          .join('; ');
      }
    }
  } catch {
    // Not JSON: the text itself is the best detail there is.
  }
  return body.replace(/\s+/g, ' ').trim();
}

function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - Date.now()) / 1000));
}

/** Success, with the id of what the host created when its answer names one (a comment, an action). */
function created(body: string): PostResult {
  try {
    const id: unknown = JSON.parse(body)?.id;
    if ((typeof id === 'string' && id !== '' && id.length <= 100) || typeof id === 'number')
      return { ok: true, createdId: String(id) };
  } catch {
    // An empty or non-JSON success names nothing.
  }
  return { ok: true };
}

/** A host that has not answered by then is treated as failed: the comment waits in the outbox, not forever in a spinner. */
export const POST_TIMEOUT_MS = 20_000;

export async function sendJson(
  url: string,
  init: RequestInit,
  timeoutMs = POST_TIMEOUT_MS,
): Promise<PostResult> {
  let response: Response;
  try {
    response = await fetch(url, {
      credentials: 'same-origin',
      signal: AbortSignal.timeout(timeoutMs),
      ...init,
    });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return { ok: false, failure: { kind: timedOut ? 'timeout' : 'offline' } };
  }
  const type = response.headers.get('content-type') ?? '';
  const body = await response.text().catch(() => '');
  if (response.ok && type.includes('text/html')) return { ok: false, failure: { kind: 'logged_out' } };
  if (response.ok) return created(body);
  const failure: PostFailure = {
    kind: 'http',
    status: response.status,
    detail: detailOf(body).slice(0, 300),
  };
  const retryAfter = retryAfterSeconds(response.headers.get('retry-after'));
  if (retryAfter !== undefined) failure.retryAfterSeconds = retryAfter;
  return { ok: false, failure };
}

/**
 * How a read goes out. Same-origin by default; a host whose own client says `credentials: 'include'`
 * (Trello) passes that, so Baton's reads are the client's.
 */
export type ReadOptions = Pick<RequestInit, 'credentials'>;

/** Whether a host's listing (e.g. a ticket's recent comments) mentions this text; false when it cannot tell. */
export async function listingMentions(
  url: string,
  text: string,
  options: ReadOptions = {},
): Promise<boolean> {
  try {
    const response = await fetch(url, {
      credentials: 'same-origin',
      ...options,
      headers: { accept: 'application/json' },
    });
    const type = response.headers.get('content-type') ?? '';
    return response.ok && type.includes('json') && (await response.text()).includes(text);
  } catch {
    return false;
  }
}

/** A same-origin GET read as JSON; null for anything else (logged out, an error, not JSON). */
async function fetchJson(path: string, options: ReadOptions): Promise<{ body: unknown } | null> {
  try {
    const response = await fetch(path, {
      credentials: 'same-origin',
      ...options,
      headers: { accept: 'application/json' },
    });
    if (!response.ok || !response.headers.get('content-type')?.includes('json')) return null;
    return { body: await response.json() };
  } catch {
    return null;
  }
}

/** A same-origin GET parsed with a schema; null for anything else, another shape included. */
export async function getJson<T>(
  path: string,
  schema: z.ZodMiniType<T>,
  options: ReadOptions = {},
): Promise<T | null> {
  const found = await fetchJson(path, options);
  const parsed = found && z.safeParse(schema, found.body);
  return parsed?.success ? parsed.data : null;
}

/** The same with a plain check, for the scripts that load on every host page (see lib/checks.ts). */
export async function getChecked<T>(
  path: string,
  check: Check<T>,
  options: ReadOptions = {},
): Promise<T | null> {
  const found = await fetchJson(path, options);
  return found && check(found.body) ? found.body : null;
}
