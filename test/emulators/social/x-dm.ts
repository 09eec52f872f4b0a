import { xInvalidRequest } from './x-errors.js';

/** X DMs: "Text messages support up to 10,000 characters." */
export const X_TEXT_MAX = 10_000;

/**
 * A one-to-one DM as POST /2/dm_conversations/with/{participant_id}/messages takes it: `{"text"}` and/or
 * `{"attachments":[{"media_id"}]}` (at least one; a single attachment). Answers the recorded text ('' when only media).
 */
export function validateXDirectMessage(participantId: string, body: any): string {
  if (!/^[0-9]{1,19}$/.test(participantId)) {
    throw xInvalidRequest(
      `The \`participant_id\` query parameter value [${participantId}] does not match ^[0-9]{1,19}$`,
      {
        participant_id: [participantId],
      },
    );
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw xInvalidRequest('The request body must be a JSON object.');
  const { text, attachments } = body;
  if (text === undefined && attachments === undefined)
    throw xInvalidRequest('One of `text` or `attachments` is required.');
  if (text !== undefined && (typeof text !== 'string' || text === ''))
    throw xInvalidRequest('`text` must be a non-empty string.');
  if (typeof text === 'string' && [...text].length > X_TEXT_MAX)
    throw xInvalidRequest(`\`text\` must be at most ${X_TEXT_MAX} characters.`);
  if (attachments !== undefined) {
    const valid =
      Array.isArray(attachments) &&
      attachments.length === 1 &&
      typeof attachments[0] === 'object' &&
      attachments[0] !== null &&
      typeof attachments[0].media_id === 'string' &&
      attachments[0].media_id !== '';
    if (!valid) throw xInvalidRequest('`attachments` must hold exactly one `{"media_id"}`.');
  }
  return typeof text === 'string' ? text : '';
}

/** The 201 answer: `{"data":{"dm_conversation_id","dm_event_id"}}`. */
export function xDirectMessageCreated(conversationId: string, eventId: string): unknown {
  return { data: { dm_conversation_id: conversationId, dm_event_id: eventId } };
}
