import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { ContextServiceEnv } from '@voca/config';
import { OutboundFailure, OutboundHttpClient } from '@voca/outbound-http';

/** A URL's answer that will not get better by asking again: the version fails at once. */
export class DocumentUnavailable extends Error {}

const FETCH_TIMEOUT_MS = 30_000;

/**
 * Fetches a document the backend named by URL, once, through the outbound client (no internal destinations, no
 * redirects, bounded by KNOWLEDGE_MAX_BYTES, never inflated). A refusal, an answer too large or a 4xx fail the version;
 * a timeout, an unreachable host or a 5xx throw, so the job is tried again.
 */
@Injectable()
export class DocumentSource {
  constructor(
    private readonly http: OutboundHttpClient,
    private readonly config: ConfigService<ContextServiceEnv, true>,
  ) {}

  async fetch(url: string): Promise<{ content: Buffer; sha256: string; contentType?: string }> {
    const maxBytes = this.config.get('KNOWLEDGE_MAX_BYTES', { infer: true });
    let answer;
    try {
      answer = await this.http.request({
        method: 'GET',
        url,
        headers: { accept: '*/*', 'user-agent': 'voca-ai-engine (knowledge)' },
        timeoutMs: FETCH_TIMEOUT_MS,
        maxResponseBytes: maxBytes,
      });
    } catch (error) {
      if (error instanceof OutboundFailure && ['refused', 'too_large', 'encoded'].includes(error.kind))
        throw new DocumentUnavailable(
          error.kind === 'too_large'
            ? `the document is larger than KNOWLEDGE_MAX_BYTES (${maxBytes} bytes)`
            : error.reason,
        );
      throw error;
    }
    if (answer.status >= 500 || answer.status === 429)
      throw new Error(`the document's server answered ${answer.status}; trying again`);
    if (answer.status < 200 || answer.status >= 300)
      throw new DocumentUnavailable(`the document's URL answered ${answer.status}`);
    const contentType = answer.headers['content-type'];
    return {
      content: answer.body,
      sha256: createHash('sha256').update(answer.body).digest('hex'),
      ...(typeof contentType === 'string' ? { contentType } : {}),
    };
  }
}
