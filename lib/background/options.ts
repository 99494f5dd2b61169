import { templateSchema } from '../checklist/template';
import type { Request, Response } from '../messaging';
import { draftsItem, outboxItem, settingsItem } from '../storage/items';
import { templatesItem } from '../storage/templates';
import { releaseRemovedHosts, syncCustomHosts } from './custom-hosts';
import { clearMetrics } from './metrics-store';

// What the options page asks the background to change (the background is the only writer).

export async function saveSettings(request: Request<'settings:save'>): Promise<Response<'settings:save'>> {
  const before = (await settingsItem.get()).customHosts;
  await settingsItem.set(request.settings);
  await releaseRemovedHosts(before, request.settings.customHosts);
  await syncCustomHosts(request.settings.customHosts);
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
