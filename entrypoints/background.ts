import { abandonHoldsOfTab } from '../lib/background/handoffs';
import { RETRY_ALARM, retryDue } from '../lib/background/outbox-retry';
import { routeMessage } from '../lib/background/router';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message, sender) => routeMessage(message, sender));
  browser.tabs.onRemoved.addListener((tabId) => void abandonHoldsOfTab(tabId));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETRY_ALARM) void retryDue();
  });
  void browser.alarms.create(RETRY_ALARM, { periodInMinutes: 1 });
});
