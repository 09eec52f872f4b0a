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
  /** A Lex V2 bot alias that transcribes free speech; without it, callers navigate by keypad. */
  lexBotAliasArn?: string;
  /** The agent's language (BCP 47): the flow's prompts and voice; English when the engine does not speak it. */
  language?: string;
  /** An Amazon Polly voice of that language (`character_config.voice`); else the language's first. */
  voice?: string;
}

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
    ...(input.lexBotAliasArn ? voiceTurnWithLex(input) : voiceTurnWithKeypad(input, prompts)),
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

/** Free speech: Lex transcribes what the caller says after hearing the reply. */
function voiceTurnWithLex(input: AgentContactFlowInput): FlowAction[] {
  return [
    action(
      'voice-turn',
      'ConnectParticipantWithLexBot',
      { Text: '$.External.reply', LexV2Bot: { AliasArn: input.lexBotAliasArn } },
      {
        NextAction: 'next-voice-turn',
        Errors: [
          onError('InputTimeLimitExceeded', 'goodbye'),
          onError('NoMatchingCondition', 'next-voice-turn'),
          onError('NoMatchingError', 'next-voice-turn'),
        ],
      },
    ),
    invokeAgent('next-voice-turn', input, '$.Lex.InputTranscript'),
  ];
}

/** The spec's menu on the keypad: each digit a request to the agent, 0 a person, 9 the end of the call. */
const MENU: [digit: string, identifier: string, request: keyof FlowPrompts['requests']][] = [
  ['1', 'menu-products', 'products'],
  ['2', 'menu-order', 'order'],
  ['3', 'menu-returns', 'returns'],
  ['4', 'menu-hours', 'hours'],
];

/**
 * Without speech recognition: read the reply, then the menu. A digit asks the agent what the caller would have said
 * (so a caller without speech still gets answers), 0 hands them to a person, 9 ends the call.
 */
function voiceTurnWithKeypad(input: AgentContactFlowInput, prompts: FlowPrompts): FlowAction[] {
  return [
    say('voice-turn', '$.External.reply', 'keypad-menu'),
    action(
      'keypad-menu',
      'GetParticipantInput',
      { Text: prompts.menu, StoreInput: 'False', InputTimeLimitSeconds: '8' },
      {
        Conditions: [
          ...MENU.map(([digit, identifier]) => equals(digit, identifier)),
          equals('0', 'set-queue'),
          equals('9', 'goodbye'),
        ],
        Errors: [
          onError('InputTimeLimitExceeded', 'goodbye'),
          onError('NoMatchingCondition', 'keypad-menu'),
          onError('NoMatchingError', 'goodbye'),
        ],
      },
    ),
    ...MENU.map(([, identifier, request]) => invokeAgent(identifier, input, prompts.requests[request])),
  ];
}
