import * as z from 'zod';
import { SERVICE_HANDOFF } from '../checklist/default-template';
import { type Template, templateSchema } from '../checklist/template';
import { type Effective, effectiveSettings } from './effective-settings';
import { KEYS } from './keys';
import { validatedItem } from './validated-item';

// Templates are data: the built-in service-handoff template plus the team's own, edited on the options
// page or imported as JSON. A stored template with the built-in's id replaces it.

export const templatesItem = validatedItem<Template[]>(
  KEYS.templates,
  z.array(templateSchema).max(50),
  () => [],
  { version: 1 },
  { keep: true },
);

function allTemplates(stored: readonly Template[]): Template[] {
  return stored.some((template) => template.id === SERVICE_HANDOFF.id)
    ? [...stored]
    : [SERVICE_HANDOFF, ...stored];
}

/** Templates an administrator's policy sets replace the user's; an invalid one is left out, not fatal. */
function policyTemplates(raw: readonly unknown[] | undefined): Template[] | null {
  if (!raw) return null;
  return raw.flatMap((candidate) => {
    const parsed = templateSchema.safeParse(candidate);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The templates in force: the policy's when it sets them, else the user's (`stored`, read if not given). */
export async function activeTemplates(
  effective?: Effective,
  stored?: Promise<Template[]>,
): Promise<{
  templates: Template[];
  settings: Effective;
}> {
  effective ??= await effectiveSettings();
  const chosen = policyTemplates(effective.policy.templates) ?? (await (stored ?? templatesItem.get()));
  return { templates: allTemplates(chosen), settings: effective };
}

/**
 * The template a site's checklist uses: the one chosen for the site, else the built-in. `stored` is the
 * user's templates when the caller has started reading them already.
 */
export async function templateFor(
  site: string,
  effective?: Effective,
  stored?: Promise<Template[]>,
): Promise<Template> {
  const {
    templates: all,
    settings: { settings },
  } = await activeTemplates(effective, stored);
  const chosen = settings.templateBySite[site] ?? SERVICE_HANDOFF.id;
  return (
    all.find((template) => template.id === chosen) ??
    all.find((t) => t.id === SERVICE_HANDOFF.id) ??
    SERVICE_HANDOFF
  );
}
