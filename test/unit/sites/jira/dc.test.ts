// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWiki } from '../../../../lib/checklist/render-wiki';
import { createJiraSiteAdapter } from '../../../../lib/sites/jira/adapter';
import { createJiraDcAdapter } from '../../../../lib/sites/jira/dc/adapter';
import { wikiToText } from '../../../../lib/sites/jira/dc/receiver';
import { pageDeployment } from '../../../../lib/sites/jira/page';
import { ticketFromUrl } from '../../../../lib/sites/registry';
import { actionOf } from '../../support/guard-parts';
import { stubHostApi } from '../../support/host-api';

const API = '/jira/rest/api/2';

/** A Data Center issue view under the context path /jira, as Jira 8–10 renders its people block. */
function dcPage({ assignee = 'apark', shortcuts = 'true' } = {}) {
  document.head.innerHTML = `
    <meta name="application-name" content="JIRA" data-name="jira" data-version="9.12.7">
    <meta name="ajs-version-number" content="9.12.7">
    <meta name="ajs-context-path" content="/jira">
    <meta name="ajs-remote-user" content="bchen">
    <meta name="ajs-remote-user-fullname" content="Bob Chen">
    <meta name="ajs-keyboard-shortcuts-enabled" content="${shortcuts}">`;
  document.title = '[OPS-7] Disk full on db-2 - Example Corp Jira';
  document.body.innerHTML = `
    <a id="key-val" rel="10001" href="/jira/browse/OPS-7">OPS-7</a>
    <h1 id="summary-val">Disk full on db-2</h1>
    <span id="assignee-val" class="view-issue-field">
      ${assignee ? `<span class="user-hover" id="issue_summary_assignee_${assignee}" rel="${assignee}">Alice Park</span>` : 'Unassigned'}
    </span>
    <a id="assign-to-me" class="issueaction-assign-to-me" href="/jira/secure/AssignIssue.jspa?atl_token=t&id=10001&assignee=bchen">Assign to me</a>
    <input id="comment">`;
}

function event<T extends Event>(make: () => T, target: Element): T {
  const e = make();
  Object.defineProperty(e, 'composedPath', { value: () => [target] });
  return e;
}
const click = (target: Element, type = 'click') =>
  event(() => new MouseEvent(type, { bubbles: true, button: 0 }), target);
const key = (target: Element, k: string, init: KeyboardEventInit = {}) =>
  event(() => new KeyboardEvent('keydown', { key: k, bubbles: true, ...init }), target);
const q = (selector: string) => document.querySelector(selector) as HTMLElement;

afterEach(() => {
  vi.unstubAllGlobals();
  document.head.innerHTML = '';
});

describe('which Jira a page is', () => {
  it('is Cloud where the page names its cloud or an account id, Data Center where it names a version or a username', () => {
    document.head.innerHTML =
      '<meta name="ajs-cloud-id" content="c"><meta name="ajs-version-number" content="1001.0.0">';
    expect(pageDeployment()).toBe('cloud');
    dcPage();
    expect(pageDeployment()).toBe('server');
    document.head.innerHTML = '';
    expect(pageDeployment()).toBeNull();
  });

  it('writes wiki markup on Data Center and ADF on Cloud', async () => {
    dcPage();
    expect(await createJiraSiteAdapter().commentFormat?.()).toBe('wiki');
    document.head.innerHTML = '<meta name="ajs-cloud-id" content="c">';
    expect(await createJiraSiteAdapter().commentFormat?.()).toBeUndefined();
  });

  it("asks serverInfo when the page says nothing: Data Center answers deploymentType 'Server'", async () => {
    document.head.innerHTML = '';
    const calls = stubHostApi({ '/rest/api/2/serverInfo': { deploymentType: 'Server', version: '10.3.13' } });
    expect(await createJiraSiteAdapter().commentFormat?.()).toBe('wiki');
    stubHostApi({ '/rest/api/2/serverInfo': { deploymentType: 'Cloud' } });
    expect(await createJiraSiteAdapter().commentFormat?.()).toBeUndefined();
    expect(calls).toEqual(['/rest/api/2/serverInfo']);
  });
});

describe('Jira Data Center adapter', () => {
  it('stops "Assign to me" with the page’s people, by username, and the rest of the gesture with it', () => {
    dcPage();
    const adapter = createJiraDcAdapter();
    const link = q('#assign-to-me');
    expect(adapter.recognize(click(link, 'mousedown'))).toBe('part-of-commit');
    const stopped = actionOf(adapter.recognize(click(link)));
    expect(stopped.tickets).toEqual(['OPS-7']);
    expect(stopped.context).toMatchObject({
      site: 'jira',
      ticketKey: 'OPS-7',
      title: 'Disk full on db-2',
      url: `${location.origin}/jira/browse/OPS-7`,
      from: { id: 'apark', name: 'Alice Park' },
      to: { id: 'bchen', name: 'Bob Chen' },
    });
  });

  it('stops `i` outside a field, not while typing, not with shortcuts off, not when the issue is already mine', () => {
    dcPage();
    expect(actionOf(createJiraDcAdapter().recognize(key(document.body, 'i'))).tickets).toEqual(['OPS-7']);
    expect(createJiraDcAdapter().recognize(key(q('#comment'), 'i'))).toBeNull();
    expect(createJiraDcAdapter().recognize(key(document.body, 'i', { ctrlKey: true }))).toBeNull();
    dcPage({ shortcuts: 'false' });
    expect(createJiraDcAdapter().recognize(key(document.body, 'i'))).toBeNull();
    dcPage({ assignee: 'bchen' });
    expect(createJiraDcAdapter().recognize(click(q('#assign-to-me')))).toBeNull();
  });

  it('assigns through REST v2 by username on replay, and fails loudly when Jira refuses', async () => {
    dcPage();
    const sent: { url: string; init?: RequestInit }[] = [];
    let status = 204;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        sent.push({ url, init });
        return new Response(status === 204 ? null : '{"errorMessages":["no"]}', { status });
      }),
    );
    const stopped = actionOf(createJiraDcAdapter().recognize(click(q('#assign-to-me'))));
    await stopped.replay();
    expect(sent[0]?.url).toBe(`${API}/issue/OPS-7/assignee`);
    expect(sent[0]?.init?.method).toBe('PUT');
    expect(JSON.parse(String(sent[0]?.init?.body))).toEqual({ name: 'bchen' });
    expect(new Headers(sent[0]?.init?.headers).get('X-Atlassian-Token')).toBe('no-check');
    status = 403;
    await expect(stopped.replay()).rejects.toThrow(/refused/);
  });

  it('knows it landed once Jira has the issue assigned to the user', async () => {
    dcPage();
    const stopped = actionOf(createJiraDcAdapter().recognize(click(q('#assign-to-me'))));
    stubHostApi({
      [`${API}/issue/OPS-7`]: {
        key: 'OPS-7',
        fields: { assignee: { name: 'apark', displayName: 'Alice Park' } },
      },
    });
    expect(await stopped.landed?.()).toBe(false);
    stubHostApi({
      [`${API}/issue/OPS-7`]: {
        key: 'OPS-7',
        fields: { assignee: { name: 'bchen', displayName: 'Bob Chen' } },
      },
    });
    expect(await stopped.landed?.()).toBe(true);
  });

  it('describes a held form post by issue id with the key, From as Jira has it and To by username', async () => {
    dcPage();
    stubHostApi({
      [`${API}/issue/10001`]: {
        key: 'OPS-7',
        fields: { summary: 'Disk full on db-2', assignee: { name: 'apark', displayName: 'Alice Park' } },
      },
      [`${API}/user?username=dlee`]: { name: 'dlee', displayName: 'Dana Lee' },
    });
    const adapter = createJiraDcAdapter();
    const match = { tickets: ['10001'], toId: 'dlee' };
    const described = await adapter.describeRequest(match);
    expect(described).toMatchObject({
      ticketKey: 'OPS-7',
      title: 'Disk full on db-2',
      from: { id: 'apark', name: 'Alice Park' },
      to: { id: 'dlee', name: 'Dana Lee' },
    });
    expect(described && adapter.ticketsOf?.(match, described)).toEqual(['OPS-7']);
  });

  it('still describes a held post from the page when Jira’s API does not answer', async () => {
    dcPage();
    stubHostApi({});
    const described = await createJiraDcAdapter().describeRequest({ tickets: ['OPS-7'], toId: null });
    expect(described).toMatchObject({ ticketKey: 'OPS-7', from: { id: 'apark' } });
    expect(described?.to).toBeUndefined();
  });

  it('posts the wiki body to REST v2 under the context path, with the XSRF opt-out', async () => {
    dcPage();
    const sent: { url: string; init?: RequestInit }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        sent.push({ url, init });
        return new Response('{"id":"20001"}', {
          status: 201,
          headers: { 'content-type': 'application/json' },
        });
      }),
    );
    expect(await createJiraDcAdapter().postComment('OPS-7', 'h3. Handoff')).toEqual({
      ok: true,
      createdId: '20001',
    });
    expect(sent[0]?.url).toBe(`${API}/issue/OPS-7/comment`);
    expect(JSON.parse(String(sent[0]?.init?.body))).toEqual({ body: 'h3. Handoff' });
    expect(new Headers(sent[0]?.init?.headers).get('X-Atlassian-Token')).toBe('no-check');
  });

  it('names the elements it could not find on an issue page', () => {
    dcPage();
    q('#assignee-val').remove();
    expect(createJiraDcAdapter().missingElements()).toEqual(['assignee field']);
  });
});

describe('the receiver reading Data Center comments', () => {
  it('reads back what a user typed from the wiki markup Baton wrote', () => {
    const typed = '{html}<b>x</b>{html} [link|http://x] *bold* C:\\temp\\ a \\\\ b :P -gone- & &amp; 한국어';
    const wiki = renderWiki({
      heading: 'Handoff',
      meta: [{ label: 'To', value: 'Alice Park', mention: ['apark'] }],
      items: [
        { label: 'Next action for the receiver', value: { kind: 'text', text: `${typed}\nh1. second` } },
      ],
      marker: 'baton:v1 handoff=abcdef-1234 to=apark',
    });
    expect(wikiToText(wiki)).toBe(
      `Handoff\n\nTo: Alice Park\n\nNext action for the receiver: ${typed}\nh1. second\n\nbaton:v1 handoff=abcdef-1234 to=apark\n`,
    );
  });

  it('finds the issue in a URL under a context path', () => {
    expect(ticketFromUrl('jira', new URL('https://jira.example-corp.test/jira/browse/OPS-7'))).toBe('OPS-7');
    expect(ticketFromUrl('jira', new URL('https://jira.example-corp.test/browse/OPS-7'))).toBe('OPS-7');
    expect(ticketFromUrl('jira', new URL('https://jira.example-corp.test/jira/browse/OPS-7/x'))).toBeNull();
  });
});
