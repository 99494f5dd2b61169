import type { PageContext } from '../host-page/page-context';
import type { SiteAdapter } from './adapter';
import { sendFromContent } from './background-messages';

const HEALTH_CHECK_DELAY_MS = 4000;

/**
 * Reports the page elements the adapter expects and does not find. Well after the page has loaded, when
 * it is idle: the host's own first work goes first. A timer rather than a load listener, so that nothing
 * of Baton's runs during the load itself. `listen` is called first: the background may write to a page
 * that has settled (see background-link.ts).
 */
export function scheduleHealthCheck(ctx: PageContext, adapter: SiteAdapter, listen: () => void): void {
  const check = () => {
    if (document.readyState !== 'complete') {
      ctx.addEventListener(window, 'load', () => ctx.setTimeout(check, HEALTH_CHECK_DELAY_MS));
      return;
    }
    ctx.requestIdleCallback(() => {
      listen();
      const missing = adapter.missingElements();
      if (missing)
        void sendFromContent({ type: 'health:report', site: adapter.id, missing }).catch(() => undefined);
    });
  };
  ctx.setTimeout(check, HEALTH_CHECK_DELAY_MS);
}
