import { createHash, randomUUID } from 'node:crypto';
import { AwsError } from './aws-errors.js';
import type { ConnectApi, Instance } from './connect-api.js';
import { flowProblems, MAX_FLOW_CONTENT } from './flow-validation.js';
import { Input, queryMembers } from './input.js';
import { epochSeconds, type EmulatorEnv } from './options.js';
import { paginate } from './pagination.js';
import { connectRoute, type AwsRequest, type Route } from './router.js';

/** Amazon Connect contact flows: create/describe/list/update content/delete, with the default flows of an instance. */

const FLOW_TYPES = [
  'CONTACT_FLOW',
  'CUSTOMER_QUEUE',
  'CUSTOMER_HOLD',
  'CUSTOMER_WHISPER',
  'AGENT_HOLD',
  'AGENT_WHISPER',
  'OUTBOUND_WHISPER',
  'AGENT_TRANSFER',
  'QUEUE_TRANSFER',
  'CAMPAIGN',
] as const;

/** The flows a new instance has before anyone creates one (a real instance has these and more samples). */
const DEFAULT_FLOWS: { name: string; type: (typeof FLOW_TYPES)[number] }[] = [
  { name: 'Default agent hold', type: 'AGENT_HOLD' },
  { name: 'Default agent transfer', type: 'AGENT_TRANSFER' },
  { name: 'Default agent whisper', type: 'AGENT_WHISPER' },
  { name: 'Default customer hold', type: 'CUSTOMER_HOLD' },
  { name: 'Default customer queue', type: 'CUSTOMER_QUEUE' },
  { name: 'Default customer whisper', type: 'CUSTOMER_WHISPER' },
  { name: 'Default outbound', type: 'OUTBOUND_WHISPER' },
  { name: 'Default queue transfer', type: 'QUEUE_TRANSFER' },
  { name: 'Sample inbound flow (first contact experience)', type: 'CONTACT_FLOW' },
];

const DEFAULT_CONTENT = JSON.stringify({
  Version: '2019-10-30',
  StartAction: 'end',
  Actions: [{ Identifier: 'end', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} }],
});

export interface ContactFlow {
  instanceId: string;
  id: string;
  arn: string;
  name: string;
  type: string;
  content: string;
  description?: string;
  status: 'PUBLISHED' | 'SAVED';
  tags?: Record<string, string>;
  lastModified: number;
  region: string;
  builtIn: boolean;
}

export class ContactFlowsApi {
  private readonly flows: ContactFlow[] = [];

  constructor(
    private readonly env: EmulatorEnv,
    private readonly connect: ConnectApi,
  ) {
    connect.onInstanceCreated((instance) => this.addDefaults(instance));
  }

  reset(): void {
    this.flows.length = 0;
  }

  find(instanceId: string, flowId: string): ContactFlow | undefined {
    return this.flows.find((f) => f.instanceId === instanceId && f.id === flowId);
  }

  routes(): Route[] {
    return [
      connectRoute('CreateContactFlow', 'PUT', '/contact-flows/{InstanceId}', (r) => this.create(r)),
      connectRoute('DescribeContactFlow', 'GET', '/contact-flows/{InstanceId}/{ContactFlowId}', (r) =>
        this.describe(r),
      ),
      connectRoute('ListContactFlows', 'GET', '/contact-flows-summary/{InstanceId}', (r) => this.list(r)),
      connectRoute('UpdateContactFlowContent', 'POST', '/contact-flows/{InstanceId}/{ContactFlowId}/content', (r) =>
        this.updateContent(r),
      ),
      connectRoute('DeleteContactFlow', 'DELETE', '/contact-flows/{InstanceId}/{ContactFlowId}', (r) => this.delete(r)),
    ];
  }

  inventory() {
    return this.flows.map((f) => ({
      instanceId: f.instanceId,
      id: f.id,
      arn: f.arn,
      name: f.name,
      type: f.type,
      content: f.content,
      builtIn: f.builtIn,
    }));
  }

  private addDefaults(instance: Instance): void {
    for (const { name, type } of DEFAULT_FLOWS) {
      const id = randomUUID();
      this.flows.push({
        instanceId: instance.id,
        id,
        arn: `${instance.arn}/contact-flow/${id}`,
        name,
        type,
        content: DEFAULT_CONTENT,
        status: 'PUBLISHED',
        lastModified: instance.createdAt,
        region: instance.region,
        builtIn: true,
      });
    }
  }

  /**
   * Content checks: at most 256000 characters (a parameter constraint: InvalidParameterException), then the flow
   * language validation Connect runs on a published flow (InvalidContactFlowException with `problems`). A SAVED flow
   * only has to be JSON.
   */
  private checkContent(instanceId: string, content: string, status: 'PUBLISHED' | 'SAVED'): void {
    if (content.length > MAX_FLOW_CONTENT) {
      throw new AwsError(
        'InvalidParameterException',
        `Content must be at most ${MAX_FLOW_CONTENT} characters; got ${content.length}.`,
      );
    }
    const problems =
      status === 'PUBLISHED'
        ? flowProblems(content, {
            isLambdaAssociated: (arn) => this.connect.isLambdaAssociated(instanceId, arn),
            isBotAssociated: (arn) => this.connect.isBotAssociated(instanceId, arn),
          })
        : isJson(content)
          ? []
          : ['Content is not valid JSON.'];
    if (problems.length > 0) {
      throw new AwsError('InvalidContactFlowException', 'The flow is not valid.', {
        problems: problems.map((message) => ({ message })),
      });
    }
  }

  private create({ labels, body, region }: AwsRequest) {
    const instance = this.connect.activeInstance(labels.InstanceId as string);
    const input = new Input(body, 'InvalidParameterException');
    const name = input.string('Name', { max: 127 });
    const type = input.enum('Type', FLOW_TYPES);
    const content = input.string('Content');
    const description = input.optionalString('Description', { max: 500 });
    const status = input.optionalEnum('Status', ['PUBLISHED', 'SAVED'] as const) ?? 'PUBLISHED';
    const tags = input.optionalStringMap('Tags');
    if (this.flows.some((f) => f.instanceId === instance.id && f.name === name)) {
      throw new AwsError('DuplicateResourceException', `A flow with the name ${name} already exists.`);
    }
    this.checkContent(instance.id, content, status);
    const id = randomUUID();
    const flow: ContactFlow = {
      instanceId: instance.id,
      id,
      arn: `${instance.arn}/contact-flow/${id}`,
      name,
      type,
      content,
      status,
      ...(description !== undefined ? { description } : {}),
      ...(tags ? { tags } : {}),
      lastModified: this.env.now(),
      region,
      builtIn: false,
    };
    this.flows.push(flow);
    return { ContactFlowId: flow.id, ContactFlowArn: flow.arn, FlowContentSha256: sha256Hex(content) };
  }

  private flow(labels: Record<string, string>): ContactFlow {
    const instance = this.connect.activeInstance(labels.InstanceId as string);
    const flow = this.find(instance.id, labels.ContactFlowId as string);
    if (!flow) throw new AwsError('ResourceNotFoundException', `Contact flow not found: ${labels.ContactFlowId}`);
    return flow;
  }

  private describe({ labels }: AwsRequest) {
    const flow = this.flow(labels);
    return {
      ContactFlow: {
        Arn: flow.arn,
        Id: flow.id,
        Name: flow.name,
        Type: flow.type,
        State: 'ACTIVE',
        Status: flow.status,
        ...(flow.description !== undefined ? { Description: flow.description } : {}),
        Content: flow.content,
        Tags: flow.tags ?? {},
        FlowContentSha256: sha256Hex(flow.content),
        LastModifiedTime: epochSeconds(flow.lastModified),
        LastModifiedRegion: flow.region,
      },
    };
  }

  private list({ labels, query }: AwsRequest) {
    const instance = this.connect.activeInstance(labels.InstanceId as string);
    const q = queryMembers(query, { contactFlowTypes: { list: true }, nextToken: {}, maxResults: { integer: true } });
    const types = (q.contactFlowTypes as string[] | undefined) ?? [];
    for (const t of types) {
      if (!(FLOW_TYPES as readonly string[]).includes(t))
        throw new AwsError('InvalidParameterException', `Invalid contact flow type: ${t}`);
    }
    const summaries = this.flows
      .filter((f) => f.instanceId === instance.id && (types.length === 0 || types.includes(f.type)))
      .map((f) => ({
        Id: f.id,
        Arn: f.arn,
        Name: f.name,
        ContactFlowType: f.type,
        ContactFlowState: 'ACTIVE',
        ContactFlowStatus: f.status,
      }));
    const { page, nextToken } = paginate(
      summaries,
      { maxResults: q.maxResults, nextToken: q.nextToken },
      { defaultSize: 100, max: 1000, errorCode: 'InvalidParameterException' },
      `flows:${instance.id}:${types.join(',')}`,
    );
    return { ContactFlowSummaryList: page, ...(nextToken ? { NextToken: nextToken } : {}) };
  }

  private updateContent({ labels, body, region }: AwsRequest) {
    const flow = this.flow(labels);
    const content = new Input(body, 'InvalidParameterException').string('Content');
    this.checkContent(flow.instanceId, content, flow.status);
    flow.content = content;
    flow.lastModified = this.env.now();
    flow.region = region;
    return {};
  }

  private delete({ labels }: AwsRequest) {
    const flow = this.flow(labels);
    this.flows.splice(this.flows.indexOf(flow), 1);
    return {};
  }
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
