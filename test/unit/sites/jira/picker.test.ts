// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { chooseAssignee } from '../../../../lib/sites/jira/picker';

// A stand-in for Jira's Assignee edit view with react-select's ids: the read view's button opens it, it
// lists people as it opens (or not), searches as the input changes, and records the option clicked.
const PEOPLE = [
  { name: 'Alice Park (Assign to me)', avatar: '/a.svg' },
  { name: 'Bob Chen', avatar: '/avatars/5b10ac8d82e05b22cc7d4ef5/x/24' },
  { name: 'Bob Chen', avatar: '/avatars/712020:9a8b7c6d-1111-2222-3333-444455556666/x/24' },
  { name: 'Chloé Dubois', avatar: '/c.svg' },
];

let chosen: string[] = [];

function renderOptions(people: typeof PEOPLE) {
  document.querySelector('#menu')?.remove();
  const menu = document.createElement('div');
  menu.id = 'menu';
  people.forEach((person, index) => {
    const option = document.createElement('div');
    option.id = `react-select-assignee-option-${index}`;
    option.setAttribute('role', 'option');
    option.innerHTML = `<img src="${person.avatar}"><span></span>`;
    (option.querySelector('span') as HTMLElement).textContent = person.name;
    option.addEventListener('click', () => chosen.push(`${person.name} ${person.avatar}`));
    menu.append(option);
  });
  document.body.append(menu);
}

function field({ listsOnOpen }: { listsOnOpen: boolean }) {
  document.body.innerHTML = `
    <div data-testid="issue.issue-view-layout.issue-view-assignee-field.assignee">
      <div data-testid="issue.views.field.user.assignee">
        <div role="button" data-testid="issue-view-layout-assignee-field.ui.assign-to-me">Assign to me</div>
        <div role="button" aria-label="Alice Park - Edit Assignee">Alice Park</div>
      </div>
    </div>`;
  document.querySelector('[aria-label$="Edit Assignee"]')?.addEventListener('click', () => {
    const input = document.createElement('input');
    input.id = 'react-select-assignee-input';
    input.setAttribute('role', 'combobox');
    input.addEventListener('input', () =>
      setTimeout(() => renderOptions(PEOPLE.filter((p) => p.name.startsWith(input.value))), 30),
    );
    document.querySelector('[data-testid="issue.views.field.user.assignee"]')?.replaceChildren(input);
    if (listsOnOpen) setTimeout(() => renderOptions(PEOPLE.slice(0, 2)), 10);
  });
}

beforeEach(() => {
  chosen = [];
});

describe('choosing the assignee again through Jira’s picker', () => {
  it('opens the field, searches by name when the person is not listed, and clicks the option', async () => {
    field({ listsOnOpen: true });
    await chooseAssignee({ texts: ['Chloé Dubois'] });
    expect(chosen).toEqual(['Chloé Dubois /c.svg']);
  });

  it('takes the person from the list the picker opens with, without a search', async () => {
    field({ listsOnOpen: true });
    await chooseAssignee({ texts: ['Alice Park (Assign to me)'] });
    expect(chosen).toEqual(['Alice Park (Assign to me) /a.svg']);
    expect((document.querySelector('#react-select-assignee-input') as HTMLInputElement).value).toBe('');
  });

  it('tells namesakes apart by their avatar', async () => {
    field({ listsOnOpen: false });
    const other = '/avatars/712020:9a8b7c6d-1111-2222-3333-444455556666/x/24';
    await chooseAssignee({ texts: ['Bob Chen'], avatarUrl: other });
    expect(chosen).toEqual([`Bob Chen ${other}`]);
  });

  it('fails loudly when Jira offers nobody by that name, and clicks nothing', async () => {
    field({ listsOnOpen: false });
    await expect(chooseAssignee({ texts: ['Dana Noone'] })).rejects.toThrow(/does not offer Dana Noone/);
    expect(chosen).toEqual([]);
  }, 10_000);
});
