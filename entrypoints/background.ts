import '../lib/zod-jitless';
import { answerAsks } from '../lib/ask-background';
import { syncCustomHosts } from '../lib/background/custom-hosts';
import { abandonHoldsOfTab, strandUnposted } from '../lib/background/handoffs';
import {
  FIGURE_STEPS_ALARM,
  followOutsideWrites,
  keepFigureStepsRenewed,
  RETENTION_ALARM,
  refreshDigest,
  refreshFigureSteps,
  runRetention,
} from '../lib/background/metrics-store';
import { RETRY_ALARM, retryDue } from '../lib/background/outbox-retry';
import { forgetTab, onTabUpdated } from '../lib/background/receiver';
import { guardOpenTabs } from '../lib/background/reinject';
import { routeMessage } from '../lib/background/router';
import { openWelcomeOnInstall } from '../lib/background/welcome';
import { effectiveSettings, refreshPolicyCache } from '../lib/storage/effective-settings';
import { removeRetiredKeys } from '../lib/storage/retired';
import { keepReadsInMemory } from '../lib/storage/validated-item';

export default defineBackground(() => {
  // First, so that a change is forgotten before any listener below reads it again.
  keepReadsInMemory();
  const syncHosts = () =>
    void effectiveSettings().then(({ settings }) => syncCustomHosts(settings.customHosts));
  // Until managed storage answers after a browser start, the last policy seen stands in (see
  // effective-settings.ts); once it answers with something else, what depends on the policy follows.
  const followPolicy = () =>
    void refreshPolicyCache()
      .then((changed) => changed && syncHosts())
      .catch(() => undefined);
  followPolicy();
  browser.runtime.onConnect.addListener((port) =>
    answerAsks(port, (message, sender) => routeMessage(message, sender ?? {})),
  );
  browser.runtime.onInstalled.addListener(syncHosts);
  browser.runtime.onInstalled.addListener(openWelcomeOnInstall);
  browser.runtime.onStartup.addListener(syncHosts);
  // After an update the open host tabs are guarded again without a reload, and after an update or a
  // restart nothing is held any more: what was waiting to be posted is kept for the popup.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'update')
      void strandUnposted()
        .then(guardOpenTabs, guardOpenTabs)
        .catch(() => undefined);
  });
  browser.runtime.onStartup.addListener(() => void strandUnposted().catch(() => undefined));
  browser.runtime.onInstalled.addListener(() => {
    void refreshDigest();
    void removeRetiredKeys().catch(() => undefined);
    void keepFigureStepsRenewed().catch(() => undefined);
  });
  browser.runtime.onStartup.addListener(() => void keepFigureStepsRenewed().catch(() => undefined));
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') followPolicy();
  });
  followOutsideWrites();
  // Access to a custom host granted or taken back outside the options page (e.g. in the browser's settings).
  browser.permissions.onAdded.addListener(syncHosts);
  browser.permissions.onRemoved.addListener(syncHosts);
  browser.tabs.onRemoved.addListener((tabId) => {
    forgetTab(tabId);
    // While the browser shuts down storage rejects; holds live in session storage and go with it.
    void abandonHoldsOfTab(tabId).catch(() => undefined);
  });
  // The receiver's side: a tab showing a ticket gets the receiver script, injected only then.
  browser.tabs.onUpdated.addListener(
    (tabId, change, tab) => void onTabUpdated(tabId, change, tab).catch(() => undefined),
  );
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETRY_ALARM) void retryDue();
    if (alarm.name === RETENTION_ALARM) void runRetention();
    if (alarm.name === FIGURE_STEPS_ALARM) void refreshFigureSteps();
  });
  void browser.alarms.create(RETRY_ALARM, { periodInMinutes: 1 });
  void browser.alarms.create(RETENTION_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 1 });
});
