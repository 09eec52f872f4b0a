import type { ToolCallView } from '@voca/contracts';
import { ToolCalls, type ToolCall } from '@voca/persistence';
import type { EntityManager } from 'typeorm';

/** How many of a customer's latest tool calls their context shows. */
export const RECENT_TOOL_CALLS = 10;

export function toolCallView(call: ToolCall): ToolCallView {
  return {
    id: call.id,
    tool: call.toolName,
    arguments: call.arguments,
    status: call.status,
    message_id: call.messageId,
    ...(call.resolvedByMessageId ? { resolved_by_message_id: call.resolvedByMessageId } : {}),
    ...(call.missing?.length ? { missing: call.missing } : {}),
    ...(call.latencyMs !== null ? { latency_ms: call.latencyMs } : {}),
    ...(call.responseBytes !== null ? { response_bytes: call.responseBytes } : {}),
    ...(call.httpStatus !== null ? { http_status: call.httpStatus } : {}),
    ...(call.result !== null ? { result: call.result } : {}),
    ...(call.error !== null ? { error: call.error } : {}),
    created_at: call.createdAt.toISOString(),
  };
}

/** The tool calls of each of these messages' turns, as views, in one query (for a page of a conversation). */
export async function toolCallsByTurn(
  manager: Pick<EntityManager, 'query'>,
  messageIds: string[],
): Promise<Map<string, ToolCallView[]>> {
  const turns = await new ToolCalls(manager).byTurn(messageIds);
  return new Map([...turns].map(([messageId, calls]) => [messageId, calls.map(toolCallView)]));
}

/** A customer's latest tool calls, newest first, as views. */
export async function recentToolCalls(
  manager: Pick<EntityManager, 'query'>,
  customerId: string,
): Promise<ToolCallView[]> {
  return (await new ToolCalls(manager).recentOfCustomer(customerId, RECENT_TOOL_CALLS)).map(toolCallView);
}
