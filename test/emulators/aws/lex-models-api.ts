import { randomBytes } from 'node:crypto';
import { AwsError } from './aws-errors.js';
import { Input, queryMembers } from './input.js';
import { epochSeconds, type EmulatorEnv } from './options.js';
import { paginate } from './pagination.js';
import type { AwsRequest, Handler, Route } from './router.js';

/**
 * Amazon Lex V2 model building (the `lex` signing name, REST-JSON with camelCase members): bots, their DRAFT
 * locales and intents, builds, numbered versions, aliases and resource policies, with the statuses moving over time
 * as Lex's do (Creating, Building, Versioning: `lexSettleMs`; a locale build: `lexBuildMs`).
 *
 * Where AWS's pages are silent the emulator takes the careful side and says so here: a bot name taken in the region
 * and an alias name taken in the bot are ConflictException; a locale builds only when one of its own intents has a
 * sample utterance (public transcription bots add one "so the bot will build"); a change to a DRAFT locale makes it
 * NotBuilt again; a version needs every locale it copies Built.
 */

const NAME = /^([0-9a-zA-Z][_-]?){1,100}$/;
const ROLE_ARN = /^arn:aws[a-zA-Z-]*:iam::[0-9]{12}:role\/.*$/;
const LAMBDA_ARN =
  /^arn:aws[a-zA-Z-]*:lambda:[a-z]+-[a-z]+(-[a-z]+)*-\d{1}:\d{12}:function:[a-zA-Z0-9-_]+(\/.[0-9]{1,5})?(:[a-zA-Z0-9-_]+)?$/;
/** The core locales of Lex V2 (FACTS: how-languages). */
export const LEX_LOCALES = new Set([
  'ar_AE', 'ca_ES', 'de_AT', 'de_DE', 'en_AU', 'en_GB', 'en_IN', 'en_US', 'en_ZA', 'es_419', 'es_ES', 'es_US', 'fi_FI',
  'fr_CA', 'fr_FR', 'hi_IN', 'it_IT', 'ja_JP', 'ko_KR', 'nl_NL', 'no_NO', 'pl_PL', 'pt_BR', 'pt_PT', 'sv_SE', 'zh_CN',
  'zh_HK',
]); // prettier-ignore
const ENGINES = ['standard', 'neural', 'long-form', 'generative'] as const;
const FILTER_OPERATORS = ['CO', 'EQ', 'NE'] as const;
/** AWS: 100 bots per account and region, 5 aliases per bot (the test alias counts). */
const BOTS_PER_ACCOUNT = 100;
const ALIASES_PER_BOT = 5;
const FALLBACK_INTENT_ID = 'FALLBCKINT';
const TEST_ALIAS_ID = 'TSTALIASID';

interface CodeHook {
  enabled: boolean;
}

interface Intent {
  intentId: string;
  intentName: string;
  parentIntentSignature?: string;
  sampleUtterances: { utterance: string }[];
  fulfillmentCodeHook?: CodeHook;
  dialogCodeHook?: CodeHook;
  updatedAt: number;
}

interface Locale {
  localeId: string;
  threshold: number;
  voiceSettings?: { voiceId: string; engine?: string };
  intents: Map<string, Intent>;
  /** 'Creating' until settled, then NotBuilt; Building until builtAt; then Built or Failed. */
  state: 'Creating' | 'NotBuilt' | 'Building' | 'Built' | 'Failed';
  readyAt: number;
  buildSubmittedAt?: number;
  failureReasons?: string[];
  createdAt: number;
  updatedAt: number;
}

interface BotVersion {
  version: string;
  readyAt: number;
  createdAt: number;
  locales: Map<string, Locale>;
}

interface Alias {
  id: string;
  name: string;
  botVersion?: string;
  localeSettings?: Record<string, unknown>;
  readyAt: number;
  createdAt: number;
  updatedAt: number;
}

interface Bot {
  id: string;
  name: string;
  region: string;
  roleArn: string;
  childDirected: boolean;
  idleSessionTTLInSeconds: number;
  readyAt: number;
  createdAt: number;
  locales: Map<string, Locale>;
  versions: Map<string, BotVersion>;
  nextVersion: number;
  aliases: Map<string, Alias>;
}

interface Policy {
  policy: string;
  revisionId: string;
}

const lexRoute = (
  operation: string,
  method: Route['method'],
  path: string,
  status: number,
  handle: Handler,
): Route => ({
  service: 'lex',
  operation,
  method,
  path,
  status,
  handle,
});

const at = (ms: number) => epochSeconds(ms);

export class LexModelsApi {
  private readonly bots = new Map<string, Bot>();
  private readonly policies = new Map<string, Policy>();

  constructor(private readonly env: EmulatorEnv) {}

  reset(): void {
    this.bots.clear();
    this.policies.clear();
  }

  routes(): Route[] {
    const locales = '/bots/{botId}/botversions/{botVersion}/botlocales';
    const intents = `${locales}/{localeId}/intents`;
    return [
      lexRoute('CreateBot', 'PUT', '/bots', 202, (r) => this.createBot(r)),
      lexRoute('ListBots', 'POST', '/bots', 200, (r) => this.listBots(r)),
      lexRoute('DescribeBot', 'GET', '/bots/{botId}', 200, (r) => this.describeBot(r)),
      lexRoute('DeleteBot', 'DELETE', '/bots/{botId}', 202, (r) => this.deleteBot(r)),
      lexRoute('CreateBotLocale', 'PUT', locales, 202, (r) => this.createLocale(r)),
      lexRoute('ListBotLocales', 'POST', locales, 200, (r) => this.listLocales(r)),
      lexRoute('DescribeBotLocale', 'GET', `${locales}/{localeId}`, 200, (r) => this.describeLocale(r)),
      lexRoute('BuildBotLocale', 'POST', `${locales}/{localeId}`, 202, (r) => this.buildLocale(r)),
      lexRoute('CreateIntent', 'PUT', intents, 200, (r) => this.createIntent(r)),
      lexRoute('ListIntents', 'POST', intents, 200, (r) => this.listIntents(r)),
      lexRoute('DescribeIntent', 'GET', `${intents}/{intentId}`, 200, (r) => this.describeIntent(r)),
      lexRoute('UpdateIntent', 'PUT', `${intents}/{intentId}`, 200, (r) => this.updateIntent(r)),
      lexRoute('CreateBotVersion', 'PUT', '/bots/{botId}/botversions', 202, (r) => this.createVersion(r)),
      lexRoute('ListBotVersions', 'POST', '/bots/{botId}/botversions', 200, (r) => this.listVersions(r)),
      lexRoute('DescribeBotVersion', 'GET', '/bots/{botId}/botversions/{botVersion}', 200, (r) =>
        this.describeVersion(r),
      ),
      lexRoute('CreateBotAlias', 'PUT', '/bots/{botId}/botaliases', 202, (r) => this.createAlias(r)),
      lexRoute('ListBotAliases', 'POST', '/bots/{botId}/botaliases', 200, (r) => this.listAliases(r)),
      lexRoute('DescribeBotAlias', 'GET', '/bots/{botId}/botaliases/{botAliasId}', 200, (r) => this.describeAlias(r)),
      lexRoute('UpdateBotAlias', 'PUT', '/bots/{botId}/botaliases/{botAliasId}', 202, (r) => this.updateAlias(r)),
      lexRoute('CreateResourcePolicy', 'POST', '/policy/{resourceArn}', 200, (r) => this.createPolicy(r)),
      lexRoute('DescribeResourcePolicy', 'GET', '/policy/{resourceArn}', 200, (r) => this.describePolicy(r)),
      lexRoute('UpdateResourcePolicy', 'PUT', '/policy/{resourceArn}', 200, (r) => this.updatePolicy(r)),
      lexRoute('DeleteResourcePolicy', 'DELETE', '/policy/{resourceArn}', 204, (r) => this.deletePolicy(r)),
    ];
  }

  /** Whether this alias ARN names an alias Lex has (what Connect's AssociateBot checks). */
  aliasExists(aliasArn: string): boolean {
    const match = /^arn:aws:lex:([a-z0-9-]+):(\d{12}):bot-alias\/([0-9a-zA-Z]+)\/([0-9a-zA-Z]+)$/.exec(aliasArn);
    if (!match) return false;
    const bot = this.bots.get(match[3]!);
    return Boolean(
      bot && bot.region === match[1] && match[2] === this.env.options.accountId && bot.aliases.has(match[4]!),
    );
  }

  inventory() {
    return [...this.bots.values()].map((bot) => ({
      id: bot.id,
      name: bot.name,
      region: bot.region,
      arn: this.botArn(bot),
      roleArn: bot.roleArn,
      status: this.botStatus(bot),
      locales: [...bot.locales.values()].map((locale) => ({
        localeId: locale.localeId,
        status: this.localeStatus(locale),
        voiceId: locale.voiceSettings?.voiceId,
        builds: locale.buildSubmittedAt === undefined ? 0 : 1,
        intents: [...locale.intents.values()].map((intent) => ({
          intentId: intent.intentId,
          intentName: intent.intentName,
          sampleUtterances: intent.sampleUtterances.length,
          fulfillmentCodeHook: intent.fulfillmentCodeHook?.enabled ?? false,
        })),
      })),
      versions: [...bot.versions.keys()],
      aliases: [...bot.aliases.values()]
        .filter((alias) => alias.id !== TEST_ALIAS_ID)
        .map((alias) => ({
          id: alias.id,
          name: alias.name,
          arn: this.aliasArn(bot, alias.id),
          botVersion: alias.botVersion,
          status: this.env.now() < alias.readyAt ? 'Creating' : 'Available',
          localeSettings: alias.localeSettings ?? {},
          policy: this.policies.get(this.aliasArn(bot, alias.id))?.policy,
        })),
    }));
  }

  // --- bots ------------------------------------------------------------------------------------------------------

  private createBot({ body, region }: AwsRequest) {
    const input = new Input(body, 'ValidationException');
    const botName = input.string('botName', { max: 100, pattern: NAME });
    const roleArn = input.string('roleArn', { max: 2048, pattern: ROLE_ARN });
    const dataPrivacy = input.optionalObject('dataPrivacy');
    if (!dataPrivacy) throw new AwsError('ValidationException', 'dataPrivacy is required.');
    const childDirected = new Input(dataPrivacy, 'ValidationException').boolean('childDirected');
    const ttl = input.optionalInteger('idleSessionTTLInSeconds', 60, 86400);
    if (ttl === undefined) throw new AwsError('ValidationException', 'idleSessionTTLInSeconds is required.');
    input.optionalString('description', { max: 200 });
    input.optionalStringMap('botTags');
    const inRegion = [...this.bots.values()].filter((b) => b.region === region);
    if (inRegion.some((b) => b.name === botName)) {
      throw new AwsError('ConflictException', `A bot with the name ${botName} already exists.`);
    }
    if (inRegion.length >= BOTS_PER_ACCOUNT) {
      throw new AwsError('ServiceQuotaExceededException', `The quota of ${BOTS_PER_ACCOUNT} bots is reached.`);
    }
    const now = this.env.now();
    const bot: Bot = {
      id: this.newId(),
      name: botName,
      region,
      roleArn,
      childDirected,
      idleSessionTTLInSeconds: ttl,
      readyAt: now + this.env.options.lexSettleMs,
      createdAt: now,
      locales: new Map(),
      versions: new Map(),
      nextVersion: 1,
      aliases: new Map(),
    };
    // Lex makes a test alias on DRAFT with every bot (meant for the console, limited at runtime).
    bot.aliases.set(TEST_ALIAS_ID, {
      id: TEST_ALIAS_ID,
      name: 'TestBotAlias',
      botVersion: 'DRAFT',
      readyAt: now,
      createdAt: now,
      updatedAt: now,
    });
    this.bots.set(bot.id, bot);
    return { ...this.botView(bot), botStatus: 'Creating' };
  }

  private listBots({ body, region }: AwsRequest) {
    const input = new Input(body, 'ValidationException');
    const filters = this.filters(input, 'BotName');
    const bots = [...this.bots.values()]
      .filter((b) => b.region === region && filters.every((f) => f(b.name)))
      .map((b) => ({
        botId: b.id,
        botName: b.name,
        botStatus: this.botStatus(b),
        latestBotVersion: b.nextVersion > 1 ? String(b.nextVersion - 1) : undefined,
        lastUpdatedDateTime: at(b.createdAt),
        botType: 'Bot',
      }));
    const { page, nextToken } = paginate(
      bots,
      { maxResults: body.maxResults, nextToken: body.nextToken },
      { defaultSize: 10, max: 1000, errorCode: 'ValidationException' },
      `bots:${region}`,
    );
    return { botSummaries: page, ...(nextToken ? { nextToken } : {}) };
  }

  private describeBot({ labels, region }: AwsRequest) {
    const bot = this.bot(labels.botId!, region);
    return { ...this.botView(bot), botStatus: this.botStatus(bot), lastUpdatedDateTime: at(bot.createdAt) };
  }

  private deleteBot({ labels, region }: AwsRequest) {
    const bot = this.bot(labels.botId!, region);
    this.bots.delete(bot.id);
    for (const arn of [...this.policies.keys()]) {
      if (
        arn === this.botArn(bot) ||
        arn.startsWith(`arn:aws:lex:${bot.region}:${this.env.options.accountId}:bot-alias/${bot.id}/`)
      )
        this.policies.delete(arn);
    }
    return { botId: bot.id, botStatus: 'Deleting' };
  }

  // --- locales ---------------------------------------------------------------------------------------------------

  private createLocale({ labels, body, region }: AwsRequest) {
    const bot = this.availableBot(labels.botId!, region);
    this.draftOnly(labels.botVersion!);
    const input = new Input(body, 'ValidationException');
    const localeId = input.string('localeId');
    if (!LEX_LOCALES.has(localeId)) throw new AwsError('ValidationException', `Locale ${localeId} is not supported.`);
    const threshold = body.nluIntentConfidenceThreshold;
    if (typeof threshold !== 'number' || threshold < 0 || threshold > 1) {
      throw new AwsError('ValidationException', 'nluIntentConfidenceThreshold is required, a number from 0 to 1.');
    }
    const voice = input.optionalObject('voiceSettings');
    const voiceSettings = voice
      ? (() => {
          const v = new Input(voice, 'ValidationException');
          const engine = v.optionalEnum('engine', ENGINES);
          return { voiceId: v.string('voiceId'), ...(engine ? { engine } : {}) };
        })()
      : undefined;
    if (bot.locales.has(localeId)) {
      throw new AwsError('ConflictException', `Locale ${localeId} already exists in bot ${bot.id}.`);
    }
    const now = this.env.now();
    const locale: Locale = {
      localeId,
      threshold,
      ...(voiceSettings ? { voiceSettings } : {}),
      intents: new Map([
        [
          FALLBACK_INTENT_ID,
          {
            intentId: FALLBACK_INTENT_ID,
            intentName: 'FallbackIntent',
            parentIntentSignature: 'AMAZON.FallbackIntent',
            sampleUtterances: [],
            updatedAt: now,
          },
        ],
      ]),
      state: 'Creating',
      readyAt: now + this.env.options.lexSettleMs,
      createdAt: now,
      updatedAt: now,
    };
    bot.locales.set(localeId, locale);
    return { ...this.localeView(bot, 'DRAFT', locale), botLocaleStatus: 'Creating' };
  }

  private listLocales({ labels, body, region }: AwsRequest) {
    const bot = this.bot(labels.botId!, region);
    const locales = this.localesOf(bot, labels.botVersion!);
    const { page, nextToken } = paginate(
      [...locales.values()].map((l) => ({
        localeId: l.localeId,
        localeName: l.localeId,
        botLocaleStatus: this.localeStatus(l),
        lastUpdatedDateTime: at(l.updatedAt),
      })),
      { maxResults: body.maxResults, nextToken: body.nextToken },
      { defaultSize: 10, max: 1000, errorCode: 'ValidationException' },
      `locales:${bot.id}:${labels.botVersion}`,
    );
    return {
      botId: bot.id,
      botVersion: labels.botVersion,
      botLocaleSummaries: page,
      ...(nextToken ? { nextToken } : {}),
    };
  }

  private describeLocale({ labels, region }: AwsRequest) {
    const bot = this.bot(labels.botId!, region);
    const locale = this.locale(bot, labels.botVersion!, labels.localeId!);
    return this.localeView(bot, labels.botVersion!, locale);
  }

  private buildLocale({ labels, region }: AwsRequest) {
    const bot = this.availableBot(labels.botId!, region);
    this.draftOnly(labels.botVersion!);
    const locale = this.locale(bot, 'DRAFT', labels.localeId!);
    const status = this.localeStatus(locale);
    if (status === 'Creating' || status === 'Building') {
      throw new AwsError(
        'PreconditionFailedException',
        `Locale ${locale.localeId} is ${status}; wait until it is not.`,
      );
    }
    const now = this.env.now();
    const trainable = [...locale.intents.values()].some(
      (i) => i.intentId !== FALLBACK_INTENT_ID && i.sampleUtterances.length > 0,
    );
    locale.state = 'Building';
    locale.buildSubmittedAt = now;
    locale.readyAt = now + this.env.options.lexBuildMs;
    locale.failureReasons = trainable
      ? undefined
      : [
          'Failed to build the locale: it needs at least one intent with a sample utterance besides AMAZON.FallbackIntent.',
        ];
    return {
      botId: bot.id,
      botVersion: 'DRAFT',
      localeId: locale.localeId,
      botLocaleStatus: 'Building',
      lastBuildSubmittedDateTime: at(now),
    };
  }

  // --- intents ---------------------------------------------------------------------------------------------------

  private createIntent({ labels, body, region }: AwsRequest) {
    const bot = this.availableBot(labels.botId!, region);
    this.draftOnly(labels.botVersion!);
    const locale = this.locale(bot, 'DRAFT', labels.localeId!);
    const intent = this.intentFrom(body, this.newId());
    if (intent.parentIntentSignature === 'AMAZON.FallbackIntent' || intent.intentName === 'FallbackIntent') {
      throw new AwsError('ValidationException', 'The specified intent name conflicts with a built-in intent name.');
    }
    if ([...locale.intents.values()].some((i) => i.intentName === intent.intentName)) {
      throw new AwsError('ConflictException', `An intent named ${intent.intentName} already exists.`);
    }
    locale.intents.set(intent.intentId, intent);
    this.changed(locale);
    return this.intentView(bot, locale, intent);
  }

  private updateIntent({ labels, body, region }: AwsRequest) {
    const bot = this.availableBot(labels.botId!, region);
    this.draftOnly(labels.botVersion!);
    const locale = this.locale(bot, 'DRAFT', labels.localeId!);
    const existing = this.intent(locale, labels.intentId!);
    const intent = this.intentFrom(body, existing.intentId);
    if (existing.intentId === FALLBACK_INTENT_ID) {
      if (intent.intentName !== 'FallbackIntent' || intent.parentIntentSignature !== 'AMAZON.FallbackIntent') {
        throw new AwsError(
          'ValidationException',
          'The fallback intent keeps intentName FallbackIntent and parentIntentSignature AMAZON.FallbackIntent.',
        );
      }
      if (intent.sampleUtterances.length > 0) {
        throw new AwsError('ValidationException', 'AMAZON.FallbackIntent cannot have sample utterances.');
      }
    }
    locale.intents.set(intent.intentId, intent);
    this.changed(locale);
    return this.intentView(bot, locale, intent);
  }

  private describeIntent({ labels, region }: AwsRequest) {
    const bot = this.bot(labels.botId!, region);
    const locale = this.locale(bot, labels.botVersion!, labels.localeId!);
    return this.intentView(bot, locale, this.intent(locale, labels.intentId!), labels.botVersion!);
  }

  private listIntents({ labels, body, region }: AwsRequest) {
    const bot = this.bot(labels.botId!, region);
    const locale = this.locale(bot, labels.botVersion!, labels.localeId!);
    const filters = this.filters(new Input(body, 'ValidationException'), 'IntentName');
    const { page, nextToken } = paginate(
      [...locale.intents.values()]
        .filter((i) => filters.every((f) => f(i.intentName)))
        .map((i) => ({
          intentId: i.intentId,
          intentName: i.intentName,
          ...(i.parentIntentSignature ? { parentIntentSignature: i.parentIntentSignature } : {}),
          lastUpdatedDateTime: at(i.updatedAt),
        })),
      { maxResults: body.maxResults, nextToken: body.nextToken },
      { defaultSize: 10, max: 1000, errorCode: 'ValidationException' },
      `intents:${bot.id}:${labels.botVersion}:${locale.localeId}`,
    );
    return {
      botId: bot.id,
      botVersion: labels.botVersion,
      localeId: locale.localeId,
      intentSummaries: page,
      ...(nextToken ? { nextToken } : {}),
    };
  }

  // --- versions --------------------------------------------------------------------------------------------------

  private createVersion({ labels, body, region }: AwsRequest) {
    const bot = this.availableBot(labels.botId!, region);
    const spec = new Input(body, 'ValidationException').optionalObject('botVersionLocaleSpecification');
    if (!spec || Object.keys(spec).length === 0) {
      throw new AwsError('ValidationException', 'botVersionLocaleSpecification is required.');
    }
    const copied = new Map<string, Locale>();
    for (const [localeId, details] of Object.entries(spec)) {
      const source = new Input((details ?? {}) as Record<string, unknown>, 'ValidationException').string(
        'sourceBotVersion',
      );
      const locale = this.locale(bot, source, localeId);
      if (this.localeStatus(locale) !== 'Built') {
        throw new AwsError('ValidationException', `Locale ${localeId} of version ${source} is not Built.`);
      }
      copied.set(localeId, { ...locale, intents: new Map([...locale.intents].map(([k, v]) => [k, { ...v }])) });
    }
    const now = this.env.now();
    const version: BotVersion = {
      version: String(bot.nextVersion++),
      readyAt: now + this.env.options.lexSettleMs,
      createdAt: now,
      locales: copied,
    };
    bot.versions.set(version.version, version);
    return {
      botId: bot.id,
      botVersion: version.version,
      botVersionLocaleSpecification: spec,
      botStatus: 'Versioning',
      creationDateTime: at(now),
    };
  }

  private listVersions({ labels, body, region }: AwsRequest) {
    const bot = this.bot(labels.botId!, region);
    const summaries = [
      { botName: bot.name, botVersion: 'DRAFT', botStatus: this.botStatus(bot), creationDateTime: at(bot.createdAt) },
      ...[...bot.versions.values()].map((v) => ({
        botName: bot.name,
        botVersion: v.version,
        botStatus: this.env.now() < v.readyAt ? 'Versioning' : 'Available',
        creationDateTime: at(v.createdAt),
      })),
    ];
    const { page, nextToken } = paginate(
      summaries,
      { maxResults: body.maxResults, nextToken: body.nextToken },
      { defaultSize: 10, max: 1000, errorCode: 'ValidationException' },
      `versions:${bot.id}`,
    );
    return { botId: bot.id, botVersionSummaries: page, ...(nextToken ? { nextToken } : {}) };
  }

  private describeVersion({ labels, region }: AwsRequest) {
    const bot = this.bot(labels.botId!, region);
    const version = bot.versions.get(labels.botVersion!);
    if (!version)
      throw new AwsError('ResourceNotFoundException', `Version ${labels.botVersion} of bot ${bot.id} not found.`);
    return {
      ...this.botView(bot),
      botVersion: version.version,
      botStatus: this.env.now() < version.readyAt ? 'Versioning' : 'Available',
      creationDateTime: at(version.createdAt),
    };
  }

  // --- aliases ---------------------------------------------------------------------------------------------------

  private createAlias({ labels, body, region }: AwsRequest) {
    const bot = this.availableBot(labels.botId!, region);
    const input = new Input(body, 'ValidationException');
    const name = input.string('botAliasName', { max: 100, pattern: NAME });
    const botVersion = this.aliasVersion(bot, input);
    const localeSettings = this.aliasLocaleSettings(input);
    if ([...bot.aliases.values()].some((a) => a.name === name)) {
      throw new AwsError('ConflictException', `An alias named ${name} already exists in bot ${bot.id}.`);
    }
    if (bot.aliases.size >= ALIASES_PER_BOT) {
      throw new AwsError(
        'ServiceQuotaExceededException',
        `The quota of ${ALIASES_PER_BOT} aliases per bot is reached.`,
      );
    }
    const now = this.env.now();
    const alias: Alias = {
      id: this.newId(),
      name,
      ...(botVersion ? { botVersion } : {}),
      ...(localeSettings ? { localeSettings } : {}),
      readyAt: now + this.env.options.lexSettleMs,
      createdAt: now,
      updatedAt: now,
    };
    bot.aliases.set(alias.id, alias);
    return { ...this.aliasView(bot, alias), botAliasStatus: 'Creating' };
  }

  private updateAlias({ labels, body, region }: AwsRequest) {
    const bot = this.availableBot(labels.botId!, region);
    const alias = this.alias(bot, labels.botAliasId!);
    const input = new Input(body, 'ValidationException');
    alias.name = input.string('botAliasName', { max: 100, pattern: NAME });
    const botVersion = this.aliasVersion(bot, input);
    const localeSettings = this.aliasLocaleSettings(input);
    if (botVersion) alias.botVersion = botVersion;
    else delete alias.botVersion;
    if (localeSettings) alias.localeSettings = localeSettings;
    else delete alias.localeSettings;
    alias.updatedAt = this.env.now();
    alias.readyAt = alias.updatedAt + this.env.options.lexSettleMs;
    return { ...this.aliasView(bot, alias), botAliasStatus: 'Creating' };
  }

  private listAliases({ labels, body, region }: AwsRequest) {
    const bot = this.bot(labels.botId!, region);
    const { page, nextToken } = paginate(
      [...bot.aliases.values()].map((a) => ({
        botAliasId: a.id,
        botAliasName: a.name,
        botVersion: a.botVersion,
        botAliasStatus: this.env.now() < a.readyAt ? 'Creating' : 'Available',
        creationDateTime: at(a.createdAt),
        lastUpdatedDateTime: at(a.updatedAt),
      })),
      { maxResults: body.maxResults, nextToken: body.nextToken },
      { defaultSize: 10, max: 1000, errorCode: 'ValidationException' },
      `aliases:${bot.id}`,
    );
    return { botId: bot.id, botAliasSummaries: page, ...(nextToken ? { nextToken } : {}) };
  }

  private describeAlias({ labels, region }: AwsRequest) {
    const bot = this.bot(labels.botId!, region);
    const alias = this.alias(bot, labels.botAliasId!);
    return {
      ...this.aliasView(bot, alias),
      botAliasStatus: this.env.now() < alias.readyAt ? 'Creating' : 'Available',
      lastUpdatedDateTime: at(alias.updatedAt),
    };
  }

  private aliasVersion(bot: Bot, input: Input): string | undefined {
    const botVersion = input.optionalString('botVersion', { max: 5 });
    if (botVersion !== undefined && botVersion !== 'DRAFT' && !bot.versions.has(botVersion)) {
      throw new AwsError('ResourceNotFoundException', `Version ${botVersion} of bot ${bot.id} not found.`);
    }
    return botVersion;
  }

  private aliasLocaleSettings(input: Input): Record<string, unknown> | undefined {
    const settings = input.optionalObject('botAliasLocaleSettings');
    if (!settings) return undefined;
    for (const [localeId, value] of Object.entries(settings)) {
      if (!LEX_LOCALES.has(localeId)) throw new AwsError('ValidationException', `Locale ${localeId} is not supported.`);
      const locale = new Input((value ?? {}) as Record<string, unknown>, 'ValidationException');
      locale.boolean('enabled');
      const spec = locale.optionalObject('codeHookSpecification');
      if (spec) {
        const hook = new Input(spec, 'ValidationException').optionalObject('lambdaCodeHook');
        if (!hook) throw new AwsError('ValidationException', 'codeHookSpecification.lambdaCodeHook is required.');
        const lambda = new Input(hook, 'ValidationException');
        lambda.string('lambdaARN', { max: 2048, pattern: LAMBDA_ARN });
        lambda.string('codeHookInterfaceVersion', { max: 5 });
      }
    }
    return settings;
  }

  // --- resource policies -----------------------------------------------------------------------------------------

  private createPolicy({ labels, body }: AwsRequest) {
    const arn = this.policyTarget(labels.resourceArn!);
    const policy = this.policyDocument(body);
    if (this.policies.has(arn)) {
      throw new AwsError('PreconditionFailedException', `A resource policy already exists for ${arn}.`);
    }
    const revisionId = this.newId();
    this.policies.set(arn, { policy, revisionId });
    return { resourceArn: arn, revisionId };
  }

  private describePolicy({ labels }: AwsRequest) {
    const arn = this.policyTarget(labels.resourceArn!);
    const found = this.policies.get(arn);
    if (!found) throw new AwsError('ResourceNotFoundException', `No resource policy for ${arn}.`);
    return { resourceArn: arn, policy: found.policy, revisionId: found.revisionId };
  }

  private updatePolicy({ labels, body, query }: AwsRequest) {
    const arn = this.policyTarget(labels.resourceArn!);
    const found = this.policies.get(arn);
    if (!found) throw new AwsError('ResourceNotFoundException', `No resource policy for ${arn}.`);
    const expected = queryMembers(query, { expectedRevisionId: {} }).expectedRevisionId;
    if (expected !== undefined && expected !== found.revisionId) {
      throw new AwsError(
        'PreconditionFailedException',
        `The policy's revision is ${found.revisionId}, not ${String(expected)}.`,
      );
    }
    const revisionId = this.newId();
    this.policies.set(arn, { policy: this.policyDocument(body), revisionId });
    return { resourceArn: arn, revisionId };
  }

  private deletePolicy({ labels }: AwsRequest) {
    const arn = this.policyTarget(labels.resourceArn!);
    if (!this.policies.delete(arn)) throw new AwsError('ResourceNotFoundException', `No resource policy for ${arn}.`);
    return undefined;
  }

  /** A bot or alias ARN this account has. */
  private policyTarget(arn: string): string {
    const bot = /^arn:aws:lex:([a-z0-9-]+):(\d{12}):bot\/([0-9a-zA-Z]+)$/.exec(arn);
    if (bot && this.bots.get(bot[3]!)?.region === bot[1] && bot[2] === this.env.options.accountId) return arn;
    if (this.aliasExists(arn)) return arn;
    throw new AwsError('ResourceNotFoundException', `No bot or bot alias ${arn}.`);
  }

  /** The policy JSON: statements with an Effect, a Principal, Actions, and a Condition for a service principal. */
  private policyDocument(body: Record<string, unknown>): string {
    const policy = new Input(body, 'ValidationException').string('policy');
    let parsed: { Statement?: unknown };
    try {
      parsed = JSON.parse(policy) as { Statement?: unknown };
    } catch {
      throw new AwsError('ValidationException', 'policy is not valid JSON.');
    }
    const statements = Array.isArray(parsed.Statement) ? (parsed.Statement as Record<string, unknown>[]) : undefined;
    if (!statements?.length) throw new AwsError('ValidationException', 'policy needs at least one Statement.');
    for (const statement of statements) {
      if (!['Allow', 'Deny'].includes(String(statement.Effect)))
        throw new AwsError('ValidationException', 'Each statement needs Effect Allow or Deny.');
      if (!statement.Action) throw new AwsError('ValidationException', 'Each statement needs an Action.');
      const principal = statement.Principal as { Service?: unknown } | undefined;
      if (!principal) throw new AwsError('ValidationException', 'Each statement needs a Principal.');
      if (principal.Service && !statement.Condition) {
        throw new AwsError('ValidationException', 'A statement for a service principal needs a Condition block.');
      }
    }
    return policy;
  }

  // --- helpers ---------------------------------------------------------------------------------------------------

  private bot(botId: string, region: string): Bot {
    const bot = this.bots.get(botId);
    if (!bot || bot.region !== region) throw new AwsError('ResourceNotFoundException', `Bot ${botId} not found.`);
    return bot;
  }

  private availableBot(botId: string, region: string): Bot {
    const bot = this.bot(botId, region);
    const status = this.botStatus(bot);
    if (status !== 'Available') throw new AwsError('PreconditionFailedException', `Bot ${botId} is ${status}.`);
    return bot;
  }

  private botStatus(bot: Bot): string {
    return this.env.now() < bot.readyAt ? 'Creating' : 'Available';
  }

  private draftOnly(botVersion: string): void {
    if (botVersion !== 'DRAFT') {
      throw new AwsError('ValidationException', `Only the DRAFT version can be changed, not ${botVersion}.`);
    }
  }

  private localesOf(bot: Bot, botVersion: string): Map<string, Locale> {
    if (botVersion === 'DRAFT') return bot.locales;
    const version = bot.versions.get(botVersion);
    if (!version) throw new AwsError('ResourceNotFoundException', `Version ${botVersion} of bot ${bot.id} not found.`);
    return version.locales;
  }

  private locale(bot: Bot, botVersion: string, localeId: string): Locale {
    const locale = this.localesOf(bot, botVersion).get(localeId);
    if (!locale) throw new AwsError('ResourceNotFoundException', `Locale ${localeId} not found in bot ${bot.id}.`);
    return locale;
  }

  private localeStatus(locale: Locale): string {
    if (this.env.now() < locale.readyAt) return locale.state;
    if (locale.state === 'Creating') return 'NotBuilt';
    if (locale.state === 'Building') return locale.failureReasons ? 'Failed' : 'Built';
    return locale.state;
  }

  /** A change to a DRAFT locale: it must be built again before a version can copy it. */
  private changed(locale: Locale): void {
    locale.updatedAt = this.env.now();
    locale.state = 'NotBuilt';
    locale.readyAt = 0;
    delete locale.failureReasons;
  }

  private intent(locale: Locale, intentId: string): Intent {
    const intent = locale.intents.get(intentId);
    if (!intent) throw new AwsError('ResourceNotFoundException', `Intent ${intentId} not found.`);
    return intent;
  }

  private intentFrom(body: Record<string, unknown>, intentId: string): Intent {
    const input = new Input(body, 'ValidationException');
    const intentName = input.string('intentName', { max: 100, pattern: NAME });
    const parentIntentSignature = input.optionalString('parentIntentSignature');
    const utterances = input.optionalArray('sampleUtterances') ?? [];
    const sampleUtterances = utterances.map((u) => ({
      utterance: new Input((u ?? {}) as Record<string, unknown>, 'ValidationException').string('utterance', {
        max: 500,
      }),
    }));
    const hook = (name: string): CodeHook | undefined => {
      const value = input.optionalObject(name);
      return value ? { enabled: new Input(value, 'ValidationException').boolean('enabled') } : undefined;
    };
    const fulfillmentCodeHook = hook('fulfillmentCodeHook');
    const dialogCodeHook = hook('dialogCodeHook');
    return {
      intentId,
      intentName,
      ...(parentIntentSignature ? { parentIntentSignature } : {}),
      sampleUtterances,
      ...(fulfillmentCodeHook ? { fulfillmentCodeHook } : {}),
      ...(dialogCodeHook ? { dialogCodeHook } : {}),
      updatedAt: this.env.now(),
    };
  }

  private alias(bot: Bot, aliasId: string): Alias {
    const alias = bot.aliases.get(aliasId);
    if (!alias) throw new AwsError('ResourceNotFoundException', `Alias ${aliasId} of bot ${bot.id} not found.`);
    return alias;
  }

  /** `filters: [{name, values, operator}]` on one field, as predicates. */
  private filters(input: Input, field: string): ((value: string) => boolean)[] {
    return (input.optionalArray('filters') ?? []).map((raw) => {
      const filter = new Input((raw ?? {}) as Record<string, unknown>, 'ValidationException');
      const name = filter.string('name');
      if (name !== field) throw new AwsError('ValidationException', `Filter name must be ${field}; got ${name}.`);
      const operator = filter.enum('operator', FILTER_OPERATORS);
      const values = (filter.optionalArray('values') ?? []).map(String);
      if (values.length !== 1) throw new AwsError('ValidationException', 'A filter takes exactly one value.');
      const [wanted] = values as [string];
      return (value: string) =>
        operator === 'EQ' ? value === wanted : operator === 'NE' ? value !== wanted : value.includes(wanted);
    });
  }

  private botArn(bot: Bot): string {
    return `arn:aws:lex:${bot.region}:${this.env.options.accountId}:bot/${bot.id}`;
  }

  private aliasArn(bot: Bot, aliasId: string): string {
    return `arn:aws:lex:${bot.region}:${this.env.options.accountId}:bot-alias/${bot.id}/${aliasId}`;
  }

  private botView(bot: Bot) {
    return {
      botId: bot.id,
      botName: bot.name,
      roleArn: bot.roleArn,
      dataPrivacy: { childDirected: bot.childDirected },
      idleSessionTTLInSeconds: bot.idleSessionTTLInSeconds,
      creationDateTime: at(bot.createdAt),
      botType: 'Bot',
    };
  }

  private localeView(bot: Bot, botVersion: string, locale: Locale) {
    return {
      botId: bot.id,
      botVersion,
      localeId: locale.localeId,
      localeName: locale.localeId,
      nluIntentConfidenceThreshold: locale.threshold,
      ...(locale.voiceSettings ? { voiceSettings: locale.voiceSettings } : {}),
      intentsCount: locale.intents.size,
      slotTypesCount: 0,
      botLocaleStatus: this.localeStatus(locale),
      ...(this.localeStatus(locale) === 'Failed' ? { failureReasons: locale.failureReasons } : {}),
      creationDateTime: at(locale.createdAt),
      lastUpdatedDateTime: at(locale.updatedAt),
      ...(locale.buildSubmittedAt ? { lastBuildSubmittedDateTime: at(locale.buildSubmittedAt) } : {}),
    };
  }

  private intentView(bot: Bot, locale: Locale, intent: Intent, botVersion = 'DRAFT') {
    return {
      botId: bot.id,
      botVersion,
      localeId: locale.localeId,
      intentId: intent.intentId,
      intentName: intent.intentName,
      ...(intent.parentIntentSignature ? { parentIntentSignature: intent.parentIntentSignature } : {}),
      sampleUtterances: intent.sampleUtterances,
      ...(intent.fulfillmentCodeHook ? { fulfillmentCodeHook: intent.fulfillmentCodeHook } : {}),
      ...(intent.dialogCodeHook ? { dialogCodeHook: intent.dialogCodeHook } : {}),
      creationDateTime: at(intent.updatedAt),
      lastUpdatedDateTime: at(intent.updatedAt),
    };
  }

  private aliasView(bot: Bot, alias: Alias) {
    return {
      botId: bot.id,
      botAliasId: alias.id,
      botAliasName: alias.name,
      ...(alias.botVersion ? { botVersion: alias.botVersion } : {}),
      ...(alias.localeSettings ? { botAliasLocaleSettings: alias.localeSettings } : {}),
      creationDateTime: at(alias.createdAt),
    };
  }

  /** Lex ids: ten characters of [0-9A-Z]. */
  private newId(): string {
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    return [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('');
  }
}
