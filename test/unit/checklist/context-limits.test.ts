import { describe, expect, it } from 'vitest';
import { handoffContextSchema } from '../../../lib/checklist/context';
import { CONTEXT_LIMITS, clip, fitContext } from '../../../lib/checklist/context-limits';

const base = {
  site: 'trello',
  ticketKey: 'Xy12Ab34',
  url: 'https://trello.com/c/Xy12Ab34',
  at: '2026-12-01T00:00:00Z',
};

describe('a context trimmed to what the schema takes', () => {
  it('keeps a context that fits as it is', () => {
    const context = { ...base, title: 'Refund not received', to: { name: 'Bob Chen', id: 'm2' } };
    expect(fitContext(context)).toEqual(context);
  });

  it('cuts a 5,000-character card name, and every other value, so the schema accepts it', () => {
    const long = 'x'.repeat(5000);
    const fitted = fitContext({
      ...base,
      ticketKey: long,
      title: long,
      url: `https://trello.com/c/${long}`,
      from: { name: long, id: 'm1' },
      to: { name: long, id: long },
    });
    expect(handoffContextSchema.safeParse(fitted).success).toBe(true);
    expect(fitted.title).toHaveLength(CONTEXT_LIMITS.title);
    expect(fitted.title?.endsWith('…')).toBe(true);
    expect(fitted.from).toEqual({ name: expect.stringMatching(/^x+…$/), id: 'm1' });
    // A cut id would name someone else, or nobody: it is left out.
    expect(fitted.to?.id).toBeUndefined();
  });

  it('never ends halfway through a character', () => {
    const cut = clip(`${'a'.repeat(8)}😀😀`, 10);
    expect(cut).toBe(`${'a'.repeat(8)}…`);
    expect(clip('😀'.repeat(600), CONTEXT_LIMITS.title).isWellFormed()).toBe(true);
  });
});

describe('the page address a context carries', () => {
  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    '/browse/ACME-1',
    'https://exa mple.com/',
  ])('is refused when it is not a web address: %s', (url) => {
    expect(handoffContextSchema.safeParse({ ...base, url }).success).toBe(false);
  });

  it('is taken when it is http(s)', () => {
    expect(handoffContextSchema.safeParse(base).success).toBe(true);
    expect(
      handoffContextSchema.safeParse({ ...base, url: 'http://jira.example:8080/browse/A-1' }).success,
    ).toBe(true);
  });
});
