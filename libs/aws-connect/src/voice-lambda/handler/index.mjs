/**
 * Voca AI Engine: the shared Amazon Connect voice/SMS Lambda (runtime nodejs20.x, handler `index.handler`).
 *
 * One function per Connect instance, invoked by every agent's contact flow with the invocation attributes
 * `agent_id` and `utterance`. Each turn is posted, signed, to the engine's `POST /api/v1/webhooks/connect` (the
 * contract is libs/contracts/src/webhooks/connect-turn.ts: ConnectTurnRequest / ConnectTurnResponse) and the engine's
 * reply goes back to the flow as a flat string map (the block's STRING_MAP response validation):
 *
 *   { reply: string, action: 'continue' | 'transfer' | 'end' }
 *
 * The handler never throws (a thrown error sends the contact down the flow's Error branch, after Connect's own
 * retries have eaten the time budget): every failure answers FALLBACK_REPLY with `continue` (engine slow, down,
 * refusing or answering nonsense: the flow may simply try the next turn) or `transfer` (the turn can never work:
 * no agent id, an unsupported channel, a misconfigured function: a person must take the contact).
 *
 * The same function is the fulfilment code hook of the engine's Lex V2 speech bots: for a Lex event it copies what the
 * caller said (`inputTranscript`: speech, or the keys pressed) into the session attribute `voca_transcript` and closes
 * the turn, so the flow can hand those words to the agent (TRANSCRIPT_SESSION_ATTRIBUTE in agent-contact-flow.ts).
 *
 * This file ships as-is inside the deployment zip: no dependencies, nothing imported from the repository.
 *
 * Environment (read on every call, not at import, so a configuration change or a test never sees a stale value):
 *   ENGINE_WEBHOOK_URL  full URL of the engine's POST /api/v1/webhooks/connect (required)
 *   WEBHOOK_SECRET      the HMAC key shared with the engine (required)
 *   REPLY_DEADLINE_MS   how long the whole exchange with the engine may take; default 6500, at most 7500 (the flow's
 *                       InvocationTimeLimitSeconds is at most 8 s) and never more than the Lambda's own remaining time
 *   FALLBACK_REPLY      what the flow says when the engine cannot answer in time
 */
import { createHmac } from 'node:crypto';

/** The contract's header names (WEBHOOK_TIMESTAMP_HEADER / WEBHOOK_SIGNATURE_HEADER), repeated: nothing is imported. */
const TIMESTAMP_HEADER = 'x-voca-timestamp';
const SIGNATURE_HEADER = 'x-voca-signature';

const DEFAULT_DEADLINE_MS = 6500;
const MAX_DEADLINE_MS = 7500;
/** Time kept back from the Lambda's own timeout to answer the flow once the engine has been given up on. */
const LAMBDA_TIMEOUT_MARGIN_MS = 250;
const MIN_DEADLINE_MS = 50;
const DEFAULT_FALLBACK_REPLY =
  'Sorry, our line is busy right now. Please try again in a moment, or stay on the line and a person will help you.';
/** Connect caps a Lambda's answer at 32 KB; a reply near that is a bug on the engine's side, not something to speak. */
const MAX_REPLY_BYTES = 16_000;
const ACTIONS = new Set(['continue', 'transfer', 'end']);
const USER_AGENT = 'voca-connect-lambda/1';
/** The flow's TRANSCRIPT_SESSION_ATTRIBUTE, repeated: nothing is imported. */
const TRANSCRIPT_ATTRIBUTE = 'voca_transcript';
/** Lex caps speech input at 15 s; anything near this is not one caller's turn. */
const MAX_TRANSCRIPT_CHARS = 2000;

/**
 * @param {unknown} event the Connect ContactFlowEvent
 * @param {{ awsRequestId?: string, getRemainingTimeInMillis?: () => number } | undefined} context
 * @returns {Promise<{ reply: string, action: 'continue' | 'transfer' | 'end' }>}
 */
export async function handler(event, context) {
  if (isLexCodeHook(event)) return handOverTranscript(event);
  const startedAt = Date.now();
  /** @type {Record<string, unknown>} */
  const log = { contact_id: null, agent_id: null, channel: null };
  let fallbackReply = DEFAULT_FALLBACK_REPLY;
  try {
    const env = process.env;
    fallbackReply = nonEmpty(env.FALLBACK_REPLY) ?? DEFAULT_FALLBACK_REPLY;

    const details = objectOr(objectOr(event).Details);
    const contact = objectOr(details.ContactData);
    const params = objectOr(details.Parameters);
    const contactId = nonEmpty(contact.ContactId);
    const agentId = nonEmpty(params.agent_id);
    const channel = channelOf(contact);
    log.contact_id = contactId ?? null;
    log.agent_id = agentId ?? null;
    log.channel = channel ?? stringOr(contact.Channel) ?? null;

    if (!agentId) return finish(log, startedAt, 'missing_agent_id', fallback(fallbackReply, 'transfer'));
    if (!contactId) return finish(log, startedAt, 'missing_contact_id', fallback(fallbackReply, 'transfer'));
    if (!channel) return finish(log, startedAt, 'unsupported_channel', fallback(fallbackReply, 'transfer'));

    const url = webhookUrl(env.ENGINE_WEBHOOK_URL);
    const secret = nonEmpty(env.WEBHOOK_SECRET);
    if (!url || !secret) {
      log.missing = [!url && 'ENGINE_WEBHOOK_URL', !secret && 'WEBHOOK_SECRET'].filter(Boolean);
      return finish(log, startedAt, 'misconfigured', fallback(fallbackReply, 'transfer'));
    }
    const deadlineMs = deadlineOf(env.REPLY_DEADLINE_MS, context);
    log.deadline_ms = deadlineMs;

    /** ConnectTurnRequest */
    const turn = {
      agent_id: agentId,
      contact_id: contactId,
      channel,
      // A withheld number has no CustomerEndpoint: the engine answers the contact as an anonymous caller.
      caller: nonEmpty(objectOr(contact.CustomerEndpoint).Address) ?? null,
      dialed: stringOr(objectOr(contact.SystemEndpoint).Address) ?? '',
      utterance: stringOr(params.utterance) ?? '',
      timestamp: new Date(startedAt).toISOString(),
    };
    const body = JSON.stringify(turn);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

    const signal = AbortSignal.timeout(deadlineMs);
    /** @type {{ status: number, text: string }} */
    let answer;
    try {
      // The race makes the deadline hold for the whole exchange (connect, headers and body), whatever fetch does
      // with the signal internally.
      answer = await Promise.race([
        (async () => {
          const res = await fetch(url, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              accept: 'application/json',
              'user-agent': USER_AGENT,
              [TIMESTAMP_HEADER]: timestamp,
              [SIGNATURE_HEADER]: signature,
            },
            body,
            signal,
            // A signed POST is not replayed to wherever a redirect points: a 3xx is a failed turn.
            redirect: 'manual',
          });
          return { status: res.status, text: await res.text() };
        })(),
        rejectOnAbort(signal),
      ]);
    } catch (err) {
      const timedOut = signal.aborted || Date.now() - startedAt >= deadlineMs;
      log.error = errorCode(err);
      return finish(log, startedAt, timedOut ? 'timeout' : 'network_error', fallback(fallbackReply, 'continue'));
    }

    log.status = answer.status;
    if (answer.status < 200 || answer.status > 299) {
      return finish(log, startedAt, 'http_error', fallback(fallbackReply, 'continue'));
    }
    const result = parseAnswer(answer.text);
    if (typeof result === 'string') {
      log.error = result;
      return finish(log, startedAt, 'malformed_reply', fallback(fallbackReply, 'continue'));
    }
    return finish(log, startedAt, 'ok', result);
  } catch (err) {
    // Not expected: the guard that keeps the contact out of the flow's Error branch.
    log.error = errorCode(err);
    return finish(log, startedAt, 'internal_error', fallback(fallbackReply, 'continue'));
  }
}

/**
 * A Lex V2 code-hook event (`messageVersion`, `bot`, `sessionState`), not a Connect ContactFlowEvent.
 * @param {unknown} event
 */
function isLexCodeHook(event) {
  const e = objectOr(event);
  return !('Details' in e) && typeof e.messageVersion === 'string' && 'bot' in e && 'sessionState' in e;
}

/**
 * Closes the Lex turn with the caller's words in the session attribute the flow reads; the bot itself never speaks
 * (the agent does). Never throws: a malformed event closes with an empty transcript.
 * @param {unknown} event the Lex V2 Lambda input event
 */
function handOverTranscript(event) {
  const e = objectOr(event);
  const state = objectOr(e.sessionState);
  const intent = objectOr(state.intent);
  const attributes = Object.fromEntries(
    Object.entries(objectOr(state.sessionAttributes)).filter(([, value]) => typeof value === 'string'),
  );
  const transcript = (stringOr(e.inputTranscript) ?? '').trim().slice(0, MAX_TRANSCRIPT_CHARS);
  try {
    // The words are the caller's: the line says only that some arrived, how, and for which bot.
    console.log(
      JSON.stringify({
        level: 'info',
        msg: 'lex turn',
        input_mode: stringOr(e.inputMode) ?? null,
        bot_id: stringOr(objectOr(e.bot).id) ?? null,
        locale: stringOr(objectOr(e.bot).localeId) ?? null,
        heard: transcript.length > 0,
      }),
    );
  } catch {
    // Logging must not turn an answer into an error.
  }
  return {
    sessionState: {
      sessionAttributes: { ...attributes, [TRANSCRIPT_ATTRIBUTE]: transcript },
      dialogAction: { type: 'Close' },
      intent: {
        name: nonEmpty(intent.name) ?? 'FallbackIntent',
        ...(intent.slots && typeof intent.slots === 'object' ? { slots: intent.slots } : {}),
        state: 'Fulfilled',
      },
    },
  };
}

/**
 * The engine's ConnectTurnResponse, checked, as the flat string map the flow gets; a string names what was wrong.
 * @param {string} text
 * @returns {{ reply: string, action: 'continue' | 'transfer' | 'end' } | string}
 */
function parseAnswer(text) {
  /** @type {unknown} */
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'invalid_json';
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return 'not_an_object';
  const { reply, action } = /** @type {Record<string, unknown>} */ (parsed);
  if (typeof reply !== 'string' || reply.trim() === '') return 'no_reply';
  if (Buffer.byteLength(reply, 'utf8') > MAX_REPLY_BYTES) return 'reply_too_long';
  if (action === undefined || action === null) return { reply, action: 'continue' };
  if (typeof action !== 'string' || !ACTIONS.has(action)) return 'unknown_action';
  return { reply, action: /** @type {'continue' | 'transfer' | 'end'} */ (action) };
}

/**
 * VOICE is a call; SMS is a CHAT contact whose segment attribute connect:Subtype is connect:SMS. Anything else (web
 * chat, tasks, email) has no place in ConnectTurnRequest.
 * @param {Record<string, unknown>} contact
 * @returns {'voice' | 'sms' | undefined}
 */
function channelOf(contact) {
  if (contact.Channel === 'VOICE') return 'voice';
  if (contact.Channel === 'CHAT') {
    const subtype = objectOr(objectOr(contact.SegmentAttributes)['connect:Subtype']);
    if ((subtype.ValueString ?? subtype.valueString) === 'connect:SMS') return 'sms';
  }
  return undefined;
}

/**
 * @param {string | undefined} raw
 * @param {{ getRemainingTimeInMillis?: () => number } | undefined} context
 */
function deadlineOf(raw, context) {
  const configured = Number(raw);
  let deadline =
    raw !== undefined && raw.trim() !== '' && Number.isFinite(configured) && configured > 0
      ? Math.min(Math.floor(configured), MAX_DEADLINE_MS)
      : DEFAULT_DEADLINE_MS;
  if (context && typeof context.getRemainingTimeInMillis === 'function') {
    const remaining = Number(context.getRemainingTimeInMillis());
    if (Number.isFinite(remaining)) deadline = Math.min(deadline, remaining - LAMBDA_TIMEOUT_MARGIN_MS);
  }
  return Math.max(deadline, MIN_DEADLINE_MS);
}

/** @param {unknown} raw */
function webhookUrl(raw) {
  const value = nonEmpty(raw);
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** @param {AbortSignal} signal @returns {Promise<never>} */
function rejectOnAbort(signal) {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/**
 * @param {string} reply
 * @param {'continue' | 'transfer'} action
 * @returns {{ reply: string, action: 'continue' | 'transfer' | 'end' }}
 */
function fallback(reply, action) {
  return { reply, action };
}

/**
 * Writes the one log line of the invocation and hands the result back. The line names the contact, the agent, the
 * outcome and the latency; never the secret, the caller's or the dialed number, the utterance or the reply.
 * @param {Record<string, unknown>} log
 * @param {number} startedAt
 * @param {string} outcome
 * @param {{ reply: string, action: 'continue' | 'transfer' | 'end' }} result
 */
function finish(log, startedAt, outcome, result) {
  try {
    const level = outcome === 'ok' ? 'info' : outcome === 'internal_error' ? 'error' : 'warn';
    console.log(
      JSON.stringify({
        level,
        msg: 'connect turn',
        outcome,
        action: result.action,
        ...log,
        latency_ms: Date.now() - startedAt,
      }),
    );
  } catch {
    // Logging must not turn an answer into an error.
  }
  return { reply: result.reply, action: result.action };
}

/** A short, secret-free name for a failure: the error's name and its cause's code, never its message. */
function errorCode(/** @type {unknown} */ err) {
  if (!err || typeof err !== 'object') return typeof err;
  const e = /** @type {{ name?: unknown, code?: unknown, cause?: { code?: unknown, name?: unknown } }} */ (err);
  const cause = e.cause && typeof e.cause === 'object' ? (e.cause.code ?? e.cause.name) : undefined;
  const code = e.code ?? cause;
  return [typeof e.name === 'string' ? e.name : 'Error', typeof code === 'string' ? code : undefined]
    .filter(Boolean)
    .join(':');
}

/** @param {unknown} value @returns {Record<string, unknown>} */
function objectOr(value) {
  return value && typeof value === 'object' ? /** @type {Record<string, unknown>} */ (value) : {};
}

/** @param {unknown} value */
function stringOr(value) {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** @param {unknown} value */
function nonEmpty(value) {
  const s = stringOr(value)?.trim();
  return s ? s : undefined;
}
