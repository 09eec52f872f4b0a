/** What a request is, from its method and path alone. */
export type Route =
  | { kind: 'graph-messages'; version: string; /** Phone number id, page id, IG account id, or 'me'. */ node: string }
  | { kind: 'x-dm'; participantId: string }
  | { kind: 'unknown'; style: 'graph' | 'x' };

const GRAPH_MESSAGES = /^\/(v\d+\.\d+)\/([^/]+)\/messages$/;
const X_DM = /^\/2\/dm_conversations\/with\/([^/]+)\/messages$/;

/**
 * POST /{version}/{node}/messages (Graph: WhatsApp, Messenger, Instagram) and
 * POST /2/dm_conversations/with/{participant_id}/messages (X API v2). `graphVersion` pins the Graph version served.
 */
export function matchRoute(method: string, path: string, graphVersion: string | undefined): Route {
  const style = path === '/2' || path.startsWith('/2/') ? 'x' : 'graph';
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
