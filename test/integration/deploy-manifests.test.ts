import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { ScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import { TriggerAuthentication } from '@kubernetes-models/keda/keda.sh/v1alpha1/TriggerAuthentication';
import { QueueName } from '@voca/contracts';
import {
  awsConnectWorkerEnvSchema,
  commonEnvSchema,
  contextServiceEnvSchema,
  elizaosWorkerEnvSchema,
  gatewayEnvSchema,
  productionSecretProblems,
  SECRET_VARIABLES,
} from '@voca/config';

/**
 * deploy/: the kustomize base (every object valid for its API, every app probed, bounded, budgeted and scaled on
 * exactly its queues, every variable one its app reads), the roles component and the monitoring objects (rendered
 * with `kubectl kustomize` when kubectl is installed), the alert rules and the Grafana dashboard (every metric they
 * use defined in apps/ or libs/).
 */

type K8s = Record<string, any>;

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DEPLOY = join(ROOT, 'deploy');
const BASE = join(DEPLOY, 'kubernetes');
const IMAGE = 'ghcr.io/voca/voca-ai-engine';
const SECRET = 'voca-engine';
/** Files under deploy/kubernetes that no kustomization lists, on purpose. */
const UNLISTED = ['secret.example.yaml'];

const MODELS: Record<string, new (data: any) => { validate(): void }> = {
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'v1/ServiceAccount': ServiceAccount,
  'apps/v1/Deployment': Deployment,
  'batch/v1/Job': Job,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'keda.sh/v1alpha1/ScaledObject': ScaledObject,
  'keda.sh/v1alpha1/TriggerAuthentication': TriggerAuthentication,
};

interface AppSpec {
  schema: unknown;
  port: number;
  portVariable: 'PORT' | 'HEALTH_PORT';
  queues: QueueName[];
}

const APPS: Record<string, AppSpec> = {
  'api-gateway': { schema: gatewayEnvSchema, port: 8008, portVariable: 'PORT', queues: [] },
  'aws-connect-worker': {
    schema: awsConnectWorkerEnvSchema,
    port: 8101,
    portVariable: 'HEALTH_PORT',
    queues: [QueueName.AwsConnect],
  },
  'elizaos-worker': {
    schema: elizaosWorkerEnvSchema,
    port: 8102,
    portVariable: 'HEALTH_PORT',
    queues: [QueueName.ElizaOS, QueueName.Messages],
  },
  'context-service': {
    schema: contextServiceEnvSchema,
    port: 8103,
    portVariable: 'HEALTH_PORT',
    queues: [
      QueueName.Context,
      QueueName.Provisioning,
      QueueName.Inbound,
      QueueName.Conversations,
      QueueName.Knowledge,
    ],
  },
};
const WORKERS = Object.keys(APPS).filter((app) => APPS[app].queues.length > 0);

/** The metrics the engine documents (issue 14); the dashboard shows each of them. */
const METRIC_CATALOGUE = [
  'voca_webhook_messages_total',
  'voca_inbound_messages_total',
  'voca_turn_seconds',
  'voca_replies_total',
  'voca_platform_send_seconds',
  'voca_platform_send_errors_total',
  'voca_model_request_seconds',
  'voca_model_errors_total',
  'voca_model_tokens_total',
  'voca_aws_calls_total',
  'voca_aws_call_seconds',
  'voca_aws_throttles_total',
  'voca_operations_total',
  'voca_operation_duration_seconds',
  'voca_provisioning_step_duration_seconds',
  'voca_queue_jobs',
  'voca_queue_oldest_waiting_seconds',
  'voca_job_seconds',
  'voca_jobs_dead_total',
  'voca_worker_consuming',
  'voca_worker_concurrency',
  'voca_stuck_work',
  'voca_reconciled_total',
  'voca_elizaos_runtimes_hosted',
  'voca_elizaos_runtime_build_seconds',
  'voca_elizaos_runtime_evictions_total',
  'voca_connect_drift_total',
  'voca_event_deliveries_total',
];

// --- Loading ------------------------------------------------------------------------------------------------------

function read(path: string): string {
  return readFileSync(path, 'utf8');
}

function loadDocuments(text: string, origin: string): K8s[] {
  return parseAllDocuments(text).flatMap((document) => {
    if (document.errors.length)
      throw new Error(`${origin}: ${document.errors.map((error) => error.message).join('; ')}`);
    const value = document.toJS();
    return value ? [value as K8s] : [];
  });
}

function parseEnvFile(path: string): Record<string, string> {
  const data: Record<string, string> = {};
  for (const line of read(path)
    .split('\n')
    .map((text) => text.trim())) {
    if (!line || line.startsWith('#')) continue;
    const equals = line.indexOf('=');
    if (equals < 1) throw new Error(`${path}: not KEY=VALUE: ${line}`);
    data[line.slice(0, equals)] = line.slice(equals + 1);
  }
  return data;
}

const kustomization = parse(read(join(BASE, 'kustomization.yaml'))) as K8s;
const resourceFiles: string[] = kustomization.resources;
const generatedConfigMaps: K8s[] = (kustomization.configMapGenerator ?? []).map((generator: K8s) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: generator.name },
  data: Object.assign(
    {},
    ...(generator.envs ?? []).map((file: string) => parseEnvFile(join(BASE, file))),
    Object.fromEntries((generator.literals ?? []).map((literal: string) => literal.split(/=(.*)/s).slice(0, 2))),
  ),
}));
const objects: K8s[] = [
  ...resourceFiles.flatMap((file) => loadDocuments(read(join(BASE, file)), file)),
  ...generatedConfigMaps,
];

const ofKind = (kind: string, from = objects) => from.filter((object) => object.kind === kind);
const named = (kind: string, name: string, from = objects) =>
  from.find((object) => object.kind === kind && object.metadata.name === name);
const common = generatedConfigMaps.find((configMap) => configMap.metadata.name === 'voca-common')!.data as Record<
  string,
  string
>;

function validate(object: K8s): void {
  const Model = MODELS[`${object.apiVersion}/${object.kind}`];
  if (!Model)
    throw new Error(
      `no model for ${object.apiVersion} ${object.kind} ${object.metadata?.name}: add one or drop the object`,
    );
  new Model(object).validate();
}

function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [relative(BASE, path)];
  });
}

/** Each file a kustomization in deploy/kubernetes names (resources, generator inputs, patches), and itself. */
function listedFiles(directory: string): string[] {
  const file = join(directory, 'kustomization.yaml');
  const spec = parse(read(file)) as K8s;
  const inputs = [
    ...(spec.resources ?? []),
    ...(spec.configMapGenerator ?? []).flatMap((generator: K8s) => [
      ...(generator.envs ?? []),
      ...(generator.files ?? []),
    ]),
    ...(spec.patches ?? []).flatMap((patch: K8s) => (patch.path ? [patch.path] : [])),
  ].map((input: string) => join(directory, input));
  return [
    relative(BASE, file),
    ...inputs.flatMap((path) => (statSync(path).isDirectory() ? [] : [relative(BASE, path)])),
  ];
}

// --- Pods -----------------------------------------------------------------------------------------------------------

function container(workload: K8s): K8s {
  const containers = workload.spec.template.spec.containers;
  expect(containers, `${workload.metadata.name} runs one container`).toHaveLength(1);
  return containers[0];
}

function portNumber(owner: K8s, port: string | number): number {
  if (typeof port === 'number') return port;
  const found = (owner.ports ?? []).find((candidate: K8s) => candidate.name === port);
  if (!found) throw new Error(`${owner.name} has no port named ${port}`);
  return found.containerPort;
}

function selects(selector: K8s, labels: Record<string, string>): boolean {
  const matchLabels = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  const matchExpressions = (selector.matchExpressions ?? []).every((expression: K8s) => {
    const value = labels[expression.key];
    if (expression.operator === 'In') return expression.values.includes(value);
    if (expression.operator === 'NotIn') return !expression.values.includes(value);
    if (expression.operator === 'Exists') return value !== undefined;
    return value === undefined;
  });
  return matchLabels && matchExpressions;
}

interface PodEnv {
  /** Every variable the pod gets, with its value (secrets: undefined). */
  variables: Map<string, string | undefined>;
  secretRefs: { variable: string; name: string; key: string; optional: boolean }[];
}

function podEnv(workload: K8s, from: K8s[]): PodEnv {
  const variables = new Map<string, string | undefined>();
  const secretRefs: PodEnv['secretRefs'] = [];
  const main = container(workload);
  for (const source of main.envFrom ?? []) {
    expect(source.secretRef, `${workload.metadata.name}: secrets come one by one through secretKeyRef`).toBeUndefined();
    const configMap = named('ConfigMap', source.configMapRef?.name, from);
    expect(configMap, `${workload.metadata.name}: ConfigMap ${source.configMapRef?.name}`).toBeDefined();
    for (const [key, value] of Object.entries(configMap!.data ?? {})) variables.set(key, String(value));
  }
  for (const entry of main.env ?? []) {
    const secret = entry.valueFrom?.secretKeyRef;
    if (secret)
      secretRefs.push({ variable: entry.name, name: secret.name, key: secret.key, optional: secret.optional === true });
    else expect(entry.valueFrom, `${entry.name}: a value or a secretKeyRef`).toBeUndefined();
    variables.set(entry.name, secret ? undefined : String(entry.value));
  }
  return { variables, secretRefs };
}

/** The keys of an app's env schema (a zod object, possibly refined or piped through a transform). */
function schemaKeys(schema: unknown): Set<string> {
  let current: any = schema;
  while (current && !current.shape) current = current.in;
  if (!current) throw new Error('not a zod object schema');
  return new Set(Object.keys(current.shape));
}

/** Variables no app schema lists but the process reads anyway. */
function readOutsideSchema(app: string, variable: string): boolean {
  if (/^OTEL_[A-Z0-9_]+$/.test(variable)) return true; // OpenTelemetry's SDK
  if (WORKERS.includes(app) && ['WORKER_QUEUES', 'WORKER_QUEUE_CONCURRENCY'].includes(variable)) return true;
  return app === 'aws-connect-worker' && ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'].includes(variable); // the AWS SDK's
}

function sampleSecret(key: string): string {
  if (key === 'DATABASE_URL') return 'postgres://voca:secret@postgres.internal:5432/voca?sslmode=verify-full';
  if (key === 'REDIS_URL') return 'rediss://:secret@redis.internal:6380';
  if (key === 'CREDENTIALS_ENCRYPTION_KEY') return randomBytes(32).toString('base64');
  return randomBytes(24).toString('hex');
}

/** The environment the pod would start with given only the Secret's required keys; the app's schema must accept it. */
function expectAcceptedEnvironment(app: string, workload: K8s, from: K8s[]): void {
  const { variables, secretRefs } = podEnv(workload, from);
  const environment: Record<string, string> = {};
  for (const [name, value] of variables) if (value !== undefined) environment[name] = value;
  for (const ref of secretRefs) if (!ref.optional) environment[ref.variable] = sampleSecret(ref.key);
  const result = (APPS[app].schema as { safeParse(input: unknown): { success: boolean; error?: unknown } }).safeParse(
    environment,
  );
  expect(result.success, `${workload.metadata.name}: ${JSON.stringify(result.error)}`).toBe(true);
}

function quantity(value: string): number {
  const units: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, k: 1e3, M: 1e6, G: 1e9, m: 1e-3 };
  const match = /^(\d+(?:\.\d+)?)([A-Za-z]*)$/.exec(value);
  if (!match || (match[2] && !(match[2] in units))) throw new Error(`quantity ${value}`);
  return Number(match[1]) * (match[2] ? units[match[2]] : 1);
}

/** The entry point of each Dockerfile stage (what the Deployments and the Job must run), empty for a stage without. */
function dockerfileCommands(): Map<string, string[]> {
  const commands = new Map<string, string[]>();
  let target = '';
  for (const line of read(join(ROOT, 'docker/Dockerfile')).split('\n')) {
    const from = /^FROM\s+\S+\s+AS\s+(\S+)/i.exec(line);
    if (from) commands.set((target = from[1]), []);
    const cmd = /^CMD\s+(\[.*\])\s*$/.exec(line);
    if (cmd) commands.set(target, JSON.parse(cmd[1]));
  }
  return commands;
}

function triggeredQueues(scaledObject: K8s): string[] {
  return scaledObject.spec.triggers.map((trigger: K8s) => {
    expect(trigger.type, `${scaledObject.metadata.name}: KEDA's redis (list length) trigger`).toBe('redis');
    expect(Number(trigger.metadata.listLength), `${trigger.metadata.listName}: listLength`).toBeGreaterThan(0);
    // BullMQ keeps a queue's waiting job ids in the LIST <prefix>:<queue>:wait (no job of the engine is prioritized).
    const match = /^(.+):([a-z-]+):wait$/.exec(trigger.metadata.listName);
    expect(match?.[1], `${trigger.metadata.listName}: QUEUE_PREFIX`).toBe(common.QUEUE_PREFIX);
    return match![2];
  });
}

// --- Metrics in the alerts and the dashboard
// --------------------------------------------------------------------------

const alertsText = read(join(DEPLOY, 'prometheus/voca-alerts.yaml'));
const dashboardText = read(join(DEPLOY, 'grafana/voca-engine.json'));

function metricNames(text: string): string[] {
  return [
    ...new Set([...text.matchAll(/voca_[a-z_]+/g)].map(([name]) => name.replace(/_(bucket|count|sum)$/, ''))),
  ].sort();
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) return entry === 'node_modules' ? [] : sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

const usedMetrics = metricNames(alertsText + dashboardText);
const source = ['apps', 'libs']
  .flatMap((directory) => sourceFiles(join(ROOT, directory)))
  .map(read)
  .join('\n');

// --- The tests ------------------------------------------------------------------------------------------------------

describe('deploy/kubernetes, the kustomize base', () => {
  it('lists every file under deploy/kubernetes, and sets no namespace', () => {
    const listed = ['.', 'roles', 'monitoring'].flatMap((directory) => listedFiles(join(BASE, directory)));
    expect(
      filesUnder(BASE)
        .filter((file) => !UNLISTED.includes(file))
        .sort(),
    ).toEqual([...new Set(listed)].sort());
    expect(kustomization.namespace).toBeUndefined();
    expect(objects.filter((object) => object.metadata.namespace)).toEqual([]);
  });

  it('holds objects every one of which is valid for its API', () => {
    expect(objects.length).toBeGreaterThan(0);
    for (const object of objects) validate(object);
  });

  it('runs every app and the migration from the one image, with its Dockerfile target entry point', () => {
    const commands = dockerfileCommands();
    expect(commands.has('runtime'), 'the shared stage the image is built from').toBe(true);
    expect(kustomization.images).toEqual([expect.objectContaining({ name: IMAGE, newTag: expect.any(String) })]);
    expect(
      ofKind('Deployment')
        .map((deployment) => deployment.metadata.name)
        .sort(),
    ).toEqual(Object.keys(APPS).sort());
    for (const workload of [...ofKind('Deployment'), ...ofKind('Job')]) {
      const target = workload.kind === 'Job' ? 'migrate' : workload.metadata.name;
      expect(container(workload).image, workload.metadata.name).toBe(IMAGE);
      expect(container(workload).command, workload.metadata.name).toEqual(commands.get(target));
    }
  });

  describe.each(Object.keys(APPS))('%s', (app) => {
    const spec = APPS[app];
    const deployment = () => named('Deployment', app)!;

    it('probes liveness on /health, readiness on /health/ready and start-up, on its own port', () => {
      const main = container(deployment());
      const { variables } = podEnv(deployment(), objects);
      expect(variables.get(spec.portVariable)).toBe(String(spec.port));
      expect(main.ports.map((port: K8s) => port.containerPort)).toEqual([spec.port]);
      const probes = { livenessProbe: '/health', readinessProbe: '/health/ready', startupProbe: '/health' };
      for (const [probe, path] of Object.entries(probes)) {
        expect(main[probe]?.httpGet?.path, `${app} ${probe}`).toBe(path);
        expect(portNumber(main, main[probe].httpGet.port), `${app} ${probe} port`).toBe(spec.port);
      }
    });

    it('has bounded resources, a non-root read-only container and a grace period past the shutdown watchdog', () => {
      const pod = deployment().spec.template.spec;
      const main = container(deployment());
      const { requests, limits } = main.resources;
      expect(requests.cpu && requests.memory && limits.memory, `${app} resources`).toBeTruthy();
      expect(quantity(limits.memory)).toBeGreaterThanOrEqual(quantity(requests.memory));
      if (app === 'elizaos-worker') expect(quantity(requests.memory)).toBeGreaterThanOrEqual(2 ** 30); // 820 MiB measured
      const preStopSleep = Number(main.lifecycle?.preStop?.exec?.command?.[1] ?? 0);
      // SHUTDOWN_GRACE_MS, then the watchdog ends the process 5 s later.
      const bound = Number(common.SHUTDOWN_GRACE_MS) + 5_000 + preStopSleep * 1000;
      expect(pod.terminationGracePeriodSeconds * 1000).toBeGreaterThan(bound);
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
      expect(main.securityContext).toMatchObject({
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
      });
      const tmp = main.volumeMounts.find((mount: K8s) => mount.mountPath === '/tmp');
      expect(pod.volumes.find((volume: K8s) => volume.name === tmp?.name)?.emptyDir).toBeDefined();
    });

    it('reads only variables its app knows, and starts in production with the required secrets', () => {
      const keys = schemaKeys(spec.schema);
      const { variables, secretRefs } = podEnv(deployment(), objects);
      expect([...variables.keys()].filter((name) => !keys.has(name) && !readOutsideSchema(app, name))).toEqual([]);
      expect(variables.get('NODE_ENV')).toBe('production');
      expect(secretRefs.filter((ref) => ref.name !== SECRET)).toEqual([]);
      expectAcceptedEnvironment(app, deployment(), objects);
    });

    it('has a PodDisruptionBudget selecting its pods and no others', () => {
      const budgets = ofKind('PodDisruptionBudget').filter((budget) =>
        selects(budget.spec.selector, deployment().spec.template.metadata.labels),
      );
      expect(budgets).toHaveLength(1);
      for (const other of ofKind('Deployment').filter((candidate) => candidate !== deployment())) {
        expect(selects(budgets[0].spec.selector, other.spec.template.metadata.labels)).toBe(false);
      }
      expect(selects(deployment().spec.selector, deployment().spec.template.metadata.labels)).toBe(true);
    });

    it(
      spec.queues.length ? 'is scaled by KEDA on the waiting jobs of exactly its queues' : 'is scaled by an HPA on CPU',
      () => {
        expect(deployment().spec.replicas, 'the autoscaler owns replicas').toBeUndefined();
        if (!spec.queues.length) {
          const hpa = ofKind('HorizontalPodAutoscaler').find(
            (candidate) => candidate.spec.scaleTargetRef.name === app,
          )!;
          expect(hpa.spec.scaleTargetRef).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment' });
          expect(hpa.spec.metrics).toContainEqual(
            expect.objectContaining({ type: 'Resource', resource: expect.objectContaining({ name: 'cpu' }) }),
          );
          expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
          expect(container(deployment()).resources.requests.cpu).toBeDefined();
          // Its /metrics needs the METRICS_TOKEN bearer token, which annotation-based scraping cannot send.
          expect(deployment().spec.template.metadata.annotations?.['prometheus.io/scrape']).toBeUndefined();
          return;
        }
        const scaled = ofKind('ScaledObject').filter((candidate) => candidate.spec.scaleTargetRef.name === app);
        expect(scaled).toHaveLength(1);
        expect(scaled[0].spec.minReplicaCount).toBeGreaterThanOrEqual(1);
        expect(scaled[0].spec.maxReplicaCount).toBeGreaterThanOrEqual(scaled[0].spec.minReplicaCount);
        expect(triggeredQueues(scaled[0]).sort()).toEqual([...spec.queues].sort());
        for (const trigger of scaled[0].spec.triggers)
          expect(named('TriggerAuthentication', trigger.authenticationRef.name)).toBeDefined();
        const annotations = deployment().spec.template.metadata.annotations;
        expect(annotations).toMatchObject({
          'prometheus.io/scrape': 'true',
          'prometheus.io/port': String(spec.port),
          'prometheus.io/path': '/metrics',
        });
      },
    );
  });

  it('consumes every queue of the engine', () => {
    expect(
      Object.values(APPS)
        .flatMap((spec) => spec.queues)
        .sort(),
    ).toEqual(Object.values(QueueName).sort());
  });

  it('serves the gateway on port 8008 through a Service', () => {
    const service = named('Service', 'api-gateway')!;
    const gateway = named('Deployment', 'api-gateway')!;
    expect(selects({ matchLabels: service.spec.selector }, gateway.spec.template.metadata.labels)).toBe(true);
    for (const other of ofKind('Deployment').filter((deployment) => deployment !== gateway)) {
      expect(selects({ matchLabels: service.spec.selector }, other.spec.template.metadata.labels)).toBe(false);
    }
    const [port] = service.spec.ports;
    expect(port.port).toBe(8008);
    expect(portNumber(container(gateway), port.targetPort)).toBe(8008);
  });

  it('migrates the database in a Job, one run at a time', () => {
    const job = named('Job', 'voca-migrate')!;
    expect(job.spec.parallelism).toBe(1);
    expect(['Never', 'OnFailure']).toContain(job.spec.template.spec.restartPolicy);
    const { variables, secretRefs } = podEnv(job, objects);
    const keys = schemaKeys(commonEnvSchema);
    expect([...variables.keys()].filter((name) => !keys.has(name))).toEqual([]);
    expect(variables.get('NODE_ENV')).toBe('production');
    expect(secretRefs).toEqual([expect.objectContaining({ variable: 'DATABASE_URL', name: SECRET, optional: false })]);
    expect(container(job).securityContext).toMatchObject({ readOnlyRootFilesystem: true });
  });

  it('reads only keys of the documented Secret, each of them, the required ones in deploy/README.md', () => {
    const example = parse(read(join(BASE, 'secret.example.yaml'))) as K8s;
    validate(example);
    const workloads = [...ofKind('Deployment'), ...ofKind('Job')];
    const refs = workloads.flatMap((workload) => podEnv(workload, objects).secretRefs);
    const kedaRefs = ofKind('TriggerAuthentication').flatMap((auth) => auth.spec.secretTargetRef);
    expect([...refs, ...kedaRefs].filter((ref) => ref.name !== SECRET)).toEqual([]);
    expect(Object.keys(example.stringData).sort()).toEqual(
      [...new Set([...refs, ...kedaRefs].map((ref) => ref.key))].sort(),
    );
    const readme = read(join(DEPLOY, 'README.md'));
    const required = new Set([
      ...refs.filter((ref) => !ref.optional).map((ref) => ref.key),
      'keda-redis-address',
      'keda-redis-password',
    ]);
    for (const key of required) expect(readme, `deploy/README.md creates ${key}`).toContain(`${key}=`);
  });
});

describe('deploy/kubernetes/secret.example.yaml', () => {
  it('holds no value production would run with: every secret in it is refused, named', () => {
    const example = (parse(read(join(BASE, 'secret.example.yaml'))) as K8s).stringData as Record<string, string>;
    const secrets = SECRET_VARIABLES.filter((name) => example[name] !== undefined);
    expect(secrets.length).toBeGreaterThanOrEqual(8);
    const refused = productionSecretProblems({ NODE_ENV: 'production', ...example }, { gateway: true });
    expect(refused.map(({ variable }) => variable).sort()).toEqual([...secrets].sort());
  });
});

describe('deploy/prometheus/voca-alerts.yaml', () => {
  const rules = (): K8s[] => (parse(alertsText) as K8s).groups.flatMap((group: K8s) => group.rules);

  it('parses, each rule with an expression, a for, a severity and runbook-style annotations', () => {
    const names = rules().map((rule) => rule.alert);
    expect(new Set(names).size).toBe(names.length);
    for (const rule of rules()) {
      expect(rule.alert).toMatch(/^Voca[A-Za-z]+$/);
      expect(typeof rule.expr, rule.alert).toBe('string');
      expect(rule.for, rule.alert).toMatch(/^\d+[smh]$/);
      expect(['critical', 'warning'], rule.alert).toContain(rule.labels?.severity);
      for (const annotation of ['summary', 'description', 'runbook'])
        expect(rule.annotations?.[annotation], `${rule.alert} ${annotation}`).toBeTruthy();
      let depth = 0;
      for (const character of rule.expr.replace(/"[^"]*"/g, '')) {
        depth += '([{'.includes(character) ? 1 : ')]}'.includes(character) ? -1 : 0;
        expect(depth, `${rule.alert}: brackets`).toBeGreaterThanOrEqual(0);
      }
      expect(depth, `${rule.alert}: brackets`).toBe(0);
    }
  });

  it('covers what issue 14 asks to be alerted on', () => {
    const expressions = rules()
      .map((rule) => rule.expr)
      .join('\n');
    for (const metric of [
      'voca_queue_jobs',
      'voca_queue_oldest_waiting_seconds',
      'voca_jobs_dead_total',
      'voca_stuck_work',
      'voca_turn_seconds_bucket',
      'voca_platform_send_errors_total',
      'voca_model_errors_total',
      'voca_aws_calls_total',
      'voca_operations_total',
      'voca_worker_consuming',
      'voca_event_deliveries_total',
      'up{',
    ]) {
      expect(expressions).toContain(metric);
    }
  });

  it('is the same as the PrometheusRule in deploy/kubernetes/monitoring', () => {
    const monitoring = listedFiles(join(BASE, 'monitoring'))
      .filter((file) => !file.endsWith('kustomization.yaml'))
      .flatMap((file) => loadDocuments(read(join(BASE, file)), file));
    const [prometheusRule] = monitoring.filter((object) => object.kind === 'PrometheusRule');
    expect(prometheusRule.spec.groups).toEqual((parse(alertsText) as K8s).groups);
    const gateway = named('Deployment', 'api-gateway')!;
    const podMonitors = monitoring.filter((object) => object.kind === 'PodMonitor');
    for (const deployment of ofKind('Deployment')) {
      const matching = podMonitors.filter((monitor) =>
        selects(monitor.spec.selector, deployment.spec.template.metadata.labels),
      );
      expect(matching, deployment.metadata.name).toHaveLength(1);
      const [endpoint] = matching[0].spec.podMetricsEndpoints;
      expect(portNumber(container(deployment), endpoint.port)).toBe(APPS[deployment.metadata.name].port);
      expect(Boolean(endpoint.authorization), `${deployment.metadata.name}: bearer token`).toBe(deployment === gateway);
    }
  });
});

describe('deploy/grafana/voca-engine.json', () => {
  const dashboard = JSON.parse(dashboardText) as K8s;
  const panels = (dashboard.panels as K8s[]).filter((panel) => panel.type !== 'row');

  it('queries a Prometheus chosen by a ${datasource} variable, in panels laid out without overlap', () => {
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(39);
    expect(dashboard.templating.list).toContainEqual(
      expect.objectContaining({ name: 'datasource', type: 'datasource', query: 'prometheus' }),
    );
    const ids = (dashboard.panels as K8s[]).map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of panels) {
      expect(panel.datasource, panel.title).toEqual({ type: 'prometheus', uid: '${datasource}' });
      expect(panel.targets.length, panel.title).toBeGreaterThan(0);
      for (const target of panel.targets) expect(target.expr, panel.title).toMatch(/\S/);
    }
    const boxes = (dashboard.panels as K8s[]).map((panel) => ({ title: panel.title, ...panel.gridPos }));
    for (const [index, a] of boxes.entries()) {
      expect(a.x + a.w, a.title).toBeLessThanOrEqual(24);
      for (const b of boxes.slice(index + 1)) {
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        expect(overlap, `${a.title} / ${b.title}`).toBe(false);
      }
    }
  });

  it('shows every metric of the catalogue, and process CPU and memory by app', () => {
    expect(METRIC_CATALOGUE.filter((metric) => !metricNames(dashboardText).includes(metric))).toEqual([]);
    expect(dashboardText).toContain('process_cpu_seconds_total');
    expect(dashboardText).toContain('process_resident_memory_bytes');
  });
});

describe('metrics used by the alerts and the dashboard', () => {
  it.each(usedMetrics)('%s is defined in apps/ or libs/', (metric) => {
    expect(source).toMatch(new RegExp(`['"\`]${metric}['"\`]`));
  });
});

// --- Rendered by kustomize itself -----------------------------------------------------------------------------------

function kubectlAvailable(): boolean {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Renders an overlay of the given kustomization sources (paths relative to deploy/kubernetes) in a scratch dir. */
function render(spec: { resources: string[]; components?: string[] }): K8s[] {
  const directory = mkdtempSync(join(tmpdir(), 'voca-kustomize-'));
  try {
    // kustomize refuses absolute paths: point at deploy/kubernetes relatively.
    const path = (entry: string) => relative(directory, join(BASE, entry));
    const overlay = { resources: spec.resources.map(path), components: (spec.components ?? []).map(path) };
    writeFileSync(
      join(directory, 'kustomization.yaml'),
      JSON.stringify({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', ...overlay }),
    );
    return loadDocuments(execFileSync('kubectl', ['kustomize', directory], { encoding: 'utf8' }), 'kubectl kustomize');
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

describe.skipIf(!kubectlAvailable())('rendered with kubectl kustomize', () => {
  it('builds the base into valid objects, the ConfigMaps named by content and the image tagged', () => {
    const rendered = render({ resources: ['.'] });
    for (const object of rendered) validate(object);
    for (const deployment of ofKind('Deployment', rendered)) {
      expect(container(deployment).image).toBe(`${IMAGE}:${kustomization.images[0].newTag}`);
      expect(deployment.spec.template.metadata.labels['app.kubernetes.io/part-of']).toBe('voca-ai-engine');
      expectAcceptedEnvironment(deployment.metadata.name, deployment, rendered);
    }
    expect(ofKind('ConfigMap', rendered).every((configMap) => /-[a-z0-9]{10}$/.test(configMap.metadata.name))).toBe(
      true,
    );
  });

  it('splits the context-service into roles that together consume its queues, each scaled on its own', () => {
    const rendered = render({ resources: ['.'], components: ['roles'] });
    for (const object of rendered) validate(object);
    const roles = ofKind('Deployment', rendered).filter((deployment) =>
      deployment.metadata.name.startsWith('context-service'),
    );
    expect(roles.length).toBeGreaterThan(1);
    const consumed = roles.map((role) => {
      const queues = podEnv(role, rendered).variables.get('WORKER_QUEUES')!.split(',');
      const scaled = ofKind('ScaledObject', rendered).filter(
        (candidate) => candidate.spec.scaleTargetRef.name === role.metadata.name,
      );
      expect(scaled, role.metadata.name).toHaveLength(1);
      expect(triggeredQueues(scaled[0]).sort(), role.metadata.name).toEqual([...queues].sort());
      const budgets = ofKind('PodDisruptionBudget', rendered).filter((budget) =>
        selects(budget.spec.selector, role.spec.template.metadata.labels),
      );
      expect(budgets, role.metadata.name).toHaveLength(1);
      for (const other of roles.filter((candidate) => candidate !== role)) {
        expect(
          selects(role.spec.selector, other.spec.template.metadata.labels),
          `${role.metadata.name} selects ${other.metadata.name}`,
        ).toBe(false);
      }
      expectAcceptedEnvironment('context-service', role, rendered);
      return queues;
    });
    expect(consumed.flat().sort()).toEqual([...APPS['context-service'].queues].sort());
    // The roles run the same pod; only the queue settings differ.
    const withoutRole = (role: K8s) => {
      const pod = structuredClone(role.spec.template.spec);
      pod.containers[0].env = pod.containers[0].env.filter((entry: K8s) => !entry.name.startsWith('WORKER_QUEUE'));
      return pod;
    };
    for (const role of roles.slice(1)) expect(withoutRole(role)).toEqual(withoutRole(roles[0]));
  });

  it('builds the monitoring objects', () => {
    const rendered = render({ resources: ['monitoring'] });
    expect(rendered.map((object) => object.kind).sort()).toEqual(['PodMonitor', 'PodMonitor', 'PrometheusRule']);
  });
});
