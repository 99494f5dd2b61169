import * as z from 'zod/mini';
import { receivedRecordSchema } from '../receiver/records';
import { COMMENT_FORMATS } from '../sites/site-record';
import { KEYS } from './keys';
import { validatedItem } from './validated-item';

/** Handoffs the user received (lib/receiver/records.ts). Only the background writes it. */
export const receivedItem = validatedItem(KEYS.received, z.array(receivedRecordSchema), () => [], {
  version: 1,
});

/** The banners shown this session, by `tabId:handoffId`: what the banner page reads, and for which tab. */
const bannerSchema = z.object({
  tabId: z.number(),
  site: z.string(),
  origin: z.string(),
  ticketKey: z.string(),
  from: z.string(),
  at: z.number(),
  nextAction: z.nullable(z.string()),
  meName: z.string(),
  commentFormat: z.optional(z.enum(COMMENT_FORMATS)),
});
export type Banner = z.infer<typeof bannerSchema>;
export const bannersItem = validatedItem(
  KEYS.receiverBanners,
  z.record(z.string(), bannerSchema),
  () => ({}),
  { version: 1 },
);

/** Tickets whose banner was dismissed, as `site|origin|ticket`: hidden until the browser session ends. */
export const dismissedItem = validatedItem(KEYS.receiverDismissed, z.array(z.string()), () => [], {
  version: 1,
});
