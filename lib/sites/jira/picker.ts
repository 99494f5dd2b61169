import { any, text, whenFound } from '../dom';
import { replayClick } from '../replay';
import { type ShownPerson, sameName, shownName } from './people';
import { SELECTORS } from './selectors';

// Jira Cloud's Assignee edit view (react-select; see jira-selectors.ts). It closes as soon as focus leaves
// it, so by the time a handoff is complete the option the user chose is gone, and Baton opens the field
// again and chooses the same person.

const FIELD = any(SELECTORS.assigneeField);
const VALUE = any(SELECTORS.assigneeValue);
const OPTION = any(SELECTORS.assigneeOption);
const INPUT = any(SELECTORS.assigneeInput);

const OPEN_TIMEOUT_MS = 3000;
const LIST_TIMEOUT_MS = 1500;
const SEARCH_TIMEOUT_MS = 6000;

/** What an option shows: its texts (name first) and its avatar. */
export function optionShows(option: Element): ShownPerson {
  const leaves = [...option.querySelectorAll('*')].filter(
    (element) => element.childElementCount === 0 && text(element) !== '',
  );
  const texts = leaves.length > 0 ? leaves.map((leaf) => text(leaf)) : [text(option)];
  const avatarUrl = option.querySelector('img')?.getAttribute('src') ?? undefined;
  return avatarUrl ? { texts, avatarUrl } : { texts };
}

export function isAssigneeOption(element: Element): boolean {
  return element.matches(OPTION) || (element.matches('[role="option"]') && element.closest(FIELD) !== null);
}

/** The option showing this person (by name; by avatar too where namesakes share it), or null. */
function optionFor(name: string, avatarUrl: string | undefined): Element | null {
  const options = [...document.querySelectorAll(OPTION)].filter((option) =>
    sameName(shownName(optionShows(option)), name),
  );
  if (options.length > 1 && avatarUrl) {
    const same = options.find((option) => option.querySelector('img')?.getAttribute('src') === avatarUrl);
    if (same) return same;
  }
  return options[0] ?? null;
}

/**
 * The Assignee read view's trigger: a known one, else the field's own button (a click must land on the
 * element that handles it, not on a container around it). The aria label alone still finds it when the
 * test ids change.
 */
function editTrigger(): Element | null {
  const field = document.querySelector(FIELD) ?? document.querySelector(VALUE)?.parentElement;
  for (const selector of SELECTORS.editAssignee) {
    const found = field?.querySelector(selector);
    if (found) return found;
  }
  const button = [...(field?.querySelectorAll('button, [role="button"]') ?? [])].find(
    (candidate) => !candidate.closest(any(SELECTORS.assignToMe)),
  );
  return button ?? document.querySelector(any(SELECTORS.editAssignee)) ?? field?.querySelector(VALUE) ?? null;
}

/** Types as a person would, so that react-select (which tracks the value it rendered) sees a change. */
function typeInto(input: HTMLInputElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  setter?.call(input, value);
  input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value }));
}

/**
 * Chooses the person in the Assignee edit view through Jira's own code: the option if it is still on
 * screen, otherwise the field opened again and searched by name. Throws when Jira offers no such option.
 */
export async function chooseAssignee(person: ShownPerson): Promise<void> {
  const name = shownName(person);
  let option = optionFor(name, person.avatarUrl);
  if (!option) {
    let input = document.querySelector<HTMLInputElement>(INPUT);
    if (!input) {
      const trigger = editTrigger();
      if (!trigger) throw new Error('The Assignee field is not on the page');
      replayClick(trigger);
      input = await whenFound(() => document.querySelector<HTMLInputElement>(INPUT), OPEN_TIMEOUT_MS);
    }
    if (!input) throw new Error('The Assignee field did not open');
    input.focus();
    // The picker lists people as it opens; a search by name only when the person is not among them.
    const listed = await whenFound(() => document.querySelector(OPTION), LIST_TIMEOUT_MS);
    option = listed && optionFor(name, person.avatarUrl);
    if (!option) {
      typeInto(input, name);
      option = await whenFound(() => optionFor(name, person.avatarUrl), SEARCH_TIMEOUT_MS);
    }
  }
  if (!option) throw new Error(`Jira does not offer ${name} as assignee`);
  replayClick(option);
}
