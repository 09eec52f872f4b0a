import {
  CreateHoursOfOperationCommand,
  DeleteHoursOfOperationCommand,
  paginateListHoursOfOperations,
  UpdateHoursOfOperationCommand,
  type ConnectClient,
  type HoursOfOperationConfig,
} from '@aws-sdk/client-connect';
import type { OpeningHoursDto } from '@voca/contracts';
import { awsCall, isAlreadyDone, orUndefinedIfNotFound, recoverFrom } from './aws-errors.js';
import { hoursOfOperationNameOf } from './agent-resource-names.js';

function clock(time: string) {
  const [hours, minutes] = time.split(':').map(Number);
  return { Hours: hours!, Minutes: minutes! };
}

export function hoursOfOperationConfig(openingHours: OpeningHoursDto[]): HoursOfOperationConfig[] {
  return openingHours.map(({ day, open, close }) => ({ Day: day, StartTime: clock(open), EndTime: clock(close) }));
}

/** An agent's business hours as a Connect HoursOfOperation, which its contact flow checks before a transfer. */
export class AgentHoursOfOperation {
  constructor(private readonly connect: ConnectClient) {}

  /** Creates or updates the agent's hours; returns their id. */
  async ensure(
    instanceId: string,
    agentId: string,
    knownId: string | undefined,
    timeZone: string,
    openingHours: OpeningHoursDto[],
  ): Promise<string> {
    const name = hoursOfOperationNameOf(agentId);
    const config = hoursOfOperationConfig(openingHours);
    const update = async (id: string): Promise<boolean> => {
      const updated = await orUndefinedIfNotFound(() =>
        awsCall('updating the business hours', () =>
          this.connect.send(
            new UpdateHoursOfOperationCommand({
              InstanceId: instanceId,
              HoursOfOperationId: id,
              Name: name,
              TimeZone: timeZone,
              Config: config,
            }),
          ),
        ),
      );
      return updated !== undefined;
    };
    if (knownId && (await update(knownId))) return knownId;
    // Created first, looked up by name only when the name is taken (a retry after a crash, refs lost).
    return recoverFrom(
      isAlreadyDone,
      async () => {
        const created = await awsCall('creating the business hours', () =>
          this.connect.send(
            new CreateHoursOfOperationCommand({
              InstanceId: instanceId,
              Name: name,
              TimeZone: timeZone,
              Config: config,
            }),
          ),
        );
        return created.HoursOfOperationId!;
      },
      async (taken) => {
        const found = await this.findByName(instanceId, name);
        if (!found || !(await update(found))) throw taken;
        return found;
      },
    );
  }

  async remove(instanceId: string, agentId: string, knownId: string | undefined): Promise<void> {
    const id = knownId ?? (await this.findByName(instanceId, hoursOfOperationNameOf(agentId)));
    if (!id) return;
    await orUndefinedIfNotFound(() =>
      awsCall('deleting the business hours', () =>
        this.connect.send(new DeleteHoursOfOperationCommand({ InstanceId: instanceId, HoursOfOperationId: id })),
      ),
    );
  }

  private async findByName(instanceId: string, name: string): Promise<string | undefined> {
    for await (const page of paginateListHoursOfOperations(
      { client: this.connect, pageSize: 1000 },
      { InstanceId: instanceId },
    )) {
      const match = page.HoursOfOperationSummaryList?.find((summary) => summary.Name === name);
      if (match?.Id) return match.Id;
    }
    return undefined;
  }
}
