import { type Template, templateSchema } from '../checklist/template';
import { type CleanAnswers, validateAnswers } from '../checklist/validate';
import {
  type HeldAction,
  type Request,
  type Response,
  type ShownHold,
  sendToFrame,
  sendToTab,
} from '../messaging';
import type { MetricEvent, Outcome } from '../metrics/event';
import { isSiteId, SITES } from '../sites/registry';
import { effectiveSettings, effectiveSettingsNow } from '../storage/effective-settings';
import {
  DRAFT_LIMIT,
  DRAFT_MAX_AGE_MS,
  type Drafts,
  draftsItem,
  type Hold,
  holdsItem,
  type OutboxEntry,
  outboxItem,
} from '../storage/items';
import { enforcementFor, type Settings } from '../storage/settings';
import { templateFor, templatesItem } from '../storage/templates';
import { clearTabBadge, refreshBadge } from './badge';
import { renderComment } from './comment';
import { recordEvents } from './metrics-store';
import { noteFailedAttempt, removeEntry } from './outbox';
import { notePassedOn } from './receiver';

// The hold lifecycle as the background sees it: it records, renders and posts through the tab, and
// tells the tab when to release or drop the held reassign. State lives in storage, never only in
// memory, because the service worker can be stopped at any moment.

const HOLD_WAIT_MS = 5000;
/** How long a Complete waits for the rest of a context the page is still reading (hold:context). */
const CONTEXT_WAIT_MS = 5000;

function draftKey(held: HeldAction): string {
  return `${held.site}|${new URL(held.context.url).origin}|${held.context.ticketKey}`;
}

async function recordEvent(
  hold: Hold,
  outcome: Outcome,
  answers?: CleanAnswers,
  skipReason?: string,
): Promise<void> {
  const context = hold.held.context;
  const reason = answers?.reason;
  const events: MetricEvent[] = hold.held.tickets.map((ticketKey) => {
    const event: MetricEvent = {
      id: crypto.randomUUID(),
      site: hold.held.site,
      ticketKey,
      url: ticketKey === context.ticketKey ? context.url : undefined,
      outcome,
      fieldsFilled: answers ? Object.keys(answers).length : 0,
      at: Date.now(),
    };
    if (context.from) event.from = context.from.name;
    if (context.to) event.to = context.to.name;
    if (outcome === 'completed') event.fillMs = Date.now() - hold.shownAt;
    if (typeof reason === 'string') event.reason = reason;
    if (skipReason) event.skipReason = skipReason;
    return event;
  });
  await recordEvents(events);
}

async function endHold(holdId: string): Promise<Hold | undefined> {
  let ended: Hold | undefined;
  forgetUnclaimed(holdId);
  await holdsItem.update((holds) => {
    ended = holds[holdId];
    const { [holdId]: _, ...rest } = holds;
    return rest;
  });
  // The badge is cosmetic: a failure there must never keep a handoff from being recorded.
  if (ended) await clearTabBadge(ended.tabId).catch(() => undefined);
  await refreshBadge().catch(() => undefined);
  return ended;
}

/**
 * Ends the hold and records how it ended. Only the call that takes the hold out of storage records
 * it, so a cancel racing the tab's closing (or any two endings) counts it exactly once.
 */
async function endRecorded(holdId: string, outcome: Outcome, skipReason?: string): Promise<void> {
  const ended = await endHold(holdId);
  if (ended) await recordEvent(ended, outcome, undefined, skipReason);
}

/**
 * Who waits for a hold to be stored or changed, by key. A frame that asked for its hold before it was
 * stored is handed its answer with the news.
 */
const waiters = new Map<string, (answer?: Response<'hold:mine'>) => void>();

export async function openHold(
  request: Request<'hold:open'>,
  tabId: number,
  frameId: number,
): Promise<Response<'hold:open'>> {
  // The drafts and the user's templates are read alongside, for the frame that is usually waiting by
  // now (it asks when shown); the templates go unused when the policy sets its own.
  const storedTemplates = templatesItem.get();
  storedTemplates.catch(() => undefined);
  const [effective, drafts] = await Promise.all([effectiveSettingsNow(), draftsItem.get()]);
  const template = await templateFor(request.held.site, effective, storedTemplates);
  const hold: Hold = {
    held: request.held,
    tabId,
    frameId,
    checklistFrameId: request.frameId,
    shownAt: Date.now(),
    template,
    ...(request.contextPending ? { contextPending: true } : {}),
  };
  const stored = holdsItem.update((holds) => ({ ...holds, [request.held.id]: hold }));
  // The dialog waits for this answer: it is given from what is being stored, without waiting for the
  // write. What the frame asks next reads the holds, and a read here waits for that write
  // (validated-item.ts); a write that fails fails hold:open, and the tab takes the dialog away.
  handOver(tabId, request.frameId, hold.held.id, shownHold(hold, template, effective.settings, drafts));
  await stored.catch((error: unknown) => {
    forgetUnclaimed(request.held.id);
    throw error;
  });
  // The badge is cosmetic: the frame waiting for this hold goes first.
  void refreshBadge().catch(() => undefined);
  return { ok: true };
}

const frameKey = (tabId: number, frameId: number) => `frame:${tabId}:${frameId}`;

/**
 * Answers given before their frame asked, by frame, each taken by the frame's first hold:mine. A frame
 * busy drawing its page (right after a browser start) asks only after the hold is stored, and reading it
 * all back then took as long again as opening it. Kept in memory, briefly: the stored hold stays the truth.
 */
const unclaimed = new Map<string, { holdId: string; answer: ShownHold }>();

/**
 * Gives the frame waiting for its hold the answer. A frame that has not asked yet is handed it unasked
 * (hold:yours), which spares the dialog the frame's question reaching the background, and the answer is
 * kept a while for that frame to ask (it asks when it hears its poke, which may come first).
 */
function handOver(tabId: number, frameId: number, holdId: string, answer: ShownHold): void {
  const key = frameKey(tabId, frameId);
  const waiting = waiters.get(key);
  if (waiting) {
    waiting(answer);
    return;
  }
  void sendToFrame(tabId, frameId, 'hold:yours', { tabId, frameId, hold: answer }).catch(() => undefined);
  const kept = { holdId, answer };
  unclaimed.set(key, kept);
  setTimeout(() => {
    if (unclaimed.get(key) === kept) unclaimed.delete(key);
  }, HOLD_WAIT_MS);
}

/** A hold that ended or changed is read again by a frame that asks later. */
function forgetUnclaimed(holdId: string): void {
  for (const [key, kept] of unclaimed) if (kept.holdId === holdId) unclaimed.delete(key);
}

const contextKey = (holdId: string) => `context:${holdId}`;

/** Waits a while for a hold to be stored or changed, calling find again once it is. */
async function waitFor(
  key: string,
  find: (holds: Record<string, Hold>) => Hold | undefined,
  waitMs = HOLD_WAIT_MS,
) {
  const news = listenForNews(key, waitMs);
  const found = find(await holdsItem.get());
  if (found) {
    news.stop();
    return found;
  }
  await news.heard;
  return find(await holdsItem.get());
}

/**
 * Listens a while for news of a hold: `heard` is the answer that came with it, if any, or undefined
 * once the wait is over. Listening starts before the caller reads the holds, so that news given while
 * that read is under way (openHold hands its answer over before its write) is not missed.
 */
function listenForNews(key: string, waitMs: number) {
  let stop = () => {};
  const heard = new Promise<Response<'hold:mine'> | undefined>((resolve) => {
    const timer = setTimeout(() => given(undefined), waitMs);
    function given(answer?: Response<'hold:mine'>) {
      clearTimeout(timer);
      if (waiters.get(key) === given) waiters.delete(key);
      resolve(answer);
    }
    waiters.set(key, given);
    stop = () => given(undefined);
  });
  return { heard, stop };
}

function shownHold(hold: Hold, template: Template, settings: Settings, drafts: Drafts): ShownHold {
  return {
    found: true,
    held: hold.held,
    shownAt: hold.shownAt,
    template,
    enforcement: enforcementFor(settings, hold.held.site),
    draft: drafts[draftKey(hold.held)]?.answers ?? null,
    ...(hold.failure ? { failure: hold.failure } : {}),
  };
}

/**
 * The hold a checklist frame shows, with everything the frame shows of it: the one its tab's content
 * script opened for that very frame, waited for when the frame asks first.
 */
export async function findMine(tabId: number, frameId: number): Promise<Response<'hold:mine'>> {
  const mine = (holds: Record<string, Hold>) =>
    Object.values(holds).find((hold) => hold.tabId === tabId && hold.checklistFrameId === frameId);
  const key = frameKey(tabId, frameId);
  const kept = unclaimed.get(key);
  if (kept) {
    unclaimed.delete(key);
    return kept.answer;
  }
  const news = listenForNews(key, HOLD_WAIT_MS);
  const stored = mine(await holdsItem.get());
  if (stored) news.stop();
  else {
    const opened = await news.heard;
    if (opened) return opened;
  }
  const hold = stored ?? mine(await holdsItem.get());
  if (!hold) return { found: false };
  const [drafts, template, { settings }] = await Promise.all([
    draftsItem.get(),
    templateOf(hold),
    effectiveSettingsNow(),
  ]);
  return shownHold(hold, template, settings, drafts);
}

/**
 * What the page read after the dialog opened (hold:open's contextPending), from the content script that
 * opened the hold. Only who the hold is from and to, and the title, may change: never which ticket.
 */
export async function completeContext(
  request: Request<'hold:context'>,
  tabId: number,
  frameId: number,
): Promise<Response<'hold:context'>> {
  let taken = false;
  forgetUnclaimed(request.holdId);
  await holdsItem.update((holds) => {
    const hold = holds[request.holdId];
    const before = hold?.held.context;
    if (!hold?.contextPending || hold.tabId !== tabId || hold.frameId !== frameId || !before) return holds;
    if (request.context.site !== before.site || request.context.ticketKey !== before.ticketKey) return holds;
    taken = true;
    const { contextPending: _, ...rest } = hold;
    return { ...holds, [request.holdId]: { ...rest, held: { ...hold.held, context: request.context } } };
  });
  waiters.get(contextKey(request.holdId))?.();
  return { ok: taken };
}

/** The hold once its context is complete, or as it is after a while (the page never said more). */
function withContext(hold: Hold): Promise<Hold> {
  if (!hold.contextPending) return Promise.resolve(hold);
  const id = hold.held.id;
  return waitFor(
    contextKey(id),
    (holds) => (holds[id]?.contextPending ? undefined : holds[id]),
    CONTEXT_WAIT_MS,
  ).then(async (done) => done ?? (await holdsItem.get())[id] ?? hold);
}

export async function saveDraft(
  request: Request<'draft:save'>,
  tabId: number,
): Promise<Response<'draft:save'>> {
  const hold = (await holdsItem.get())[request.holdId];
  if (!hold || hold.tabId !== tabId) return { ok: false };
  forgetUnclaimed(request.holdId);
  const now = Date.now();
  await draftsItem.update((drafts) => {
    const kept = Object.entries({
      ...drafts,
      [draftKey(hold.held)]: { answers: request.answers, updatedAt: now },
    })
      .filter(([, draft]) => now - draft.updatedAt < DRAFT_MAX_AGE_MS)
      .sort(([, a], [, b]) => b.updatedAt - a.updatedAt)
      .slice(0, DRAFT_LIMIT);
    return Object.fromEntries(kept);
  });
  return { ok: true };
}

/** The hold's own template; a hold stored by an older version without one uses the site's current one. */
async function templateOf(hold: Hold): Promise<Template> {
  const parsed = templateSchema.safeParse(hold.template);
  return parsed.success ? parsed.data : templateFor(hold.held.site);
}

async function queueComments(hold: Hold, template: Template, answers: CleanAnswers): Promise<OutboxEntry[]> {
  const held = hold.held;
  const existing = (await outboxItem.get()).filter((entry) => entry.holdId === held.id);
  if (existing.length > 0) return existing;
  const site = isSiteId(held.site) ? SITES[held.site] : null;
  if (!site) return [];
  const handoffId = crypto.randomUUID();
  const format = held.commentFormat ?? site.commentFormat;
  const { body, text } = renderComment(
    { ...site, commentFormat: format },
    template,
    answers,
    held.context,
    handoffId,
    hold.hands?.count,
  );
  const now = Date.now();
  const entries = held.tickets.map((ticketKey) => ({
    handoffId,
    holdId: held.id,
    site: held.site,
    origin: new URL(held.context.url).origin,
    ticketKey,
    body,
    summaryText: text,
    createdAt: now,
    attempts: 0,
    nextAttemptAt: now,
    released: false,
  }));
  await outboxItem.update((outbox) => [...outbox, ...entries]);
  return entries;
}

async function deleteDraft(held: HeldAction): Promise<void> {
  const key = draftKey(held);
  await draftsItem.update((drafts) => {
    const { [key]: _, ...rest } = drafts;
    return rest;
  });
}

export async function completeHold(
  request: Request<'hold:complete'>,
  tabId: number,
): Promise<Response<'hold:complete'>> {
  const stored = (await holdsItem.get())[request.holdId];
  if (!stored || stored.tabId !== tabId) return { status: 'lost' };
  const hold = await withContext(stored);
  const template = await templateOf(hold);
  if (hold.posted) return retryRelease(hold);
  const validation = validateAnswers(template, request.answers);
  if (!validation.ok) return { status: 'invalid', fields: Object.keys(validation.errors) };
  await saveDraft({ holdId: request.holdId, answers: request.answers }, tabId);
  await updateHold(hold.held.id, { answers: validation.answers });
  const entries = await queueComments(hold, template, validation.answers);
  for (const [index, entry] of entries.entries()) {
    const result = await sendToTab(hold.tabId, hold.frameId, 'hold:post', {
      holdId: hold.held.id,
      handoffId: entry.handoffId,
      ticketKey: entry.ticketKey,
      body: entry.body,
      release: index === entries.length - 1,
      checkFirst: entry.attempts > 0,
    }).catch((): Response<'hold:post'> => ({ ok: false, failure: { kind: 'no_tab' } }));
    if (result.createdId) await notePosted(hold.held.id, entry.ticketKey, result.createdId);
    if (!result.ok && result.failure.kind === 'reassign') {
      // The comment landed; the host refused or did not perform the reassign that followed it.
      await removeEntry(entry);
      await updateHold(hold.held.id, { posted: true, failure: result.failure });
      return { status: 'failed', failure: result.failure, summaryText: entry.summaryText };
    }
    if (!result.ok) {
      await noteFailedAttempt(entry, result.failure);
      await updateHold(hold.held.id, { failure: result.failure });
      return { status: 'failed', failure: result.failure, summaryText: entry.summaryText };
    }
    await removeEntry(entry);
  }
  await finishCompleted(hold.held.id);
  return { status: 'done' };
}

/** The comments are already on the ticket: only the reassign is tried again. */
async function retryRelease(hold: Hold): Promise<Response<'hold:complete'>> {
  const result = await sendToTab(hold.tabId, hold.frameId, 'hold:release', { holdId: hold.held.id }).catch(
    (): Response<'hold:release'> => ({ ok: false, failure: { kind: 'no_tab' } }),
  );
  if (result.ok) {
    await finishCompleted(hold.held.id);
    return { status: 'done' };
  }
  await updateHold(hold.held.id, { failure: result.failure });
  return { status: 'failed', failure: result.failure, summaryText: '' };
}

async function notePosted(holdId: string, ticketKey: string, commentId: string): Promise<void> {
  await holdsItem.update((holds) => {
    const current = holds[holdId];
    if (!current) return holds;
    const postedComments = [...(current.postedComments ?? []), { ticketKey, commentId }];
    return { ...holds, [holdId]: { ...current, postedComments } };
  });
}

async function updateHold(holdId: string, change: Partial<Hold>): Promise<void> {
  forgetUnclaimed(holdId);
  await holdsItem.update((holds) => {
    const current = holds[holdId];
    return current ? { ...holds, [holdId]: { ...current, ...change } } : holds;
  });
}

/**
 * The handoff landed and the reassign was released. Reached from completeHold and from the tab's own
 * hold:done (whichever comes first, e.g. when the worker was stopped in between): only the one that
 * takes the hold out of storage records it, so it is counted exactly once.
 */
export async function finishCompleted(holdId: string, tabId?: number): Promise<Response<'hold:done'>> {
  const known = (await holdsItem.get())[holdId];
  if (!known || (tabId !== undefined && known.tabId !== tabId)) return { ok: false };
  const hold = await endHold(holdId);
  if (!hold) return { ok: false };
  await outboxItem.update((outbox) => outbox.filter((entry) => entry.holdId !== holdId || entry.released));
  await recordEvent(hold, 'completed', hold.answers);
  const origin = new URL(hold.held.context.url).origin;
  for (const ticketKey of hold.held.tickets) {
    await notePassedOn(hold.held.site, origin, ticketKey).catch(() => undefined);
  }
  await deleteDraft(hold.held);
  return { ok: true };
}

export async function cancelHold(
  request: Request<'hold:cancel'>,
  tabId: number,
): Promise<Response<'hold:cancel'>> {
  const hold = (await holdsItem.get())[request.holdId];
  if (!hold || hold.tabId !== tabId) {
    // The background lost track of it (storage cleared); the tab may still show the dialog.
    await sendToTab(tabId, 0, 'hold:abort', { holdId: request.holdId }).catch(() => undefined);
    return { ok: false };
  }
  // Nothing was reassigned, so nothing should be posted later either; the draft stays for next time.
  await outboxItem.update((outbox) => outbox.filter((entry) => entry.holdId !== hold.held.id));
  // Comments already posted must not announce a handoff that did not happen.
  const posted = hold.postedComments ?? [];
  if (posted.length > 0) {
    await sendToTab(hold.tabId, hold.frameId, 'hold:unpost', {
      holdId: hold.held.id,
      comments: posted,
    }).catch(() => undefined);
  }
  await sendToTab(hold.tabId, hold.frameId, 'hold:abort', { holdId: hold.held.id }).catch(() => undefined);
  await endRecorded(hold.held.id, 'cancelled');
  return { ok: true };
}

export async function releaseWithoutComment(
  request: Request<'hold:release-anyway'>,
  tabId: number,
): Promise<Response<'hold:release-anyway'>> {
  const hold = (await holdsItem.get())[request.holdId];
  if (!hold || hold.tabId !== tabId) return { ok: false };
  // The comment stays in the outbox and is retried with backoff; the reassign goes ahead now.
  await outboxItem.update((outbox) =>
    outbox.map((entry) => (entry.holdId === hold.held.id ? { ...entry, released: true } : entry)),
  );
  const released = await sendToTab(hold.tabId, hold.frameId, 'hold:release', { holdId: hold.held.id }).catch(
    () => ({ ok: false }),
  );
  await deleteDraft(hold.held);
  await endRecorded(hold.held.id, 'post_failed');
  return { ok: released.ok };
}

/**
 * Baton was turned off for the hold's site while it was open (the administrator's policy arrived after
 * the reassign, right after a browser start): the tab let the reassign go as if Baton had been off, so
 * nothing is counted or posted. The draft stays.
 */
export async function dropHoldTurnedOff(
  request: Request<'hold:off'>,
  tabId: number,
): Promise<Response<'hold:off'>> {
  const hold = (await holdsItem.get())[request.holdId];
  if (!hold || hold.tabId !== tabId) return { ok: false };
  if (enforcementFor((await effectiveSettings()).settings, hold.held.site) !== 'off') return { ok: false };
  await outboxItem.update((outbox) => outbox.filter((entry) => entry.holdId !== hold.held.id));
  await endHold(hold.held.id);
  return { ok: true };
}

/** A tab that closes or navigates away drops its held reassign with it; the draft stays. */
export async function abandonHoldsOfTab(tabId: number): Promise<void> {
  const holds = Object.values(await holdsItem.get()).filter((hold) => hold.tabId === tabId);
  for (const hold of holds) {
    await outboxItem.update((outbox) =>
      outbox.filter((entry) => entry.holdId !== hold.held.id || entry.released),
    );
    await endRecorded(hold.held.id, 'cancelled');
  }
}

/** "Remind" enforcement: the reassign goes ahead without a handoff, counted as bypassed with the reason given. */
export async function skipHold(request: Request<'hold:skip'>, tabId: number): Promise<Response<'hold:skip'>> {
  const hold = (await holdsItem.get())[request.holdId];
  if (!hold || hold.tabId !== tabId) return { ok: false };
  if (enforcementFor((await effectiveSettings()).settings, hold.held.site) !== 'remind') return { ok: false };
  await outboxItem.update((outbox) => outbox.filter((entry) => entry.holdId !== hold.held.id));
  const released = await sendToTab(hold.tabId, hold.frameId, 'hold:release', { holdId: hold.held.id }).catch(
    () => ({ ok: false }),
  );
  await deleteDraft(hold.held);
  await endRecorded(hold.held.id, 'bypassed', request.reason);
  return { ok: released.ok };
}

/**
 * After an update or a browser restart no tab still holds a reassign: the old content scripts dropped
 * theirs (the host was left as it was), and session storage may already be empty. Whatever was held
 * counts as cancelled, and a comment that was waiting for its checklist stays in the outbox, marked for
 * the popup, where the user can post, copy or discard it. Drafts stay as they were.
 */
export async function strandUnposted(): Promise<void> {
  for (const holdId of Object.keys(await holdsItem.get())) await endRecorded(holdId, 'cancelled');
  await outboxItem.update((outbox) =>
    outbox.map((entry) => (entry.released || entry.stranded ? entry : { ...entry, stranded: true })),
  );
}
