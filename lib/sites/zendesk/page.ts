import type { Person } from '../../checklist/context';
import { any } from '../dom';
import { ticketIdFromUrl } from './site';

// Zendesk Support's agent workspace as the page shows it. Evidence for every selector: shared/HOSTS.md
// §2. Zendesk keeps every open ticket tab's DOM alive at once, so every lookup is scoped to one ticket's
// layout.
export const SELECTORS = {
  ticketLayout: ['[data-test-id$="-standard-layout"][data-test-id^="ticket-"]'],
  assigneeField: ['[data-test-id="assignee-field"]'],
  agentTag: ['[data-test-id="assignee-field-selected-agent-tag"]'],
  groupTag: ['[data-test-id="assignee-field-selected-group-tag"]'],
  takeIt: ['[data-test-id="assignee-field-take-it-button"]'],
  submit: ['[data-test-id="submit_button-button"]', '[data-cy-test-id="submit_button-button"]'],
  // "Submit as <status>" items; the menu's own toggle shares the prefix and is not a submit.
  submitAs: [
    '[data-test-id^="submit_button-menu-"]:not([data-test-id="submit_button-menu-button"])',
    '[data-cy-test-id^="submit_button-menu-"]:not([data-cy-test-id="submit_button-menu"])',
  ],
  subject: ['[data-test-id="omni-header-subject"]'],
} as const;

const LAYOUT_ID = /^ticket-(\d+)-standard-layout$/;

export interface Owner {
  group: string;
  agent: string;
}

function ticketIdOf(layout: Element): string | null {
  return LAYOUT_ID.exec(layout.getAttribute('data-test-id') ?? '')?.[1] ?? null;
}

/** The ticket the address names. */
const ticketInAddress = (): string | null => ticketIdFromUrl(new URL(location.href));

function layoutFor(id: string): Element | null {
  return document.querySelector(`[data-test-id="ticket-${CSS.escape(id)}-standard-layout"]`);
}

/** The ticket an event belongs to: its own layout, else the one in the URL (keyboard submits from the page). */
export function ticketOf(target: Element): { id: string; layout: Element } | null {
  const own = target.closest(any(SELECTORS.ticketLayout));
  const id = own ? ticketIdOf(own) : ticketInAddress();
  const layout = own ?? (id ? layoutFor(id) : null);
  return id && layout ? { id, layout } : null;
}

/** The owner as the form shows it: the group and agent tags (the agent tag's [title] children name both). */
export function ownerShown(layout: Element): Owner | null {
  const field = layout.querySelector(any(SELECTORS.assigneeField));
  if (!field) return null;
  const agentTag = field.querySelector(any(SELECTORS.agentTag));
  if (agentTag) {
    const titles = [...agentTag.querySelectorAll('[title]')]
      .map((el) => el.getAttribute('title') ?? '')
      .filter(Boolean);
    return { group: titles.length > 1 ? (titles[0] ?? '') : '', agent: titles.at(-1) ?? '' };
  }
  const groupTag = field.querySelector(any(SELECTORS.groupTag));
  const group = groupTag?.getAttribute('title') || groupTag?.textContent?.trim() || '';
  return { group, agent: '' };
}

export const sameOwner = (a: Owner, b: Owner) => a.group === b.group && a.agent === b.agent;

export function person(owner: Owner): Person | undefined {
  if (owner.agent) return { name: owner.group ? `${owner.agent} (${owner.group})` : owner.agent };
  return owner.group ? { name: owner.group } : undefined;
}

/** What the health check misses on a ticket page; null on other pages. */
export function missingElements(): string[] | null {
  const id = ticketInAddress();
  if (!id) return null;
  const layout = layoutFor(id);
  if (!layout) return ['ticket layout'];
  const missing: string[] = [];
  if (!layout.querySelector(any(SELECTORS.assigneeField))) missing.push('assignee field');
  if (!document.querySelector(any(SELECTORS.submit))) missing.push('submit button');
  return missing;
}
