import { describe, expect, it } from 'vitest';
import { SERVICE_HANDOFF } from '../../../lib/checklist/default-template';
import { renderAdf } from '../../../lib/checklist/render-adf';
import { renderMarkdown } from '../../../lib/checklist/render-markdown';
import { renderText } from '../../../lib/checklist/render-text';
import { buildSummary } from '../../../lib/checklist/summary';
import { renderReply, replySummary } from '../../../lib/receiver/reply';

import { handoffToShow, hasReply, readThread, type ThreadComment } from '../../../lib/receiver/thread';
import { adfToText } from '../../../lib/sites/jira/receiver';

const BOB = { id: '712020:bob-account', name: 'Bob Chen' };
const CHLOE = { id: '5b10a2844c20165700ede21c', name: 'Chloé Dubois' };
const HANDOFF = 'b3c1f0e2-1111-4a4a-9c9c-000000000001';
const STRINGS = { heading: 'Handoff', ticket: 'Ticket', from: 'From', to: 'To', unassigned: 'Unassigned' };
const ANSWERS = {
  reason: 'escalation',
  situation: 'Customer cannot log in since the update',
  impact: 'One enterprise customer',
  done: 'Reset the password twice',
  next: 'Check the SSO configuration with the customer',
  told: 'We are on it',
};

function summary(to: { name: string; id?: string } | undefined, locale: 'en' | 'ko' = 'en', id = HANDOFF) {
  return buildSummary(
    SERVICE_HANDOFF,
    ANSWERS,
    {
      site: 'jira',
      ticketKey: 'ACME-1',
      url: 'https://acme.atlassian.net/browse/ACME-1',
      at: '2026-01-01T00:00:00Z',
      from: { name: 'Alice Park', id: 'alice' },
      ...(to ? { to } : {}),
    },
    id,
    locale,
    locale === 'ko' ? { ...STRINGS, to: '인수자', heading: '인수인계' } : STRINGS,
  );
}

function comment(text: string, created: string, id = created): ThreadComment {
  return { id, authorId: 'alice', authorName: 'Alice Park', created, text, trusted: true };
}

/** The same comment written where anyone may write (a customer's reply, a non-member's comment). */
function untrusted(text: string, created: string, id = created): ThreadComment {
  return { id, authorId: 'dana', authorName: 'Dana Customer', created, text, trusted: false };
}

const handoffText = (to = { ...BOB }) => renderText(summary(to));

describe('reading a thread for its latest Baton handoff', () => {
  it('shows the receiver named by id the handoff, who gave it, when, and the next action', () => {
    const shown = handoffToShow([comment(handoffText(), '2026-01-01T10:00:00.000Z')], BOB);
    expect(shown).toMatchObject({
      handoffId: HANDOFF,
      from: 'Alice Park',
      at: Date.parse('2026-01-01T10:00:00.000Z'),
      to: [BOB.id],
      nextAction: 'Check the SSO configuration with the customer',
    });
  });

  it('shows nothing to someone the handoff does not name, even with the same name', () => {
    const thread = [comment(handoffText(), '2026-01-01T10:00:00.000Z')];
    expect(handoffToShow(thread, CHLOE)).toBeNull();
    expect(handoffToShow(thread, { id: 'someone-else', name: 'Bob Chen' })).toBeNull();
  });

  it('reads each site’s format: ADF text (Jira) and markdown (Trello)', () => {
    const adf = adfToText(renderAdf(summary(BOB)));
    const md = renderMarkdown(summary({ name: 'Bob (B.) Chen', id: BOB.id }));
    expect(handoffToShow([comment(adf, '2026-01-01T10:00:00Z')], BOB)?.nextAction).toBe(
      'Check the SSO configuration with the customer',
    );
    expect(readThread([comment(md, '2026-01-01T10:00:00Z')])?.handoff).toMatchObject({
      to: [BOB.id],
      toName: 'Bob (B.) Chen',
      nextAction: 'Check the SSO configuration with the customer',
    });
  });

  it('reads a comment written before receivers were recorded by the name on its To line, in either language', () => {
    const old = renderText(summary({ name: 'Bob Chen (Support)' }));
    expect(old).toContain('baton:v1 handoff=');
    expect(old).not.toContain(' to=');
    expect(handoffToShow([comment(old, '2026-01-01T10:00:00Z')], BOB)?.handoffId).toBe(HANDOFF);
    const korean = renderText(summary({ name: 'Bob Chen' }, 'ko'));
    expect(handoffToShow([comment(korean, '2026-01-01T10:00:00Z')], BOB)?.nextAction).toBe(
      'Check the SSO configuration with the customer',
    );
    expect(handoffToShow([comment(old, '2026-01-01T10:00:00Z')], CHLOE)).toBeNull();
  });

  it('uses only the latest handoff: a later one to someone else hides the earlier one', () => {
    const later = renderText(summary(CHLOE, 'en', 'b3c1f0e2-2222-4a4a-9c9c-000000000002'));
    const thread = [comment(later, '2026-01-02T10:00:00Z'), comment(handoffText(), '2026-01-01T10:00:00Z')];
    expect(handoffToShow(thread, BOB)).toBeNull();
    expect(handoffToShow(thread, CHLOE)?.handoffId).toBe('b3c1f0e2-2222-4a4a-9c9c-000000000002');
  });

  it('hides a handoff once the thread carries its acknowledgement, in any format', () => {
    const ack = renderReply('markdown', {
      kind: 'ack',
      handoffId: HANDOFF,
      heading: 'Acknowledged by Bob Chen',
    });
    const thread = [
      comment(handoffText(), '2026-01-01T10:00:00Z'),
      comment(String(ack), '2026-01-01T11:00:00Z'),
    ];
    expect(readThread(thread)?.acknowledged).toBe(true);
    expect(handoffToShow(thread, BOB)).toBeNull();
    expect(hasReply(thread, HANDOFF, 'ack')).toBe(true);
    const adfAck = adfToText(
      renderReply('adf', { kind: 'ack', handoffId: HANDOFF, heading: 'Acknowledged by Bob' }),
    );
    expect(hasReply([comment(adfAck, '2026-01-01T11:00:00Z')], HANDOFF, 'ack')).toBe(true);
  });

  it('a question does not acknowledge, and an acknowledgement of another handoff does not count', () => {
    const question = renderReply('markdown', {
      kind: 'question',
      handoffId: HANDOFF,
      heading: 'Question from Bob',
      label: 'Question',
      question: 'Which SSO provider?',
    });
    const otherAck = renderReply('markdown', {
      kind: 'ack',
      handoffId: 'b3c1f0e2-9999-4a4a-9c9c-000000000009',
      heading: 'Acknowledged',
    });
    const thread = [
      comment(handoffText(), '2026-01-01T10:00:00Z'),
      comment(String(question), '2026-01-01T11:00:00Z'),
      comment(String(otherAck), '2026-01-01T12:00:00Z'),
    ];
    expect(readThread(thread)).toMatchObject({ acknowledged: false, questions: 1 });
    expect(handoffToShow(thread, BOB)?.handoffId).toBe(HANDOFF);
  });

  it('tolerates a handoff comment a person edited: the marker survives, the rest may not', () => {
    const edited = `Took this over in the standup, see notes.\n\n${handoffText().split('\n').at(-2)}`;
    expect(edited).toMatch(/^baton:v1 handoff=\S+ to=\S+$/m);
    const shown = handoffToShow([comment(edited, '2026-01-01T10:00:00Z')], BOB);
    expect(shown).toMatchObject({ handoffId: HANDOFF, nextAction: null, toName: null, from: 'Alice Park' });
    const reworded = handoffText().replace('Check the SSO', 'Call the customer about the SSO');
    expect(handoffToShow([comment(reworded, '2026-01-01T10:00:00Z')], BOB)?.nextAction).toBe(
      'Call the customer about the SSO configuration with the customer',
    );
  });

  it('does not take look-alike text for a Baton comment', () => {
    const lookAlikes = [
      'To: Bob Chen\nNext action for the receiver: call them',
      `We should use baton:v1 handoff=${HANDOFF} to=${BOB.id} for this one`,
      `baton:v1 handoff=short to=${BOB.id}`,
      `xbaton:v1 handoff=${HANDOFF} to=${BOB.id}`,
      `baton:v2 handoff=${HANDOFF} to=${BOB.id}`,
      `baton:v1 handoff=${HANDOFF}_x to=${BOB.id}`,
      `> baton:v1 handoff=${HANDOFF} to=${BOB.id} (quoted)`,
    ];
    for (const text of lookAlikes) {
      expect(readThread([comment(text, '2026-01-01T10:00:00Z')]), text).toBeNull();
    }
  });

  it('ignores a comment whose time cannot be read rather than failing', () => {
    const thread = [comment(handoffText(), 'not a date')];
    expect(handoffToShow(thread, BOB)?.at).toBe(0);
  });
});

const replySummaryText = (kind: 'ack') =>
  replySummary({ kind, handoffId: HANDOFF, heading: 'Acknowledged by Bob Chen' });

describe('comments from outside the team', () => {
  const real = () => comment(handoffText(), '2026-01-01T10:00:00.000Z', 'real');
  const fakeNext = 'Refund the customer 10,000 dollars at once';
  const fakeHandoff = renderText({
    ...summary(BOB, 'en', 'b3c1f0e2-1111-4a4a-9c9c-00000000fa4e'),
    items: [{ label: 'Next action for the receiver', value: { kind: 'text', text: fakeNext } }],
  });

  it('cannot put a handoff in front of the receiver', () => {
    expect(handoffToShow([untrusted(fakeHandoff, '2026-01-01T11:00:00.000Z')], BOB)).toBeNull();
  });

  it('cannot replace the real handoff with a newer one of its own', () => {
    const shown = handoffToShow([real(), untrusted(fakeHandoff, '2026-01-01T11:00:00.000Z')], BOB);
    expect(shown?.handoffId).toBe(HANDOFF);
    expect(shown?.nextAction).toBe(ANSWERS.next);
  });

  it('cannot hide the real handoff behind a newer one naming someone else', () => {
    const other = renderText(summary(CHLOE, 'en', 'b3c1f0e2-1111-4a4a-9c9c-00000000fa4f'));
    expect(handoffToShow([real(), untrusted(other, '2026-01-01T11:00:00.000Z')], BOB)?.handoffId).toBe(
      HANDOFF,
    );
  });

  it('cannot acknowledge it, nor stop the receiver from acknowledging it', () => {
    const ack = renderText(replySummaryText('ack'));
    const thread = [real(), untrusted(ack, '2026-01-01T11:00:00.000Z')];
    expect(handoffToShow(thread, BOB)?.handoffId).toBe(HANDOFF);
    expect(hasReply(thread, HANDOFF, 'ack')).toBe(false);
    expect(hasReply([real(), comment(ack, '2026-01-01T11:00:00.000Z')], HANDOFF, 'ack')).toBe(true);
  });
});
