import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { checkedFetch } from './openapi-contract.js';

/** Reads a Server-Sent Events stream until the server ends it (or the timeout passes) and returns its events. */
export async function readSse(
  url: string,
  headers: Record<string, string>,
  timeoutMs = 30_000,
): Promise<{ status: number; events: EventSourceMessage[] }> {
  const response = await checkedFetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: AbortSignal.timeout(timeoutMs),
  });
  const events: EventSourceMessage[] = [];
  if (!response.ok || !response.body) return { status: response.status, events };
  const parser = createParser({ onEvent: (event) => events.push(event) });
  const decoder = new TextDecoder();
  for await (const chunk of response.body) parser.feed(decoder.decode(chunk, { stream: true }));
  return { status: response.status, events };
}
