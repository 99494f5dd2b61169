import type { PageContext } from '../host-page/page-context';
import {
  acceptPort,
  fits,
  isToIsolated,
  type ReassignMatch,
  type RequestShape,
  type ToIsolated,
  type ToMain,
} from './net-protocol';

// The isolated end of the private port to the MAIN-world net (net-protocol.ts): held requests in, each
// taken once; decisions, heartbeats and passes out; the host's answers routed to whoever waits for them.

/** How long the request a replayed action makes may take to reach the network net and pass. */
export const REPLAY_PASS_MS = 10_000;

export type HeldRequest = Extract<ToIsolated, { kind: 'held' }>;

/** A request Baton has just allowed, told to the net before the action that makes it runs. */
export interface Pass {
  /** The host's answer to the request the pass let through (0: a network error). */
  answer: Promise<number>;
  /** When (Date.now()) the net stops waiting for the request. */
  until: number;
  /** The request will not come (its comment failed): the net forgets the pass. */
  revoke(): void;
}

export interface MainLink {
  /** Who decides the held requests (each comes once). */
  onHeld(decide: (held: HeldRequest) => void): void;
  send(message: ToMain): void;
  grant(shapes: RequestShape[]): Pass;
  /**
   * A request held before its pass reached the net is released here with that pass, which the net then
   * forgets: true when one fits.
   */
  releaseWithPass(held: HeldRequest): boolean;
  /** The host's answer to a held request released by id. */
  answerTo(id: string): Promise<number>;
}

interface Granted {
  id: string;
  shapes: RequestShape[];
  until: number;
}

/** `doc`: the document this script shares with the page's MAIN world (tests give a stand-in). */
export function mainLink(ctx: PageContext, doc: Document = document): MainLink {
  let onHeld: (held: HeldRequest) => void = () => undefined;
  let port: MessagePort | null = null;
  /** Passes the net has not used yet, as far as this side knows. */
  let granted: Granted[] = [];
  /** Released requests and passes whose answer someone waits for, by id. */
  const answers = new Map<string, (status: number) => void>();
  /** Every held request already taken: the same id sent again is not a second request. */
  const heldIds = new Set<string>();
  const send = (message: ToMain) => port?.postMessage(message);

  function onMessage(message: ToIsolated): void {
    if (ctx.isInvalid) return;
    if (message.kind === 'passed') {
      granted = granted.filter((pass) => pass.id !== message.id);
      return;
    }
    if (message.kind === 'answered') {
      answers.get(message.id)?.(message.status);
      answers.delete(message.id);
      return;
    }
    if (heldIds.has(message.id)) return;
    heldIds.add(message.id);
    send({ kind: 'ack', id: message.id });
    onHeld(message);
  }

  acceptPort(doc, ctx.signal, (handed) => {
    port = handed;
    port.onmessage = (event: MessageEvent) => {
      if (isToIsolated(event.data)) onMessage(event.data);
    };
    send({ kind: 'hello' });
  });
  ctx.onInvalidated(() => send({ kind: 'bye' }));

  const answerTo = (id: string) => new Promise<number>((resolve) => answers.set(id, resolve));

  return {
    onHeld(decide) {
      onHeld = decide;
    },
    send,
    grant(shapes) {
      const pass = { id: crypto.randomUUID(), shapes, until: Date.now() + REPLAY_PASS_MS };
      granted.push(pass);
      const answer = answerTo(pass.id);
      send({ kind: 'pass', id: pass.id, shapes, ms: REPLAY_PASS_MS });
      return {
        answer,
        until: pass.until,
        revoke() {
          granted = granted.filter((other) => other !== pass);
          answers.delete(pass.id);
          send({ kind: 'unpass', id: pass.id });
        },
      };
    },
    releaseWithPass(held) {
      const now = Date.now();
      granted = granted.filter((pass) => pass.until > now);
      const pass = granted.find((candidate) => fitsAny(candidate.shapes, held.match));
      if (!pass) return false;
      granted = granted.filter((other) => other !== pass);
      const answered = answers.get(pass.id);
      answers.delete(pass.id);
      if (answered) answers.set(held.id, answered);
      send({ kind: 'unpass', id: pass.id });
      send({ kind: 'release', id: held.id });
      return true;
    },
    answerTo,
  };
}

const fitsAny = (shapes: RequestShape[], match: ReassignMatch) => shapes.some((shape) => fits(shape, match));
