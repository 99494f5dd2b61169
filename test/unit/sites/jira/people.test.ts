import { describe, expect, it } from 'vitest';
import { accountIdFromAvatar, matchShown, shownName } from '../../../../lib/sites/jira/people';

const BOB = { accountId: '5b10ac8d82e05b22cc7d4ef5', displayName: 'Bob Chen' };
const OTHER_BOB = { accountId: '712020:2f3c7c1e-95b1-4e6a-9f0e-3e5f1b7a8c11', displayName: 'Bob  Chen' };
const CHLOE = { accountId: '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077', displayName: 'Chloé Dubois' };

describe('who a picker option shows', () => {
  it('its name, without "(Assign to me)" or a byline', () => {
    expect(shownName({ texts: ['Alice Park (Assign to me)'] })).toBe('Alice Park');
    expect(shownName({ texts: ['Alice Park', '(Assign to me)'] })).toBe('Alice Park');
    expect(shownName({ texts: ['  Bob   Chen ', '@acme.example'] })).toBe('Bob Chen');
  });

  it('the account id in a custom avatar URL, none in a default one', () => {
    expect(
      accountIdFromAvatar(
        `https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/${CHLOE.accountId}/0b2d1d5e-7b0c-4a2e-9c52-2c6f1f3f9a10/48`,
      ),
    ).toBe(CHLOE.accountId);
    expect(accountIdFromAvatar(`/avatars/${encodeURIComponent(BOB.accountId)}/x/24`)).toBe(BOB.accountId);
    expect(
      accountIdFromAvatar(
        'https://secure.gravatar.com/avatar/0f1e2d3c4b5a69788796a5b4c3d2e1f0?d=https%3A%2F%2Favatar-management--avatars.us-west-2.prod.public.atl-paas.net%2Finitials%2FBC-5.png',
      ),
    ).toBeUndefined();
    expect(accountIdFromAvatar('/avatars/initials/BC-22A06B.svg')).toBeUndefined();
    expect(accountIdFromAvatar(undefined)).toBeUndefined();
  });
});

describe('resolving the person an option shows to an account', () => {
  it('the one assignable user with that name (case, spacing and Unicode form aside)', () => {
    expect(matchShown({ texts: ['bob chen'] }, [BOB, CHLOE])).toEqual({
      id: BOB.accountId,
      name: 'Bob Chen',
    });
    expect(matchShown({ texts: ['Chloe\u0301 Dubois'] }, [BOB, CHLOE])).toEqual({
      id: CHLOE.accountId,
      name: 'Chloé Dubois',
    });
    expect(
      matchShown({ texts: ['Alice Park (Assign to me)'] }, [{ accountId: 'a1', displayName: 'Alice Park' }]),
    ).toEqual({ id: 'a1', name: 'Alice Park' });
  });

  it('a search hit that only contains the name is not the person', () => {
    expect(matchShown({ texts: ['Bob'] }, [BOB])).toBeNull();
  });

  it('namesakes: the avatar decides, and without it nobody is guessed', () => {
    const both = [BOB, OTHER_BOB];
    const avatar = `https://avatars.example/${OTHER_BOB.accountId}/0b2d1d5e-7b0c-4a2e-9c52-2c6f1f3f9a10/48`;
    expect(matchShown({ texts: ['Bob Chen'], avatarUrl: avatar }, both)).toEqual({
      id: OTHER_BOB.accountId,
      name: 'Bob  Chen',
    });
    expect(matchShown({ texts: ['Bob Chen'] }, both)).toBeNull();
  });

  it('nobody by that name: a custom avatar still names the account, else nobody', () => {
    const avatar = `https://avatars.example/${CHLOE.accountId}/0b2d1d5e-7b0c-4a2e-9c52-2c6f1f3f9a10/48`;
    expect(matchShown({ texts: ['Chloé D.'], avatarUrl: avatar }, [])).toEqual({
      id: CHLOE.accountId,
      name: 'Chloé D.',
    });
    expect(matchShown({ texts: ['Chloé D.'] }, [BOB])).toBeNull();
  });
});
