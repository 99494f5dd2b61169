import { SERVICE_HANDOFF } from '../checklist/default-template';
import type { Template } from '../checklist/template';

/** The template a site's checklist uses. One template ships today; choosing one per site comes with the options page (issue 6). */
export function templateFor(_site: string): Template {
  return SERVICE_HANDOFF;
}
