import type { PostResult } from '../messaging';
import type { Person, ThreadComment } from '../receiver/thread';
import type { SiteId } from './registry';
import type { CommentFormat } from './site-record';

/** What the receiver's side needs from a host, read through its API with the user's own session. */
export interface ReceiverSite {
  id: SiteId;
  /** The format this page's host takes, where it is not the site's own (Jira Data Center: wiki). */
  commentFormat?: CommentFormat;
  /** The signed-in user; null when the host does not say (logged out, an error). */
  currentUser(): Promise<Person | null>;
  /** The ticket's comments, newest first or not; null when they cannot be read. */
  comments(ticketKey: string): Promise<ThreadComment[] | null>;
  /** A name for a comment author the comment listing gave only an id for. */
  nameOf?(authorId: string): Promise<string | null>;
  /** Posts a reply already rendered in the host's comment format (the same call as the handoff's). */
  post(ticketKey: string, body: unknown): Promise<PostResult>;
}
