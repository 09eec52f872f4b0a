import { createHash } from 'node:crypto';
import {
  AssociateBotCommand,
  DisassociateBotCommand,
  ListBotsCommand as ListInstanceBotsCommand,
  type ConnectClient,
} from '@aws-sdk/client-connect';
import { AddPermissionCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import {
  BuildBotLocaleCommand,
  CreateBotAliasCommand,
  CreateBotCommand,
  CreateBotLocaleCommand,
  CreateBotVersionCommand,
  CreateIntentCommand,
  CreateResourcePolicyCommand,
  DescribeBotAliasCommand,
  DescribeBotCommand,
  DescribeBotLocaleCommand,
  DescribeBotVersionCommand,
  DescribeIntentCommand,
  DescribeResourcePolicyCommand,
  ListBotAliasesCommand,
  ListBotsCommand,
  ListBotVersionsCommand,
  ListIntentsCommand,
  UpdateBotAliasCommand,
  UpdateIntentCommand,
  UpdateResourcePolicyCommand,
  type BotAliasLocaleSettings,
  type LexModelsV2Client,
} from '@aws-sdk/client-lex-models-v2';
import { VOICE_LANGUAGES, type VoiceLanguageTag } from '@voca/contracts';
import { UnrecoverableError } from 'bullmq';
import { awsCall, awsErrorName, orUndefinedIfNotFound, recoverFrom, unlessAlreadyDone } from './aws-errors.js';
import type { ActiveInstance } from './connect-instances.js';
import type { LiveConnectSettings } from './live-connect-settings.js';
import { pollUntil } from './poll.js';

/** The production alias of every speech bot (Connect's guide: never the test alias in production). */
export const SPEECH_ALIAS_NAME = 'voca-live';
/** The one intent of the bot: a placeholder so the locale builds; every real utterance falls to FallbackIntent. */
export const CAPTURE_INTENT_NAME = 'CaptureUtterance';
const CAPTURE_UTTERANCE = 'voca capture placeholder';
const FALLBACK_INTENT_ID = 'FALLBCKINT';
/** The code hook's Lambda event format (Lex V2's only one). */
const CODE_HOOK_INTERFACE_VERSION = '1.0';
/** Low, so a real utterance rarely matches the placeholder; either intent hands the transcript over all the same. */
const NLU_THRESHOLD = 0.4;
const IDLE_SESSION_TTL_S = 300;
/** How long a bot found complete counts as there before it is checked again, as for the voice Lambda. */
const VERIFIED_FOR_MS = 60_000;
/** What the resource policy's statement is called, so an existing policy is recognised as ours. */
const CONNECT_STATEMENT_ID = 'voca-connect-';

/** The deterministic name of an instance's bot for one language: a crash after CreateBot finds it again. */
export function speechBotNameOf(instanceId: string, tag: VoiceLanguageTag): string {
  return `voca-speech-${instanceId}-${tag}`.slice(0, 100);
}

/** `arn:aws:lex:REGION:ACCOUNT:bot-alias/BOTID/ALIASID`, split. */
export function parseBotAliasArn(
  arn: string,
): { region: string; account: string; botId: string; aliasId: string } | undefined {
  const match = /^arn:aws[a-z-]*:lex:([a-z0-9-]+):(\d{12}):bot-alias\/([0-9a-zA-Z]+)\/([0-9a-zA-Z]+)$/.exec(arn);
  return match ? { region: match[1]!, account: match[2]!, botId: match[3]!, aliasId: match[4]! } : undefined;
}

/**
 * The Amazon Lex V2 bots that let a caller speak to an agent: one per Connect instance and language, shared by every
 * agent there (a transcription bot holds nothing of an agent, and Lex allows 100 bots per account). Each is made to
 * hand the caller's words to the flow: its locale's intents fulfil through the voice Lambda as a code hook, which
 * copies the transcript into a session attribute the flow reads. Built, versioned, aliased, allowed to invoke the
 * Lambda, opened to the instance by a resource policy and associated with it.
 *
 * Lex takes no client tokens, so every part is looked up by its deterministic name before it is created, and a
 * creation that loses a race (ConflictException) looks again; within one process a bot is installed once at a time.
 * Bots are never deleted with an agent: the next agent of the language uses them.
 */
export class SpeechBots {
  private readonly verifiedAt = new Map<string, number>();
  private readonly aliasArns = new Map<string, string>();
  private readonly installing = new Map<string, Promise<string>>();

  constructor(
    private readonly lex: LexModelsV2Client,
    private readonly connect: ConnectClient,
    private readonly lambda: LambdaClient,
    private readonly settings: LiveConnectSettings,
  ) {}

  /** The alias ARN of the instance's bot for this language, installed (or repaired) first when needed. */
  ensure(instance: ActiveInstance, tag: VoiceLanguageTag, voiceLambda: { name: string; arn: string }): Promise<string> {
    const key = `${instance.instanceId}:${tag}`;
    const known = this.aliasArns.get(key);
    if (known && Date.now() - (this.verifiedAt.get(key) ?? 0) < VERIFIED_FOR_MS) return Promise.resolve(known);
    const running = this.installing.get(key);
    if (running) return running;
    const install = this.install(instance, tag, voiceLambda)
      .then((aliasArn) => {
        this.aliasArns.set(key, aliasArn);
        this.verifiedAt.set(key, Date.now());
        return aliasArn;
      })
      .finally(() => this.installing.delete(key));
    this.installing.set(key, install);
    return install;
  }

  /**
   * A bot of the business's own (AWS_CONNECT_LEX_BOT_ALIAS_ARN): only associated with the instance, so flows may use
   * it (checked at most once a minute); the bot itself, its hook and its policy are the business's.
   */
  async useOwn(instance: ActiveInstance, aliasArn: string): Promise<string> {
    const key = `own:${instance.instanceId}:${aliasArn}`;
    if (Date.now() - (this.verifiedAt.get(key) ?? 0) < VERIFIED_FOR_MS) return aliasArn;
    await this.associate(instance, aliasArn);
    this.verifiedAt.set(key, Date.now());
    return aliasArn;
  }

  /** Whether the alias still exists and is associated with the instance (checked at most once a minute). */
  async isInstalled(instanceId: string, aliasArn: string): Promise<boolean> {
    const key = `check:${instanceId}:${aliasArn}`;
    if (Date.now() - (this.verifiedAt.get(key) ?? 0) < VERIFIED_FOR_MS) return true;
    const parts = parseBotAliasArn(aliasArn);
    if (!parts) return false;
    const alias = await orUndefinedIfNotFound(() =>
      awsCall('describing the speech bot alias', () =>
        this.lex.send(new DescribeBotAliasCommand({ botId: parts.botId, botAliasId: parts.aliasId })),
      ),
    );
    const there = Boolean(alias) && (await this.isAssociated(instanceId, aliasArn));
    if (there) this.verifiedAt.set(key, Date.now());
    return there;
  }

  /** Forgets what was verified, so the next use checks every part again. */
  forgetAll(): void {
    this.verifiedAt.clear();
  }

  private async install(
    instance: ActiveInstance,
    tag: VoiceLanguageTag,
    voiceLambda: { name: string; arn: string },
  ): Promise<string> {
    const { lexLocale: localeId, voices } = VOICE_LANGUAGES[tag];
    const botId = await this.bot(instance, tag);
    await this.locale(botId, localeId, voices[0]);
    const changed = await this.intents(botId, localeId);
    const rebuilt = await this.built(botId, localeId, changed);
    const version = await this.version(botId, localeId, rebuilt);
    const aliasId = await this.alias(botId, localeId, version, voiceLambda.arn);
    const account = instance.instanceArn.split(':')[4]!;
    const aliasArn = `arn:aws:lex:${this.settings.region}:${account}:bot-alias/${botId}/${aliasId}`;
    await this.allowInvoke(voiceLambda.name, botId, aliasId, aliasArn);
    await this.openTo(instance, aliasArn);
    await this.associate(instance, aliasArn);
    return aliasArn;
  }

  /** The bot, found by name or created, once Available. */
  private async bot(instance: ActiveInstance, tag: VoiceLanguageTag): Promise<string> {
    const name = speechBotNameOf(instance.instanceId, tag);
    const botId =
      (await this.findBot(name)) ??
      (await recoverFrom(
        isTaken,
        async () => {
          const created = await awsCall('creating the speech bot', () =>
            this.lex.send(
              new CreateBotCommand({
                botName: name,
                description: `Voca AI Engine: passes what callers say to the agents of Connect instance ${instance.instanceId}`,
                roleArn: this.roleArn(instance),
                dataPrivacy: { childDirected: false },
                idleSessionTTLInSeconds: IDLE_SESSION_TTL_S,
                botTags: { 'voca:instance': instance.instanceId, 'voca:language': tag },
              }),
            ),
          );
          return created.botId!;
        },
        async (error) => foundOr(await this.findBot(name), error),
      ));
    await pollUntil('the speech bot to become available', this.settings.poll, async () => {
      const { botStatus } = await awsCall('describing the speech bot', () =>
        this.lex.send(new DescribeBotCommand({ botId })),
      );
      if (botStatus === 'Failed') throw new UnrecoverableError(`the speech bot ${botId} failed to create`);
      return botStatus === 'Available' ? true : undefined;
    });
    return botId;
  }

  private async findBot(name: string): Promise<string | undefined> {
    const { botSummaries = [] } = await awsCall('looking up the speech bot', () =>
      this.lex.send(new ListBotsCommand({ filters: [{ name: 'BotName', values: [name], operator: 'EQ' }] })),
    );
    return botSummaries.find((bot) => bot.botName === name)?.botId;
  }

  /** The language's DRAFT locale, created with the language's voice when missing, once past Creating. */
  private async locale(botId: string, localeId: string, voiceId: string): Promise<void> {
    const describe = () =>
      orUndefinedIfNotFound(() =>
        awsCall('describing the speech locale', () =>
          this.lex.send(new DescribeBotLocaleCommand({ botId, botVersion: 'DRAFT', localeId })),
        ),
      );
    if (!(await describe())) {
      await recoverFrom(
        isTaken,
        () =>
          awsCall('adding the language to the speech bot', () =>
            this.lex.send(
              new CreateBotLocaleCommand({
                botId,
                botVersion: 'DRAFT',
                localeId,
                nluIntentConfidenceThreshold: NLU_THRESHOLD,
                voiceSettings: { voiceId, engine: 'neural' },
              }),
            ),
          ),
        () => Promise.resolve(undefined),
      );
    }
    await pollUntil('the speech locale to be created', this.settings.poll, async () => {
      const locale = await describe();
      return locale && locale.botLocaleStatus !== 'Creating' ? true : undefined;
    });
  }

  /**
   * The placeholder intent and the fallback intent, both fulfilled by the code hook (the Lambda that hands the
   * transcript over). Returns whether anything had to change (the locale must then be built again).
   */
  private async intents(botId: string, localeId: string): Promise<boolean> {
    const where = { botId, botVersion: 'DRAFT', localeId };
    let changed = false;
    const { intentSummaries = [] } = await awsCall('looking up the capture intent', () =>
      this.lex.send(
        new ListIntentsCommand({
          ...where,
          filters: [{ name: 'IntentName', values: [CAPTURE_INTENT_NAME], operator: 'EQ' }],
        }),
      ),
    );
    if (!intentSummaries.some((intent) => intent.intentName === CAPTURE_INTENT_NAME)) {
      await recoverFrom(
        isTaken,
        () =>
          awsCall('creating the capture intent', () =>
            this.lex.send(
              new CreateIntentCommand({
                ...where,
                intentName: CAPTURE_INTENT_NAME,
                description: 'Placeholder so the locale builds; its fulfilment hands the transcript to the flow',
                sampleUtterances: [{ utterance: CAPTURE_UTTERANCE }],
                fulfillmentCodeHook: { enabled: true },
              }),
            ),
          ),
        () => Promise.resolve(undefined),
      );
      changed = true;
    }
    const fallback = await awsCall('describing the fallback intent', () =>
      this.lex.send(new DescribeIntentCommand({ ...where, intentId: FALLBACK_INTENT_ID })),
    );
    if (!fallback.fulfillmentCodeHook?.enabled) {
      await awsCall('hooking the fallback intent', () =>
        this.lex.send(
          new UpdateIntentCommand({
            ...where,
            intentId: FALLBACK_INTENT_ID,
            intentName: 'FallbackIntent',
            parentIntentSignature: 'AMAZON.FallbackIntent',
            fulfillmentCodeHook: { enabled: true },
          }),
        ),
      );
      changed = true;
    }
    return changed;
  }

  /** Builds the DRAFT locale unless it is Built and unchanged; returns whether a build ran. */
  private async built(botId: string, localeId: string, changed: boolean): Promise<boolean> {
    const where = { botId, botVersion: 'DRAFT', localeId };
    const status = async () =>
      await awsCall('describing the speech locale', () => this.lex.send(new DescribeBotLocaleCommand(where)));
    let current = await status();
    if (current.botLocaleStatus === 'Built' && !changed) return false;
    if (current.botLocaleStatus !== 'Building') {
      // Another worker may have started the same build a moment ago: Lex refuses the second, and both wait.
      await recoverFrom(
        (error) => isTaken(error) || awsErrorName(error) === 'PreconditionFailedException',
        () => awsCall('building the speech locale', () => this.lex.send(new BuildBotLocaleCommand(where))),
        () => Promise.resolve(undefined),
      );
    }
    await pollUntil('the speech locale to build', this.settings.poll, async () => {
      current = await status();
      if (current.botLocaleStatus === 'Failed' || current.botLocaleStatus === 'NotBuilt') {
        const reasons = current.failureReasons?.join('; ') || current.botLocaleStatus;
        throw new UnrecoverableError(`Lex could not build the speech bot ${botId} (${localeId}): ${reasons}`);
      }
      return current.botLocaleStatus === 'Built' ? true : undefined;
    });
    return true;
  }

  /** The newest numbered version, or a new one from DRAFT when there is none or DRAFT was just rebuilt. */
  private async version(botId: string, localeId: string, rebuilt: boolean): Promise<string> {
    const { botVersionSummaries = [] } = await awsCall('listing the speech bot versions', () =>
      this.lex.send(new ListBotVersionsCommand({ botId, sortBy: { attribute: 'BotVersion', order: 'Descending' } })),
    );
    const numbered = botVersionSummaries
      .map((summary) => summary.botVersion ?? '')
      .filter((version) => /^\d+$/.test(version))
      .sort((a, b) => Number(b) - Number(a));
    let version = rebuilt ? undefined : numbered[0];
    if (!version) {
      const created = await awsCall('versioning the speech bot', () =>
        this.lex.send(
          new CreateBotVersionCommand({
            botId,
            description: 'Voca AI Engine speech capture',
            botVersionLocaleSpecification: { [localeId]: { sourceBotVersion: 'DRAFT' } },
          }),
        ),
      );
      version = created.botVersion!;
    }
    const wanted = version;
    await pollUntil('the speech bot version to become available', this.settings.poll, async () => {
      const described = await orUndefinedIfNotFound(() =>
        awsCall('describing the speech bot version', () =>
          this.lex.send(new DescribeBotVersionCommand({ botId, botVersion: wanted })),
        ),
      );
      if (described?.botStatus === 'Failed') throw new UnrecoverableError(`version ${wanted} of ${botId} failed`);
      return described?.botStatus === 'Available' ? true : undefined;
    });
    return version;
  }

  /** The production alias on `version`, its locale fulfilled by the voice Lambda; created or corrected. */
  private async alias(botId: string, localeId: string, version: string, lambdaArn: string): Promise<string> {
    const localeSettings: Record<string, BotAliasLocaleSettings> = {
      [localeId]: {
        enabled: true,
        codeHookSpecification: {
          lambdaCodeHook: { lambdaARN: lambdaArn, codeHookInterfaceVersion: CODE_HOOK_INTERFACE_VERSION },
        },
      },
    };
    const wanted = {
      botId,
      botAliasName: SPEECH_ALIAS_NAME,
      botVersion: version,
      botAliasLocaleSettings: localeSettings,
    };
    let aliasId = await this.findAlias(botId);
    if (!aliasId) {
      aliasId = await recoverFrom(
        isTaken,
        async () =>
          (await awsCall('creating the speech bot alias', () => this.lex.send(new CreateBotAliasCommand(wanted))))
            .botAliasId!,
        async (error) => foundOr(await this.findAlias(botId), error),
      );
    } else {
      const current = await awsCall('describing the speech bot alias', () =>
        this.lex.send(new DescribeBotAliasCommand({ botId, botAliasId: aliasId })),
      );
      const hook = current.botAliasLocaleSettings?.[localeId]?.codeHookSpecification?.lambdaCodeHook?.lambdaARN;
      if (current.botVersion !== version || hook !== lambdaArn) {
        await awsCall('pointing the speech bot alias at the new version', () =>
          this.lex.send(new UpdateBotAliasCommand({ ...wanted, botAliasId: aliasId })),
        );
      }
    }
    const id = aliasId;
    await pollUntil('the speech bot alias to become available', this.settings.poll, async () => {
      const { botAliasStatus } = await awsCall('describing the speech bot alias', () =>
        this.lex.send(new DescribeBotAliasCommand({ botId, botAliasId: id })),
      );
      if (botAliasStatus === 'Failed') throw new UnrecoverableError(`the speech bot alias ${id} failed`);
      return botAliasStatus === 'Available' ? true : undefined;
    });
    return id;
  }

  private async findAlias(botId: string): Promise<string | undefined> {
    const { botAliasSummaries = [] } = await awsCall('looking up the speech bot alias', () =>
      this.lex.send(new ListBotAliasesCommand({ botId })),
    );
    return botAliasSummaries.find((alias) => alias.botAliasName === SPEECH_ALIAS_NAME)?.botAliasId;
  }

  /** Lets this alias (only) invoke the voice Lambda as its code hook. */
  private async allowInvoke(functionName: string, botId: string, aliasId: string, aliasArn: string): Promise<void> {
    await unlessAlreadyDone(() =>
      awsCall('allowing the speech bot to invoke the voice Lambda', () =>
        this.lambda.send(
          new AddPermissionCommand({
            FunctionName: functionName,
            StatementId: `lex-${botId}-${aliasId}`,
            Action: 'lambda:InvokeFunction',
            Principal: 'lexv2.amazonaws.com',
            SourceArn: aliasArn,
          }),
        ),
      ),
    );
  }

  /**
   * The alias's resource policy lets this instance (and no one else) start conversations with it, as the Lex V2
   * guide gives it for Connect; an existing policy without our statement gets it added. A policy written by a racing
   * worker between our read and our write is read again, once (`raced`); after that the error stands.
   */
  private async openTo(instance: ActiveInstance, aliasArn: string, raced = false): Promise<void> {
    const account = instance.instanceArn.split(':')[4]!;
    const statement = {
      Sid: `${CONNECT_STATEMENT_ID}${createHash('sha256').update(instance.instanceArn).digest('hex').slice(0, 16)}`,
      Effect: 'Allow',
      Principal: { Service: ['connect.amazonaws.com'] },
      Action: ['lex:RecognizeText', 'lex:StartConversation'],
      Resource: aliasArn,
      Condition: {
        StringEquals: { 'AWS:SourceAccount': account },
        ArnEquals: { 'AWS:SourceArn': instance.instanceArn },
      },
    };
    const current = await orUndefinedIfNotFound(() =>
      awsCall('reading the speech bot alias policy', () =>
        this.lex.send(new DescribeResourcePolicyCommand({ resourceArn: aliasArn })),
      ),
    );
    if (!current?.policy) {
      const policy = JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
      await recoverFrom(
        (error) => !raced && awsErrorName(error) === 'PreconditionFailedException',
        () =>
          awsCall('opening the speech bot alias to the instance', () =>
            this.lex.send(new CreateResourcePolicyCommand({ resourceArn: aliasArn, policy })),
          ),
        () => this.openTo(instance, aliasArn, true),
      );
      return;
    }
    const document = JSON.parse(current.policy) as { Statement?: { Sid?: string }[] };
    const statements = document.Statement ?? [];
    if (statements.some((existing) => existing.Sid === statement.Sid)) return;
    await awsCall('opening the speech bot alias to the instance', () =>
      this.lex.send(
        new UpdateResourcePolicyCommand({
          resourceArn: aliasArn,
          policy: JSON.stringify({ ...document, Statement: [...statements, statement] }),
          expectedRevisionId: current.revisionId,
        }),
      ),
    );
  }

  /**
   * Associates the alias with the instance unless it is already. A new association is also when a bot was made
   * again: aliases of bots deleted since (Connect keeps listing them) are disassociated then.
   */
  private async associate(instance: ActiveInstance, aliasArn: string): Promise<void> {
    const associated = await this.associatedAliases(instance.instanceId);
    if (associated.includes(aliasArn)) return;
    await unlessAlreadyDone(() =>
      awsCall('associating the speech bot with the instance', () =>
        this.connect.send(
          new AssociateBotCommand({
            InstanceId: instance.instanceId,
            LexV2Bot: { AliasArn: aliasArn },
            // The same request for the same pair, so a retry of a lost answer is recognised as one.
            ClientToken: createHash('sha256').update(`${instance.instanceId}:${aliasArn}`).digest('hex').slice(0, 64),
          }),
        ),
      ),
    );
    for (const stale of associated) {
      if (await this.aliasExists(stale)) continue;
      await orUndefinedIfNotFound(() =>
        awsCall('disassociating a deleted bot from the instance', () =>
          this.connect.send(
            new DisassociateBotCommand({ InstanceId: instance.instanceId, LexV2Bot: { AliasArn: stale } }),
          ),
        ),
      );
    }
  }

  private async isAssociated(instanceId: string, aliasArn: string): Promise<boolean> {
    return (await this.associatedAliases(instanceId)).includes(aliasArn);
  }

  /** The Lex V2 aliases associated with the instance. */
  private async associatedAliases(instanceId: string): Promise<string[]> {
    const aliases: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await awsCall('listing the bots of the instance', () =>
        this.connect.send(
          new ListInstanceBotsCommand({ InstanceId: instanceId, LexVersion: 'V2', NextToken: nextToken }),
        ),
      );
      for (const bot of page.LexBots ?? []) if (bot.LexV2Bot?.AliasArn) aliases.push(bot.LexV2Bot.AliasArn);
      nextToken = page.NextToken;
    } while (nextToken);
    return aliases;
  }

  /** Whether Lex still has this alias (of this account and region; another's is left as it is). */
  private async aliasExists(aliasArn: string): Promise<boolean> {
    const parts = parseBotAliasArn(aliasArn);
    if (!parts || parts.region !== this.settings.region) return true;
    const alias = await orUndefinedIfNotFound(() =>
      awsCall('describing an associated bot alias', () =>
        this.lex.send(new DescribeBotAliasCommand({ botId: parts.botId, botAliasId: parts.aliasId })),
      ),
    );
    return alias !== undefined;
  }

  /** The configured role, else Lex's service-linked role with the engine's suffix in the instance's account. */
  private roleArn(instance: ActiveInstance): string {
    if (this.settings.lexRoleArn) return this.settings.lexRoleArn;
    const account = instance.instanceArn.split(':')[4]!;
    return `arn:aws:iam::${account}:role/aws-service-role/lexv2.amazonaws.com/AWSServiceRoleForLexV2Bots_voca`;
  }
}

/** What a lookup after a lost race found; else the race's error stands. */
function foundOr(found: string | undefined, error: unknown): string {
  if (found === undefined) throw error;
  return found;
}

/** Lex's answer to a name taken meanwhile (by a racing worker): look again. */
function isTaken(error: unknown): boolean {
  return awsErrorName(error) === 'ConflictException';
}
