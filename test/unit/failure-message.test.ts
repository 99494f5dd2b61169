import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { failureMessage } from '../../components/failure-message';
import { translate } from '../../components/translate';
import type { PostFailure } from '../../lib/messaging';
import { useLocale } from './support/i18n';

// Every way a host can refuse a comment (issue 7) reads as what happened and what to do, in the
// user's language, and keeps the host's own status and words for whoever has to look further.

const say = (failure: PostFailure) => failureMessage(failure, 'Jira', translate);
const http = (status: number, detail: string): PostFailure => ({ kind: 'http', status, detail });

describe('why a comment was not posted', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useLocale('en');
  });

  it.each([
    [http(401, 'Unauthorized'), ['401', 'Unauthorized', 'sign in to Jira again']],
    [http(403, 'XSRF check failed'), ['403', 'XSRF check failed', 'page needs a reload']],
    [http(403, 'You do not have permission to comment'), ['not be allowed to comment']],
    [http(404, 'Issue does not exist'), ['404', 'Issue does not exist', 'moved or deleted']],
    [http(409, 'Conflict'), ['409', 'changed meanwhile']],
    [http(429, 'Rate limit exceeded.'), ['429', 'Rate limit exceeded.', 'slow down']],
    [http(500, 'Internal server error'), ['500', 'Internal server error', 'problem of its own']],
    [http(503, ''), ['503', '—', 'problem of its own']],
    [http(418, "I'm a teapot"), ['Jira answered 418', "I'm a teapot"]],
    [{ kind: 'logged_out' }, ['logged out of Jira', 'login page']],
    [{ kind: 'timeout' }, ['Jira did not answer in time']],
    [{ kind: 'offline' }, ['network is unreachable']],
    [{ kind: 'no_tab' }, ['tab is no longer open']],
  ] as const)('%o', (failure, phrases) => {
    const message = say(failure as PostFailure);
    for (const phrase of phrases) expect(message).toContain(phrase);
  });

  it('is said in Korean in a Korean browser', () => {
    useLocale('ko');
    expect(say(http(401, 'Unauthorized'))).toBe(
      'Jira 로그인 세션이 더 이상 유효하지 않습니다 (401, Unauthorized). Jira에 다시 로그인한 뒤 재시도하세요',
    );
  });
});
