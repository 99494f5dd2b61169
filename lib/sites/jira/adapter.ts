import { isString, shape } from '../../checks';
import type { SiteAdapter } from '../../guard/adapter';
import { getChecked } from '../http';
import { createJiraAdapter } from './cloud';
import { createJiraDcAdapter } from './dc/adapter';
import { contextPath, pageDeployment } from './page';

// The Jira site is Cloud on Atlassian's hosts and may be Data Center or Server on a company's own host
// (a custom host). Which one a page is comes from what the page says about itself, never from its
// domain; a page that says nothing (its head not parsed yet, a login page) is asked through
// /rest/api/2/serverInfo, whose deploymentType is "Cloud" on Cloud and "Server" on Data Center too
// (shared/HOSTS.md §1e).

type Deployment = 'cloud' | 'server';

const isServerInfo = shape({ deploymentType: isString });

async function askedDeployment(): Promise<Deployment> {
  const info = await getChecked(`${contextPath()}/rest/api/2/serverInfo`, isServerInfo);
  return info && info.deploymentType !== 'Cloud' ? 'server' : 'cloud';
}

export function createJiraSiteAdapter(): SiteAdapter {
  const cloud = createJiraAdapter();
  let server: SiteAdapter | null = null;
  let known: Deployment | null = null;
  let asked: Promise<Deployment> | null = null;

  function adapterFor(deployment: Deployment): SiteAdapter {
    if (deployment === 'cloud') return cloud;
    server ??= createJiraDcAdapter();
    return server;
  }
  /** What the page says about itself, kept once it says it. */
  function said(): Deployment | null {
    known ??= pageDeployment();
    return known;
  }
  /** For the capture listeners, which cannot wait: what the page says, else Cloud's. */
  const now = (): SiteAdapter => adapterFor(said() ?? 'cloud');
  const settled = async (): Promise<SiteAdapter> => {
    const deployment = said();
    if (deployment) return adapterFor(deployment);
    asked ??= askedDeployment();
    return adapterFor(await asked);
  };

  return {
    id: 'jira',
    commentFormat: async () => (await settled()).commentFormat?.(),
    recognize: (event) => now().recognize(event),
    describeRequest: async (match) => (await settled()).describeRequest(match),
    ticketsOf: (match, described) => now().ticketsOf?.(match, described) ?? match.tickets,
    postComment: async (ticketKey, body) => (await settled()).postComment(ticketKey, body),
    removeComment: async (ticketKey, commentId) => {
      const adapter = await settled();
      return adapter.removeComment
        ? adapter.removeComment(ticketKey, commentId)
        : { ok: false, failure: { kind: 'http' } };
    },
    hasComment: async (ticketKey, handoffId) => (await settled()).hasComment(ticketKey, handoffId),
    missingElements: () => now().missingElements(),
  };
}
