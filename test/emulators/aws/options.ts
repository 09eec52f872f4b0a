import type { ApiRate } from './api-rate.js';

export interface AwsEmulatorOptions {
  /** CreateInstance -> CREATION_IN_PROGRESS, ACTIVE after this many ms (default 300). */
  instanceActivationMs?: number;
  /** ClaimPhoneNumber/ImportPhoneNumber -> IN_PROGRESS, CLAIMED after this many ms (default 200). */
  phoneClaimMs?: number;
  /** CreateFunction -> State Pending, Active after this many ms; an update is InProgress as long (default 200). */
  functionActivationMs?: number;
  /** Lex V2: a bot, locale, version or alias is Creating/Versioning this many ms (default 100). */
  lexSettleMs?: number;
  /** Lex V2: a locale build takes this many ms (default 300; about a minute in AWS). */
  lexBuildMs?: number;
  /** Size of the searchable number stock per country/type (default 50). */
  availableNumbers?: number;
  /** Default '123456789012'. */
  accountId?: string;
  /**
   * Service quotas to enforce; none by default. AWS's defaults are 2 instances per account and 5 phone numbers per
   * instance: set them to see what a worker does at the limit. Over the instance quota CreateInstance answers
   * ServiceQuotaExceededException; over the number quota a claim is accepted and then ends FAILED, as Connect does.
   * (50 Lambda functions per instance is not adjustable in AWS and is always enforced.)
   */
  quotas?: { instances?: number; phoneNumbersPerInstance?: number };
  /**
   * Connect's API rate per account and region, shared by all its operations (AWS: about 2 per second, burst 5); none
   * by default. Over it a call answers ThrottlingException (429) with no effect. Lambda's own limits are not modelled.
   */
  apiRate?: ApiRate;
}

export interface ResolvedOptions {
  instanceActivationMs: number;
  phoneClaimMs: number;
  functionActivationMs: number;
  lexSettleMs: number;
  lexBuildMs: number;
  availableNumbers: number;
  accountId: string;
  quotas: { instances: number; phoneNumbersPerInstance: number };
  apiRate?: ApiRate;
}

export function resolveOptions(options: AwsEmulatorOptions = {}): ResolvedOptions {
  const accountId = options.accountId ?? '123456789012';
  if (!/^\d{12}$/.test(accountId)) throw new Error(`accountId must be 12 digits, got '${accountId}'`);
  if (options.apiRate && !(options.apiRate.perSecond > 0 && options.apiRate.burst >= 1))
    throw new Error('apiRate needs perSecond > 0 and burst >= 1');
  return {
    instanceActivationMs: options.instanceActivationMs ?? 300,
    phoneClaimMs: options.phoneClaimMs ?? 200,
    functionActivationMs: options.functionActivationMs ?? 200,
    lexSettleMs: options.lexSettleMs ?? 100,
    lexBuildMs: options.lexBuildMs ?? 300,
    availableNumbers: options.availableNumbers ?? 50,
    accountId,
    quotas: {
      instances: options.quotas?.instances ?? Number.POSITIVE_INFINITY,
      phoneNumbersPerInstance: options.quotas?.phoneNumbersPerInstance ?? Number.POSITIVE_INFINITY,
    },
    ...(options.apiRate ? { apiRate: options.apiRate } : {}),
  };
}

/** What every API module shares: the options and the clock. */
export interface EmulatorEnv {
  readonly options: ResolvedOptions;
  now(): number;
}

/** Connect, Lambda and Lex timestamps are epoch seconds on the wire. */
export function epochSeconds(ms: number): number {
  return ms / 1000;
}
