import { describe, expect, it } from 'vitest';
import { trelloRequestMatcher } from '../../../../lib/sites/trello/requests';

const url = (path: string) => new URL(path, 'https://trello.com');
const match = (method: string, path: string, body?: string) =>
  trelloRequestMatcher.isCandidate(method, url(path))
    ? trelloRequestMatcher.match(method, url(path), body ?? null)
    : null;

describe('Trello member and list changes', () => {
  it("recognises adding a member as Trello's client sends it: JSON with the dsc cookie's value", () => {
    const added = { tickets: ['Xy12Ab34'], toId: 'm2', details: { add: 'm2' } };
    expect(match('POST', '/1/cards/Xy12Ab34/idMembers', JSON.stringify({ value: 'm2', dsc: 'd' }))).toEqual(
      added,
    );
    expect(
      match('POST', '/1/cards/60a000000000000000000101/idMembers', JSON.stringify({ value: 'm2', dsc: 'd' })),
    ).toEqual({ ...added, tickets: ['60a000000000000000000101'] });
  });

  it('recognises adding a member with the value in the query or a form, as older clients send it', () => {
    const added = { tickets: ['Xy12Ab34'], toId: 'm2', details: { add: 'm2' } };
    expect(match('POST', '/1/cards/Xy12Ab34/idMembers?value=m2')).toEqual(added);
    expect(match('POST', '/1/cards/Xy12Ab34/idMembers', 'value=m2&dsc=d')).toEqual(added);
  });

  it('recognises removing a member, with the dsc in a JSON body', () => {
    expect(match('DELETE', '/1/cards/Xy12Ab34/idMembers/m1', JSON.stringify({ dsc: 'd' }))).toEqual({
      tickets: ['Xy12Ab34'],
      details: { remove: 'm1' },
    });
  });

  it('recognises a card update that replaces the members or moves the card', () => {
    expect(match('PUT', '/1/cards/abc123', 'idMembers=m1,m2&dsc=d')).toEqual({
      tickets: ['abc123'],
      details: { members: ['m1', 'm2'] },
    });
    expect(match('PUT', '/1/cards/abc123', JSON.stringify({ idList: 'l9', pos: 'top' }))).toEqual({
      tickets: ['abc123'],
      details: { list: 'l9' },
    });
    expect(match('PUT', '/1/cards/abc123', 'idMembers=&dsc=d')).toEqual({
      tickets: ['abc123'],
      details: { members: [] },
    });
  });

  it('lets descriptions, labels, due dates, comments and reads through', () => {
    expect(match('PUT', '/1/cards/abc123', 'desc=hello&dsc=d')).toBeNull();
    expect(match('PUT', '/1/cards/abc123', JSON.stringify({ due: '2026-12-01', idLabels: 'x' }))).toBeNull();
    expect(match('POST', '/1/cards/abc123/actions/comments', 'text=hi')).toBeNull();
    expect(match('GET', '/1/cards/abc123')).toBeNull();
    expect(match('POST', '/1/cards/abc123/idLabels', 'value=l1')).toBeNull();
  });
});
