import type { HandoffContext, Person } from '../checklist/context';
import { markerLine } from '../checklist/marker';
import { isString, nullable, optional, shape } from '../checks';
import type { ReassignMatch } from '../guard/net-protocol';
import type { RecognizedAction, SiteAdapter } from './adapter';
import { editable, recognizeWith, text } from './dom';
import { getChecked, listingMentions, sendJson } from './http';
import { replayClick, replayKey } from './replay';

// Jira Cloud's issue view and board/backlog side panel. Evidence for every selector: shared/HOSTS.md §1.
// Test ids are matched by their stable leaf ([data-testid$=…]) because prefixes differ between views.
// Each list is newest first; older views follow as fallbacks.
const SELECTORS = {
  assigneeField: [
    '[data-testid$="issue-view-assignee-field.assignee"]', // issue view, 2025-26 live capture
    '[data-testid$="assignee-field.assignee-field"]', // variant seen in one extension
    '[data-testid$="foundation.people.assignee"]', // older issue view
    '#assignee-val', // old issue view, Server/Data Center
  ],
  assigneeValue: ['[data-testid$="field.user.assignee"]', '[data-testid$="field.user.assignee--container"]'],
  assignToMe: [
    '[data-testid$="assignee-field.ui.assign-to-me"]', // 2025-26
    '[data-testid$="assign-to-me.link"]', // ~2023-25
  ],
  person: ['[data-testid$="profilecard-trigger"]'],
  issueKey: ['[data-testid$="breadcrumbs.current-issue.item"]'],
  summary: ['[data-testid$="foundation.summary.heading"]'],
  // The assignee picker has no test id (HOSTS.md §1a): an Atlaskit menu of menuitemcheckbox items.
  pickerMenu: ['[role="menu"]', '[role="listbox"]'],
  pickerItem: ['[role="menuitemcheckbox"]', '[role="option"]'],
  pickerItemName: ['[data-item-title="true"]'],
  avatar: ['img[data-vc="avatar-image"]', 'img[alt=""]', '[data-item-title="true"]'],
} as const;

const KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_]*-\d+$/;
const UNASSIGN_IDS = new Set(['', '-1', 'null', 'unassigned']);

const any = (list: readonly string[]) => list.join(', ');

function keyFromLocation(): string | null {
  const browse = /^\/browse\/([A-Za-z][A-Za-z0-9_]*-\d+)(?:\/|$)/.exec(location.pathname)?.[1];
  const selected = new URLSearchParams(location.search).get('selectedIssue');
  const titled = /^\[([A-Za-z][A-Za-z0-9_]*-\d+)\]/.exec(document.title)?.[1];
  return [browse, selected, titled].find((key) => key && KEY_PATTERN.test(key)) ?? null;
}

/** The issue in view: its breadcrumb is the most specific, the URL and the title follow. */
function currentIssue(): { key: string; title?: string; assignee?: Person } | null {
  const crumb = text(document.querySelector(any(SELECTORS.issueKey)));
  const key = KEY_PATTERN.test(crumb) ? crumb : keyFromLocation();
  if (!key) return null;
  const heading = text(document.querySelector(any(SELECTORS.summary)));
  const title = heading || /^\[[^\]]+\]\s*(.*?)\s*-\s*Jira$/.exec(document.title)?.[1];
  const value = document.querySelector(any(SELECTORS.assigneeValue));
  const name = text(value?.querySelector(any(SELECTORS.person)));
  return { key, ...(title ? { title } : {}), ...(name ? { assignee: { name } } : {}) };
}

function currentUserId(): string | null {
  return document.querySelector<HTMLMetaElement>('meta[name="ajs-atlassian-account-id"]')?.content || null;
}

function context(key: string, title: string | undefined, from: Person | undefined, to: Person | undefined) {
  const ctx: HandoffContext = {
    site: 'jira',
    ticketKey: key,
    url: `${location.origin}/browse/${key}`,
    at: new Date().toISOString(),
  };
  if (title) ctx.title = title;
  if (from) ctx.from = from;
  if (to) ctx.to = to;
  return ctx;
}

const isUser = shape({ accountId: isString, displayName: isString });
const isIssue = shape({
  key: isString,
  fields: shape({ summary: optional(isString), assignee: optional(nullable(isUser)) }),
});

async function personById(accountId: string): Promise<Person> {
  const item = document.getElementById(accountId);
  const fromPicker = text(item?.querySelector(any(SELECTORS.pickerItemName)));
  if (fromPicker) return { id: accountId, name: fromPicker };
  const user = await getChecked(`/rest/api/3/user?accountId=${encodeURIComponent(accountId)}`, isUser);
  return { id: accountId, name: user?.displayName ?? accountId };
}

async function assignViaRest(key: string, accountId: string | null): Promise<void> {
  await sendJson(`/rest/api/3/issue/${encodeURIComponent(key)}/assignee`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'X-Atlassian-Token': 'no-check' },
    body: JSON.stringify({ accountId }),
  });
}

/** The same picker item after a re-render: same id, still in a picker menu. */
function refind(item: Element): Element {
  if (item.isConnected || !item.id) return item;
  const again = document.getElementById(item.id);
  return again?.matches(any(SELECTORS.pickerItem)) ? again : item;
}

export function createJiraAdapter(): SiteAdapter {
  // Which field the last opened person picker belongs to: reporter and other people fields use the
  // same picker, and only the assignee's is a reassign.
  let pickerOwner: 'assignee' | 'other' | null = null;

  function isAssigneePicker(item: Element): boolean {
    if (item.closest(any(SELECTORS.assigneeField))) return true;
    const menu = item.closest(any(SELECTORS.pickerMenu));
    if (!menu) return false;
    const controls = `[aria-controls="${CSS.escape(menu.id)}"]`;
    if (
      menu.id &&
      document.querySelector(any(SELECTORS.assigneeField.map((field) => `${field} ${controls}`)))
    ) {
      return true;
    }
    return pickerOwner === 'assignee' && menu.querySelector(any(SELECTORS.avatar)) !== null;
  }

  function pickerAction(item: Element, replay: () => void): RecognizedAction | null {
    if (item.getAttribute('aria-checked') === 'true' || item.getAttribute('aria-selected') === 'true')
      return null;
    const issue = currentIssue();
    if (!issue) return null;
    // While the picker is open the field shows its search box, not the person: the checked item is the current assignee.
    const checked = item
      .closest(any(SELECTORS.pickerMenu))
      ?.querySelector('[aria-checked="true"], [aria-selected="true"]');
    const checkedName = text(checked?.querySelector(any(SELECTORS.pickerItemName)));
    const from =
      checked && !UNASSIGN_IDS.has(checked.id.toLowerCase()) && checkedName
        ? { name: checkedName, id: checked.id }
        : issue.assignee;
    const id = item.id || item.getAttribute('data-account-id') || '';
    const to = UNASSIGN_IDS.has(id.toLowerCase())
      ? undefined
      : { id, name: text(item.querySelector(any(SELECTORS.pickerItemName))) || text(item) };
    return {
      tickets: [issue.key],
      context: context(issue.key, issue.title, from, to),
      replay: () => (refind(item).isConnected ? replay() : void assignViaRest(issue.key, to?.id ?? null)),
    };
  }

  function assignToMeAction(replay: () => void, stillThere: () => boolean): RecognizedAction | null {
    const issue = currentIssue();
    const me = currentUserId();
    if (!issue || !me) return null;
    const ctx = context(issue.key, issue.title, issue.assignee, { id: me, name: '' });
    return {
      tickets: [issue.key],
      context: ctx,
      enrich: async () => ({ ...ctx, to: await personById(me) }),
      replay: () => (stillThere() ? replay() : void assignViaRest(issue.key, me)),
    };
  }

  function recognizePointer(event: MouseEvent, target: Element) {
    if (event.button !== 0 || event.type === 'pointerover') return null;
    const assignToMe = target.closest(any(SELECTORS.assignToMe));
    const item = assignToMe ? null : target.closest(any(SELECTORS.pickerItem));
    if (!assignToMe && !(item && isAssigneePicker(item))) {
      if (event.type === 'click' && !target.closest(any(SELECTORS.pickerMenu))) {
        const field = target.closest('[data-testid]');
        if (field) pickerOwner = target.closest(any(SELECTORS.assigneeField)) ? 'assignee' : 'other';
      }
      return null;
    }
    if (event.type !== 'click') return 'part-of-commit' as const;
    if (assignToMe) {
      const current = () =>
        assignToMe.isConnected ? assignToMe : document.querySelector(any(SELECTORS.assignToMe));
      return assignToMeAction(
        () => {
          const link = current();
          if (link) replayClick(link);
        },
        () => current() !== null,
      );
    }
    // Jira re-renders often: replay on the element as it is now, found again by its id.
    return item ? pickerAction(item, () => replayClick(refind(item))) : null;
  }

  function recognizeKey(event: KeyboardEvent, target: Element) {
    if (event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return null;
    if (editable(target)) {
      if (event.key !== 'Enter') return null;
      const activeId = target.getAttribute('aria-activedescendant');
      const item = activeId ? document.getElementById(activeId) : null;
      if (!item?.matches(any(SELECTORS.pickerItem)) || !isAssigneePicker(item)) return null;
      return pickerAction(item, () => replayKey(target, event));
    }
    // Enter or Space on a focused "Assign to me" activates it like a click.
    const assignToMe = target.closest(any(SELECTORS.assignToMe));
    if (assignToMe && (event.key === 'Enter' || event.key === ' ')) {
      return assignToMeAction(
        () =>
          replayKey(
            assignToMe.isConnected
              ? assignToMe
              : (document.querySelector(any(SELECTORS.assignToMe)) ?? assignToMe),
            event,
          ),
        () => true,
      );
    }
    if (event.key === 'a') pickerOwner = 'assignee';
    if (event.key !== 'i' || !document.querySelector(any(SELECTORS.assigneeField))) return null;
    const me = currentUserId();
    const issue = currentIssue();
    if (!me || (issue?.assignee && document.querySelector(any(SELECTORS.assignToMe)) === null)) return null;
    return assignToMeAction(
      () => replayKey(target, event),
      () => true,
    );
  }

  return {
    id: 'jira',
    recognize: recognizeWith(recognizePointer, recognizeKey),

    async describeRequest(match: ReassignMatch) {
      const key = match.tickets[0] ?? '';
      const shown = currentIssue();
      const issue =
        shown?.key === key
          ? shown
          : await getChecked(
              `/rest/api/3/issue/${encodeURIComponent(key)}?fields=summary,assignee`,
              isIssue,
            ).then(
              (found) =>
                found && {
                  key,
                  title: found.fields.summary,
                  assignee: found.fields.assignee
                    ? { id: found.fields.assignee.accountId, name: found.fields.assignee.displayName }
                    : undefined,
                },
            );
      const to = match.toId ? await personById(match.toId) : undefined;
      return context(key, issue?.title, issue?.assignee, to);
    },

    postComment(ticketKey, body) {
      return sendJson(`/rest/api/3/issue/${encodeURIComponent(ticketKey)}/comment`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          // Jira Cloud answers "XSRF check failed" to cookie-authenticated writes from a browser without it.
          'X-Atlassian-Token': 'no-check',
        },
        body: JSON.stringify({ body }),
      });
    },

    hasComment(ticketKey, handoffId) {
      return listingMentions(
        `/rest/api/3/issue/${encodeURIComponent(ticketKey)}/comment?orderBy=-created&maxResults=100`,
        markerLine(handoffId),
      );
    },

    missingElements() {
      if (!keyFromLocation() && !document.querySelector(any(SELECTORS.issueKey))) return null;
      const missing: string[] = [];
      if (!document.querySelector(any(SELECTORS.issueKey))) missing.push('issue key breadcrumb');
      if (!document.querySelector(any(SELECTORS.assigneeField))) missing.push('assignee field');
      return missing;
    },
  };
}
