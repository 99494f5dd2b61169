import { describe, expect, it } from 'vitest';
import {
  parseHandoffLists,
  parseHostOrigin,
  parseRetention,
  saveErrorPlace,
  withChange,
} from '../../../components/options/settings-edit';
import { copyTemplate } from '../../../components/options/template-editing';
import { SERVICE_HANDOFF } from '../../../lib/checklist/default-template';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/storage/settings';

describe('what a settings change sends', () => {
  const local: Settings = {
    ...DEFAULT_SETTINGS,
    enforcement: { jira: 'remind' },
    retentionDays: 90,
  };

  it('applies the change to the stored settings', () => {
    expect(withChange(local, { retentionDays: 30 }, {})).toEqual({ ...local, retentionDays: 30 });
  });

  it('sends a locked key exactly as stored, whatever the change says', () => {
    const sent = withChange(
      local,
      { enforcement: { jira: 'off' }, retentionDays: 30 },
      { enforcement: { jira: 'block' } },
    );
    expect(sent.enforcement).toEqual({ jira: 'remind' });
    expect(sent.retentionDays).toBe(30);
    expect(
      withChange(
        local,
        { customHosts: [{ origin: 'https://x.example', site: 'jira' }] },
        { customHosts: [] },
      ),
    ).toEqual(local);
  });

  it('locks a per-site key only for the sites the policy names', () => {
    const sent = withChange(
      local,
      { enforcement: { jira: 'off', zendesk: 'off', trello: 'remind' } },
      { enforcement: { jira: 'block', zendesk: 'block' } },
    );
    // jira keeps what was stored, zendesk (never stored) stays unset, trello takes the change.
    expect(sent.enforcement).toEqual({ jira: 'remind', trello: 'remind' });
  });

  it('never changes the settings it was given', () => {
    withChange(local, { retentionDays: 1 }, {});
    expect(local.retentionDays).toBe(90);
  });
});

describe('a custom host typed by URL', () => {
  it('keeps the https origin of any page on it', () => {
    expect(parseHostOrigin('https://jira.corp.example/browse/OPS-1?x=1', [])).toEqual({
      ok: true,
      origin: 'https://jira.corp.example',
    });
    expect(parseHostOrigin('  HTTPS://Support.Example.COM:8443/agent  ', [])).toEqual({
      ok: true,
      origin: 'https://support.example.com:8443',
    });
    expect(parseHostOrigin('https://jira.corp.example:443/', [])).toEqual({
      ok: true,
      origin: 'https://jira.corp.example',
    });
  });

  it('refuses what is not an https origin', () => {
    expect(parseHostOrigin('jira.corp.example', [])).toEqual({ ok: false, problem: 'invalid' });
    expect(parseHostOrigin('', [])).toEqual({ ok: false, problem: 'invalid' });
    expect(parseHostOrigin('http://jira.corp.example', [])).toEqual({ ok: false, problem: 'not_https' });
    expect(parseHostOrigin('ftp://files.example', [])).toEqual({ ok: false, problem: 'not_https' });
    expect(parseHostOrigin('https://[::1]/', [])).toEqual({ ok: false, problem: 'invalid' });
  });

  it('refuses hosts Baton already covers, and one already in the list', () => {
    expect(parseHostOrigin('https://acme.atlassian.net/browse/A-1', [])).toEqual({
      ok: false,
      problem: 'built_in',
    });
    expect(parseHostOrigin('https://acme.zendesk.com', [])).toEqual({ ok: false, problem: 'built_in' });
    expect(parseHostOrigin('https://trello.com/b/x', [])).toEqual({ ok: false, problem: 'built_in' });
    expect(parseHostOrigin('https://nottrello.com', [])).toMatchObject({ ok: true });
    expect(
      parseHostOrigin('https://jira.corp.example/x', [{ origin: 'https://jira.corp.example', site: 'jira' }]),
    ).toEqual({ ok: false, problem: 'duplicate' });
  });
});

describe('retention', () => {
  it('takes whole days from 1 to 3650', () => {
    expect(parseRetention('1')).toBe(1);
    expect(parseRetention(' 3650 ')).toBe(3650);
    for (const bad of ['0', '3651', '1.5', '-3', '', 'abc', '1e3'])
      expect(parseRetention(bad), bad).toBeNull();
  });
});

describe('Trello handoff lists', () => {
  it('takes one name a line, trimmed, without blanks or repeats', () => {
    expect(parseHandoffLists('  Escalated \r\n\nTier 2\nEscalated\n   \n')).toEqual(['Escalated', 'Tier 2']);
    expect(parseHandoffLists('')).toEqual([]);
  });

  it('keeps within what settings store', () => {
    expect(parseHandoffLists('x'.repeat(300))[0]).toHaveLength(200);
    const many = Array.from({ length: 60 }, (_, i) => `List ${i}`).join('\n');
    expect(parseHandoffLists(many)).toHaveLength(50);
  });
});

describe("where the background's template error is", () => {
  const copy = copyTemplate(SERVICE_HANDOFF, [SERVICE_HANDOFF]);

  it('names the template and the field (counted from 1) of the list that was sent', () => {
    expect(
      saveErrorPlace('templates[1].fields.2.id: must be lowercase', [SERVICE_HANDOFF, copy], 'en'),
    ).toEqual({
      template: 'Service handoff 2',
      field: 3,
    });
    expect(saveErrorPlace('templates[0].name.en: Too small', [copy], 'ko')).toEqual({
      template: '서비스 인수인계 2',
      field: null,
    });
  });

  it('gives nothing for an error without a place', () => {
    expect(saveErrorPlace('templates: the id "x" is used twice', [copy], 'en')).toBeNull();
    expect(saveErrorPlace('templates[5].id: bad', [copy], 'en')).toBeNull();
  });
});
