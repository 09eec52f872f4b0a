import type { PollSettings } from './poll.js';

/** What the live provisioner needs to know; built from the aws-connect-worker's environment. */
export interface LiveConnectSettings {
  region: string;
  /** Use this existing instance for the shared scope instead of creating one. */
  instanceId?: string;
  instanceAlias?: string;
  dedicatedVendors: string[];
  phoneCountry: string;
  phoneType: 'DID' | 'TOLL_FREE';
  phonePrefix?: string;
  lambdaRoleArn: string;
  /** `lex`: the engine provisions a speech bot per instance and language; `off`: callers use the keypad. */
  speech: 'lex' | 'off';
  /** A bot alias of the business's own, used instead of the engine's bots. */
  lexBotAliasArn?: string;
  /** The role the engine's bots run as; else Lex's service-linked role AWSServiceRoleForLexV2Bots_voca. */
  lexRoleArn?: string;
  /** Where the voice Lambda posts each turn, and the secret it signs with. */
  webhookUrl: string;
  webhookSecret: string;
  poll: PollSettings;
}
