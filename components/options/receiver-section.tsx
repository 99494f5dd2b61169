import { SITES, type SiteId } from '../../lib/sites/registry';
import { receiverFor } from '../../lib/storage/settings';
import { translate as t } from '../translate';
import { LockedNote, StatusLine, useStatus } from './parts';
import type { OptionsData, SaveSettings } from './use-options';

/** Per site: whether Baton shows the receiver a handoff naming them when they open the ticket (on by default). */
export function ReceiverSection({ data, save }: { data: OptionsData; save: SaveSettings }) {
  const locked = data.locked.includes('receiver');
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
      <fieldset className="plain" disabled={locked} aria-describedby={locked ? 'receiver-locked' : undefined}>
        {(Object.keys(SITES) as SiteId[]).map((site) => (
          <div className="checkbox" key={site}>
            <input
              type="checkbox"
              id={`receiver-${site}`}
              checked={receiverFor(data.settings, site)}
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
