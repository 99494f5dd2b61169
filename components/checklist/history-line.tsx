import type { Locale } from '../../lib/checklist/template';
import { parseHttpUrl } from '../../lib/checklist/url';
import { type HandsSummary, HOT_COUNT, WINDOW_DAYS } from '../../lib/history/hands';
import { changedHandsText } from '../../lib/history/wording';
import type { Translate } from '../translate';

/** Whether the ticket has been passed around enough that the reason field asks what is different now. */
export const isHot = (hands: HandsSummary | null): hands is HandsSummary =>
  hands !== null && hands.count >= HOT_COUNT;

/** The reason field's hint on a ticket that has been passed around (issue 18). */
export function reasonHint(hands: HandsSummary, t: Translate): string {
  return t('historyReasonHint', [String(hands.count), String(WINDOW_DAYS)]);
}

/**
 * One compact line above the fields: how often the ticket changed hands lately and between whom, and,
 * when the last of those was a Baton handoff, its next action and who wrote it. Names and the next
 * action are the host's users' text: React renders them as text, and only an http(s) address is a link.
 */
export function HistoryLine({ hands, t, locale }: { hands: HandsSummary; t: Translate; locale: Locale }) {
  const names = hands.names.map((name) => name || t('historyUnassigned'));
  const chain = (hands.more ? ['…', ...names] : names).join(' → ');
  const last = hands.lastHandoff;
  const url = last?.url ? parseHttpUrl(last.url) : null;
  const author = last?.author || t('receiverSomeone');
  return (
    <section className={isHot(hands) ? 'history history-hot' : 'history'} aria-label={t('historyLineLabel')}>
      <p>
        {changedHandsText(hands.count, locale, t)}: {chain}
      </p>
      {last ? (
        <p className="history-last">
          {last.nextAction
            ? t('historyLastHandoff', [author, last.nextAction])
            : t('historyLastHandoffNoNext', [author])}
          {url ? (
            <>
              {' '}
              <a href={url.href} target="_blank" rel="noopener noreferrer">
                {t('historyOpenComment')}
              </a>
            </>
          ) : null}
        </p>
      ) : null}
    </section>
  );
}
