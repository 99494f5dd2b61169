// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createJiraAdapter } from '../../../lib/sites/jira';

const ME = '5b10a2844c20165700ede21g';

function page({ assignee = 'Alice Park', assignToMe = true } = {}) {
  document.head.innerHTML = `<meta name="ajs-atlassian-account-id" content="${ME}">`;
  document.title = '[ACME-1] Checkout fails - Jira';
  document.body.innerHTML = `
    <a data-testid="issue.views.issue-base.foundation.breadcrumbs.current-issue.item" href="/browse/ACME-1">ACME-1</a>
    <h1 data-testid="issue.views.issue-base.foundation.summary.heading">Checkout fails</h1>
    <div data-testid="issue.issue-view-layout.issue-view-assignee-field.assignee">
      <div data-testid="issue.views.field.user.assignee">
        <span data-testid="profilecard-next.ui.profilecard.profilecard-trigger">${assignee}</span>
        ${assignToMe ? '<div role="button" data-testid="issue-view-layout-assignee-field.ui.assign-to-me">Assign to me</div>' : ''}
        <input role="combobox" aria-label="Assignee" aria-controls="assignee-menu">
      </div>
    </div>
    <div data-testid="issue.views.field.user.reporter"><input role="combobox" aria-label="Reporter" aria-controls="reporter-menu"></div>
    <div role="menu" id="assignee-menu">
      <div role="menuitemcheckbox" aria-checked="true" id="${ME}"><span data-item-title="true">Alice Park</span></div>
      <div role="menuitemcheckbox" aria-checked="false" id="bob"><span data-item-title="true">Bob Chen</span></div>
      <div role="menuitemcheckbox" aria-checked="false" id="unassigned"><span data-item-title="true">Unassigned</span></div>
    </div>
    <div role="menu" id="reporter-menu">
      <div role="menuitemcheckbox" aria-checked="false" id="bob-r"><img alt="" data-vc="avatar-image"><span data-item-title="true">Bob Chen</span></div>
    </div>`;
}

function event<T extends Event>(make: () => T, target: Element): T {
  const e = make();
  Object.defineProperty(e, 'composedPath', { value: () => [target] });
  return e;
}
const click = (target: Element) => event(() => new MouseEvent('click', { bubbles: true, button: 0 }), target);
const key = (target: Element, k: string) =>
  event(() => new KeyboardEvent('keydown', { key: k, bubbles: true }), target);
const q = (selector: string) => document.querySelector(selector) as HTMLElement;

beforeEach(() => {
  history.replaceState(null, '', '/browse/ACME-1');
  page();
});

describe('Jira adapter', () => {
  it('a person chosen in the assignee picker is a reassign from the checked person', () => {
    const action = createJiraAdapter().recognize(click(q('#bob span')));
    expect(action).toMatchObject({
      tickets: ['ACME-1'],
      context: {
        site: 'jira',
        ticketKey: 'ACME-1',
        title: 'Checkout fails',
        url: `${location.origin}/browse/ACME-1`,
        from: { name: 'Alice Park', id: ME },
        to: { name: 'Bob Chen', id: 'bob' },
      },
    });
  });

  it('choosing "Unassigned" is a reassign to nobody; choosing the current assignee is nothing', () => {
    const adapter = createJiraAdapter();
    const unassign = adapter.recognize(click(q('#unassigned')));
    expect(unassign).toMatchObject({ tickets: ['ACME-1'] });
    expect(unassign && unassign !== 'part-of-commit' ? unassign.context.to : 'x').toBeUndefined();
    expect(adapter.recognize(click(q(`[id="${ME}"]`)))).toBeNull();
  });

  it('a person chosen in another people field (reporter) is not a reassign', () => {
    const adapter = createJiraAdapter();
    adapter.recognize(click(q('[aria-label="Reporter"]')));
    expect(adapter.recognize(click(q('#bob-r')))).toBeNull();
  });

  it('"Assign to me" and the i shortcut are reassigns to the current user; i in a field is typing', () => {
    const adapter = createJiraAdapter();
    expect(adapter.recognize(click(q('[data-testid$="assign-to-me"]')))).toMatchObject({
      tickets: ['ACME-1'],
      context: { to: { id: ME } },
    });
    expect(adapter.recognize(key(document.body, 'i'))).toMatchObject({ context: { to: { id: ME } } });
    expect(adapter.recognize(key(q('[aria-label="Assignee"]'), 'i'))).toBeNull();
    expect(adapter.recognize(key(document.body, 'x'))).toBeNull();
  });

  it('Enter in the picker commits the item aria-activedescendant points at', () => {
    const input = q('[aria-label="Assignee"]');
    input.setAttribute('aria-activedescendant', 'bob');
    expect(createJiraAdapter().recognize(key(input, 'Enter'))).toMatchObject({
      context: { to: { name: 'Bob Chen' } },
    });
  });

  it('the other events of a click on a commit control are part of it', () => {
    const target = q('#bob');
    const down = event(() => new MouseEvent('pointerdown', { bubbles: true, button: 0 }), target);
    expect(createJiraAdapter().recognize(down)).toBe('part-of-commit');
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
