import { AsyncLocalStorage } from 'node:async_hooks';
import type { BusinessProfile, Channel, InboundMedia, KnowledgePassage } from '@voca/contracts';
import type { TurnTools } from '@voca/tools';

export interface HistoryEntry {
  role: 'customer' | 'agent';
  channel: Channel;
  text: string;
  at: string;
}

/** One customer message being answered: what the model handlers and providers of that runtime call may read. */
export interface Turn {
  agentId: string;
  profile: BusinessProfile;
  channel: Channel;
  customerName?: string;
  text: string;
  /** What the customer sent besides words; `text` is then its caption (possibly empty). */
  media?: InboundMedia[];
  /** Earlier turns with this customer from every channel, oldest first. */
  history: HistoryEntry[];
  /** Chunks of the agent's documents retrieved for this message, best first (empty without documents). */
  knowledge: KnowledgePassage[];
  /** Set by the model's side: the passages the reply was given or used, which the reply cites. */
  sources: KnowledgePassage[];
  /** Set by the hand-off action when the agent passes the customer to a person. */
  handoff: boolean;
  /** The agent's tools usable on this channel, and the calls of this turn; absent when it has none. */
  tools?: TurnTools;
  /** A call the offline model decided on, which the tool's ElizaOS action makes. */
  plannedCall?: { tool: string; arguments: Record<string, unknown> };
}

/**
 * ElizaOS calls model handlers with a prompt only. The turn being answered travels alongside in async context, so the
 * offline model can read the customer's message and the history provider can add the cross-channel history, even
 * with many conversations in flight on one replica.
 */
export const turnContext = new AsyncLocalStorage<Turn>();

export function currentTurn(): Turn | undefined {
  return turnContext.getStore();
}
