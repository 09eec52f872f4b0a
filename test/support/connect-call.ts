import { randomUUID } from 'node:crypto';
import type { FlowAction, FlowDocument } from '@voca/aws-connect';

/** What the caller does when the flow listens: speak, press one key, or say nothing. */
export type CallerMove = { say: string } | { press: string } | { silence: true };

/** What a caller experienced: everything spoken to them, in order, and how the call ended. */
export interface CallRecord {
  heard: string[];
  voice?: string;
  ended: 'disconnected' | 'transferred' | 'out of moves';
  /** The actions run, in order (for a failing test's message). */
  path: string[];
}

/** The voice Lambda's handler: a Connect ContactFlowEvent, or a Lex V2 code-hook event. */
export type VoiceLambda = (event: unknown) => Promise<any>;

const MAX_STEPS = 500;

/**
 * Runs one voice call through a contact flow the way Amazon Connect's flow runtime does for the actions the engine
 * generates, with the real voice Lambda for every InvokeLambdaFunction block and, for ConnectParticipantWithLexBot,
 * the same Lambda as the Lex bot's fulfilment code hook (Lex's V2 event in, its session attributes back to
 * `$.Lex.SessionAttributes`). Hours of operation count as open. The caller's moves are taken in order each time the
 * flow listens.
 */
export async function walkCall(
  flow: FlowDocument,
  lambda: VoiceLambda,
  moves: CallerMove[],
  { caller = '+15555550123', dialed = '+12065550100' }: { caller?: string | null; dialed?: string } = {},
): Promise<CallRecord> {
  const byId = new Map(flow.Actions.map((action) => [action.Identifier, action]));
  const contactId = randomUUID();
  const record: CallRecord = { heard: [], ended: 'out of moves', path: [] };
  let external: Record<string, string> = {};
  let lexAttributes: Record<string, string> = {};
  const pending = [...moves];

  const resolve = (value: unknown): string => {
    if (typeof value !== 'string') return '';
    const external_ = /^\$\.External\.(\w+)$/.exec(value);
    if (external_) return external[external_[1]!] ?? '';
    const lex = /^\$\.Lex\.SessionAttributes\.(\w+)$/.exec(value);
    if (lex) return lexAttributes[lex[1]!] ?? '';
    if (value === '$.Channel') return 'VOICE';
    if (value.startsWith('$.')) throw new Error(`the walker cannot resolve ${value}`);
    return value;
  };
  const onError = (action: FlowAction, type: string): string => {
    const next = action.Transitions.Errors?.find((error) => error.ErrorType === type)?.NextAction;
    if (!next) throw new Error(`${action.Identifier} has no ${type} branch`);
    return next;
  };
  const byCondition = (action: FlowAction, value: string): string =>
    action.Transitions.Conditions?.find((c) => c.Condition.Operands[0] === value)?.NextAction ??
    onError(action, 'NoMatchingCondition');

  let current: string | undefined = flow.StartAction;
  for (let step = 0; current && step < MAX_STEPS; step += 1) {
    const action = byId.get(current);
    if (!action) throw new Error(`no action ${current}`);
    record.path.push(current);
    const p = action.Parameters;
    switch (action.Type) {
      case 'UpdateContactTextToSpeechVoice':
        record.voice = String(p.TextToSpeechVoice);
        current = action.Transitions.NextAction;
        break;
      case 'MessageParticipant':
        record.heard.push(resolve(p.Text));
        current = action.Transitions.NextAction;
        break;
      case 'InvokeLambdaFunction': {
        const attributes = Object.fromEntries(
          Object.entries(p.LambdaInvocationAttributes as Record<string, string>).map(([k, v]) => [k, resolve(v)]),
        );
        external = await lambda(contactFlowEvent(contactId, caller, dialed, attributes));
        current = action.Transitions.NextAction;
        break;
      }
      case 'Compare':
        current = byCondition(action, resolve(p.ComparisonValue));
        break;
      case 'ConnectParticipantWithLexBot': {
        record.heard.push(resolve(p.Text));
        const move = pending.shift();
        if (!move) return record;
        if ('silence' in move) {
          current = onError(action, 'InputTimeLimitExceeded');
          break;
        }
        const transcript = 'say' in move ? move.say : move.press;
        const sessionAttributes = { ...(p.LexSessionAttributes as Record<string, string>) };
        const answer = await lambda(
          lexCodeHookEvent(contactId, transcript, 'say' in move ? 'Speech' : 'DTMF', sessionAttributes),
        );
        lexAttributes = answer.sessionState.sessionAttributes as Record<string, string>;
        current = action.Transitions.NextAction;
        break;
      }
      case 'GetParticipantInput': {
        record.heard.push(resolve(p.Text));
        const move = pending.shift();
        if (!move) return record;
        if ('silence' in move) current = onError(action, 'InputTimeLimitExceeded');
        else if ('press' in move) current = byCondition(action, move.press);
        else throw new Error(`${action.Identifier} collects keys; the caller spoke`);
        break;
      }
      case 'CheckHoursOfOperation':
        current = byCondition(action, 'True');
        break;
      case 'UpdateContactTargetQueue':
        current = action.Transitions.NextAction;
        break;
      case 'TransferContactToQueue':
        record.ended = 'transferred';
        return record;
      case 'DisconnectParticipant':
        record.ended = 'disconnected';
        return record;
      default:
        throw new Error(`the walker does not know ${action.Type}`);
    }
  }
  return record;
}

/** The ContactFlowEvent Connect sends an InvokeLambdaFunction block on a voice call. */
function contactFlowEvent(
  contactId: string,
  caller: string | null,
  dialed: string,
  parameters: Record<string, string>,
): unknown {
  return {
    Name: 'ContactFlowEvent',
    Details: {
      ContactData: {
        Attributes: {},
        Channel: 'VOICE',
        ContactId: contactId,
        CustomerEndpoint: caller ? { Address: caller, Type: 'TELEPHONE_NUMBER' } : null,
        InitialContactId: contactId,
        InitiationMethod: 'INBOUND',
        InstanceARN: 'arn:aws:connect:us-east-1:123456789012:instance/c8c0e68d-2200-4265-82c0-0123456789ab',
        PreviousContactId: contactId,
        Queue: null,
        SystemEndpoint: { Address: dialed, Type: 'TELEPHONE_NUMBER' },
      },
      Parameters: parameters,
    },
  };
}

/** The Lex V2 fulfilment code-hook event of one caller turn that fell to AMAZON.FallbackIntent. */
function lexCodeHookEvent(
  contactId: string,
  transcript: string,
  inputMode: 'Speech' | 'DTMF',
  sessionAttributes: Record<string, string>,
): unknown {
  const intent = { name: 'FallbackIntent', slots: {}, state: 'ReadyForFulfillment', confirmationState: 'None' };
  return {
    messageVersion: '1.0',
    invocationSource: 'FulfillmentCodeHook',
    inputMode,
    responseContentType: 'audio/pcm',
    sessionId: contactId,
    inputTranscript: transcript,
    bot: {
      id: 'QR7WVRTYNH',
      name: 'voca-speech-test-en',
      localeId: 'en_US',
      version: '1',
      aliasId: 'T2QZPMXB1C',
      aliasName: 'voca-live',
    },
    interpretations: [{ interpretationSource: 'Lex', intent }],
    requestAttributes: {},
    sessionState: { sessionAttributes, activeContexts: [], intent },
    transcriptions: [
      { transcription: transcript, transcriptionConfidence: 0.93, resolvedContext: { intent: 'FallbackIntent' } },
    ],
  };
}
