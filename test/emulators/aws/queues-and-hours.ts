import { randomUUID } from 'node:crypto';
import { AwsError } from './aws-errors.js';
import type { ConnectApi, Instance } from './connect-api.js';
import { Input, queryMembers } from './input.js';
import { epochSeconds, type EmulatorEnv } from './options.js';
import { paginate } from './pagination.js';
import { connectRoute, type AwsRequest, type Route } from './router.js';

/**
 * An instance's queues and hours of operation. A new instance gets "Basic Hours" (24x7) and "BasicQueue"
 * (STANDARD) using them; hours can be listed, created, updated and deleted (not while a queue uses them).
 */

interface Queue {
  instanceId: string;
  id: string;
  arn: string;
  name: string;
  type: 'STANDARD' | 'AGENT';
  hoursOfOperationId: string;
  lastModified: number;
  region: string;
}

interface TimeSlice {
  Hours: number;
  Minutes: number;
}

interface HoursConfig {
  Day: string;
  StartTime: TimeSlice;
  EndTime: TimeSlice;
}

interface HoursOfOperation {
  instanceId: string;
  id: string;
  arn: string;
  name: string;
  description?: string;
  timeZone: string;
  config: HoursConfig[];
  tags?: Record<string, string>;
  lastModified: number;
  region: string;
}

const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
const TIME_ZONES = new Set(['UTC', ...Intl.supportedValuesOf('timeZone')]);

export class QueuesAndHoursApi {
  private readonly queues: Queue[] = [];
  private readonly hours: HoursOfOperation[] = [];

  constructor(
    private readonly env: EmulatorEnv,
    private readonly connect: ConnectApi,
  ) {
    connect.onInstanceCreated((instance) => this.addDefaults(instance));
  }

  reset(): void {
    this.queues.length = 0;
    this.hours.length = 0;
  }

  routes(): Route[] {
    return [
      connectRoute('ListQueues', 'GET', '/queues-summary/{InstanceId}', (r) => this.listQueues(r)),
      connectRoute('ListHoursOfOperations', 'GET', '/hours-of-operations-summary/{InstanceId}', (r) =>
        this.listHours(r),
      ),
      connectRoute('DescribeHoursOfOperation', 'GET', '/hours-of-operations/{InstanceId}/{HoursOfOperationId}', (r) =>
        this.describeHours(r),
      ),
      connectRoute('CreateHoursOfOperation', 'PUT', '/hours-of-operations/{InstanceId}', (r) => this.createHours(r)),
      connectRoute('UpdateHoursOfOperation', 'POST', '/hours-of-operations/{InstanceId}/{HoursOfOperationId}', (r) =>
        this.updateHours(r),
      ),
      connectRoute('DeleteHoursOfOperation', 'DELETE', '/hours-of-operations/{InstanceId}/{HoursOfOperationId}', (r) =>
        this.deleteHours(r),
      ),
    ];
  }

  inventory() {
    return {
      queues: this.queues.map((q) => ({ instanceId: q.instanceId, id: q.id, arn: q.arn, name: q.name, type: q.type })),
      hoursOfOperation: this.hours.map((h) => ({
        instanceId: h.instanceId,
        id: h.id,
        arn: h.arn,
        name: h.name,
        timeZone: h.timeZone,
      })),
    };
  }

  private addDefaults(instance: Instance): void {
    const hoursId = randomUUID();
    this.hours.push({
      instanceId: instance.id,
      id: hoursId,
      arn: `${instance.arn}/operating-hours/${hoursId}`,
      name: 'Basic Hours',
      description: 'This is a basic 24x7 hours of operation.',
      timeZone: 'UTC',
      config: DAYS.map((Day) => ({ Day, StartTime: { Hours: 0, Minutes: 0 }, EndTime: { Hours: 0, Minutes: 0 } })),
      lastModified: instance.createdAt,
      region: instance.region,
    });
    const queueId = randomUUID();
    this.queues.push({
      instanceId: instance.id,
      id: queueId,
      arn: `${instance.arn}/queue/${queueId}`,
      name: 'BasicQueue',
      type: 'STANDARD',
      hoursOfOperationId: hoursId,
      lastModified: instance.createdAt,
      region: instance.region,
    });
  }

  // --- queues ----------------------------------------------------------------------------------------------------

  private listQueues({ labels, query }: AwsRequest) {
    const instance = this.connect.activeInstance(labels.InstanceId as string);
    const q = queryMembers(query, { queueTypes: { list: true }, nextToken: {}, maxResults: { integer: true } });
    const types = (q.queueTypes as string[] | undefined) ?? [];
    for (const t of types) {
      if (t !== 'STANDARD' && t !== 'AGENT')
        throw new AwsError('InvalidParameterException', `Invalid queue type: ${t}`);
    }
    const queues = this.queues
      .filter((x) => x.instanceId === instance.id && (types.length === 0 || types.includes(x.type)))
      .map((x) => ({
        Id: x.id,
        Arn: x.arn,
        Name: x.name,
        QueueType: x.type,
        LastModifiedTime: epochSeconds(x.lastModified),
        LastModifiedRegion: x.region,
      }));
    const { page, nextToken } = paginate(
      queues,
      { maxResults: q.maxResults, nextToken: q.nextToken },
      { defaultSize: 100, max: 1000, errorCode: 'InvalidParameterException' },
      `queues:${instance.id}:${types.join(',')}`,
    );
    return { QueueSummaryList: page, ...(nextToken ? { NextToken: nextToken } : {}) };
  }

  // --- hours of operation ----------------------------------------------------------------------------------------

  private listHours({ labels, query }: AwsRequest) {
    const instance = this.connect.activeInstance(labels.InstanceId as string);
    const q = queryMembers(query, { nextToken: {}, maxResults: { integer: true } });
    const list = this.hours
      .filter((h) => h.instanceId === instance.id)
      .map((h) => ({
        Id: h.id,
        Arn: h.arn,
        Name: h.name,
        LastModifiedTime: epochSeconds(h.lastModified),
        LastModifiedRegion: h.region,
      }));
    const { page, nextToken } = paginate(
      list,
      { maxResults: q.maxResults, nextToken: q.nextToken },
      { defaultSize: 100, max: 1000, errorCode: 'InvalidParameterException' },
      `hours:${instance.id}`,
    );
    return { HoursOfOperationSummaryList: page, ...(nextToken ? { NextToken: nextToken } : {}) };
  }

  private describeHours({ labels }: AwsRequest) {
    const hours = this.findHours(labels.InstanceId as string, labels.HoursOfOperationId as string);
    return {
      HoursOfOperation: {
        HoursOfOperationId: hours.id,
        HoursOfOperationArn: hours.arn,
        Name: hours.name,
        ...(hours.description !== undefined ? { Description: hours.description } : {}),
        TimeZone: hours.timeZone,
        Config: hours.config,
        Tags: hours.tags ?? {},
        LastModifiedTime: epochSeconds(hours.lastModified),
        LastModifiedRegion: hours.region,
      },
    };
  }

  private createHours({ labels, body, region }: AwsRequest) {
    const instance = this.connect.activeInstance(labels.InstanceId as string);
    const input = new Input(body, 'InvalidParameterException');
    const name = input.string('Name', { max: 127 });
    const timeZone = this.timeZone(input.string('TimeZone'));
    const config = this.hoursConfig(input.optionalArray('Config'), true);
    const description = input.optionalString('Description', { max: 250 });
    const tags = input.optionalStringMap('Tags');
    this.ensureUniqueHoursName(instance.id, name);
    const id = randomUUID();
    const hours: HoursOfOperation = {
      instanceId: instance.id,
      id,
      arn: `${instance.arn}/operating-hours/${id}`,
      name,
      timeZone,
      config,
      ...(description !== undefined ? { description } : {}),
      ...(tags ? { tags } : {}),
      lastModified: this.env.now(),
      region,
    };
    this.hours.push(hours);
    return { HoursOfOperationId: hours.id, HoursOfOperationArn: hours.arn };
  }

  private updateHours({ labels, body, region }: AwsRequest) {
    const hours = this.findHours(labels.InstanceId as string, labels.HoursOfOperationId as string);
    const input = new Input(body, 'InvalidParameterException');
    const name = input.optionalString('Name', { max: 127 });
    const timeZone = input.optionalString('TimeZone');
    const config = input.optionalArray('Config');
    const description = input.optionalString('Description', { max: 250 });
    if (name !== undefined && name !== hours.name) this.ensureUniqueHoursName(hours.instanceId, name);
    if (name !== undefined) hours.name = name;
    if (timeZone !== undefined) hours.timeZone = this.timeZone(timeZone);
    if (config !== undefined) hours.config = this.hoursConfig(config, false);
    if (description !== undefined) hours.description = description;
    hours.lastModified = this.env.now();
    hours.region = region;
    return undefined;
  }

  private deleteHours({ labels }: AwsRequest) {
    const hours = this.findHours(labels.InstanceId as string, labels.HoursOfOperationId as string);
    const user = this.queues.find((q) => q.hoursOfOperationId === hours.id);
    if (user) {
      throw new AwsError(
        'InvalidRequestException',
        `Hours of operation ${hours.id} is used by queue ${user.name} and cannot be deleted.`,
      );
    }
    this.hours.splice(this.hours.indexOf(hours), 1);
    return undefined;
  }

  private findHours(instanceId: string, hoursId: string): HoursOfOperation {
    const instance = this.connect.activeInstance(instanceId);
    const hours = this.hours.find((h) => h.instanceId === instance.id && h.id === hoursId);
    if (!hours) throw new AwsError('ResourceNotFoundException', `Hours of operation not found: ${hoursId}`);
    return hours;
  }

  private ensureUniqueHoursName(instanceId: string, name: string): void {
    if (this.hours.some((h) => h.instanceId === instanceId && h.name === name)) {
      throw new AwsError('DuplicateResourceException', `Hours of operation with name ${name} already exists.`);
    }
  }

  private timeZone(value: string): string {
    if (!TIME_ZONES.has(value)) throw new AwsError('InvalidParameterException', `Invalid TimeZone: ${value}`);
    return value;
  }

  private hoursConfig(config: unknown[] | undefined, required: boolean): HoursConfig[] {
    if (config === undefined) {
      if (required) throw new AwsError('InvalidParameterException', 'Config is required.');
      return [];
    }
    const slice = (v: unknown, where: string): TimeSlice => {
      const s = v as Partial<TimeSlice> | undefined;
      const ok =
        s &&
        Number.isInteger(s.Hours) &&
        Number.isInteger(s.Minutes) &&
        (s.Hours as number) >= 0 &&
        (s.Hours as number) <= 23 &&
        (s.Minutes as number) >= 0 &&
        (s.Minutes as number) <= 59;
      if (!ok) throw new AwsError('InvalidParameterException', `${where} must have Hours 0..23 and Minutes 0..59.`);
      return { Hours: s.Hours as number, Minutes: s.Minutes as number };
    };
    return config.map((entry, i) => {
      const e = (entry ?? {}) as Record<string, unknown>;
      if (!DAYS.includes(e.Day as (typeof DAYS)[number])) {
        throw new AwsError('InvalidParameterException', `Config[${i}].Day must be one of ${DAYS.join(', ')}.`);
      }
      return {
        Day: e.Day as string,
        StartTime: slice(e.StartTime, `Config[${i}].StartTime`),
        EndTime: slice(e.EndTime, `Config[${i}].EndTime`),
      };
    });
  }
}
