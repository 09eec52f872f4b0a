import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  awsConnectWorkerEnvSchema,
  commonEnvSchema,
  contextServiceEnvSchema,
  elizaosWorkerEnvSchema,
  gatewayEnvSchema,
  validateEnv,
} from '@voca/config';

/**
 * docker-compose.yml as Docker Compose reads it: valid against the Compose Specification's schema, building only
 * targets docker/Dockerfile has, and giving each app an environment its own schema accepts, in simulate mode by
 * default and in live mode once AWS settings are given. The environments are the ones the containers get: the
 * image's ENV lines, overridden by the compose file's `environment` after interpolation.
 */

type Env = Record<string, string>;
type ComposeFile = {
  'x-engine-env': Record<string, unknown>;
  services: Record<
    string,
    { build?: { context: string; dockerfile: string; target: string }; environment?: Record<string, unknown> }
  >;
};

const template = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as ComposeFile;
const dockerfile = readFileSync('docker/Dockerfile', 'utf8');

/** The schema each service's app validates its environment with at start (migrate reads only DATABASE_URL of it). */
const SCHEMAS: Record<string, z.ZodType> = {
  migrate: commonEnvSchema,
  'api-gateway': gatewayEnvSchema,
  'aws-connect-worker': awsConnectWorkerEnvSchema,
  'elizaos-worker': elizaosWorkerEnvSchema,
  'context-service': contextServiceEnvSchema,
};

/** Variables the AWS SDK reads from the aws-connect-worker's environment itself (an empty one counts as unset). */
const AWS_SDK_VARIABLES = [
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_ENDPOINT_URL_CONNECT',
  'AWS_ENDPOINT_URL_LAMBDA',
  'AWS_ENDPOINT_URL_LEX_MODELS_V2',
];

class MissingVariable extends Error {}

/**
 * Compose's interpolation, for the forms the file uses: `${VAR}`, `${VAR:-default}` / `${VAR-default}`,
 * `${VAR:?message}` / `${VAR?message}` and `$$`. Any other form fails, so the file cannot outgrow this test unseen.
 */
function interpolate(value: string, env: Env): string {
  return value.replace(/\$\$|\$\{([^}]*)\}|\$/g, (match, body?: string) => {
    if (match === '$$') return '$';
    const parts = body === undefined ? null : /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])(.*))?$/s.exec(body);
    if (!parts || parts[4]?.includes('$')) throw new Error(`unsupported interpolation in ${JSON.stringify(value)}`);
    const [, name, colon, operator, argument] = parts;
    const given = env[name];
    const present = colon ? Boolean(given) : given !== undefined;
    if (operator === '-') return present ? given : argument;
    if (operator === '?' && !present)
      throw new MissingVariable(`required variable ${name} is missing a value: ${argument}`);
    return given ?? '';
  });
}

function interpolateAll<T>(node: T, env: Env): T {
  if (typeof node === 'string') return interpolate(node, env) as T;
  if (Array.isArray(node)) return node.map((item) => interpolateAll(item, env)) as T;
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, interpolateAll(item, env)])) as T;
  }
  return node;
}

/** Each stage of docker/Dockerfile by name, with the ENV it sets (its parent stage's included). */
function dockerfileStages(): Map<string, Env> {
  const stages = new Map<string, Env>();
  let current: Env | undefined;
  for (const line of dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((text) => text.trim())) {
    const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) {
      current = { ...(stages.get(from[1]) ?? {}) };
      if (from[2]) stages.set(from[2], current);
    } else if (/^ENV\s/i.test(line) && current) {
      for (const pair of line.slice(4).trim().split(/\s+/)) {
        const [name, ...rest] = pair.split('=');
        if (!rest.length) throw new Error(`unsupported ENV form in docker/Dockerfile: ${line}`);
        current[name] = rest.join('=').replace(/^"(.*)"$/, '$1');
      }
    }
  }
  return stages;
}

/** What each app container's process.env holds, given the environment `docker compose` runs in. */
function containerEnvs(env: Env): Record<string, Env> {
  const file = interpolateAll(template, env);
  const stages = dockerfileStages();
  return Object.fromEntries(
    Object.entries(file.services)
      .filter(([, service]) => service.build)
      .map(([name, service]) => {
        const composed = Object.entries(service.environment ?? {}).map(([key, value]) => {
          if (!['string', 'number', 'boolean'].includes(typeof value)) throw new Error(`${name}: ${key} has no value`);
          return [key, String(value)];
        });
        return [name, { ...stages.get(service.build!.target), ...Object.fromEntries(composed) }];
      }),
  );
}

/** The variable names an app's schema knows (through refinements and transforms). */
function variablesOf(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodPipe) return variablesOf(schema.in as z.ZodType);
  throw new Error('not an object schema');
}

/** Secrets of an operator's own (production refuses the repository's development values). */
const secrets: Env = {
  JWT_SECRET_KEY: randomBytes(32).toString('hex'),
  CREDENTIALS_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  WEBHOOK_SECRET: randomBytes(32).toString('hex'),
};

const liveSettings: Env = {
  AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  AWS_SESSION_TOKEN: 'IQoJb3JpZ2luX2VjEXAMPLE',
  AWS_REGION: 'eu-west-2',
  AWS_CONNECT_LAMBDA_ROLE_ARN: 'arn:aws:iam::123456789012:role/voca-connect-voice',
  AWS_CONNECT_INSTANCE_ID: '6b1f4e1a-0000-4c1e-9a7e-0123456789ab',
  AWS_CONNECT_PHONE_PREFIX: '+44',
  PUBLIC_BASE_URL: 'https://voca.example.com',
};

function workerEnv(env: Env) {
  return validateEnv(awsConnectWorkerEnvSchema, containerEnvs(env)['aws-connect-worker']);
}

describe('docker-compose.yml', () => {
  it('is a valid Compose file by the Compose Specification schema, as Docker Compose validates it', () => {
    const schema = JSON.parse(readFileSync('test/fixtures/compose-spec/compose-spec.json', 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true, strictTypes: false });
    const validate = ajv.compile(schema);
    // Compose validates the file once interpolated.
    for (const env of [secrets, { ...secrets, ...liveSettings }]) {
      const file = interpolateAll(template, env);
      expect(validate(file), JSON.stringify(validate.errors, null, 2)).toBe(true);
    }
    // The schema is strict enough to catch a misspelt key.
    const misspelt = structuredClone(template) as ComposeFile & { services: Record<string, Record<string, unknown>> };
    misspelt.services.redis.restart_policy = 'always';
    expect(validate(misspelt)).toBe(false);
  });

  it('builds every app from a target that docker/Dockerfile defines', () => {
    const stages = dockerfileStages();
    const built = Object.entries(template.services).filter(([, service]) => service.build);
    expect(built.map(([name]) => name).sort()).toEqual(Object.keys(SCHEMAS).sort());
    for (const [name, service] of built) {
      expect(service.build, name).toMatchObject({ context: '.', dockerfile: 'docker/Dockerfile' });
      expect(stages.has(service.build!.target), `${name}: target ${service.build!.target}`).toBe(true);
    }
  });

  it('refuses to start without the three secrets, naming each', () => {
    for (const name of Object.keys(secrets)) {
      const { [name]: _missing, ...rest } = secrets;
      expect(() => containerEnvs(rest)).toThrow(new RegExp(`variable ${name} is missing`));
      expect(() => containerEnvs({ ...rest, [name]: '' })).toThrow(MissingVariable);
    }
  });

  it('gives every app an environment its schema accepts, with Amazon Connect simulated by default', () => {
    const envs = containerEnvs(secrets);
    for (const [service, schema] of Object.entries(SCHEMAS)) {
      const parsed = validateEnv(schema, envs[service]) as { NODE_ENV: string };
      expect(parsed.NODE_ENV, service).toBe('production');
    }
    expect(workerEnv(secrets).AWS_CONNECT_MODE).toBe('simulate');
  });

  it('passes only variables the app or the AWS SDK reads (a misspelt one would be ignored)', () => {
    // The variables every app gets (x-engine-env) need only be read by one of them.
    const shared = Object.keys(template['x-engine-env']);
    const readBySome = new Set(Object.values(SCHEMAS).flatMap(variablesOf));
    for (const [service, schema] of Object.entries(SCHEMAS)) {
      const known = new Set([...variablesOf(schema), ...(service === 'aws-connect-worker' ? AWS_SDK_VARIABLES : [])]);
      const composed = Object.keys(template.services[service].environment ?? {});
      const unread = composed.filter((name) => !known.has(name) && !(shared.includes(name) && readBySome.has(name)));
      expect(unread, service).toEqual([]);
    }
  });

  it('hands an unset optional variable over as empty, which the apps take as unset', () => {
    // `${VAR:-}` gives the container VAR="", which an optional z.string().min(8) would refuse: the apps drop empty
    // variables before validating (validateEnv), and the AWS SDK, reading its own, takes an empty one as unset.
    const envs = containerEnvs(secrets);
    expect(Object.values(envs['aws-connect-worker'])).toContain('');
    for (const [service, schema] of Object.entries(SCHEMAS)) {
      const unset = Object.fromEntries(Object.entries(envs[service]).filter(([, value]) => value !== ''));
      expect(validateEnv(schema, envs[service]), service).toEqual(validateEnv(schema, unset));
    }
  });

  it("falls back on the apps' own defaults", () => {
    const envs = containerEnvs(secrets);
    for (const [service, schema] of Object.entries(SCHEMAS)) {
      for (const [name, value] of Object.entries(template.services[service].environment ?? {})) {
        if (!/^\$\{[A-Za-z0-9_]+:-.+\}$/s.test(String(value))) continue;
        const { [name]: _fallback, ...unset } = envs[service];
        expect(validateEnv(schema, envs[service]), `${service}: ${name}`).toEqual(validateEnv(schema, unset));
      }
    }
  });

  it('runs Amazon Connect live, with the AWS settings given, once AWS credentials are given', () => {
    const env = { ...secrets, ...liveSettings };
    const container = containerEnvs(env)['aws-connect-worker'];
    for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'])
      expect(container[name]).toBe(env[name]);
    expect(workerEnv(env)).toMatchObject({
      AWS_CONNECT_MODE: 'live',
      AWS_REGION: 'eu-west-2',
      AWS_CONNECT_LAMBDA_ROLE_ARN: liveSettings.AWS_CONNECT_LAMBDA_ROLE_ARN,
      AWS_CONNECT_INSTANCE_ID: liveSettings.AWS_CONNECT_INSTANCE_ID,
      AWS_CONNECT_PHONE_PREFIX: '+44',
      PUBLIC_BASE_URL: 'https://voca.example.com',
    });
    expect(workerEnv({ ...env, AWS_CONNECT_MODE: 'live' }).AWS_CONNECT_MODE).toBe('live');
    // The other apps are unaffected.
    const envs = containerEnvs(env);
    for (const [service, schema] of Object.entries(SCHEMAS))
      expect(() => validateEnv(schema, envs[service]), service).not.toThrow();
  });

  it('runs live on AWS_CONNECT_MODE=live without keys (an instance role), and refuses live without the Lambda role', () => {
    const {
      AWS_ACCESS_KEY_ID: _id,
      AWS_SECRET_ACCESS_KEY: _key,
      AWS_SESSION_TOKEN: _token,
      ...roleOnly
    } = liveSettings;
    expect(workerEnv({ ...secrets, ...roleOnly, AWS_CONNECT_MODE: 'live' }).AWS_CONNECT_MODE).toBe('live');
    const { AWS_CONNECT_LAMBDA_ROLE_ARN: _role, ...withoutRole } = liveSettings;
    expect(() => workerEnv({ ...secrets, AWS_CONNECT_MODE: 'live' })).toThrow(
      /AWS_CONNECT_LAMBDA_ROLE_ARN is required/,
    );
    expect(() => workerEnv({ ...secrets, ...withoutRole })).toThrow(/AWS_CONNECT_LAMBDA_ROLE_ARN is required/);
  });

  it('keeps simulate mode when asked, AWS credentials or not', () => {
    expect(workerEnv({ ...secrets, ...liveSettings, AWS_CONNECT_MODE: 'simulate' }).AWS_CONNECT_MODE).toBe('simulate');
  });
});

describe('docker/Dockerfile', () => {
  it('builds and runs on the Node.js major the project pins for every script (.nvmrc, the node dev dependency)', () => {
    const pinned = (JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> })
      .devDependencies.node!;
    const major = pinned.split('.')[0];
    expect(readFileSync('.nvmrc', 'utf8').trim()).toBe(major);
    const bases = [...dockerfile.matchAll(/^FROM (node:\S+)/gm)].map((match) => match[1]);
    expect(bases).toEqual([`node:${major}-bookworm-slim`, `node:${major}-bookworm-slim`]);
  });
});
