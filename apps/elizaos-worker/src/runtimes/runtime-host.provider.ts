import type { Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { ElizaosWorkerEnv } from '@voca/config';
import { CharacterStore, loadEliza, RuntimeHost, type ModelCallObserver, type ModelSettings } from '@voca/elizaos';
import { Agent, businessProfileOf } from '@voca/persistence';
import { UnrecoverableError } from 'bullmq';
import type { Counter, Gauge, Histogram } from 'prom-client';
import type { DataSource } from 'typeorm';
import {
  MODEL_ERRORS,
  MODEL_REQUEST_SECONDS,
  MODEL_TOKENS,
  RUNTIME_BUILD_SECONDS,
  RUNTIME_EVICTIONS,
  RUNTIMES_HOSTED,
} from './runtime-metrics.js';
import { getToken } from '@willsoto/nestjs-prometheus';

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
    ],
    useFactory: async (
      db: DataSource,
      hosted: Gauge,
      builds: Histogram,
      evictions: Counter,
      modelSeconds: Histogram,
      modelErrors: Counter,
      modelTokens: Counter,
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
      );
      await host.prepare();
      return host;
    },
  };
}
