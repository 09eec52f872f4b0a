import { graphReason, textAt } from '../../platform-call.js';
import { askIdentity, refusal, type Ownership } from '../../ownership/account-ownership.js';
import type { MetaSettings } from './meta-settings.js';

/**
 * Whether a Graph token reaches a node: `GET /{node}?fields=id` answers the node's own id only with a permission
 * granted on that very asset. A Page asks `me` instead: a Page token's `me` is the Page itself, not a user or another
 * Page.
 */
export async function graphOwns(
  settings: MetaSettings,
  timeoutMs: number,
  token: string,
  expected: string,
  node: string = expected,
): Promise<Ownership> {
  const base = settings.META_GRAPH_BASE_URL.replace(/\/$/, '');
  const url = `${base}/${settings.META_GRAPH_VERSION}/${encodeURIComponent(node)}?fields=id`;
  const answer = await askIdentity(url, { headers: { authorization: `Bearer ${token}` } }, timeoutMs);
  if (answer.kind !== 'answered') return answer;
  const { status, body } = answer;
  const id = textAt(body, 'id');
  if (status === 200 && id === expected) return { kind: 'owned' };
  if (status === 200)
    return { kind: 'not_owned', reason: `the token belongs to ${id ?? 'another account'}, not ${expected}` };
  return refusal(answer, graphReason(status, body));
}
