import type { HostServer, RecordedRequest } from '../fixtures/host-server.ts';

// What a test types into the checklist and what it reads back from the replicas' request log: free of
// any browser driver, so that the Chromium (Playwright) and Firefox (puppeteer) suites share them.

export const GOOD_ANSWERS = {
  reason: 'Needs other expertise',
  situation: 'Customer cannot pay with saved cards since the 3.2 release.',
  impact: 'Acme Corp, all EU shoppers',
  done: 'Reproduced on staging, collected HAR files.',
  next: 'Check the tokenisation service logs for 402s.',
  told: 'We are on it, update by 5 pm.',
  risks: 'Might be the payment provider, not us.',
  links: 'https://status.example.com/incidents/42\nhttps://wiki.example.com/payments',
} as const;

export const LABELS = {
  reason: 'Reason for handoff',
  situation: 'Situation',
  impact: 'Customer and impact',
  done: 'What has been done',
  next: 'Next action for the receiver',
  told: 'What the customer was told',
  risks: 'Open questions and risks',
  links: 'Links',
} as const;

/** Requests that change a Jira assignee, in arrival order: REST edits, and the issue view's GraphQL mutation. */
export function reassignRequests(server: HostServer) {
  const rest = server
    .requests({ method: 'PUT', path: /\/rest\/api\/[23]\/issue\/[^/]+(\/assignee)?$/ })
    .filter(
      (request) =>
        request.path.endsWith('/assignee') || JSON.stringify(request.json ?? {}).includes('assignee'),
    );
  const graphQl = server
    .requests({ method: 'POST', path: /^\/gateway\/api\/graphql$/ })
    .filter((request) => request.body.includes('updateSingleSelectUserPickerField'));
  return [...rest, ...graphQl].sort((a, b) => a.seq - b.seq);
}

/** The account a Jira reassign request names (null: unassign), whichever way it was sent. */
export function reassignedTo(request: RecordedRequest | undefined): string | null | undefined {
  const body = request?.json as
    | {
        accountId?: string | null;
        fields?: { assignee?: { accountId?: string } | null };
        variables?: { input?: { operation?: { id?: string | null } } };
      }
    | undefined;
  if (!body) return undefined;
  if (body.variables) {
    const id = body.variables.input?.operation?.id;
    return id === null ? null : id?.replace(/^ari:cloud:identity::user\//, '');
  }
  if (body.fields) return body.fields.assignee === null ? null : body.fields.assignee?.accountId;
  return body.accountId;
}

export function commentRequests(server: HostServer) {
  return server.requests({ method: 'POST', path: /\/comment$/ });
}

/** Every text node of an ADF document, in order. */
export function adfText(node: unknown): string[] {
  if (!node || typeof node !== 'object') return [];
  const record = node as { type?: string; text?: string; content?: unknown[] };
  const own = record.type === 'text' && typeof record.text === 'string' ? [record.text] : [];
  return [...own, ...(record.content ?? []).flatMap(adfText)];
}

/** The ADF body of the n-th comment the server received. */
export function postedCommentBody(server: HostServer, index = 0): unknown {
  const request = commentRequests(server)[index];
  if (!request) throw new Error(`comment #${index} was never posted`);
  return (request.json as { body: unknown }).body;
}

/** Zendesk: the ticket updates (Baton's internal note and the agent's own submit), in arrival order. */
export const zendeskTicketPuts = (server: HostServer, id: number) =>
  server.requests({ method: 'PUT', path: new RegExp(`^/api/v2/tickets/${id}\\.json$`) });

/** Trello: requests that change a card's members or list, in arrival order. */
export const trelloMemberChanges = (server: HostServer) =>
  server
    .requests()
    .filter(
      (r) =>
        /^\/1\/cards\/[^/]+\/idMembers/.test(r.path) ||
        (r.method === 'PUT' && /^\/1\/cards\/[^/]+$/.test(r.path) && /idMembers|idList/.test(r.body)),
    );

/** Trello: comments posted to cards, in arrival order. */
export const trelloComments = (server: HostServer) =>
  server.requests({ method: 'POST', path: /\/actions\/comments$/ });
