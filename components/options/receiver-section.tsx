import { SITES, type SiteId } from '../../lib/sites/registry';
import { lockedFor, receiverFor } from '../../lib/storage/settings';
import { translate as t } from '../translate';
import { LockedNote, StatusLine, useStatus } from './parts';
import type { OptionsData, SaveSettings } from './use-options';

/** Per site: whether Baton shows the receiver a handoff naming them when they open the ticket (on by default). */
export function ReceiverSection({ data, save }: { data: OptionsData; save: SaveSettings }) {
  // A policy locks the sites it names; the others stay the user's.
  const siteLocked = (site: SiteId) => lockedFor(data.policy, 'receiver', site);
  const locked = (Object.keys(SITES) as SiteId[]).some(siteLocked);
  const [status, say] = useStatus();

  async function toggle(site: SiteId, on: boolean) {
    const ok = await save({ receiver: { ...data.local.receiver, [site]: on } });
    say(ok ? t('optionsSaved') : t('optionsSaveFailed'), !ok);
  }

  return (
    <section aria-labelledby="receiver-heading" className="card">
      <h2 id="receiver-heading">{t('optionsReceiverTitle')}</h2>
      <p className="muted">{t('optionsReceiverIntro')}</p>
      {locked ? <LockedNote id="receiver-locked" /> : null}
      <fieldset className="plain">
        {(Object.keys(SITES) as SiteId[]).map((site) => (
          <div className="checkbox" key={site}>
            <input
              type="checkbox"
              id={`receiver-${site}`}
              checked={receiverFor(data.settings, site)}
              disabled={siteLocked(site)}
              aria-describedby={siteLocked(site) ? 'receiver-locked' : undefined}
              onChange={(event) => void toggle(site, event.target.checked)}
            />
            <label htmlFor={`receiver-${site}`}>{t('optionsReceiverSite', [SITES[site].name])}</label>
          </div>
        ))}
      </fieldset>
      <StatusLine status={status} />
    </section>
  );
}
