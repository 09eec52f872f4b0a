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
  const welcome = `Thank you for contacting ${input.businessName}.${input.greeting ? ` ${input.greeting}` : ''}`;
  const closed = input.storeHours
    ? `Our team is not available right now. Our hours are ${input.storeHours}.`
    : 'Our team is not available right now.';
  const actions: FlowAction[] = [
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
    ...(input.lexBotAliasArn ? voiceTurnWithLex(input) : voiceTurnWithKeypad()),
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
    say('queue-full', 'All of our team members are busy right now. Please try again later.', 'goodbye'),
    say('technical-difficulty', 'Sorry, we are having trouble right now. Please try again in a few minutes.', 'end'),
    say('say-goodbye-reply', '$.External.reply', 'end'),
    say('goodbye', `Thank you for contacting ${input.businessName}. Goodbye.`, 'end'),
    action('end', 'DisconnectParticipant', {}, {}),
  ];
  return { Version: '2019-10-30', StartAction: 'welcome', Actions: actions };
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

/** Without speech recognition: read the reply, then offer a person or the end of the call. */
function voiceTurnWithKeypad(): FlowAction[] {
  return [
    say('voice-turn', '$.External.reply', 'keypad-menu'),
    action(
      'keypad-menu',
      'GetParticipantInput',
      {
        Text: 'To speak with our team, press 0. To end the call, press 9.',
        StoreInput: 'False',
        InputTimeLimitSeconds: '8',
      },
      {
        Conditions: [equals('0', 'set-queue'), equals('9', 'goodbye')],
        Errors: [
          onError('InputTimeLimitExceeded', 'goodbye'),
          onError('NoMatchingCondition', 'goodbye'),
          onError('NoMatchingError', 'goodbye'),
        ],
      },
    ),
  ];
}
