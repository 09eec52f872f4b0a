import { VOICE_LANGUAGES, voiceLanguageTagOf } from '@voca/contracts';
import { FLOW_PROMPTS, type FlowPrompts } from './flow-prompts.js';
import { MAX_LAMBDA_SECONDS, type FlowAction, type FlowDocument } from './flow-language.js';

export interface AgentContactFlowInput {
  agentId: string;
  businessName: string;
  /** The agent's own opening line, if the profile has one. */
  greeting?: string;
  /** The store hours as the profile states them, read out when the team is closed. */
  storeHours?: string;
  voiceLambdaArn: string;
  /** Where a contact waits for a person. */
  queueArn: string;
  /** The agent's hours of operation; without them, transfers are always attempted. */
  hoursOfOperationId?: string;
  /** A Lex V2 bot alias that hands over what the caller says; without it, callers navigate by keypad. */
  lexBotAliasArn?: string;
  /** The agent's language (BCP 47): the flow's prompts and voice; English when the engine does not speak it. */
  language?: string;
  /** An Amazon Polly voice of that language (`character_config.voice`); else the language's first. */
  voice?: string;
}

/**
 * The Lex session attribute the speech bot's code hook (the voice Lambda) writes the caller's words into: the flow
 * reads it rather than `$.Lex.InputTranscript`, which Connect does not document and does not reliably resolve.
 */
export const TRANSCRIPT_SESSION_ATTRIBUTE = 'voca_transcript';

/**
 * Speech capture settings for every Lex turn: the caller may talk over a prompt (barge-in), and a key pressed alone
 * is taken after a short pause, so 0 reaches a person at any moment.
 */
export const LEX_SESSION_ATTRIBUTES = {
  'x-amz-lex:barge-in-enabled:*:*': 'true',
  'x-amz-lex:allow-interrupt:*:*': 'true',
  'x-amz-lex:dtmf:end-timeout-ms:*:*': '1500',
} as const;

const action = (
  Identifier: string,
  Type: string,
  Parameters: Record<string, unknown>,
  Transitions: FlowAction['Transitions'] = {},
): FlowAction => ({ Identifier, Type, Parameters, Transitions });

const equals = (operand: string, NextAction: string) => ({
  NextAction,
  Condition: { Operator: 'Equals' as const, Operands: [operand] },
});
const onError = (ErrorType: string, NextAction: string) => ({ ErrorType, NextAction });
const say = (id: string, text: string, next: string) =>
  action(id, 'MessageParticipant', { Text: text }, { NextAction: next, Errors: [onError('NoMatchingError', next)] });

function invokeAgent(id: string, input: AgentContactFlowInput, utterance: string): FlowAction {
  return action(
    id,
    'InvokeLambdaFunction',
    {
      LambdaFunctionARN: input.voiceLambdaArn,
      InvocationTimeLimitSeconds: String(MAX_LAMBDA_SECONDS),
      InvocationType: 'SYNCHRONOUS',
      LambdaInvocationAttributes: { agent_id: input.agentId, utterance },
      ResponseValidation: { ResponseType: 'STRING_MAP' },
    },
    { NextAction: 'route-reply', Errors: [onError('NoMatchingError', 'technical-difficulty')] },
  );
}

/**
 * The contact flow of one agent, for voice calls and SMS (chat) contacts alike:
 * greet with the business name, let the shared Lambda produce each reply (within Connect's 8-second limit), read or
 * send it, and collect the next turn (speech through Lex when configured, text on SMS, else a keypad menu);
 * hand the contact to a person on request during the business hours, and end politely.
 */
export function buildAgentContactFlow(input: AgentContactFlowInput): FlowDocument {
  const tag = voiceLanguageTagOf(input.language) ?? 'en';
  const prompts = FLOW_PROMPTS[tag];
  const voices: readonly string[] = VOICE_LANGUAGES[tag].voices;
  const voice = input.voice && voices.includes(input.voice) ? input.voice : voices[0]!;
  const welcome = `${prompts.welcome(input.businessName)}${input.greeting ? ` ${input.greeting}` : ''}`;
  const closed = prompts.closed(input.storeHours);
  const actions: FlowAction[] = [
    // Every prompt, reply and Lex prompt of the call is spoken in the agent's language by this voice.
    action(
      'set-voice',
      'UpdateContactTextToSpeechVoice',
      { TextToSpeechVoice: voice, TextToSpeechEngine: 'Neural', TextToSpeechStyle: 'None' },
      { NextAction: 'welcome', Errors: [onError('NoMatchingError', 'welcome')] },
    ),
    say('welcome', welcome, 'first-turn'),
    invokeAgent('first-turn', input, ''),
    action(
      'route-reply',
      'Compare',
      { ComparisonValue: '$.External.action' },
      {
        Conditions: [equals('transfer', 'say-before-transfer'), equals('end', 'say-goodbye-reply')],
        Errors: [onError('NoMatchingCondition', 'by-channel')],
      },
    ),
    action(
      'by-channel',
      'Compare',
      { ComparisonValue: '$.Channel' },
      { Conditions: [equals('CHAT', 'text-turn')], Errors: [onError('NoMatchingCondition', 'voice-turn')] },
    ),
    // SMS arrives as a chat contact: the reply is sent and the customer's next message collected in one action.
    action(
      'text-turn',
      'GetParticipantInput',
      { Text: '$.External.reply', StoreInput: 'True', InputTimeLimitSeconds: '900' },
      {
        NextAction: 'next-text-turn',
        Errors: [onError('InputTimeLimitExceeded', 'end'), onError('NoMatchingError', 'end')],
      },
    ),
    invokeAgent('next-text-turn', input, '$.StoredCustomerInput'),
    ...(input.lexBotAliasArn ? voiceTurnWithLex(input, input.lexBotAliasArn, prompts) : voiceTurnWithKeypad(prompts)),
    ...MENU.map(([, identifier, request]) => invokeAgent(identifier, input, prompts.requests[request])),
    say('say-before-transfer', '$.External.reply', input.hoursOfOperationId ? 'check-hours' : 'set-queue'),
    ...(input.hoursOfOperationId
      ? [
          action(
            'check-hours',
            'CheckHoursOfOperation',
            { HoursOfOperationId: input.hoursOfOperationId },
            {
              Conditions: [equals('True', 'set-queue'), equals('False', 'closed')],
              Errors: [onError('NoMatchingError', 'set-queue')],
            },
          ),
          say('closed', closed, 'goodbye'),
        ]
      : []),
    action(
      'set-queue',
      'UpdateContactTargetQueue',
      { QueueId: input.queueArn },
      { NextAction: 'transfer', Errors: [onError('NoMatchingError', 'technical-difficulty')] },
    ),
    action(
      'transfer',
      'TransferContactToQueue',
      {},
      {
        Errors: [onError('QueueAtCapacity', 'queue-full'), onError('NoMatchingError', 'technical-difficulty')],
      },
    ),
    say('queue-full', prompts.queueFull, 'goodbye'),
    say('technical-difficulty', prompts.technicalDifficulty, 'end'),
    say('say-goodbye-reply', '$.External.reply', 'end'),
    say('goodbye', prompts.goodbye(input.businessName), 'end'),
    action('end', 'DisconnectParticipant', {}, {}),
  ];
  return { Version: '2019-10-30', StartAction: 'set-voice', Actions: actions };
}

/**
 * Free speech: the reply is read through the speech bot, which hands back what the caller then says (or the key they
 * press: the menu's digits work here too, 0 for a person at any time). Silence gets the menu once, then goodbye.
 */
function voiceTurnWithLex(input: AgentContactFlowInput, aliasArn: string, prompts: FlowPrompts): FlowAction[] {
  const listen = (id: string, text: string, onSilence: string) =>
    action(
      id,
      'ConnectParticipantWithLexBot',
      { Text: text, LexV2Bot: { AliasArn: aliasArn }, LexSessionAttributes: { ...LEX_SESSION_ATTRIBUTES } },
      {
        NextAction: 'heard',
        Errors: [
          onError('InputTimeLimitExceeded', onSilence),
          onError('NoMatchingCondition', 'heard'),
          onError('NoMatchingError', 'heard'),
        ],
      },
    );
  const heard = `$.Lex.SessionAttributes.${TRANSCRIPT_SESSION_ATTRIBUTE}`;
  return [
    listen('voice-turn', '$.External.reply', 'listen-again'),
    listen('listen-again', `${prompts.stillThere} ${prompts.menu}`, 'goodbye'),
    action('heard', 'Compare', { ComparisonValue: heard }, menuChoices('next-voice-turn')),
    invokeAgent('next-voice-turn', input, heard),
  ];
}

/** The spec's menu on the keypad: each digit a request to the agent, 0 a person, 9 the end of the call. */
const MENU: [digit: string, identifier: string, request: keyof FlowPrompts['requests']][] = [
  ['1', 'menu-products', 'products'],
  ['2', 'menu-order', 'order'],
  ['3', 'menu-returns', 'returns'],
  ['4', 'menu-hours', 'hours'],
];

/** Where each key of the menu leads; anything else goes to `otherwise`. */
function menuChoices(otherwise: string): FlowAction['Transitions'] {
  return {
    Conditions: [
      ...MENU.map(([digit, identifier]) => equals(digit, identifier)),
      equals('0', 'set-queue'),
      equals('9', 'goodbye'),
    ],
    Errors: [onError('NoMatchingCondition', otherwise)],
  };
}

/**
 * Without speech recognition: read the reply, then the menu. A digit asks the agent what the caller would have said
 * (so a caller without speech still gets answers), 0 hands them to a person, 9 ends the call.
 */
function voiceTurnWithKeypad(prompts: FlowPrompts): FlowAction[] {
  const choices = menuChoices('keypad-menu');
  return [
    say('voice-turn', '$.External.reply', 'keypad-menu'),
    action(
      'keypad-menu',
      'GetParticipantInput',
      { Text: prompts.menu, StoreInput: 'False', InputTimeLimitSeconds: '8' },
      {
        Conditions: choices.Conditions!,
        Errors: [
          onError('InputTimeLimitExceeded', 'goodbye'),
          ...choices.Errors!,
          onError('NoMatchingError', 'goodbye'),
        ],
      },
    ),
  ];
}
