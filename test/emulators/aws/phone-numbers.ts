import { createHash, randomUUID } from 'node:crypto';
import { AwsError } from './aws-errors.js';
import type { ConnectApi, Instance } from './connect-api.js';
import type { ContactFlowsApi } from './contact-flows.js';
import { Input, UUID } from './input.js';
import type { EmulatorEnv } from './options.js';
import { paginate } from './pagination.js';
import { connectRoute, type AwsRequest, type Route } from './router.js';

/**
 * Amazon Connect phone numbers: a deterministic searchable stock, claim/import (asynchronous: IN_PROGRESS, then
 * CLAIMED or FAILED), describe, list, flow association and release.
 *
 * A number taken between search and claim: ClaimPhoneNumber's modelled errors are AccessDeniedException,
 * IdempotencyException, InternalServiceException, InvalidParameterException, ResourceNotFoundException and
 * ThrottlingException. ResourceConflictException is not among them, and IdempotencyException is for a reused
 * ClientToken; the realistic answer for "this number is not available" is InvalidParameterException (400) on the
 * PhoneNumber parameter, so that is the default. `markTaken` can be told to answer another error.
 */

export type PhoneStatus = 'IN_PROGRESS' | 'CLAIMED' | 'FAILED';

interface PhoneNumber {
  id: string;
  arn: string;
  number: string;
  countryCode: string;
  type: string;
  instanceId: string;
  targetArn: string;
  description?: string;
  tags?: Record<string, string>;
  sourcePhoneNumberArn?: string;
  source: 'claimed' | 'imported';
  readyAt: number;
  failMessage?: string;
  contactFlowId?: string;
  released: boolean;
}

interface StockNumber {
  number: string;
  type: 'DID' | 'TOLL_FREE';
}

const PHONE_TYPES = ['TOLL_FREE', 'DID', 'UIFN', 'SHARED', 'THIRD_PARTY_TF', 'THIRD_PARTY_DID', 'SHORT_CODE'] as const;
const E164 = /^\+[1-9]\d{1,14}$/;
const SOURCE_ARN = /^arn:aws[a-z-]*:sms-voice:[a-z0-9-]+:\d{12}:phone-number\/[\w-]+$/;
/** US area codes of the stock: several, so that a prefix such as +1206 selects a subset. */
const DID_AREA_CODES = ['206', '312', '415', '646', '702'];
const TOLL_FREE_CODES = ['888', '877', '866', '855', '844'];

export class PhoneNumbersApi {
  private readonly numbers: PhoneNumber[] = [];
  private readonly taken = new Map<string, string>();
  private readonly claimTokens = new Map<string, { phoneId: string; number: string; instanceId: string }>();
  private readonly importTokens = new Map<string, { phoneId: string; source: string; instanceId: string }>();
  private readonly releaseTokens = new Map<string, string>();
  private readonly stockCache = new Map<string, StockNumber[]>();

  constructor(
    private readonly env: EmulatorEnv,
    private readonly connect: ConnectApi,
    private readonly flows: ContactFlowsApi,
  ) {}

  /** These numbers stay in search results but ClaimPhoneNumber refuses them, as when someone else got there first. */
  markTaken(numbers: string[], errorCode = 'InvalidParameterException'): void {
    for (const n of numbers) this.taken.set(n, errorCode);
  }

  reset(): void {
    this.numbers.length = 0;
    this.taken.clear();
    this.claimTokens.clear();
    this.importTokens.clear();
    this.releaseTokens.clear();
  }

  status(p: PhoneNumber): PhoneStatus {
    if (this.env.now() < p.readyAt) return 'IN_PROGRESS';
    return p.failMessage === undefined ? 'CLAIMED' : 'FAILED';
  }

  routes(): Route[] {
    return [
      connectRoute('SearchAvailablePhoneNumbers', 'POST', '/phone-number/search-available', (r) => this.search(r)),
      connectRoute('ClaimPhoneNumber', 'POST', '/phone-number/claim', (r) => this.claim(r)),
      connectRoute('ImportPhoneNumber', 'POST', '/phone-number/import', (r) => this.import(r)),
      connectRoute('DescribePhoneNumber', 'GET', '/phone-number/{PhoneNumberId}', (r) => this.describe(r)),
      connectRoute('ListPhoneNumbersV2', 'POST', '/phone-number/list', (r) => this.list(r)),
      connectRoute('AssociatePhoneNumberContactFlow', 'PUT', '/phone-number/{PhoneNumberId}/contact-flow', (r) =>
        this.associate(r),
      ),
      connectRoute('DisassociatePhoneNumberContactFlow', 'DELETE', '/phone-number/{PhoneNumberId}/contact-flow', (r) =>
        this.disassociate(r),
      ),
      connectRoute('ReleasePhoneNumber', 'DELETE', '/phone-number/{PhoneNumberId}', (r) => this.release(r)),
    ];
  }

  inventory() {
    return this.numbers.map((p) => ({
      id: p.id,
      arn: p.arn,
      number: p.number,
      type: p.type,
      instanceId: p.instanceId,
      status: this.status(p),
      ...(p.contactFlowId !== undefined ? { contactFlowId: p.contactFlowId } : {}),
      source: p.source,
      released: p.released,
    }));
  }

  // --- stock -----------------------------------------------------------------------------------------------------

  /** The deterministic stock for a country and type: US DID as +1 <area> 555 01xx, US TOLL_FREE as +1 8xx 555 01xx. */
  private stock(country: string, type: string): StockNumber[] {
    if (country !== 'US' || (type !== 'DID' && type !== 'TOLL_FREE')) return [];
    const key = `${country}:${type}`;
    let list = this.stockCache.get(key);
    if (!list) {
      const codes = type === 'DID' ? DID_AREA_CODES : TOLL_FREE_CODES;
      list = Array.from({ length: this.env.options.availableNumbers }, (_, k) => ({
        number: `+1${codes[k % codes.length]}555${String(100 + Math.floor(k / codes.length)).padStart(4, '0')}`,
        type,
      }));
      this.stockCache.set(key, list);
    }
    return list;
  }

  private stockEntry(number: string): StockNumber | undefined {
    return [...this.stock('US', 'DID'), ...this.stock('US', 'TOLL_FREE')].find((s) => s.number === number);
  }

  /** Held by someone in this account: claimed, in progress, failed but not released, or released (in cooldown). */
  private inUse(number: string): boolean {
    return this.numbers.some((p) => p.number === number);
  }

  // --- operations ------------------------------------------------------------------------------------------------

  /** TargetArn (an instance ARN) or InstanceId; the instance must be ACTIVE. */
  private target(input: Input, unknownCode: string): Instance {
    const targetArn = input.optionalString('TargetArn');
    const instanceId = input.optionalString('InstanceId', { max: 100 });
    if (!targetArn && !instanceId)
      throw new AwsError('InvalidParameterException', 'Either TargetArn or InstanceId is required.');
    let instance: Instance | undefined;
    if (targetArn) {
      instance = this.connect.instanceByArn(targetArn);
      if (!instance) throw new AwsError(unknownCode, `Target not found: ${targetArn}`);
      if (instanceId && instanceId !== instance.id)
        throw new AwsError('InvalidParameterException', 'TargetArn and InstanceId name different instances.');
    }
    try {
      return this.connect.activeInstance(instance?.id ?? (instanceId as string));
    } catch (e) {
      if (e instanceof AwsError && e.code === 'ResourceNotFoundException') throw new AwsError(unknownCode, e.message);
      throw e;
    }
  }

  private search({ body }: AwsRequest) {
    const input = new Input(body, 'InvalidParameterException');
    const instance = this.target(input, 'InvalidParameterException');
    const country = input.string('PhoneNumberCountryCode', { pattern: /^[A-Z]{2}$/ });
    const type = input.enum('PhoneNumberType', PHONE_TYPES);
    const prefix = input.optionalString('PhoneNumberPrefix', { pattern: /^\+\d{1,15}$/ });
    const available = this.stock(country, type)
      .filter((s) => !this.inUse(s.number) && (prefix === undefined || s.number.startsWith(prefix)))
      .map((s) => ({ PhoneNumber: s.number, PhoneNumberCountryCode: country, PhoneNumberType: s.type }));
    const { page, nextToken } = paginate(
      available,
      { maxResults: body.MaxResults, nextToken: body.NextToken },
      { defaultSize: 10, max: 10, errorCode: 'InvalidParameterException' },
      `search:${instance.id}:${country}:${type}:${prefix ?? ''}`,
    );
    return { AvailableNumbersList: page, ...(nextToken ? { NextToken: nextToken } : {}) };
  }

  private claim({ body }: AwsRequest) {
    const input = new Input(body, 'InvalidParameterException');
    const number = input.string('PhoneNumber', { pattern: E164 });
    const clientToken = input.optionalString('ClientToken', { max: 500, pattern: UUID });
    const description = input.optionalString('PhoneNumberDescription', { max: 500 });
    const tags = input.optionalStringMap('Tags');
    const instance = this.target(input, 'ResourceNotFoundException');

    if (clientToken !== undefined) {
      const previous = this.claimTokens.get(clientToken);
      if (previous) {
        if (previous.number !== number || previous.instanceId !== instance.id) {
          throw new AwsError(
            'IdempotencyException',
            `ClientToken ${clientToken} was already used with different parameters.`,
          );
        }
        const phone = this.numbers.find((p) => p.id === previous.phoneId) as PhoneNumber;
        return { PhoneNumberId: phone.id, PhoneNumberArn: phone.arn };
      }
    }
    const takenError = this.taken.get(number);
    if (takenError) throw new AwsError(takenError, `Phone number ${number} is not available to claim.`);
    const stock = this.stockEntry(number);
    if (!stock || this.inUse(number))
      throw new AwsError('InvalidParameterException', `Phone number ${number} is not available to claim.`);

    const phone = this.add(instance, {
      number,
      type: stock.type,
      source: 'claimed',
      ...(description !== undefined ? { description } : {}),
      ...(tags ? { tags } : {}),
    });
    if (clientToken !== undefined)
      this.claimTokens.set(clientToken, { phoneId: phone.id, number, instanceId: instance.id });
    return { PhoneNumberId: phone.id, PhoneNumberArn: phone.arn };
  }

  private import({ body }: AwsRequest) {
    const input = new Input(body, 'InvalidParameterException');
    const instance = this.connect.activeInstance(input.string('InstanceId', { max: 100 }));
    const source = input.string('SourcePhoneNumberArn', { pattern: SOURCE_ARN });
    const clientToken = input.optionalString('ClientToken', { max: 500 });
    const description = input.optionalString('PhoneNumberDescription', { max: 500 });
    const tags = input.optionalStringMap('Tags');

    if (clientToken !== undefined) {
      const previous = this.importTokens.get(clientToken);
      if (previous) {
        if (previous.source !== source || previous.instanceId !== instance.id) {
          throw new AwsError(
            'IdempotencyException',
            `ClientToken ${clientToken} was already used with different parameters.`,
          );
        }
        const phone = this.numbers.find((p) => p.id === previous.phoneId) as PhoneNumber;
        return { PhoneNumberId: phone.id, PhoneNumberArn: phone.arn };
      }
    }
    if (this.numbers.some((p) => p.sourcePhoneNumberArn === source && !p.released)) {
      throw new AwsError('IdempotencyException', `The phone number ${source} is already imported into Amazon Connect.`);
    }
    const phone = this.add(instance, {
      number: importedNumber(source),
      type: 'DID',
      source: 'imported',
      sourcePhoneNumberArn: source,
      ...(description !== undefined ? { description } : {}),
      ...(tags ? { tags } : {}),
    });
    if (clientToken !== undefined)
      this.importTokens.set(clientToken, { phoneId: phone.id, source, instanceId: instance.id });
    return { PhoneNumberId: phone.id, PhoneNumberArn: phone.arn };
  }

  /**
   * A new number record, IN_PROGRESS for `phoneClaimMs`. Over the per-instance quota the request is still accepted
   * and the number ends FAILED, as Connect reports a target that reached its limit of claimed numbers.
   */
  private add(
    instance: Instance,
    fields: Pick<PhoneNumber, 'number' | 'type' | 'source'> &
      Partial<Pick<PhoneNumber, 'description' | 'tags' | 'sourcePhoneNumberArn'>>,
  ): PhoneNumber {
    const live = this.numbers.filter(
      (p) => p.instanceId === instance.id && !p.released && this.status(p) !== 'FAILED',
    ).length;
    const quota = this.env.options.quotas.phoneNumbersPerInstance;
    const id = randomUUID();
    const phone: PhoneNumber = {
      id,
      arn: `arn:aws:connect:${instance.region}:${this.env.options.accountId}:phone-number/${id}`,
      countryCode: 'US',
      instanceId: instance.id,
      targetArn: instance.arn,
      readyAt: this.env.now() + this.env.options.phoneClaimMs,
      released: false,
      ...fields,
      ...(live >= quota ? { failMessage: `The target has reached its limit of ${quota} claimed phone numbers.` } : {}),
    };
    this.numbers.push(phone);
    return phone;
  }

  private phone(id: string): PhoneNumber {
    const phone = this.numbers.find((p) => p.id === id && !p.released);
    if (!phone) throw new AwsError('ResourceNotFoundException', `Phone number not found: ${id}`);
    return phone;
  }

  private describe({ labels }: AwsRequest) {
    const p = this.phone(labels.PhoneNumberId as string);
    const status = this.status(p);
    return {
      ClaimedPhoneNumberSummary: {
        PhoneNumberId: p.id,
        PhoneNumberArn: p.arn,
        PhoneNumber: p.number,
        PhoneNumberCountryCode: p.countryCode,
        PhoneNumberType: p.type,
        ...(p.description !== undefined ? { PhoneNumberDescription: p.description } : {}),
        TargetArn: p.targetArn,
        InstanceId: p.instanceId,
        Tags: p.tags ?? {},
        PhoneNumberStatus: {
          Status: status,
          ...(status === 'FAILED' ? { Message: p.failMessage } : {}),
        },
        ...(p.sourcePhoneNumberArn !== undefined ? { SourcePhoneNumberArn: p.sourcePhoneNumberArn } : {}),
      },
    };
  }

  private list({ body }: AwsRequest) {
    const input = new Input(body, 'InvalidParameterException');
    const instance =
      body.TargetArn !== undefined || body.InstanceId !== undefined
        ? this.target(input, 'ResourceNotFoundException')
        : undefined;
    const countries = (input.optionalArray('PhoneNumberCountryCodes') as string[] | undefined) ?? [];
    const types = (input.optionalArray('PhoneNumberTypes') as string[] | undefined) ?? [];
    const prefix = input.optionalString('PhoneNumberPrefix', { pattern: /^\+?\d{1,15}$/ });
    const summaries = this.numbers
      .filter(
        (p) =>
          !p.released &&
          (!instance || p.instanceId === instance.id) &&
          (countries.length === 0 || countries.includes(p.countryCode)) &&
          (types.length === 0 || types.includes(p.type)) &&
          (prefix === undefined || p.number.startsWith(prefix.startsWith('+') ? prefix : `+${prefix}`)),
      )
      .map((p) => ({
        PhoneNumberId: p.id,
        PhoneNumberArn: p.arn,
        PhoneNumber: p.number,
        PhoneNumberCountryCode: p.countryCode,
        PhoneNumberType: p.type,
        TargetArn: p.targetArn,
        InstanceId: p.instanceId,
        ...(p.description !== undefined ? { PhoneNumberDescription: p.description } : {}),
        ...(p.sourcePhoneNumberArn !== undefined ? { SourcePhoneNumberArn: p.sourcePhoneNumberArn } : {}),
      }));
    const { page, nextToken } = paginate(
      summaries,
      { maxResults: body.MaxResults, nextToken: body.NextToken },
      { defaultSize: 100, max: 1000, errorCode: 'InvalidParameterException' },
      `numbers:${instance?.id ?? '*'}:${countries.join(',')}:${types.join(',')}:${prefix ?? ''}`,
    );
    return { ListPhoneNumbersSummaryList: page, ...(nextToken ? { NextToken: nextToken } : {}) };
  }

  /** The number, checked to belong to `instanceId` (itself ACTIVE). */
  private phoneOf(phoneId: string, instanceId: string): PhoneNumber {
    const instance = this.connect.activeInstance(instanceId);
    const phone = this.phone(phoneId);
    if (phone.instanceId !== instance.id)
      throw new AwsError(
        'ResourceNotFoundException',
        `Phone number ${phoneId} is not claimed to instance ${instanceId}.`,
      );
    return phone;
  }

  private associate({ labels, body }: AwsRequest) {
    const input = new Input(body, 'InvalidParameterException');
    const instanceId = input.string('InstanceId', { max: 100 });
    const flowId = input.string('ContactFlowId', { max: 500 });
    const phone = this.phoneOf(labels.PhoneNumberId as string, instanceId);
    const flow = this.flows.find(phone.instanceId, flowId);
    if (!flow) throw new AwsError('ResourceNotFoundException', `Contact flow not found: ${flowId}`);
    if (flow.type !== 'CONTACT_FLOW') {
      throw new AwsError(
        'InvalidParameterException',
        `Only a flow of type CONTACT_FLOW can be associated with a phone number; ${flowId} is ${flow.type}.`,
      );
    }
    const status = this.status(phone);
    if (status !== 'CLAIMED') {
      throw new AwsError(
        'InvalidParameterException',
        `Phone number ${phone.id} is ${status}; only a CLAIMED number can be associated with a flow.`,
      );
    }
    phone.contactFlowId = flow.id;
    return undefined;
  }

  private disassociate({ labels, query }: AwsRequest) {
    const instanceId = query.get('instanceId');
    if (!instanceId) throw new AwsError('InvalidParameterException', 'InstanceId is required.');
    const phone = this.phoneOf(labels.PhoneNumberId as string, instanceId);
    delete phone.contactFlowId;
    return undefined;
  }

  /**
   * Release: the number leaves the instance (DescribePhoneNumber then answers ResourceNotFoundException) and enters
   * AWS's cooldown, so it is no longer in the searchable stock. A number still IN_PROGRESS is ResourceInUseException.
   * The record stays in the inventory with `released: true`, so churn can be counted.
   */
  private release({ labels, query }: AwsRequest) {
    const clientToken = query.get('clientToken') ?? undefined;
    if (clientToken !== undefined && this.releaseTokens.get(clientToken) === labels.PhoneNumberId) return undefined;
    const phone = this.phone(labels.PhoneNumberId as string);
    if (this.status(phone) === 'IN_PROGRESS') {
      throw new AwsError('ResourceInUseException', `Phone number ${phone.id} has an operation in progress.`, {
        ResourceType: 'PHONE_NUMBER',
        ResourceId: phone.id,
      });
    }
    phone.released = true;
    delete phone.contactFlowId;
    if (clientToken !== undefined) this.releaseTokens.set(clientToken, phone.id);
    return undefined;
  }
}

/** The E.164 number of an End User Messaging SMS phone number ARN: deterministic, +1 425 555 1000..9999. */
function importedNumber(sourceArn: string): string {
  const n = parseInt(createHash('sha256').update(sourceArn).digest('hex').slice(0, 8), 16) % 9000;
  return `+1425555${1000 + n}`;
}
