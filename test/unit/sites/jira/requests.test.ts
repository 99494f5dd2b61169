import { describe, expect, it } from 'vitest';
import { jiraRequestMatcher } from '../../../../lib/sites/jira/requests';

const url = (path: string) => new URL(path, 'https://acme.atlassian.net');
const match = (method: string, path: string, body?: unknown) =>
  jiraRequestMatcher.isCandidate(method, url(path))
    ? jiraRequestMatcher.match(method, url(path), body === undefined ? null : JSON.stringify(body))
    : null;

describe('Jira reassign requests', () => {
  it('recognises the assignee endpoint in v2, v3 and latest', () => {
    expect(match('PUT', '/rest/api/3/issue/ACME-1/assignee', { accountId: 'abc' })).toEqual({
      tickets: ['ACME-1'],
      toId: 'abc',
    });
    expect(match('PUT', '/rest/api/2/issue/ACME-1/assignee', { name: 'bob' })).toEqual({
      tickets: ['ACME-1'],
      toId: 'bob',
    });
    expect(match('PUT', '/rest/api/latest/issue/10001/assignee', { accountId: null })).toEqual({
      tickets: ['10001'],
      toId: null,
    });
  });

  it('recognises an issue edit that sets the assignee through fields or update', () => {
    expect(match('PUT', '/rest/api/3/issue/ACME-2', { fields: { assignee: { accountId: 'x' } } })).toEqual({
      tickets: ['ACME-2'],
      toId: 'x',
    });
    expect(match('PUT', '/rest/api/3/issue/ACME-2', { fields: { assignee: null } })).toEqual({
      tickets: ['ACME-2'],
      toId: null,
    });
    expect(
      match('PUT', '/rest/api/2/issue/ACME-2', { update: { assignee: [{ set: { name: 'bob' } }] } }),
    ).toEqual({
      tickets: ['ACME-2'],
      toId: 'bob',
    });
  });

  it('recognises a bulk edit that sets the assignee on several issues', () => {
    const body = {
      selectedIssueIdsOrKeys: ['ACME-1', 'ACME-2'],
      selectedActions: ['assignee'],
      editedFieldsInput: {
        singleSelectClearableUserPickerFields: [{ fieldId: 'assignee', user: { accountId: 'y' } }],
      },
    };
    expect(match('POST', '/rest/api/3/bulk/issues/fields', body)).toEqual({
      tickets: ['ACME-1', 'ACME-2'],
      toId: 'y',
    });
  });

  it('lets every other request through', () => {
    expect(match('PUT', '/rest/api/3/issue/ACME-1', { fields: { summary: 'New title' } })).toBeNull();
    expect(match('PUT', '/rest/api/3/issue/ACME-1', { fields: { priority: { name: 'Low' } } })).toBeNull();
    expect(match('POST', '/rest/api/3/issue/ACME-1/comment', { body: {} })).toBeNull();
    expect(match('GET', '/rest/api/3/issue/ACME-1/assignee')).toBeNull();
    expect(match('GET', '/rest/api/3/issue/ACME-1')).toBeNull();
    expect(match('PUT', '/rest/api/3/issue/ACME-1', 'not json')).toBeNull();
    expect(match('PUT', '/rest/api/3/issue/not a key/assignee', { accountId: 'x' })).toBeNull();
    const bulkPriority = {
      selectedIssueIdsOrKeys: ['ACME-1'],
      editedFieldsInput: { priority: { priorityId: '3' } },
    };
    expect(match('POST', '/rest/api/3/bulk/issues/fields', bulkPriority)).toBeNull();
  });

  it('treats a body it cannot read on the assignee endpoint as a reassign to someone unknown', () => {
    expect(jiraRequestMatcher.match('PUT', url('/rest/api/3/issue/ACME-1/assignee'), null)).toEqual({
      tickets: ['ACME-1'],
      toId: undefined,
    });
  });

  it('only considers writes to issue and bulk paths as candidates', () => {
    expect(jiraRequestMatcher.isCandidate('GET', url('/rest/api/3/issue/ACME-1'))).toBe(false);
    expect(jiraRequestMatcher.isCandidate('POST', url('/rest/api/3/search'))).toBe(false);
    expect(jiraRequestMatcher.isCandidate('PUT', url('/rest/api/3/issue/ACME-1'))).toBe(true);
  });

  describe('Jira Data Center forms', () => {
    const form = (method: string, path: string, fields: Record<string, string>) => {
      const at = new URL(path, 'https://jira.example-corp.test');
      const body = new URLSearchParams(fields).toString();
      return jiraRequestMatcher.isCandidate(method, at) ? jiraRequestMatcher.match(method, at, body) : null;
    };

    it('recognises the Assignee inline edit under a context path, by issue id and username', () => {
      const inline = {
        assignee: 'bchen',
        issueId: '10001',
        atl_token: 'tok',
        singleFieldEdit: 'true',
        fieldsToForcePresent: 'assignee',
      };
      expect(form('POST', '/jira/secure/AjaxIssueAction.jspa', inline)).toEqual({
        tickets: ['10001'],
        toId: 'bchen',
      });
      expect(form('POST', '/secure/AjaxIssueAction.jspa', { ...inline, assignee: '' })).toEqual({
        tickets: ['10001'],
        toId: null,
      });
    });

    it("recognises the Assign dialog's submit, Automatic included", () => {
      const dialog = { inline: 'true', decorator: 'dialog', id: '10001', assignee: '-1', comment: '' };
      expect(form('POST', '/secure/AssignIssue.jspa', dialog)).toEqual({ tickets: ['10001'], toId: '-1' });
    });

    it('lets an inline edit of another field, and reads, through', () => {
      expect(
        form('POST', '/secure/AjaxIssueAction.jspa', {
          summary: 'x',
          issueId: '10001',
          singleFieldEdit: 'true',
        }),
      ).toBeNull();
      expect(form('GET', '/secure/AssignIssue!default.jspa', { id: '10001' })).toBeNull();
      expect(form('POST', '/secure/AssignIssue.jspa', { id: 'not an id', assignee: 'bchen' })).toBeNull();
      expect(form('POST', '/secure/QuickEditIssue.jspa', { issueId: '10001', assignee: 'bchen' })).toBeNull();
    });
  });
});
