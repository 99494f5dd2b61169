import { useMemo, useState } from 'react';
import type { HostCount } from '../../lib/history/ticket-history';
import type { HotPotato } from '../../lib/metrics/aggregate';
import { withHostCounts } from '../../lib/metrics/host-counts';
import { translate as t, translateCount } from '../translate';
import type { Formats } from './format';
import { siteName } from './site-name';

/** Shown before "Show all": a popup is glanced at, and a team can have hundreds of hot tickets. */
export const HOT_SHOWN = 10;
const NO_HOST_COUNTS: readonly HostCount[] = [];

/**
 * Tickets handed off 3+ times in 30 days, newest first, each opening in a new tab; with the host's own
 * count where Baton has read the ticket's history, which brings in tickets passed around without Baton.
 */
export function HotPotatoes({
  tickets: handedOff,
  hostCounts = NO_HOST_COUNTS,
  format,
  now,
}: {
  tickets: readonly HotPotato[];
  hostCounts?: readonly HostCount[];
  format: Formats;
  now: number;
}) {
  const tickets = useMemo(() => withHostCounts(handedOff, hostCounts, now), [handedOff, hostCounts, now]);
  const [all, setAll] = useState(false);
  const shown = all ? tickets : tickets.slice(0, HOT_SHOWN);
  return (
    <section className="card" aria-labelledby="hot-heading">
      <h2 id="hot-heading">{t('popupHotTitle')}</h2>
      <p className="muted">{t('popupHotHint')}</p>
      {tickets.length === 0 ? (
        <p className="none">{t('popupHotNone')}</p>
      ) : (
        <ol className="hot">
          {shown.map((ticket) => (
            <li key={`${ticket.site}\u0000${ticket.ticketKey}`}>
              {/* aggregate() keeps only http(s) addresses, so no script URL reaches href. */}
              <span className="ticket-line">
                {ticket.url ? (
                  <a className="ticket" href={ticket.url} target="_blank" rel="noopener noreferrer">
                    {ticket.ticketKey}
                    <span className="visually-hidden"> {t('popupNewTab')}</span>
                  </a>
                ) : (
                  <span className="ticket">{ticket.ticketKey}</span>
                )}{' '}
                <span className="site">{siteName(ticket.site)}</span>
              </span>
              {ticket.count > 0 ? (
                <span className="count">
                  {translateCount('popupHotCount', ticket.count, [format.number(ticket.count)])}
                </span>
              ) : null}
              {ticket.hostCount === undefined ? null : (
                <span className="host-count">
                  {t('popupHotHostCount', [format.number(ticket.hostCount)])}
                </span>
              )}
              <span className="when">{t('popupHotLast', [format.ago(ticket.lastAt, now)])}</span>
            </li>
          ))}
        </ol>
      )}
      {shown.length < tickets.length ? (
        <button type="button" onClick={() => setAll(true)}>
          {t('popupHotShowAll', [format.number(tickets.length)])}
        </button>
      ) : null}
    </section>
  );
}
