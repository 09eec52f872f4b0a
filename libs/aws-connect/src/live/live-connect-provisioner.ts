import { voiceLanguageTagOf } from '@voca/contracts';
import { ConnectInstance } from '@voca/persistence';
import type { DataSource } from 'typeorm';
import { buildAgentContactFlow } from '../flows/agent-contact-flow.js';
import type {
  ConnectChannelResult,
  ConnectDeprovisionRequest,
  ConnectProvisioner,
  ConnectProvisionRequest,
  ConnectRefs,
} from '../connect-provisioner.js';
import type { AwsClients } from './aws-clients.js';
import { isNotFound, recoverFrom } from './aws-errors.js';
import { ConnectDrift } from './connect-drift.js';
import { ConnectInstances, type ActiveInstance } from './connect-instances.js';
import { AgentContactFlows } from './contact-flows.js';
import { AgentHoursOfOperation } from './hours-of-operation.js';
import type { LiveConnectSettings } from './live-connect-settings.js';
import { AgentPhoneNumbers } from './phone-numbers.js';
import { SpeechBots } from './speech-bots.js';
import { VoiceLambdaInstaller } from './voice-lambda-installer.js';

export const SMS_NEEDS_NUMBER =
  'sms needs an SMS-capable number: supply channel_credentials.sms.source_phone_number_arn, an AWS End User ' +
  'Messaging SMS number with two-way SMS enabled to Amazon Connect';

/**
 * Provisions voice and SMS on Amazon Connect for real. One shared instance (created once), one shared voice Lambda
 * and one speech bot per language serve every agent; each agent gets a contact flow generated from its profile,
 * optional business hours and a phone number (pooled numbers first). Each part looks up what already exists before
 * creating anything, so a retry or a restart after a crash resumes where it stopped.
 */
export class LiveConnectProvisioner implements ConnectProvisioner {
  readonly mode = 'live';
  private readonly instances: ConnectInstances;
  private readonly voiceLambda: VoiceLambdaInstaller;
  private readonly flows: AgentContactFlows;
  private readonly hours: AgentHoursOfOperation;
  private readonly numbers: AgentPhoneNumbers;
  private readonly speechBots: SpeechBots;
  private readonly drift: ConnectDrift;

  constructor(
    private readonly db: DataSource,
    clients: AwsClients,
    private readonly settings: LiveConnectSettings,
  ) {
    this.instances = new ConnectInstances(db, clients.connect, settings);
    this.voiceLambda = new VoiceLambdaInstaller(clients.connect, clients.lambda, this.instances, settings);
    this.flows = new AgentContactFlows(clients.connect);
    this.hours = new AgentHoursOfOperation(clients.connect);
    this.numbers = new AgentPhoneNumbers(db, clients.connect, settings);
    this.speechBots = new SpeechBots(clients.lex, clients.connect, clients.lambda, settings);
    this.drift = new ConnectDrift(clients.connect, this.instances, this.voiceLambda, this.speechBots);
  }

  vanished(known: ConnectRefs): Promise<string[]> {
    return this.drift.vanished(known);
  }

  forgetVerified(): void {
    this.drift.forgetVerified();
  }

  async provision(request: ConnectProvisionRequest): Promise<ConnectChannelResult[]> {
    await request.report('preparing the shared Amazon Connect instance');
    const instance = await this.instances.ensureActive(this.instances.scopeFor(request.vendorId));
    try {
      return await this.provisionOn(instance, request);
    } catch (error) {
      // Something the agent needs is gone: if it is the instance itself, the retry will find out and say so.
      if (isNotFound(error)) this.instances.forget(instance.instanceId);
      throw error;
    }
  }

  private async provisionOn(
    instance: ActiveInstance,
    request: ConnectProvisionRequest,
  ): Promise<ConnectChannelResult[]> {
    const { agentId, profile, known, report, record } = request;
    await record({ instanceId: instance.instanceId });
    await report('installing the shared voice Lambda');
    const voiceLambdaArn = await this.voiceLambda.ensure(instance);
    const queueArn = await this.instances.basicQueueArn(instance);
    const lexBotAliasArn = await this.speechFor(instance, request, voiceLambdaArn);

    const { opening_hours: openingHours, timezone } = profile;
    let hoursOfOperationId: string | undefined;
    if (openingHours?.length && timezone) {
      await report('setting the business hours');
      hoursOfOperationId = await this.hours.ensure(
        instance.instanceId,
        agentId,
        known.hoursOfOperationId,
        timezone,
        openingHours,
      );
      await record({ hoursOfOperationId });
    }

    await report('writing the contact flow');
    const flow = await this.flows.ensure(
      instance.instanceId,
      agentId,
      known.contactFlowId && known.contactFlowArn ? { id: known.contactFlowId, arn: known.contactFlowArn } : undefined,
      buildAgentContactFlow({
        agentId,
        businessName: profile.name,
        greeting: profile.voice.greeting,
        storeHours: profile.store_hours,
        voiceLambdaArn,
        queueArn,
        hoursOfOperationId,
        lexBotAliasArn,
        language: profile.voice.language,
        voice: profile.voice.speech_voice,
      }),
    );
    await record({ contactFlowId: flow.id, contactFlowArn: flow.arn });

    // Channels an update dropped give their numbers back (the flow stays for the channels that remain).
    for (const dropped of (['voice', 'sms'] as const).filter((channel) => !request.channels.includes(channel))) {
      await this.numbers.releaseAgentNumbers(instance.instanceId, agentId, dropped);
    }

    const results: ConnectChannelResult[] = [];
    if (request.channels.includes('voice')) {
      const recorded = await this.numbers.ensureVoiceNumber(instance, agentId, this.preferredPrefix(profile), report);
      await report(`pointing ${recorded.phoneNumber} at the contact flow`);
      const number = await recoverFrom(
        isNotFound,
        async () => {
          await this.numbers.associate(recorded, instance.instanceId, flow.id);
          return recorded;
        },
        async (error) => {
          // The recorded number is gone from AWS (released by hand): it is set aside and another one is found.
          await this.numbers.setAsideVanished(recorded, (error as Error).message);
          const another = await this.numbers.ensureVoiceNumber(
            instance,
            agentId,
            this.preferredPrefix(profile),
            report,
          );
          await this.numbers.associate(another, instance.instanceId, flow.id);
          return another;
        },
      );
      await record({ phoneNumberId: number.phoneNumberId! });
      results.push({
        channel: 'voice',
        status: 'active',
        phoneNumber: number.phoneNumber!,
        instanceArn: instance.instanceArn,
      });
    }
    if (request.channels.includes('sms')) {
      if (request.smsSourcePhoneNumberArn) {
        const number = await this.numbers.ensureSmsNumber(instance, agentId, request.smsSourcePhoneNumberArn, report);
        await record({ smsPhoneNumberId: number.phoneNumberId! });
        await this.numbers.associate(number, instance.instanceId, flow.id);
        results.push({
          channel: 'sms',
          status: 'active',
          phoneNumber: number.phoneNumber!,
          instanceArn: instance.instanceArn,
        });
      } else {
        results.push({
          channel: 'sms',
          status: 'pending_configuration',
          instanceArn: instance.instanceArn,
          reason: SMS_NEEDS_NUMBER,
        });
      }
    }
    await report('done');
    return results;
  }

  async deprovision(request: ConnectDeprovisionRequest): Promise<void> {
    const instanceId = request.known.instanceId ?? (await this.recordedInstanceId(request.vendorId));
    if (!instanceId) return;
    await request.report('returning the phone numbers to the pool');
    await this.numbers.releaseAgentNumbers(instanceId, request.agentId);
    await request.report('deleting the contact flow');
    const { contactFlowId, contactFlowArn, hoursOfOperationId } = request.known;
    await this.flows.remove(
      instanceId,
      request.agentId,
      contactFlowId && contactFlowArn ? { id: contactFlowId, arn: contactFlowArn } : undefined,
    );
    await this.hours.remove(instanceId, request.agentId, hoursOfOperationId);
    await request.report('done');
  }

  /**
   * The Lex bot alias the agent's calls listen through: the business's own when configured, else the engine's bot
   * for the instance and the agent's language; none with speech off or without the voice channel (keypad).
   */
  private async speechFor(
    instance: ActiveInstance,
    { channels, profile, known, record, report }: ConnectProvisionRequest,
    voiceLambdaArn: string,
  ): Promise<string | undefined> {
    const engineBot = !this.settings.lexBotAliasArn && this.settings.speech === 'lex' && channels.includes('voice');
    if (!engineBot) {
      // The engine's bot is no longer this agent's: the drift audit must not heal it for the agent.
      if (known.speechBotAliasArn) await record({ speechBotAliasArn: '' });
      if (this.settings.lexBotAliasArn) return this.speechBots.useOwn(instance, this.settings.lexBotAliasArn);
      return undefined;
    }
    const tag = voiceLanguageTagOf(profile.voice.language) ?? 'en';
    await report(`preparing speech recognition (${tag})`);
    const aliasArn = await this.speechBots.ensure(instance, tag, {
      name: this.voiceLambda.functionNameFor(instance),
      arn: voiceLambdaArn,
    });
    await record({ speechBotAliasArn: aliasArn });
    return aliasArn;
  }

  /** Numbers near the business are preferred: the configured prefix, else the area code of its own phone. */
  private preferredPrefix(profile: ConnectProvisionRequest['profile']): string | undefined {
    if (this.settings.phonePrefix) return this.settings.phonePrefix;
    const phone = profile.contact.phone?.replace(/[^\d+]/g, '');
    const northAmerican = ['US', 'CA'].includes(this.settings.phoneCountry);
    return northAmerican && phone && /^\+1\d{10}$/.test(phone) ? phone.slice(0, 5) : undefined;
  }

  private async recordedInstanceId(vendorId: string): Promise<string | undefined> {
    const row = await this.db
      .getRepository(ConnectInstance)
      .findOneBy({ scope: this.instances.scopeFor(vendorId), region: this.settings.region });
    return row?.instanceId ?? undefined;
  }
}
