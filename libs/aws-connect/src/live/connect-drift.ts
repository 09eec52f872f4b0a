import {
  DescribeContactFlowCommand,
  DescribeHoursOfOperationCommand,
  DescribePhoneNumberCommand,
  type ConnectClient,
} from '@aws-sdk/client-connect';
import type { ConnectRefs } from '../connect-provisioner.js';
import { awsCall, orUndefinedIfNotFound } from './aws-errors.js';
import type { ConnectInstances } from './connect-instances.js';
import type { SpeechBots } from './speech-bots.js';
import type { VoiceLambdaInstaller } from './voice-lambda-installer.js';

/**
 * Compares what the engine recorded for one agent on Amazon Connect with what AWS has: the instance, its voice
 * Lambda, the speech bot the agent's calls listen through, the agent's contact flow, business hours and numbers.
 * Describes only; healing is provisioning's job.
 */
export class ConnectDrift {
  constructor(
    private readonly connect: ConnectClient,
    private readonly instances: ConnectInstances,
    private readonly voiceLambda: VoiceLambdaInstaller,
    private readonly speechBots: SpeechBots,
  ) {}

  /** Forgets what was verified lately, so the next comparisons ask AWS again (once per instance). */
  forgetVerified(): void {
    this.instances.forgetAll();
    this.voiceLambda.forgetAll();
    this.speechBots.forgetAll();
  }

  /** What the refs name that AWS no longer has, in words; empty when nothing vanished. */
  async vanished(known: ConnectRefs): Promise<string[]> {
    const { instanceId } = known;
    if (!instanceId) return [];
    // Everything else lived inside the instance: once it is gone there is nothing more to describe.
    if (!(await this.instances.exists(instanceId))) return [`the Connect instance ${instanceId}`];
    const gone: string[] = [];
    if (!(await this.voiceLambda.isInstalled(instanceId))) gone.push('the voice Lambda');
    const speech = known.speechBotAliasArn;
    if (speech && !(await this.speechBots.isInstalled(instanceId, speech))) gone.push(`the speech bot ${speech}`);
    const probes: [string | undefined, string, (id: string) => Promise<object>][] = [
      [
        known.contactFlowId,
        'the contact flow',
        (id) => this.connect.send(new DescribeContactFlowCommand({ InstanceId: instanceId, ContactFlowId: id })),
      ],
      [
        known.hoursOfOperationId,
        'the business hours',
        (id) =>
          this.connect.send(new DescribeHoursOfOperationCommand({ InstanceId: instanceId, HoursOfOperationId: id })),
      ],
      [
        known.phoneNumberId,
        'the voice number',
        (id) => this.connect.send(new DescribePhoneNumberCommand({ PhoneNumberId: id })),
      ],
      [
        known.smsPhoneNumberId,
        'the SMS number',
        (id) => this.connect.send(new DescribePhoneNumberCommand({ PhoneNumberId: id })),
      ],
    ];
    for (const [id, what, describe] of probes) {
      if (id && (await this.isMissing(`describing ${what}`, () => describe(id)))) gone.push(`${what} ${id}`);
    }
    return gone;
  }

  private async isMissing(doing: string, describe: () => Promise<object>): Promise<boolean> {
    return (await orUndefinedIfNotFound(() => awsCall(doing, describe))) === undefined;
  }
}
