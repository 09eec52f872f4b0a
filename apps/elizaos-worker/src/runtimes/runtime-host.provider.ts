import type { Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { ElizaosWorkerEnv } from '@voca/config';
import {
  CharacterStore,
  loadEliza,
  RuntimeHost,
  type KnowledgeSource,
  type ModelCallObserver,
  type ModelSettings,
} from '@voca/elizaos';
import { embeddingsClientFor, KnowledgeRetriever } from '@voca/knowledge';
import { Logger } from '@nestjs/common';
import { Agent, businessProfileOf } from '@voca/persistence';
import { UnrecoverableError } from 'bullmq';
import type { Counter, Gauge, Histogram } from 'prom-client';
import type { DataSource } from 'typeorm';
import {
  MODEL_ERRORS,
  MODEL_REQUEST_SECONDS,
  MODEL_TOKENS,
  KNOWLEDGE_RETRIEVAL_SECONDS,
  KNOWLEDGE_RETRIEVALS,
  RUNTIME_BUILD_SECONDS,
  RUNTIME_EVICTIONS,
  RUNTIMES_HOSTED,
} from './runtime-metrics.js';
import { getToken } from '@willsoto/nestjs-prometheus';
import { OutboundHttpClient } from '@voca/outbound-http';
import { agentToolSource } from '../tools/agent-tools.js';
import { TOOL_CALL_SECONDS, TOOL_CALLS } from '../tools/tool-metrics.js';

function modelSettings(env: ElizaosWorkerEnv): ModelSettings {
  if (env.MODEL_PROVIDER === 'local') return { provider: 'local' };
  return {
    provider: 'openai',
    apiKey: env.OPENAI_API_KEY!,
    baseUrl: env.OPENAI_BASE_URL,
    smallModel: env.OPENAI_MODEL_SMALL,
    largeModel: env.OPENAI_MODEL_LARGE,
    maxRetries: env.OPENAI_MAX_RETRIES,
    timeoutMs: env.OPENAI_TIMEOUT_MS,
  };
}

/**
 * ElizaOS reads its log settings from the environment when it is first imported, and loads `.env` with dotenv,
 * which prints a banner each time unless told to be quiet.
 */
async function loadElizaQuietly(level: string) {
  const ours = process.env.LOG_LEVEL;
  process.env.LOG_LEVEL = level;
  process.env.LOG_JSON_FORMAT = 'true';
  process.env.DOTENV_CONFIG_QUIET = 'true';
  try {
    return await loadEliza();
  } finally {
    process.env.LOG_LEVEL = ours;
  }
}

function modelCallMetrics(seconds: Histogram, errors: Counter, tokens: Counter): ModelCallObserver {
  return ({ provider, model, outcome, reason, promptTokens, completionTokens, ...call }) => {
    seconds.observe({ provider, model, outcome }, call.seconds);
    if (reason) errors.inc({ provider, reason });
    if (promptTokens) tokens.inc({ provider, model, kind: 'prompt' }, promptTokens);
    if (completionTokens) tokens.inc({ provider, model, kind: 'completion' }, completionTokens);
  };
}

const logger = new Logger('KnowledgeRetrieval');

/** Searches the agent's documents for each message (KNOWLEDGE_PASSAGES chunks; 0 turns it off), measured. */
function knowledgeSource(
  env: ElizaosWorkerEnv,
  db: DataSource,
  retrievals: Counter,
  seconds: Histogram,
): KnowledgeSource | undefined {
  if (env.KNOWLEDGE_PASSAGES === 0) return undefined;
  const retriever = new KnowledgeRetriever(db, embeddingsClientFor(env));
  return async (question) => {
    const started = performance.now();
    const found = await retriever.retrieve({ ...question, limit: env.KNOWLEDGE_PASSAGES });
    const mode = found.hybrid ? 'hybrid' : 'fulltext';
    const outcome = !found.searched ? 'no_documents' : found.passages.length > 0 ? 'passages' : 'empty';
    retrievals.inc({ outcome, mode });
    if (found.searched) seconds.observe({ mode }, (performance.now() - started) / 1000);
    if (found.embeddingsFailure)
      logger.warn(
        { agentId: question.agentId, reason: found.embeddingsFailure },
        'embeddings endpoint failed: passages ranked by full-text search alone',
      );
    return found.passages;
  };
}

/**
 * The process's runtime host, building agents from the characters and profiles stored in Postgres. Its database is
 * up before the app starts, so no job waits for it.
 */
export function runtimeHostProvider(env: ElizaosWorkerEnv): Provider {
  return {
    provide: RuntimeHost,
    inject: [
      getDataSourceToken(),
      getToken(RUNTIMES_HOSTED),
      getToken(RUNTIME_BUILD_SECONDS),
      getToken(RUNTIME_EVICTIONS),
      getToken(MODEL_REQUEST_SECONDS),
      getToken(MODEL_ERRORS),
      getToken(MODEL_TOKENS),
      getToken(KNOWLEDGE_RETRIEVALS),
      getToken(KNOWLEDGE_RETRIEVAL_SECONDS),
      OutboundHttpClient,
      getToken(TOOL_CALLS),
      getToken(TOOL_CALL_SECONDS),
    ],
    useFactory: async (
      db: DataSource,
      hosted: Gauge,
      builds: Histogram,
      evictions: Counter,
      modelSeconds: Histogram,
      modelErrors: Counter,
      modelTokens: Counter,
      retrievals: Counter,
      retrievalSeconds: Histogram,
      outbound: OutboundHttpClient,
      toolCalls: Counter,
      toolSeconds: Histogram,
    ) => {
      const characters = new CharacterStore(db);
      const host = new RuntimeHost(
        await loadElizaQuietly(env.ELIZAOS_LOG_LEVEL),
        { maxRuntimes: env.ELIZAOS_MAX_RUNTIMES, dataDir: env.ELIZAOS_DATA_DIR, model: modelSettings(env) },
        async (agentId) => {
          const [agent, stored] = await Promise.all([
            db.getRepository(Agent).findOneBy({ id: agentId }),
            characters.latest(agentId),
          ]);
          if (!agent) throw new UnrecoverableError(`agent ${agentId} does not exist`);
          if (!stored) throw new UnrecoverableError(`agent ${agentId} has no character yet: it was never provisioned`);
          return { agentId, version: stored.version, character: stored.character, profile: businessProfileOf(agent) };
        },
        {
          built: (_agentId, milliseconds) => {
            builds.observe(milliseconds / 1000);
            hosted.set(host.size);
          },
          evicted: () => {
            evictions.inc();
            hosted.set(host.size);
          },
          modelCall: modelCallMetrics(modelSeconds, modelErrors, modelTokens),
        },
        knowledgeSource(env, db, retrievals, retrievalSeconds),
        agentToolSource(env, db, outbound, toolCalls, toolSeconds),
      );
      await host.prepare();
      return host;
    },
  };
}
