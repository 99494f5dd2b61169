import { templateSchema } from '../checklist/template';
import type { Request, Response } from '../messaging';
import { effectiveSettings } from '../storage/effective-settings';
import { draftsItem, outboxItem, settingsItem } from '../storage/items';
import { templatesItem } from '../storage/templates';
import { releaseRemovedHosts, syncCustomHosts } from './custom-hosts';
import { clearMetrics } from './metrics-store';

// What the options page asks the background to change (the background is the only writer).

export async function saveSettings(request: Request<'settings:save'>): Promise<Response<'settings:save'>> {
  const stored = await settingsItem.get();
  const { locked } = await effectiveSettings();
  // A key an administrator's policy locks keeps the user's stored value: the page cannot change it.
  const next = { ...request.settings };
  for (const key of locked) if (key !== 'templates') Object.assign(next, { [key]: stored[key] });
  await settingsItem.set(next);
  await releaseRemovedHosts(stored.customHosts, next.customHosts);
  await syncCustomHosts((await effectiveSettings()).settings.customHosts);
  return { ok: true };
}

/** Every template is checked; the first problem is named with its path, and nothing is saved then. */
export async function saveTemplates(request: Request<'templates:save'>): Promise<Response<'templates:save'>> {
  for (const [index, candidate] of request.templates.entries()) {
    const parsed = templateSchema.safeParse(candidate);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = [`templates[${index}]`, ...(issue?.path ?? []).map(String)].join('.');
      return { ok: false, error: `${path}: ${issue?.message ?? 'invalid'}` };
    }
  }
  const ids = request.templates.map((t) => (t as { id: string }).id);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate) return { ok: false, error: `templates: the id "${duplicate}" is used twice` };
  await templatesItem.set(request.templates.map((t) => templateSchema.parse(t)));
  return { ok: true };
}

export async function clearData(request: Request<'data:clear'>): Promise<Response<'data:clear'>> {
  await clearMetrics();
  if (request.what === 'everything') {
    await draftsItem.set({});
    await outboxItem.set([]);
  }
  return { ok: true };
}
