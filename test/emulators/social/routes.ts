/** What a request is, from its method and path alone. */
export type Route =
  | { kind: 'graph-messages'; version: string; /** Phone number id, page id, IG account id, or 'me'. */ node: string }
  | { kind: 'x-dm'; participantId: string }
  | { kind: 'graph-subscribed-apps'; node: string }
  | { kind: 'x-subscription'; webhookId: string }
  | { kind: 'x-unsubscription'; webhookId: string; userId: string }
  | { kind: 'graph-node'; /** An id, or 'me'. */ node: string }
  | { kind: 'x-me' }
  | { kind: 'unknown'; style: 'graph' | 'x' };

const GRAPH_MESSAGES = /^\/(v\d+\.\d+)\/([^/]+)\/messages$/;
const X_DM = /^\/2\/dm_conversations\/with\/([^/]+)\/messages$/;
const GRAPH_SUBSCRIBED_APPS = /^\/(v\d+\.\d+)\/([^/]+)\/subscribed_apps$/;
const X_SUBSCRIPTION = /^\/2\/account_activity\/webhooks\/([^/]+)\/subscriptions\/all$/;
const X_UNSUBSCRIPTION = /^\/2\/account_activity\/webhooks\/([^/]+)\/subscriptions\/([^/]+)\/all$/;
const GRAPH_NODE = /^\/(v\d+\.\d+)\/([^/]+)$/;

/**
 * POST /{version}/{node}/messages (Graph: WhatsApp, Messenger, Instagram) and
 * POST /2/dm_conversations/with/{participant_id}/messages (X API v2), and the webhook subscriptions of both
 * (see subscriptions.ts), and who a token is: GET /{version}/{id or me} (Graph) and GET /2/users/me (X).
 * `graphVersion` pins the Graph version served.
 */
export function matchRoute(method: string, path: string, graphVersion: string | undefined): Route {
  const style = path === '/2' || path.startsWith('/2/') ? 'x' : 'graph';
  const subscribedApps = GRAPH_SUBSCRIBED_APPS.exec(path);
  if (subscribedApps && ['GET', 'POST', 'DELETE'].includes(method)) {
    if (graphVersion !== undefined && subscribedApps[1] !== graphVersion) return { kind: 'unknown', style: 'graph' };
    return { kind: 'graph-subscribed-apps', node: safeDecode(subscribedApps[2] as string) };
  }
  const subscription = X_SUBSCRIPTION.exec(path);
  if (subscription && (method === 'POST' || method === 'GET'))
    return { kind: 'x-subscription', webhookId: safeDecode(subscription[1] as string) };
  const unsubscription = X_UNSUBSCRIPTION.exec(path);
  if (unsubscription && method === 'DELETE') {
    return {
      kind: 'x-unsubscription',
      webhookId: safeDecode(unsubscription[1] as string),
      userId: safeDecode(unsubscription[2] as string),
    };
  }
  if (method === 'GET' && path === '/2/users/me') return { kind: 'x-me' };
  const node = GRAPH_NODE.exec(path);
  if (node && method === 'GET') {
    if (graphVersion !== undefined && node[1] !== graphVersion) return { kind: 'unknown', style: 'graph' };
    return { kind: 'graph-node', node: safeDecode(node[2] as string) };
  }
  if (method !== 'POST') return { kind: 'unknown', style };
  const graph = GRAPH_MESSAGES.exec(path);
  if (graph) {
    const [, version, node] = graph as unknown as [string, string, string];
    if (graphVersion !== undefined && version !== graphVersion) return { kind: 'unknown', style: 'graph' };
    return { kind: 'graph-messages', version, node: safeDecode(node) };
  }
  const x = X_DM.exec(path);
  if (x) return { kind: 'x-dm', participantId: safeDecode(x[1] as string) };
  return { kind: 'unknown', style };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
