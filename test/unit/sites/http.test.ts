import { afterEach, describe, expect, it, vi } from 'vitest';
import { sendJson } from '../../../lib/sites/http';

function answer(status: number, body: string, headers: Record<string, string> = {}) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(body, { status, headers })),
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('sendJson', () => {
  it('succeeds on a 2xx JSON answer, with the id of what the host created', async () => {
    answer(201, '{"id":"10100","body":{}}', { 'content-type': 'application/json' });
    expect(await sendJson('/x', { method: 'POST' })).toEqual({ ok: true, createdId: '10100' });
    answer(200, '{"ticket":{"id":101}}', { 'content-type': 'application/json' });
    expect(await sendJson('/x', { method: 'PUT' })).toEqual({ ok: true });
    answer(200, '');
    expect(await sendJson('/x', { method: 'PUT' })).toEqual({ ok: true });
  });

  it('treats a login page served as 200 text/html as logged out, never as success', async () => {
    answer(200, '<html>Log in</html>', { 'content-type': 'text/html;charset=UTF-8' });
    expect(await sendJson('/x', { method: 'POST' })).toEqual({ ok: false, failure: { kind: 'logged_out' } });
  });

  it("reports Jira's error messages and status", async () => {
    answer(
      404,
      '{"errorMessages":["Issue does not exist or you do not have permission to see it."],"errors":{}}',
    );
    expect(await sendJson('/x', { method: 'POST' })).toEqual({
      ok: false,
      failure: {
        kind: 'http',
        status: 404,
        detail: 'Issue does not exist or you do not have permission to see it.',
      },
    });
  });

  it('reports a plain-text error such as the XSRF check', async () => {
    answer(403, 'XSRF check failed');
    expect(await sendJson('/x', { method: 'POST' })).toMatchObject({
      ok: false,
      failure: { kind: 'http', status: 403, detail: 'XSRF check failed' },
    });
  });

  it('honours Retry-After in seconds', async () => {
    answer(429, '{"message":"Rate limit exceeded"}', { 'retry-after': '30' });
    expect(await sendJson('/x', { method: 'POST' })).toEqual({
      ok: false,
      failure: { kind: 'http', status: 429, detail: 'Rate limit exceeded', retryAfterSeconds: 30 },
    });
  });

  it("reports a conflict with the host's own words", async () => {
    answer(409, '{"error":"UpdateConflict","description":"Safe Update prevented the update"}');
    expect(await sendJson('/x', { method: 'PUT' })).toMatchObject({
      ok: false,
      failure: { kind: 'http', status: 409, detail: 'UpdateConflict' },
    });
  });

  it('gives up on a host that does not answer, as a timeout', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_url: string, init: RequestInit) =>
          new Promise((_resolve, reject) =>
            init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
          ),
      ),
    );
    expect(await sendJson('/x', { method: 'POST' }, 50)).toEqual({ ok: false, failure: { kind: 'timeout' } });
  });

  it('reports a network failure as offline', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    expect(await sendJson('/x', { method: 'POST' })).toEqual({ ok: false, failure: { kind: 'offline' } });
  });
});
