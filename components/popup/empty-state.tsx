import { translate as t } from '../translate';

/** What a new user sees before the first handoff: what will appear here, and why it is worth having. */
export function EmptyState() {
  return (
    <section className="card empty" aria-labelledby="empty-heading">
      <h2 id="empty-heading">{t('popupEmptyTitle')}</h2>
      <p>{t('popupEmptyIntro')}</p>
      <ul>
        <li>{t('popupEmptyTrend')}</li>
        <li>{t('popupEmptyFill')}</li>
        <li>{t('popupEmptyHot')}</li>
        <li>{t('popupEmptyOutbox')}</li>
      </ul>
    </section>
  );
}
