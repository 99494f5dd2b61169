// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createJiraAdapter } from '../../../../lib/sites/jira/cloud';
import { actionOf } from '../../support/guard-parts';
import { stubHostApi } from '../../support/host-api';

const ME = '5b10a2844c20165700ede21g';
const ALICE = { accountId: ME, displayName: 'Alice Park' };
const BOB = { accountId: '5b10ac8d82e05b22cc7d4ef5', displayName: 'Bob Chen' };
const OTHER_BOB = { accountId: '712020:9a8b7c6d-1111-2222-3333-444455556666', displayName: 'Bob Chen' };

/** The issue view with its Assignee edit view open: react-select's DOM, as Atlaskit's user picker renders it. */
function page({ assignee = 'Alice Park' } = {}) {
  document.head.innerHTML = `<meta name="ajs-atlassian-account-id" content="${ME}">`;
  document.title = '[ACME-1] Checkout fails - Jira';
  document.body.innerHTML = `
    <a data-testid="issue.views.issue-base.foundation.breadcrumbs.current-issue.item" href="/browse/ACME-1">ACME-1</a>
    <h1 data-testid="issue.views.issue-base.foundation.summary.heading">Checkout fails</h1>
    <div data-testid="issue.issue-view-layout.issue-view-assignee-field.assignee">
      <div data-testid="issue.views.field.user.assignee">
        <div role="button" aria-label="${assignee} - edit Assignee">
          <span data-testid="profilecard-next.ui.profilecard.profilecard-trigger">${assignee}</span>
        </div>
        <div role="button" data-testid="issue-view-layout-assignee-field.ui.assign-to-me">Assign to me</div>
      </div>
    </div>
    <input id="react-select-priority-input" role="combobox" aria-expanded="true" aria-activedescendant="react-select-priority-option-1">
    <div id="react-select-priority-option-1" role="option" aria-selected="false">Low</div>`;
}

/** The edit view replaces the read view, and its menu goes to a portal at the end of <body>. */
function openPicker() {
  q('[data-testid="issue.views.field.user.assignee"]').innerHTML =
    '<input id="react-select-assignee-input" role="combobox" aria-expanded="true" aria-activedescendant="">';
  document.body.insertAdjacentHTML(
    'beforeend',
    `<div class="menu-portal"><div id="react-select-assignee-listbox" role="listbox">
      <div id="react-select-assignee-option-0" role="option" aria-selected="false"><span>Unassigned</span></div>
      <div id="react-select-assignee-option-1" role="option" aria-selected="false"><img src="/avatars/initials/AP-0C66E4.svg"><span>Alice Park (Assign to me)</span></div>
      <div id="react-select-assignee-option-2" role="option" aria-selected="false"><img src="https://avatar-management--avatars.example/${OTHER_BOB.accountId}/5c6f0e8a-0000-4000-8000-000000000000/48"><span>Bob Chen</span><span>@acme.example</span></div>
    </div></div>`,
  );
}

function event<T extends Event>(make: () => T, target: Element): T {
  const e = make();
  Object.defineProperty(e, 'composedPath', { value: () => [target] });
  return e;
}
const click = (target: Element) => event(() => new MouseEvent('click', { bubbles: true, button: 0 }), target);
const pointerdown = (target: Element) =>
  event(() => new MouseEvent('pointerdown', { bubbles: true, button: 0 }), target);
const key = (target: Element, k: string, init: KeyboardEventInit = {}) =>
  event(() => new KeyboardEvent('keydown', { key: k, bubbles: true, ...init }), target);
const q = (selector: string) => document.querySelector(selector) as HTMLElement;

const issue = (assignee: unknown) => ({ key: 'ACME-1', fields: { summary: 'Checkout fails', assignee } });

beforeEach(() => {
  history.replaceState(null, '', '/browse/ACME-1');
  page();
});
afterEach(() => vi.unstubAllGlobals());

describe('Jira adapter: the Assignee picker (react-select)', () => {
  it('a person clicked in the edit view is a reassign from the assignee the read view showed', () => {
    const adapter = createJiraAdapter();
    // Not stopped: Jira opens its picker, and Baton gets the checklist's frame ready.
    expect(adapter.recognize(pointerdown(q('[aria-label$="edit Assignee"]')))).toBe('opens-reassign');
    openPicker();
    const chosen = actionOf(adapter.recognize(click(q('#react-select-assignee-option-2 span'))));
    expect(chosen.tickets).toEqual(['ACME-1']);
    expect(chosen.context).toMatchObject({
      site: 'jira',
      ticketKey: 'ACME-1',
      title: 'Checkout fails',
      from: { name: 'Alice Park' },
      to: { name: 'Bob Chen' },
    });
    // No account id is in the option's DOM: the id of a DOM element must never stand in for one.
    expect(chosen.context.to?.id).toBeUndefined();
  });

  it('enrich resolves the name through the assignable search and reads From from Jira itself', async () => {
    openPicker();
    const calls = stubHostApi({
      '/rest/api/3/issue/ACME-1': issue(ALICE),
      '/rest/api/3/user/assignable/search': [BOB, { accountId: 'x', displayName: 'Bobby Chen' }],
    });
    q('#react-select-assignee-option-2 img').removeAttribute('src');
    const chosen = actionOf(createJiraAdapter().recognize(click(q('#react-select-assignee-option-2'))));
    const context = await chosen.enrich?.();
    expect(context?.from).toEqual({ id: ME, name: 'Alice Park' });
    expect(context?.to).toEqual({ id: BOB.accountId, name: 'Bob Chen' });
    expect(calls).toContain(
      '/rest/api/3/user/assignable/search?issueKey=ACME-1&query=Bob%20Chen&maxResults=50',
    );
  });

  it('namesakes are told apart by the account id in a custom avatar', async () => {
    openPicker();
    stubHostApi({
      '/rest/api/3/issue/ACME-1': issue(ALICE),
      '/rest/api/3/user/assignable/search': [BOB, OTHER_BOB],
    });
    const chosen = actionOf(createJiraAdapter().recognize(click(q('#react-select-assignee-option-2'))));
    expect((await chosen.enrich?.())?.to).toEqual({ id: OTHER_BOB.accountId, name: 'Bob Chen' });
  });

  it('a failed search or issue read still gives the checklist, with the names the page showed', async () => {
    const adapter = createJiraAdapter();
    adapter.recognize(pointerdown(q('[aria-label$="edit Assignee"]')));
    openPicker();
    q('#react-select-assignee-option-2 img').removeAttribute('src');
    stubHostApi({ '/rest/api/3/': 500 });
    const chosen = actionOf(adapter.recognize(click(q('#react-select-assignee-option-2'))));
    const context = await chosen.enrich?.();
    expect(context?.from).toEqual({ name: 'Alice Park' });
    expect(context?.to).toEqual({ name: 'Bob Chen' });
  });

  it('the "(Assign to me)" suffix is not part of the name; "Unassigned" is a reassign to nobody', async () => {
    openPicker();
    stubHostApi({ '/rest/api/3/issue/ACME-1': issue(BOB), '/rest/api/3/user/assignable/search': [ALICE] });
    const adapter = createJiraAdapter();
    const me = actionOf(adapter.recognize(click(q('#react-select-assignee-option-1'))));
    expect(me.context.to).toEqual({ name: 'Alice Park' });
    expect((await me.enrich?.())?.to).toEqual({ id: ME, name: 'Alice Park' });
    const nobody = actionOf(adapter.recognize(click(q('#react-select-assignee-option-0'))));
    expect(nobody.context.to).toBeUndefined();
    expect((await nobody.enrich?.())?.to).toBeUndefined();
  });

  it('Enter and Tab choose the option aria-activedescendant points at; Shift+Tab and other pickers do not', () => {
    openPicker();
    const input = q('#react-select-assignee-input');
    input.setAttribute('aria-activedescendant', 'react-select-assignee-option-2');
    const adapter = createJiraAdapter();
    expect(actionOf(adapter.recognize(key(input, 'Enter'))).context.to).toEqual({ name: 'Bob Chen' });
    expect(actionOf(adapter.recognize(key(input, 'Tab'))).context.to).toEqual({ name: 'Bob Chen' });
    expect(adapter.recognize(key(input, 'Tab', { shiftKey: true }))).toBeNull();
    expect(adapter.recognize(key(q('#react-select-priority-input'), 'Enter'))).toBeNull();
    expect(adapter.recognize(click(q('#react-select-priority-option-1')))).toBeNull();
  });

  it('the other events of a click on an option are part of it', () => {
    openPicker();
    expect(createJiraAdapter().recognize(pointerdown(q('#react-select-assignee-option-2')))).toBe(
      'part-of-commit',
    );
  });

  it('landed: Jira has the issue assigned to the resolved account, and not before', async () => {
    openPicker();
    let assignee: unknown = ALICE;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        const body = url.includes('assignable') ? [BOB] : issue(assignee);
        return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
      }),
    );
    const chosen = actionOf(createJiraAdapter().recognize(click(q('#react-select-assignee-option-2'))));
    await chosen.enrich?.();
    expect(await chosen.landed?.()).toBe(false);
    assignee = OTHER_BOB;
    expect(await chosen.landed?.()).toBe(false);
    assignee = BOB;
    expect(await chosen.landed?.()).toBe(true);
  });
});

describe('Jira adapter: other reassigns', () => {
  it('"Assign to me" and the i shortcut are reassigns to the current user; i in a field is typing', () => {
    const adapter = createJiraAdapter();
    expect(adapter.recognize(click(q('[data-testid$="assign-to-me"]')))).toMatchObject({
      tickets: ['ACME-1'],
      context: { to: { id: ME } },
    });
    expect(adapter.recognize(key(document.body, 'i'))).toMatchObject({ context: { to: { id: ME } } });
    expect(adapter.recognize(key(q('#react-select-priority-input'), 'i'))).toBeNull();
    expect(adapter.recognize(key(document.body, 'x'))).toBeNull();
  });

  it('a held request is described from Jira: From is the issue’s assignee, To the account it names', async () => {
    stubHostApi({
      '/rest/api/3/issue/ACME-1': issue(ALICE),
      [`/rest/api/3/user?accountId=${BOB.accountId}`]: BOB,
    });
    const context = await createJiraAdapter().describeRequest({ tickets: ['ACME-1'], toId: BOB.accountId });
    expect(context).toMatchObject({
      from: { id: ME, name: 'Alice Park' },
      to: { id: BOB.accountId, name: 'Bob Chen' },
    });
  });

  it('a held request Jira cannot describe is still described, from the page and the request', async () => {
    stubHostApi({ '/rest/api/3/': 500 });
    const context = await createJiraAdapter().describeRequest({ tickets: ['ACME-1'], toId: BOB.accountId });
    expect(context).toMatchObject({
      ticketKey: 'ACME-1',
      title: 'Checkout fails',
      from: { name: 'Alice Park' },
      to: { id: BOB.accountId, name: BOB.accountId },
    });
  });

  it('reads the key from the URL or the title when the breadcrumb is gone, and reports what is missing', () => {
    document.body.innerHTML = '';
    history.replaceState(null, '', '/jira/software/projects/ACME/boards/1?selectedIssue=ACME-7');
    expect(createJiraAdapter().missingElements()).toEqual(['issue key breadcrumb', 'assignee field']);
    history.replaceState(null, '', '/jira/your-work');
    document.title = 'Your work - Jira';
    expect(createJiraAdapter().missingElements()).toBeNull();
  });
});
