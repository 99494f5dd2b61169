// Jira Cloud's selectors: the issue view and board/backlog side panel. Evidence: shared/HOSTS.md §1.
// Test ids are matched by their stable leaf ([data-testid$=…]) because prefixes differ between views.
// Each list is newest first; older views follow as fallbacks.
export const SELECTORS = {
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
  // The Assignee edit view is @atlaskit/user-picker, that is react-select (HOSTS.md §1a, corrected
  // 2026-12), whose parts are named after the instance id, the field id: `react-select-assignee-input`,
  // `react-select-assignee-option-N` (N = position, so it changes as the list is filtered).
  assigneeOption: ['[id^="react-select-assignee-option-"]'],
  assigneeInput: ['input[id^="react-select-assignee"][role="combobox"]', '#react-select-assignee-input'],
  /** What opens the edit view: the read view's button ("<Name> - edit Assignee"). */
  editAssignee: [
    '[aria-label$="edit Assignee" i]', // issue view and list view, 2026 live capture (list view)
    '[data-testid$="read-view-container.ui.container"]',
  ],
} as const;
