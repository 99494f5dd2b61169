// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createZendeskAdapter } from '../../../../lib/sites/zendesk/adapter';

// Two ticket tabs alive at once, as Zendesk keeps them: every lookup must stay inside one.
function layout(id: number, group: string, agent: string | null, hidden = false) {
  const owner = agent
    ? `<div data-test-id="assignee-field-selected-agent-tag"><span title="${group}">${group}</span>/<span title="${agent}">${agent}</span></div>`
    : `<div data-test-id="assignee-field-selected-group-tag" title="${group}"><span title="${group}">${group}</span></div>`;
  return `<div data-test-id="ticket-${id}-standard-layout" ${hidden ? 'hidden' : ''}>
    <input data-test-id="omni-header-subject" value="Subject ${id}">
    <div data-test-id="assignee-field"><input role="combobox" aria-label="Assignee"><div class="tags">${owner}</div></div>
    <button data-test-id="assignee-field-take-it-button">take it</button>
    <footer><button data-test-id="submit_button-button">Submit as Open</button>
      <ul><li data-test-id="submit_button-menu-pending">Submit as Pending</li></ul>
      <button data-test-id="submit_button-menu-button">▾</button></footer>
  </div>`;
}

function setOwner(id: number, group: string, agent: string) {
  const tags = document.querySelector(`[data-test-id="ticket-${id}-standard-layout"] .tags`);
  if (tags) {
    tags.innerHTML = `<div data-test-id="assignee-field-selected-agent-tag"><span title="${group}">${group}</span>/<span title="${agent}">${agent}</span></div>`;
  }
}

const el = (selector: string) => document.querySelector(selector) as HTMLElement;
const click = (target: Element) => {
  const event = new MouseEvent('click', { bubbles: true, composed: true, button: 0 });
  Object.defineProperty(event, 'composedPath', { value: () => [target] });
  return event;
};
const down = (target: Element) => {
  const event = new MouseEvent('pointerdown', { bubbles: true, composed: true, button: 0 });
  Object.defineProperty(event, 'composedPath', { value: () => [target] });
  return event;
};

beforeEach(() => {
  history.replaceState(null, '', '/agent/tickets/102');
  document.body.innerHTML =
    layout(101, 'Support', 'Alice Park', true) + layout(102, 'Tier 2', 'Chloé Dubois');
});

describe('Zendesk adapter', () => {
  it("a submit with a changed owner is a reassign of that tab's ticket, with both owners named", () => {
    const adapter = createZendeskAdapter();
    const field = el('[data-test-id="ticket-102-standard-layout"] [data-test-id="assignee-field"] input');
    // Not stopped: Zendesk opens its menu, and Baton gets the checklist's frame ready.
    expect(adapter.recognize(down(field))).toBe('opens-reassign');
    setOwner(102, 'Support', 'Bob Chen');
    const submit = el('[data-test-id="ticket-102-standard-layout"] [data-test-id="submit_button-button"]');
    const action = adapter.recognize(click(submit));
    expect(action).toMatchObject({
      tickets: ['102'],
      context: {
        site: 'zendesk',
        ticketKey: '102',
        title: 'Subject 102',
        from: { name: 'Chloé Dubois (Tier 2)' },
        to: { name: 'Bob Chen (Support)' },
      },
    });
    expect(adapter.recognize(down(submit))).toBe('part-of-commit');
  });

  it('"Submit as <status>" items count, the menu toggle does not', () => {
    const adapter = createZendeskAdapter();
    adapter.recognize(
      down(el('[data-test-id="ticket-102-standard-layout"] [data-test-id="assignee-field-take-it-button"]')),
    );
    setOwner(102, 'Tier 2', 'Alice Park');
    const item = el(
      '[data-test-id="ticket-102-standard-layout"] [data-test-id="submit_button-menu-pending"]',
    );
    const toggle = el(
      '[data-test-id="ticket-102-standard-layout"] [data-test-id="submit_button-menu-button"]',
    );
    expect(adapter.recognize(click(toggle))).toBeNull();
    expect(adapter.recognize(click(item))).toMatchObject({
      tickets: ['102'],
      context: { to: { name: 'Alice Park (Tier 2)' } },
    });
  });

  it('a submit without an owner change, or in another tab, is not a reassign', () => {
    const adapter = createZendeskAdapter();
    adapter.recognize(
      down(el('[data-test-id="ticket-102-standard-layout"] [data-test-id="assignee-field"] input')),
    );
    const submit102 = el('[data-test-id="ticket-102-standard-layout"] [data-test-id="submit_button-button"]');
    expect(adapter.recognize(click(submit102))).toBeNull();
    setOwner(102, 'Support', 'Bob Chen');
    const submit101 = el('[data-test-id="ticket-101-standard-layout"] [data-test-id="submit_button-button"]');
    expect(adapter.recognize(click(submit101))).toBeNull();
  });

  it('the keyboard submit applies to the ticket in the URL', () => {
    const adapter = createZendeskAdapter();
    adapter.recognize(
      down(el('[data-test-id="ticket-102-standard-layout"] [data-test-id="assignee-field"] input')),
    );
    setOwner(102, 'Billing', '김민준');
    const event = new KeyboardEvent('keydown', {
      key: 's',
      code: 'KeyS',
      ctrlKey: true,
      altKey: true,
      bubbles: true,
    });
    Object.defineProperty(event, 'composedPath', { value: () => [document.body] });
    expect(adapter.recognize(event)).toMatchObject({
      tickets: ['102'],
      context: { to: { name: '김민준 (Billing)' } },
    });
  });

  it('reports what it could not find on a ticket page', () => {
    const adapter = createZendeskAdapter();
    expect(adapter.missingElements()).toEqual([]);
    document.body.innerHTML = '<div data-test-id="ticket-102-standard-layout"></div>';
    expect(adapter.missingElements()).toEqual(['assignee field', 'submit button']);
    history.replaceState(null, '', '/agent/dashboard');
    expect(adapter.missingElements()).toBeNull();
  });
});
