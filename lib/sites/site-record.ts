import type * as z from 'zod/mini';
import type { HandsChange } from '../history/ticket-history';

// What every site declares about itself, as plain data: lib/sites/<site>/site.ts holds one such record
// and is the only place its host is named. Plain, so that the scripts on every host page may import
// their own site's record (docs/host-page-budget.md).

export const COMMENT_FORMATS = ['adf', 'html', 'markdown', 'wiki'] as const;
/** wiki: Jira Data Center and Server, whose REST v2 takes wiki markup where Cloud takes ADF. */
export type CommentFormat = (typeof COMMENT_FORMATS)[number];

/** A page of the site, and the ticket it shows (null: it shows none). */
export interface ExamplePage {
  url: string;
  ticket: string | null;
}

/** A request of the site's own web app that reassigns, and the tickets the request matcher finds in it. */
export interface ExampleRequest {
  method: string;
  url: string;
  body: string | null;
  tickets: readonly string[];
}

/** Settings of one site's own: validated by schema, `fallback` where nothing (valid) is stored. */
export interface SiteSetting {
  schema: z.ZodMiniType;
  fallback: unknown;
}

export interface SiteRecord {
  id: string;
  name: string;
  /** Chrome match patterns of the site's own hosts (the manifest's and the content scripts'). */
  matches: readonly string[];
  commentFormat: CommentFormat;
  /** The most characters the host takes in one comment, as it counts them. */
  commentLimit: number;
  /**
   * Which ticket a page shows, from its URL alone: the background uses it to decide whether a tab is on
   * a ticket (without reading the page), the receiver script to name the ticket it checks.
   */
  ticketFromUrl(url: URL): string | null;
  /** Whether a company may serve the site from its own host, added in the options as a custom host. */
  customHosts: boolean;
  /** The settings keys that belong to this site alone; lib/storage/settings.ts composes them. */
  settings?: Readonly<Record<string, SiteSetting>>;
  /**
   * Which of a ticket's changes of hands count, under the settings (the site's own among them); every
   * change where absent.
   */
  countsInHistory?(change: HandsChange, settings: Readonly<Record<string, unknown>>): boolean;
  /** Held to this record and no other's by test/unit/sites/site-records.test.ts. */
  examples: { pages: readonly ExamplePage[]; requests: readonly ExampleRequest[] };
}
