import { randomUUID } from 'node:crypto';
import {
  AssociatePhoneNumberContactFlowCommand,
  ClaimPhoneNumberCommand,
  DescribePhoneNumberCommand,
  DisassociatePhoneNumberContactFlowCommand,
  ImportPhoneNumberCommand,
  ReleasePhoneNumberCommand,
  SearchAvailablePhoneNumbersCommand,
  type ConnectClient,
  type PhoneNumberCountryCode,
} from '@aws-sdk/client-connect';
import { ConnectPhoneNumber } from '@voca/persistence';
import type { DataSource } from 'typeorm';
import { awsCall, awsErrorName, orUndefinedIfNotFound } from './aws-errors.js';
import type { ActiveInstance } from './connect-instances.js';
import type { LiveConnectSettings } from './live-connect-settings.js';
import { pollUntil } from './poll.js';

/** Claim refusals that mean "this number is no longer available": try the next one. */
const NUMBER_UNAVAILABLE = new Set([
  'InvalidParameterException',
  'ResourceNotFoundException',
  'ResourceConflictException',
]);
const SEARCH_SIZE = 10;

export type Report = (detail: string) => Promise<void>;

/**
 * The phone numbers agents answer on. Every number is recorded (with the client token of its claim) before the claim
 * is sent, so a crash never leaves a number the engine does not know about. Numbers of deleted agents stay claimed
 * in a pool and are handed out before any new number is claimed: AWS keeps released numbers in a cooldown of up to
 * 180 days and blocks claiming after heavy churn.
 */
export class AgentPhoneNumbers {
  constructor(
    private readonly db: DataSource,
    private readonly connect: ConnectClient,
    private readonly settings: LiveConnectSettings,
  ) {}

  async numbersOf(agentId: string): Promise<ConnectPhoneNumber[]> {
    return this.db.getRepository(ConnectPhoneNumber).findBy({ agentId });
  }

  /** The agent's voice number: the one it has, else one from the pool, else a newly claimed one. */
  async ensureVoiceNumber(instance: ActiveInstance, agentId: string, prefix: string | undefined, report: Report) {
    const assigned = await this.db
      .getRepository(ConnectPhoneNumber)
      .findOneBy({ agentId, channel: 'voice', connectInstanceId: instance.id, source: 'claimed' });
    if (assigned?.status === 'claimed') return assigned;
    if (assigned?.status === 'claiming') {
      await report(`resuming the claim of ${assigned.phoneNumber}`);
      const resumed = await this.claim(instance, assigned);
      if (resumed) return resumed;
    }
    const pooled = await this.takeFromPool(instance, agentId);
    if (pooled) {
      await report(`reusing pooled number ${pooled.phoneNumber}`);
      return pooled;
    }
    for (const candidatePrefix of prefix ? [prefix, undefined] : [undefined]) {
      for (const number of await this.search(instance, candidatePrefix)) {
        await report(`claiming ${number}`);
        const row = await this.db.getRepository(ConnectPhoneNumber).save({
          connectInstanceId: instance.id,
          clientToken: randomUUID(),
          phoneNumber: number,
          source: 'claimed' as const,
          status: 'claiming' as const,
          agentId,
          channel: 'voice' as const,
        });
        const claimed = await this.claim(instance, row);
        if (claimed) return claimed;
      }
    }
    throw new Error(
      `no ${this.settings.phoneType} number available in ${this.settings.phoneCountry}${prefix ? ` (tried ${prefix} first)` : ''}`,
    );
  }

  /** Brings the vendor's End User Messaging SMS number into the instance for the agent's sms channel. */
  async ensureSmsNumber(instance: ActiveInstance, agentId: string, sourceArn: string, report: Report) {
    const repository = this.db.getRepository(ConnectPhoneNumber);
    let row = await repository.findOneBy({
      agentId,
      channel: 'sms',
      connectInstanceId: instance.id,
      source: 'imported',
    });
    if (row?.status === 'claimed') return row;
    await report('importing the SMS number');
    row ??= await repository.save({
      connectInstanceId: instance.id,
      clientToken: randomUUID(),
      sourcePhoneNumberArn: sourceArn,
      source: 'imported' as const,
      status: 'claiming' as const,
      agentId,
      channel: 'sms' as const,
    });
    const imported = await awsCall('importing the SMS number', () =>
      this.connect.send(
        new ImportPhoneNumberCommand({
          InstanceId: instance.instanceId,
          SourcePhoneNumberArn: sourceArn,
          ClientToken: row!.clientToken,
        }),
      ),
    );
    await repository.update(
      { id: row.id },
      { phoneNumberId: imported.PhoneNumberId!, phoneNumberArn: imported.PhoneNumberArn! },
    );
    const summary = await this.whenClaimed(imported.PhoneNumberId!);
    if (summary.status !== 'CLAIMED')
      throw new Error(`Amazon Connect could not import the SMS number: ${summary.message}`);
    await repository.update({ id: row.id }, { status: 'claimed', phoneNumber: summary.number });
    return repository.findOneByOrFail({ id: row.id });
  }

  async associate(number: ConnectPhoneNumber, instanceId: string, contactFlowId: string): Promise<void> {
    await awsCall('pointing the number at the contact flow', () =>
      this.connect.send(
        new AssociatePhoneNumberContactFlowCommand({
          PhoneNumberId: number.phoneNumberId!,
          InstanceId: instanceId,
          ContactFlowId: contactFlowId,
        }),
      ),
    );
  }

  /**
   * Takes an agent's numbers back (all, or one channel's): claimed numbers are detached from its flow and returned to
   * the pool; imported SMS
   * numbers go back to End User Messaging (the vendor owns them).
   */
  async releaseAgentNumbers(instanceId: string, agentId: string, channel?: 'voice' | 'sms'): Promise<void> {
    const repository = this.db.getRepository(ConnectPhoneNumber);
    for (const number of await repository.findBy(channel ? { agentId, channel } : { agentId })) {
      if (number.phoneNumberId && number.status === 'claimed') {
        await orUndefinedIfNotFound(() =>
          awsCall('detaching the number from the contact flow', () =>
            this.connect.send(
              new DisassociatePhoneNumberContactFlowCommand({
                PhoneNumberId: number.phoneNumberId!,
                InstanceId: instanceId,
              }),
            ),
          ),
        );
      }
      if (number.source === 'imported') {
        if (number.phoneNumberId) await this.releaseImported(number);
        await repository.delete({ id: number.id });
      } else if (number.status === 'claimed') {
        await repository.update({ id: number.id }, { agentId: null, channel: null, pooledAt: () => 'now()' });
      } else {
        await repository.update({ id: number.id }, { agentId: null, channel: null });
      }
    }
  }

  /** A recorded number AWS no longer has: kept for the record as failed, never handed out again. */
  async setAsideVanished(number: ConnectPhoneNumber, reason: string): Promise<void> {
    await this.db.getRepository(ConnectPhoneNumber).update(
      { id: number.id },
      {
        status: 'failed',
        agentId: null,
        channel: null,
        pooledAt: null,
        error: `no longer in Amazon Connect: ${reason}`,
      },
    );
  }

  private async releaseImported(number: ConnectPhoneNumber): Promise<void> {
    await orUndefinedIfNotFound(() =>
      awsCall('returning the SMS number', () =>
        this.connect.send(
          new ReleasePhoneNumberCommand({ PhoneNumberId: number.phoneNumberId!, ClientToken: randomUUID() }),
        ),
      ),
    );
  }

  private async takeFromPool(instance: ActiveInstance, agentId: string): Promise<ConnectPhoneNumber | undefined> {
    const [rows] = await this.db.query(
      `UPDATE connect_phone_numbers
          SET agent_id = $1, channel = 'voice', pooled_at = NULL, updated_at = now()
        WHERE id = (SELECT id FROM connect_phone_numbers
                     WHERE connect_instance_id = $2 AND agent_id IS NULL AND status = 'claimed' AND source = 'claimed'
                     ORDER BY pooled_at NULLS FIRST, created_at
                     LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING id`,
      [agentId, instance.id],
    );
    const taken = (rows as { id: string }[])[0];
    return taken ? this.db.getRepository(ConnectPhoneNumber).findOneByOrFail({ id: taken.id }) : undefined;
  }

  private async search(instance: ActiveInstance, prefix: string | undefined): Promise<string[]> {
    const { AvailableNumbersList = [] } = await awsCall('searching available numbers', () =>
      this.connect.send(
        new SearchAvailablePhoneNumbersCommand({
          TargetArn: instance.instanceArn,
          PhoneNumberCountryCode: this.settings.phoneCountry as PhoneNumberCountryCode,
          PhoneNumberType: this.settings.phoneType,
          PhoneNumberPrefix: prefix,
          MaxResults: SEARCH_SIZE,
        }),
      ),
    );
    return AvailableNumbersList.map((available) => available.PhoneNumber).filter((n): n is string => Boolean(n));
  }

  /** Claims a recorded number (repeating the same client token is safe); undefined when it was taken meanwhile. */
  private async claim(instance: ActiveInstance, row: ConnectPhoneNumber): Promise<ConnectPhoneNumber | undefined> {
    const repository = this.db.getRepository(ConnectPhoneNumber);
    let phoneNumberId: string;
    try {
      const claimed = await awsCall(`claiming ${row.phoneNumber}`, () =>
        this.connect.send(
          new ClaimPhoneNumberCommand({
            TargetArn: instance.instanceArn,
            PhoneNumber: row.phoneNumber!,
            ClientToken: row.clientToken,
          }),
        ),
      );
      phoneNumberId = claimed.PhoneNumberId!;
      await repository.update({ id: row.id }, { phoneNumberId, phoneNumberArn: claimed.PhoneNumberArn! });
    } catch (error) {
      if (!NUMBER_UNAVAILABLE.has(awsErrorName(error) ?? '')) throw error;
      await repository.update({ id: row.id }, { status: 'failed', agentId: null, error: (error as Error).message });
      return undefined;
    }
    const summary = await this.whenClaimed(phoneNumberId);
    if (summary.status !== 'CLAIMED') {
      await repository.update({ id: row.id }, { status: 'failed', agentId: null, error: summary.message });
      return undefined;
    }
    await repository.update({ id: row.id }, { status: 'claimed', error: null });
    return repository.findOneByOrFail({ id: row.id });
  }

  private whenClaimed(phoneNumberId: string) {
    return pollUntil(
      'the phone number claim to finish',
      this.settings.poll,
      async () => {
        const { ClaimedPhoneNumberSummary: summary } = await awsCall('checking the phone number claim', () =>
          this.connect.send(new DescribePhoneNumberCommand({ PhoneNumberId: phoneNumberId })),
        );
        const status = summary?.PhoneNumberStatus?.Status;
        if (!status || status === 'IN_PROGRESS') return undefined;
        return { status, message: summary?.PhoneNumberStatus?.Message ?? status, number: summary?.PhoneNumber ?? '' };
      },
      { pauseFirst: true },
    );
  }
}
