import {
  CreateContactFlowCommand,
  DeleteContactFlowCommand,
  paginateListContactFlows,
  UpdateContactFlowContentCommand,
  type ConnectClient,
} from '@aws-sdk/client-connect';
import { UnrecoverableError } from 'bullmq';
import type { FlowDocument } from '../flows/flow-language.js';
import { validateFlow } from '../flows/validate-flow.js';
import { awsCall, awsErrorName, isAlreadyDone, orUndefinedIfNotFound, recoverFrom } from './aws-errors.js';
import { contactFlowNameOf } from './agent-resource-names.js';

export interface ContactFlowRef {
  id: string;
  arn: string;
}

/** Connect's reasons for refusing a flow, in one line. */
function flowProblems(error: unknown): string {
  const problems = (error as { problems?: { message?: string }[] }).problems ?? [];
  return (
    problems
      .map((problem) => problem.message)
      .filter(Boolean)
      .join('; ') || (error as Error).message
  );
}

/** The largest page ListContactFlows gives: every page is a call of the account's shared API rate. */
const LIST_PAGE_SIZE = 1000;

/**
 * An agent's contact flow. Names are unique per instance, so re-provisioning (or a retry after a crash) updates the
 * existing flow's content instead of failing on the duplicate name.
 */
export class AgentContactFlows {
  constructor(private readonly connect: ConnectClient) {}

  async ensure(
    instanceId: string,
    agentId: string,
    known: ContactFlowRef | undefined,
    flow: FlowDocument,
  ): Promise<ContactFlowRef> {
    const problems = validateFlow(flow);
    if (problems.length) throw new UnrecoverableError(`the generated contact flow is invalid: ${problems.join('; ')}`);
    const content = JSON.stringify(flow);
    const name = contactFlowNameOf(agentId);
    // Created first, looked up by name only when Connect says the name is taken (a retry after a crash, refs lost):
    // listing the instance's flows first cost every new agent a call per 100 flows already there, of the shared rate.
    if (known && (await this.update(instanceId, known, content))) return known;
    return recoverFrom(
      isAlreadyDone,
      async () => {
        const created = await this.refusals(() =>
          awsCall('creating the contact flow', () =>
            this.connect.send(
              new CreateContactFlowCommand({
                InstanceId: instanceId,
                Name: name,
                Type: 'CONTACT_FLOW',
                Content: content,
                Description: `Voca AI Engine agent ${agentId}`,
              }),
            ),
          ),
        );
        return { id: created.ContactFlowId!, arn: created.ContactFlowArn! };
      },
      async (taken) => {
        const found = await this.findByName(instanceId, name);
        if (!found) throw taken;
        await this.update(instanceId, found, content);
        return found;
      },
    );
  }

  async remove(instanceId: string, agentId: string, known: ContactFlowRef | undefined): Promise<void> {
    const flow = known ?? (await this.findByName(instanceId, contactFlowNameOf(agentId)));
    if (!flow) return;
    await orUndefinedIfNotFound(() =>
      awsCall('deleting the contact flow', () =>
        this.connect.send(new DeleteContactFlowCommand({ InstanceId: instanceId, ContactFlowId: flow.id })),
      ),
    );
  }

  /** Replaces a flow's content; false when the flow no longer exists. */
  private async update(instanceId: string, flow: ContactFlowRef, content: string): Promise<boolean> {
    const updated = await orUndefinedIfNotFound(() =>
      this.refusals(() =>
        awsCall('updating the contact flow', () =>
          this.connect.send(
            new UpdateContactFlowContentCommand({ InstanceId: instanceId, ContactFlowId: flow.id, Content: content }),
          ),
        ),
      ),
    );
    return updated !== undefined;
  }

  /** A flow Connect refuses will be refused again: fail the step at once with Connect's reasons. */
  private async refusals<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (awsErrorName(error) === 'InvalidContactFlowException') {
        throw new UnrecoverableError(`Amazon Connect refused the contact flow: ${flowProblems(error)}`);
      }
      throw error;
    }
  }

  private async findByName(instanceId: string, name: string): Promise<ContactFlowRef | undefined> {
    const pages = paginateListContactFlows(
      { client: this.connect, pageSize: LIST_PAGE_SIZE },
      { InstanceId: instanceId, ContactFlowTypes: ['CONTACT_FLOW'] },
    );
    for await (const page of pages) {
      const match = page.ContactFlowSummaryList?.find((summary) => summary.Name === name);
      if (match?.Id && match.Arn) return { id: match.Id, arn: match.Arn };
    }
    return undefined;
  }
}
