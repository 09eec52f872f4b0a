import type { ElizaosWorkerEnv } from '@voca/config';
import type { ToolSource } from '@voca/elizaos';
import type { OutboundHttpClient } from '@voca/outbound-http';
import { AgentTool, ToolCalls } from '@voca/persistence';
import { CredentialCipher, toolSecretBinding } from '@voca/secrets';
import { Logger } from '@nestjs/common';
import { intentOf, ToolCaller, ToolSchemas, TurnTools, type RegisteredTool } from '@voca/tools';
import type { Counter, Histogram } from 'prom-client';
import type { DataSource } from 'typeorm';

const logger = new Logger('AgentTools');

/**
 * The agent's tools for each turn, from `agent_tools` (read every turn: a tool registered a moment ago is used by
 * the next message), with their calls recorded in `tool_calls` and made through the outbound client. Undefined
 * (no tools) when the agent has none on the turn's channel.
 */
export function agentToolSource(
  env: ElizaosWorkerEnv,
  db: DataSource,
  http: OutboundHttpClient,
  calls: Counter,
  seconds: Histogram,
): ToolSource {
  const cipher = env.CREDENTIALS_ENCRYPTION_KEY
    ? new CredentialCipher(env.CREDENTIALS_ENCRYPTION_KEY, env.CREDENTIALS_PREVIOUS_KEYS ?? [])
    : undefined;
  if (!cipher) logger.warn("CREDENTIALS_ENCRYPTION_KEY is not set: agents' tools cannot be signed and are not offered");
  const schemas = new ToolSchemas();
  const caller = new ToolCaller(http, env.TOOLS_MAX_RESPONSE_BYTES);
  const ledger = new ToolCalls(db);
  const settings = {
    maxCallsPerTurn: env.TOOLS_MAX_CALLS_PER_TURN,
    replyReserveMs: env.TOOLS_REPLY_RESERVE_MS,
    waitingMs: env.TOOLS_WAITING_MS,
  };
  const tools = db.getRepository(AgentTool);
  return async (conversation) => {
    if (!cipher) return undefined;
    const rows = await tools.find({ where: { agentId: conversation.agentId }, order: { name: 'ASC' } });
    const available = rows
      .filter((row) => !row.channels || row.channels.includes(conversation.channel))
      .map((row): RegisteredTool => ({
        id: row.id,
        name: row.name,
        description: row.description,
        parameters: row.parameters,
        url: row.url,
        timeoutMs: row.timeoutMs,
        channels: row.channels,
        requiresConfirmation: row.requiresConfirmation,
        handoffOnFailure: row.handoffOnFailure,
        intent: intentOf(row),
        secret: () => cipher.decrypt<{ secret: string }>(row.secretCiphertext, toolSecretBinding(row.id)).secret,
      }));
    if (available.length === 0) return undefined;
    return new TurnTools(available, conversation, ledger, (request) => caller.call(request), schemas, settings, {
      called: (tool, outcome) => {
        calls.inc({ tool, status: outcome.status });
        if (outcome.latencyMs !== undefined) seconds.observe({ status: outcome.status }, outcome.latencyMs / 1000);
      },
    });
  };
}
