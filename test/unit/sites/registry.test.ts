import { describe, expect, it } from 'vitest';
import { builtInSiteOf } from '../../../lib/sites/registry';

describe('the built-in site of a hostname', () => {
  it('follows the manifest match patterns, subdomains included where the pattern says so', () => {
    expect(builtInSiteOf('acme.atlassian.net')).toBe('jira');
    expect(builtInSiteOf('acme.zendesk.com')).toBe('zendesk');
    expect(builtInSiteOf('trello.com')).toBe('trello');
  });

  it('does not take look-alike hosts for built-in ones', () => {
    expect(builtInSiteOf('atlassian.net.evil.example')).toBeNull();
    expect(builtInSiteOf('evilatlassian.net')).toBeNull();
    expect(builtInSiteOf('api.trello.com')).toBeNull();
    expect(builtInSiteOf('jira.corp.example')).toBeNull();
  });
});
