import { answerAsksWith } from './ask-port';

export type Message = { type: string } & Record<string, unknown>;

/** Never answers: the background was stopped, or Baton was just updated. */
export const NO_ANSWER = Symbol('no answer');

/**
 * Stands in for the background for a page under test: records every message the page sends, in order,
 * and answers each as `answer` says.
 */
export function fakeBackground(answer: (message: Message) => unknown): Message[] {
  const sent: Message[] = [];
  answerAsksWith((message) => {
    sent.push(message as Message);
    const reply = answer(message as Message);
    if (reply === NO_ANSWER) {
      return Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    }
    return Promise.resolve(reply);
  });
  return sent;
}
