import type { HandoffContext } from '../checklist/context';
import type { PostResult } from '../messaging';
import type { CommentFormat } from '../sites/site-record';
import type { ReassignMatch, RequestShape } from './net-protocol';

/** A reassign the UI layer stopped: what it is about, and how to perform it natively afterwards. */
export interface RecognizedAction {
  tickets: string[];
  context: HandoffContext;
  /** Fills what the DOM did not say (e.g. the current user's name), before the dialog shows it. */
  enrich?: () => Promise<HandoffContext>;
  /**
   * For an action that is a handoff only on a closer look (e.g. it depends on who the user is): the
   * event is stopped first, and replayed with no dialog when this answers false.
   */
  confirm?: () => Promise<boolean>;
  /**
   * What the request this action's replay makes looks like, told to the network net before the replay
   * so that the request goes straight out: for a host whose page and API name a ticket differently
   * (Trello: shortLink and id). By default: a request about this action's tickets.
   */
  requestShapes?: () => RequestShape[];
  /**
   * Performs the original action once, through the host's own code (the element clicked may be gone:
   * then the adapter drives the host's widget again to the same choice).
   */
  replay(): void | Promise<void>;
  /**
   * Whether the host now shows the reassign done, for an action whose request Baton may not recognise
   * (Jira's issue view saves people through a GraphQL call). Without it, the answer to the request the
   * network net let through decides.
   */
  landed?: () => Promise<boolean>;
  /** What the page needs once the handoff is recorded (e.g. a reload, where the host's own action is one). */
  afterDone?: () => void;
  /**
   * The action is over: let go with no checklist, cancelled, or done and seen on the page. The adapter
   * gets ready for the next one (Trello reads the card ahead again for a member picked next).
   */
  settled?: () => void;
}

export type Recognition = RecognizedAction | 'part-of-commit' | 'opens-reassign' | null;

/** The only code that knows a host's DOM and API. Everything else is site-independent. */
export interface SiteAdapter {
  id: string;
  /** The comment format this page's host takes, when it is not the site's own (Jira Data Center). */
  commentFormat?(): CommentFormat | undefined | Promise<CommentFormat | undefined>;
  /**
   * Synchronous, run in the capture phase for every pointer, mouse, click, key and submit event:
   * an action when the event commits a reassign, 'part-of-commit' for the other events of the same
   * gesture (a pointerdown on a picker item), 'opens-reassign' for an event the host must see that
   * opens the controls a reassign is made with (Trello's members popover): the checklist's frame is
   * loaded then, not when the page is next idle. Null otherwise.
   */
  recognize(event: Event): Recognition;
  /**
   * The context for a request the network layer held, or null when, looked at closely, it is not a
   * handoff (e.g. a Trello member change that only adds yourself): then it goes out at once.
   */
  describeRequest(match: ReassignMatch): Promise<HandoffContext | null>;
  /**
   * The tickets a held request's handoff is about, when the request names them otherwise than the
   * handoff does (Jira Data Center's forms name an issue by id). By default: the request's own.
   */
  ticketsOf?(match: ReassignMatch, described: HandoffContext): string[];
  postComment(ticketKey: string, body: unknown): Promise<PostResult>;
  /**
   * Takes back a comment this handoff posted, when the handoff is cancelled after its reassign failed
   * (a comment must not announce a handoff that did not happen). Absent where the host cannot.
   */
  removeComment?(ticketKey: string, commentId: string): Promise<PostResult>;
  /** Whether the ticket already carries the comment with this handoff's marker (a retry after a lost answer). */
  hasComment(ticketKey: string, handoffId: string): Promise<boolean>;
  /** Names of expected page elements that are missing, when the page is one the adapter knows. */
  missingElements(): string[] | null;
}
