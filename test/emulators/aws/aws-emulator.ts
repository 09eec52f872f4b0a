import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiRateLimit } from './api-rate.js';
import { AwsError, errorAnswer, type HttpAnswer, type ServiceName } from './aws-errors.js';
import { ConnectApi } from './connect-api.js';
import { ContactFlowsApi } from './contact-flows.js';
import { faultError, FaultPlan, isAwsFault, type AwsFault } from './faults.js';
import type { AwsCall, AwsInventory } from './inventory.js';
import { LambdaApi } from './lambda-api.js';
import { LexModelsApi } from './lex-models-api.js';
import { resolveOptions, type AwsEmulatorOptions, type EmulatorEnv, type ResolvedOptions } from './options.js';
import { PhoneNumbersApi } from './phone-numbers.js';
import { QueuesAndHoursApi } from './queues-and-hours.js';
import { Router } from './router.js';
import { checkSignature } from './sigv4.js';

const MAX_BODY = 80 * 1024 * 1024;

interface HeldResponse {
  res: ServerResponse;
  answer: HttpAnswer;
}

/**
 * A stateful local emulator of the Amazon Connect, AWS Lambda and Amazon Lex V2 model-building REST-JSON APIs, for
 * tests. Point the real SDK clients at `url` (or set AWS_ENDPOINT_URL_CONNECT / AWS_ENDPOINT_URL_LAMBDA /
 * AWS_ENDPOINT_URL_LEX_MODELS_V2) with dummy credentials: their serialization, SigV4 signing, retries and error
 * parsing all run.
 *
 * Routes under /_emulator/ are the control API (no signature needed): GET inventory and calls, POST faults,
 * taken-numbers, instance-failures, holds, release-held and reset, GET functions/{name}/code.
 */
export class AwsEmulator {
  readonly url: string;
  /** Every AWS call received, in order. Cleared (in place) by reset(). */
  readonly calls: AwsCall[] = [];

  private readonly options: ResolvedOptions;
  private readonly connect: ConnectApi;
  private readonly routing: QueuesAndHoursApi;
  private readonly flows: ContactFlowsApi;
  private readonly phones: PhoneNumbersApi;
  private readonly lambda: LambdaApi;
  private readonly lex: LexModelsApi;
  private readonly router: Router;
  private readonly faults = new FaultPlan();
  private readonly apiRate?: ApiRateLimit;
  private holds: { operation: string; arrived: () => void }[] = [];
  private held: HeldResponse[] = [];

  private constructor(
    private readonly server: Server,
    options: AwsEmulatorOptions,
  ) {
    const address = server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${address.port}`;
    this.options = resolveOptions(options);
    const env: EmulatorEnv = { options: this.options, now: () => Date.now() };
    if (this.options.apiRate) this.apiRate = new ApiRateLimit(this.options.apiRate, env.now);
    this.lambda = new LambdaApi(env, () => this.url);
    this.lex = new LexModelsApi(env);
    this.connect = new ConnectApi(env, {
      functionExists: (arn) => this.lambda.exists(arn),
      botAliasExists: (arn) => this.lex.aliasExists(arn),
    });
    this.routing = new QueuesAndHoursApi(env, this.connect);
    this.flows = new ContactFlowsApi(env, this.connect);
    this.phones = new PhoneNumbersApi(env, this.connect, this.flows);
    this.router = new Router([
      ...this.connect.routes(),
      ...this.routing.routes(),
      ...this.flows.routes(),
      ...this.phones.routes(),
      ...this.lambda.routes(),
      ...this.lex.routes(),
    ]);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      this.onRequest(req, res).catch((e: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: `AWS emulator failure: ${(e as Error).message}` }));
      });
    });
  }

  /** Starts an emulator on 127.0.0.1 on a free port. */
  static async start(options: AwsEmulatorOptions = {}): Promise<AwsEmulator> {
    resolveOptions(options); // fail fast on bad options, before listening
    const server = createServer({ keepAliveTimeout: 5_000 });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    return new AwsEmulator(server, options);
  }

  async stop(): Promise<void> {
    this.releaseHeld();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** Forgets all state, faults, holds (held responses are released) and calls. */
  reset(): void {
    this.releaseHeld();
    this.holds = [];
    this.faults.clear();
    this.connect.reset();
    this.routing.reset();
    this.flows.reset();
    this.phones.reset();
    this.lambda.reset();
    this.lex.reset();
    this.apiRate?.reset();
    this.calls.length = 0;
  }

  inventory(): AwsInventory {
    const routing = this.routing.inventory();
    const phoneNumbers = this.phones.inventory();
    return {
      instances: this.connect.inventory(),
      contactFlows: this.flows.inventory(),
      phoneNumbers,
      releasedPhoneNumbers: phoneNumbers.filter((p) => p.released).length,
      hoursOfOperation: routing.hoursOfOperation,
      queues: routing.queues,
      functions: this.lambda.inventory(),
      lexBots: this.lex.inventory(),
    };
  }

  /** Cancels the faults planned with failNext that have not happened yet. */
  clearFaults(): void {
    this.faults.clear();
  }

  /**
   * The next `times` calls of `operation` (SDK command name without "Command") fail with this error, before any
   * effect. On Lambda operations Connect-only names map to Lambda's equivalent (see faults.ts).
   */
  failNext(operation: string, error: AwsFault, times = 1): void {
    if (!isAwsFault(error)) throw new Error(`Unknown fault ${String(error)}`);
    this.faults.add(operation, error, times);
  }

  /**
   * These numbers still appear in SearchAvailablePhoneNumbers but ClaimPhoneNumber refuses them, as when a number is
   * taken between search and claim. Connect models no conflict error for ClaimPhoneNumber, so the default answer is
   * InvalidParameterException (400); pass another code to simulate something else.
   */
  markNumbersTaken(numbers: string[], error: string = 'InvalidParameterException'): void {
    this.phones.markTaken(numbers, error);
  }

  /**
   * The next call of `operation` is applied (its effect happens) but its HTTP response is held until releaseHeld(),
   * as when a worker crashes mid-call. Resolves once such a call has arrived and been applied.
   */
  holdNext(operation: string): Promise<void> {
    return new Promise((arrived) => this.holds.push({ operation, arrived }));
  }

  /** Completes every held response (those whose client went away are dropped). */
  releaseHeld(): void {
    const held = this.held;
    this.held = [];
    for (const { res, answer } of held) this.write(res, answer);
  }

  /** The next CreateInstance call(s) end in CREATION_FAILED (after instanceActivationMs) with this StatusReason. */
  failInstanceCreation(reason: string, times = 1): void {
    this.connect.failInstanceCreation(reason, times);
  }

  /** The deployment package of a Lambda function, as last uploaded (undefined when there is no such function). */
  functionCode(name: string): Buffer | undefined {
    return this.lambda.code(name);
  }

  // --- HTTP ------------------------------------------------------------------------------------------------------

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { body, tooLarge } = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://emulator');
    const method = req.method ?? 'GET';
    if (url.pathname.startsWith('/_emulator/')) {
      this.write(res, this.control(method, url.pathname, body));
      return;
    }

    const match = this.router.match(method, url.pathname);
    const service: ServiceName =
      match?.route.service ?? (url.pathname.startsWith('/2015-03-31/') ? 'lambda' : 'connect');
    const operation = match?.route.operation ?? 'Unknown';
    let answer: HttpAnswer;
    let hold: { arrived: () => void } | undefined;
    try {
      if (tooLarge) throw new AwsError('RequestTooLargeException', `Request must be smaller than ${MAX_BODY} bytes.`);
      const { region } = checkSignature(req.headers, body, service);
      if (!match)
        throw new AwsError('UnknownOperationException', `No ${service} operation for ${method} ${url.pathname}.`);
      if (service === 'connect' && this.apiRate && !this.apiRate.take(region))
        throw new AwsError('ThrottlingException', 'Rate exceeded');
      const fault = this.faults.take(operation);
      if (fault) throw faultError(fault, service, operation);
      const parsed = parseJson(body, service);
      hold = this.takeHold(operation);
      const result = match.route.handle({
        operation,
        labels: match.labels,
        query: url.searchParams,
        body: parsed,
        region,
      });
      const status = match.route.status ?? 200;
      answer = { status, headers: {}, ...(status === 204 ? {} : { body: result ?? {} }) };
    } catch (e) {
      const error =
        e instanceof AwsError
          ? e
          : new AwsError(
              service === 'lambda'
                ? 'ServiceException'
                : service === 'lex'
                  ? 'InternalServerException'
                  : 'InternalServiceException',
              `AWS emulator failure: ${(e as Error).message}`,
            );
      answer = errorAnswer(error, service);
    }

    const attempt = /attempt=(\d+)/.exec(String(req.headers['amz-sdk-request'] ?? ''))?.[1];
    this.calls.push({
      operation,
      service,
      status: answer.status,
      ...(answer.headers['x-amzn-errortype'] ? { error: answer.headers['x-amzn-errortype'] } : {}),
      ...(attempt ? { attempt: Number(attempt) } : {}),
      at: Date.now(),
    });
    if (hold) {
      this.held.push({ res, answer });
      hold.arrived();
      return;
    }
    this.write(res, answer);
  }

  private takeHold(operation: string): { arrived: () => void } | undefined {
    const index = this.holds.findIndex((h) => h.operation === operation);
    return index < 0 ? undefined : this.holds.splice(index, 1)[0];
  }

  private write(res: ServerResponse, answer: HttpAnswer): void {
    if (res.destroyed || res.writableEnded) return;
    const payload =
      answer.body === undefined
        ? undefined
        : Buffer.isBuffer(answer.body)
          ? answer.body
          : Buffer.from(JSON.stringify(answer.body));
    res.writeHead(answer.status, {
      'x-amzn-RequestId': randomUUID(),
      ...(payload
        ? {
            'content-type': Buffer.isBuffer(answer.body) ? 'application/zip' : 'application/json',
            'content-length': String(payload.length),
          }
        : {}),
      ...answer.headers,
    });
    res.end(payload);
  }

  // --- control API -----------------------------------------------------------------------------------------------

  private control(method: string, path: string, raw: Buffer): HttpAnswer {
    const ok = (body: unknown = { ok: true }): HttpAnswer => ({ status: 200, headers: {}, body });
    const bad = (message: string, status = 400): HttpAnswer => ({ status, headers: {}, body: { message } });
    let body: Record<string, unknown>;
    try {
      body = raw.length === 0 ? {} : (JSON.parse(raw.toString('utf8')) as Record<string, unknown>);
    } catch {
      return bad('Body must be JSON.');
    }
    const route = `${method} ${path.replace(/\/+$/, '')}`;
    const code = /^GET \/_emulator\/functions\/([^/]+)\/code$/.exec(route);
    if (code) {
      const zip = this.functionCode(decodeURIComponent(code[1] as string));
      return zip ? { status: 200, headers: {}, body: zip } : bad('No such function.', 404);
    }
    switch (route) {
      case 'GET /_emulator/inventory':
        return ok(this.inventory());
      case 'GET /_emulator/calls':
        return ok(this.calls);
      case 'POST /_emulator/reset':
        this.reset();
        return ok();
      case 'POST /_emulator/faults': {
        const { operation, error, times } = body;
        if (typeof operation !== 'string' || operation === '') return bad('operation is required.');
        if (!isAwsFault(error)) return bad(`error must be a known fault; got ${JSON.stringify(error)}.`);
        if (times !== undefined && (typeof times !== 'number' || !Number.isInteger(times) || times < 1))
          return bad('times must be a positive integer.');
        this.failNext(operation, error, (times as number | undefined) ?? 1);
        return ok();
      }
      case 'POST /_emulator/taken-numbers': {
        const { numbers, error } = body;
        if (!Array.isArray(numbers) || numbers.some((n) => typeof n !== 'string'))
          return bad('numbers must be a list of strings.');
        if (error !== undefined && typeof error !== 'string') return bad('error must be a string.');
        this.markNumbersTaken(numbers as string[], (error as string | undefined) ?? 'InvalidParameterException');
        return ok();
      }
      case 'POST /_emulator/instance-failures': {
        if (typeof body.reason !== 'string') return bad('reason is required.');
        this.failInstanceCreation(body.reason);
        return ok();
      }
      case 'POST /_emulator/holds': {
        if (typeof body.operation !== 'string' || body.operation === '') return bad('operation is required.');
        void this.holdNext(body.operation);
        return ok();
      }
      case 'POST /_emulator/release-held':
        this.releaseHeld();
        return ok();
      default:
        return bad(`No control route ${route}.`, 404);
    }
  }
}

function readBody(req: IncomingMessage): Promise<{ body: Buffer; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => resolve({ body: Buffer.concat(chunks), tooLarge: size > MAX_BODY }));
    req.on('error', reject);
  });
}

function parseJson(body: Buffer, service: ServiceName): Record<string, unknown> {
  if (body.length === 0) return {};
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new AwsError(
    service === 'lambda'
      ? 'InvalidRequestContentException'
      : service === 'lex'
        ? 'ValidationException'
        : 'SerializationException',
    'The request body is not a JSON object.',
    {},
    400,
  );
}
