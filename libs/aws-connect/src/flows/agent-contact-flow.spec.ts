import { describe, expect, it } from 'vitest';
import {
  buildAgentContactFlow,
  LEX_SESSION_ATTRIBUTES,
  TRANSCRIPT_SESSION_ATTRIBUTE,
  type AgentContactFlowInput,
} from './agent-contact-flow.js';
import { validateFlow } from './validate-flow.js';

const base: AgentContactFlowInput = {
  agentId: 'a1b2c3',
  businessName: 'Cozy Comfort Bedding',
  storeHours: 'Monday to Saturday, 9 AM - 6 PM EST',
  voiceLambdaArn: 'arn:aws:lambda:us-east-1:123456789012:function:voca-voice',
  queueArn: 'arn:aws:connect:us-east-1:123456789012:instance/i/queue/q',
};

const variants: [string, AgentContactFlowInput][] = [
  ['keypad, no hours', base],
  ['keypad with hours', { ...base, hoursOfOperationId: 'hours-1' }],
  [
    'Lex with hours',
    { ...base, hoursOfOperationId: 'hours-1', lexBotAliasArn: 'arn:aws:lex:us-east-1:1:bot-alias/B/A' },
  ],
];

describe('buildAgentContactFlow', () => {
  it.each(variants)('is structurally valid (%s)', (_name, input) => {
    const flow = buildAgentContactFlow(input);
    expect(validateFlow(flow)).toEqual([]);
    const reachable = new Set([flow.StartAction]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const action of flow.Actions.filter((a) => reachable.has(a.Identifier))) {
        const { NextAction, Conditions = [], Errors = [] } = action.Transitions;
        for (const next of [NextAction, ...Conditions.map((c) => c.NextAction), ...Errors.map((e) => e.NextAction)]) {
          if (next && !reachable.has(next)) {
            reachable.add(next);
            grew = true;
          }
        }
      }
    }
    expect([...reachable].sort()).toEqual(flow.Actions.map((a) => a.Identifier).sort());
  });

  it('greets with the business name and passes the agent id to the Lambda within 8 seconds', () => {
    const flow = buildAgentContactFlow({ ...base, greeting: 'How can I help you sleep better?' });
    const welcome = flow.Actions.find((a) => a.Identifier === 'welcome')!;
    expect(welcome.Parameters.Text).toBe(
      'Thank you for contacting Cozy Comfort Bedding. How can I help you sleep better?',
    );
    const invocations = flow.Actions.filter((a) => a.Type === 'InvokeLambdaFunction');
    expect(invocations.length).toBeGreaterThanOrEqual(2);
    for (const invocation of invocations) {
      expect(invocation.Parameters).toMatchObject({
        LambdaFunctionARN: base.voiceLambdaArn,
        InvocationTimeLimitSeconds: '8',
        LambdaInvocationAttributes: { agent_id: 'a1b2c3' },
        ResponseValidation: { ResponseType: 'STRING_MAP' },
      });
    }
  });

  it('checks the business hours before a transfer and reads them out when closed', () => {
    const flow = buildAgentContactFlow({ ...base, hoursOfOperationId: 'hours-1' });
    const check = flow.Actions.find((a) => a.Type === 'CheckHoursOfOperation')!;
    expect(check.Parameters).toEqual({ HoursOfOperationId: 'hours-1' });
    const closed = flow.Actions.find((a) => a.Identifier === 'closed')!;
    expect(closed.Parameters.Text).toContain('Monday to Saturday, 9 AM - 6 PM EST');
    expect(flow.Actions.find((a) => a.Type === 'UpdateContactTargetQueue')!.Parameters).toEqual({
      QueueId: base.queueArn,
    });
  });

  it('survives business names that need escaping in JSON', () => {
    const flow = buildAgentContactFlow({ ...base, businessName: 'Zoë\'s "Best" Beds \\ {Co}' });
    expect(JSON.parse(JSON.stringify(flow))).toEqual(flow);
    expect(validateFlow(flow)).toEqual([]);
  });
});

describe('validateFlow', () => {
  it('reports a missing start, a dangling transition, duplicate identifiers and a long Lambda wait', () => {
    const problems = validateFlow({
      Version: '2019-10-30',
      StartAction: 'nowhere',
      Actions: [
        { Identifier: 'a', Type: 'MessageParticipant', Parameters: { Text: 'hi' }, Transitions: { NextAction: 'b' } },
        { Identifier: 'a', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
        {
          Identifier: 'x:y',
          Type: 'InvokeLambdaFunction',
          Parameters: { InvocationTimeLimitSeconds: '9' },
          Transitions: {},
        },
      ],
    });
    expect(problems).toEqual([
      'identifier a is used twice',
      'identifier x:y is not allowed',
      'StartAction nowhere is not an action',
      'a goes to b, which is not an action',
      'x:y waits 9 s for its Lambda',
    ]);
  });

  it("sets the agent language's voice first, or the Polly voice the profile names", () => {
    const voiceOf = (input: AgentContactFlowInput) => {
      const flow = buildAgentContactFlow(input);
      const first = flow.Actions.find((a) => a.Identifier === flow.StartAction)!;
      expect(first.Type).toBe('UpdateContactTextToSpeechVoice');
      return first.Parameters;
    };
    expect(voiceOf(base)).toEqual({
      TextToSpeechVoice: 'Joanna',
      TextToSpeechEngine: 'Neural',
      TextToSpeechStyle: 'None',
    });
    expect(voiceOf({ ...base, voice: 'Matthew' }).TextToSpeechVoice).toBe('Matthew');
    expect(voiceOf({ ...base, language: 'es-MX' }).TextToSpeechVoice).toBe('Lupe');
    // A voice of another language is not used: the caller would hear Spanish read by an English voice.
    expect(voiceOf({ ...base, language: 'es', voice: 'Joanna' }).TextToSpeechVoice).toBe('Lupe');
  });

  it("speaks the engine's own prompts in the agent's language", () => {
    const flow = buildAgentContactFlow({ ...base, language: 'es', hoursOfOperationId: 'hours-1' });
    const text = (id: string) => flow.Actions.find((a) => a.Identifier === id)!.Parameters.Text;
    expect(text('welcome')).toBe('Gracias por comunicarse con Cozy Comfort Bedding.');
    expect(text('closed')).toContain('Nuestro horario es Monday to Saturday, 9 AM - 6 PM EST');
    expect(text('goodbye')).toBe('Gracias por comunicarse con Cozy Comfort Bedding. Adiós.');
    expect(text('keypad-menu')).toContain('marque 1');
    // A language the engine does not speak on the phone keeps English.
    expect(buildAgentContactFlow({ ...base, language: 'ja' }).Actions[1]!.Parameters.Text).toBe(
      'Thank you for contacting Cozy Comfort Bedding.',
    );
  });

  it("offers the spec's menu on the keypad: each digit asks the agent, 0 a person, 9 the end", () => {
    const flow = buildAgentContactFlow({ ...base, hoursOfOperationId: 'hours-1' });
    const menu = flow.Actions.find((a) => a.Identifier === 'keypad-menu')!;
    expect(menu.Parameters.Text).toBe(
      'For product inquiries, press 1. For order status, press 2. For returns and exchanges, press 3. ' +
        'For our business hours, press 4. To speak with a person, press 0. To end the call, press 9.',
    );
    const target = Object.fromEntries(menu.Transitions.Conditions!.map((c) => [c.Condition.Operands[0], c.NextAction]));
    expect(target).toEqual({
      '1': 'menu-products',
      '2': 'menu-order',
      '3': 'menu-returns',
      '4': 'menu-hours',
      '0': 'set-queue',
      '9': 'goodbye',
    });
    const asks = (id: string) =>
      (flow.Actions.find((a) => a.Identifier === id)!.Parameters.LambdaInvocationAttributes as { utterance: string })
        .utterance;
    expect(asks('menu-products')).toBe('I have a question about your products.');
    expect(asks('menu-order')).toBe('I would like to check my order status.');
    expect(asks('menu-returns')).toBe('How do returns and exchanges work?');
    expect(asks('menu-hours')).toBe('What are your business hours?');
    // Another key plays the menu again.
    expect(menu.Transitions.Errors).toContainEqual({ ErrorType: 'NoMatchingCondition', NextAction: 'keypad-menu' });
  });

  it('listens through the speech bot: barge-in, the words handed to the agent, the menu keys and 0 at any time', () => {
    const aliasArn = 'arn:aws:lex:us-east-1:123456789012:bot-alias/BOT1234567/ALIAS12345';
    const flow = buildAgentContactFlow({ ...base, language: 'es', lexBotAliasArn: aliasArn, hoursOfOperationId: 'h' });
    const byId = (id: string) => flow.Actions.find((a) => a.Identifier === id)!;
    const listen = byId('voice-turn');
    expect(listen.Type).toBe('ConnectParticipantWithLexBot');
    expect(listen.Parameters).toEqual({
      Text: '$.External.reply',
      LexV2Bot: { AliasArn: aliasArn },
      LexSessionAttributes: LEX_SESSION_ATTRIBUTES,
    });
    expect(LEX_SESSION_ATTRIBUTES['x-amz-lex:barge-in-enabled:*:*']).toBe('true');
    expect(listen.Transitions.NextAction).toBe('heard');
    // Silence: the menu once (in the agent's language), then goodbye.
    expect(listen.Transitions.Errors).toContainEqual({
      ErrorType: 'InputTimeLimitExceeded',
      NextAction: 'listen-again',
    });
    const again = byId('listen-again');
    expect(again.Parameters.Text).toMatch(/^¿Sigue ahí\?.*marque 0/);
    expect(again.Transitions.Errors).toContainEqual({ ErrorType: 'InputTimeLimitExceeded', NextAction: 'goodbye' });

    const heard = byId('heard');
    expect(heard.Parameters.ComparisonValue).toBe(`$.Lex.SessionAttributes.${TRANSCRIPT_SESSION_ATTRIBUTE}`);
    const target = Object.fromEntries(
      heard.Transitions.Conditions!.map((c) => [c.Condition.Operands[0], c.NextAction]),
    );
    expect(target).toMatchObject({ '0': 'set-queue', '9': 'goodbye', '1': 'menu-products', '2': 'menu-order' });
    // Anything else the caller said is the next turn of the conversation.
    expect(heard.Transitions.Errors).toEqual([{ ErrorType: 'NoMatchingCondition', NextAction: 'next-voice-turn' }]);
    expect(byId('next-voice-turn').Parameters.LambdaInvocationAttributes).toEqual({
      agent_id: base.agentId,
      utterance: `$.Lex.SessionAttributes.${TRANSCRIPT_SESSION_ATTRIBUTE}`,
    });
    expect(flow.Actions.some((a) => a.Identifier === 'keypad-menu')).toBe(false);
  });
});
