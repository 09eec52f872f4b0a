import { applyDecorators } from '@nestjs/common';
import {
  ApiBody,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiParam,
  ApiProperty,
  ApiPropertyOptional,
  ApiQuery,
  getSchemaPath,
} from '@nestjs/swagger';
import type { WebhookDoorDocs } from '@voca/channels';
import { ApiError, ApiJsonBody, EXAMPLE_IDS } from '../http/api-docs.js';

/**
 * OpenAPI descriptions of the platform webhooks, whose bodies are the platforms' own shapes (parsed by @voca/channels,
 * not by DTOs): the examples follow the platforms' documented samples.
 */

const connectTurn = {
  agent_id: EXAMPLE_IDS.agent,
  contact_id: '4a5c9e1f-2b3d-4e6f-8a7b-9c0d1e2f3a4b',
  channel: 'voice',
  caller: '+15551234567',
  dialed: '+15505550131',
  utterance: 'What time do you close on Saturday?',
  timestamp: '2026-11-25T15:04:05.000Z',
};

/** What the Meta and X deliveries answer. */
export class WebhookReceivedView {
  @ApiProperty({ type: 'integer', example: 1, description: 'Events recorded and queued (or recorded before)' })
  received: number;

  @ApiProperty({ type: 'integer', example: 0, description: 'Events skipped: echoes, reactions, unsupported types...' })
  skipped: number;
}

const CONNECT_CHANNELS = ['voice', 'sms'];
const CONNECT_ACTIONS = ['continue', 'transfer', 'end'];
const ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$';
const E164_PATTERN = '^\\+[1-9]\\d{6,14}$';

/** The shared Connect Lambda's turn (libs/contracts ConnectTurnRequest), as the parser in @voca/channels reads it. */
export class ConnectTurnRequestView {
  @ApiProperty({ pattern: ID_PATTERN, example: EXAMPLE_IDS.agent })
  agent_id: string;

  @ApiProperty({ pattern: ID_PATTERN, description: "Amazon Connect's ContactId" })
  contact_id: string;

  @ApiProperty({ enum: CONNECT_CHANNELS })
  channel: string;

  @ApiProperty({
    type: 'string',
    nullable: true,
    pattern: E164_PATTERN,
    example: '+15551234567',
    description:
      "The caller's number; null (or absent, empty, `anonymous`) when withheld: the caller is then answered as an anonymous customer of this contact alone",
  })
  caller: string | null;

  @ApiProperty({ pattern: E164_PATTERN, example: '+15505550131', description: "The agent's number reached" })
  dialed: string;

  @ApiProperty({ description: 'What the customer said or typed; empty on the first turn of a call' })
  utterance: string;

  @ApiProperty({ format: 'date-time', description: 'ISO 8601 with a zone' })
  timestamp: string;
}

/** The spec's message (libs/contracts ConnectMessageRequest): no other field is accepted. */
export class ConnectMessageRequestView {
  @ApiProperty({ pattern: ID_PATTERN, example: EXAMPLE_IDS.agent })
  agent_id: string;

  @ApiProperty({ minLength: 1, example: 'What time are you open?' })
  message: string;

  @ApiProperty({ enum: CONNECT_CHANNELS })
  channel: string;

  @ApiPropertyOptional({ pattern: ID_PATTERN, description: 'Keeps one call or SMS conversation together' })
  contact_id?: string;

  @ApiPropertyOptional({ pattern: E164_PATTERN, description: "Links the caller to the customer's other channels" })
  caller?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Makes a retried post of the same turn recognisable' })
  timestamp?: string;
}

export class ConnectTurnReplyView {
  @ApiProperty({ example: 'We are open until 6 PM on Saturday.', description: 'What the flow says or sends next' })
  reply: string;

  @ApiProperty({ enum: CONNECT_ACTIONS, description: "transfer: to the agent's queue; end: goodbye and disconnect" })
  action: string;
}

export class ConnectMessageReplyView {
  @ApiProperty({ example: 'Sure! Our store hours are 9 AM - 6 PM EST.' })
  message: string;

  @ApiProperty({ example: EXAMPLE_IDS.agent })
  agent_id: string;

  @ApiProperty({ enum: CONNECT_CHANNELS })
  channel: string;

  @ApiProperty({ enum: [true], description: 'Plain text, ready to be spoken' })
  tts_ready: boolean;

  @ApiProperty({ enum: CONNECT_ACTIONS })
  action: string;
}

const received = { received: 1, skipped: 0 };

const signatureRefused = (description: string) => ApiError(401, description);
const notConfigured = (secret: string) =>
  ApiError(503, `This webhook is not configured (${secret}), or the engine cannot record messages right now`);

/** A messaging platform's deliveries, as its door (@voca/channels) describes them. */
export const doorDeliveryDocs = (docs: WebhookDoorDocs) =>
  applyDecorators(
    ...(docs.pathParameters ?? []).map((parameter) => ApiParam({ ...parameter, required: true })),
    ApiHeader({ name: docs.signature.header, required: true, ...docs.signature }),
    ApiBody({ schema: { type: 'object', example: docs.body.example }, description: docs.body.description }),
    ApiOkResponse({
      type: WebhookReceivedView,
      example: received,
      description: 'Events recorded and queued, and events skipped (echoes, reactions, ...)',
    }),
    ApiJsonBody(docs.malformed),
    signatureRefused('A missing or wrong signature'),
    notConfigured(docs.setting),
  );

/** The schema of a handshake's answer, read off its example (a text, or an object of texts). */
function schemaOf(example: string | object) {
  if (typeof example === 'string') return { type: 'string' as const, example };
  const keys = Object.keys(example);
  const properties = Object.fromEntries(keys.map((key) => [key, { type: 'string' as const }]));
  return { type: 'object' as const, properties, required: keys, example };
}

/** A messaging platform's handshake (Meta's verification, X's CRC), as its door describes it. */
export const doorHandshakeDocs = (docs: WebhookDoorDocs) => {
  const handshake = docs.handshake!;
  const { contentType, example, description } = handshake.answer;
  return applyDecorators(
    ...handshake.query.map((parameter) => ApiQuery({ ...parameter, required: true })),
    ApiOkResponse({
      ...(description ? { description } : {}),
      content: { [contentType]: { schema: schemaOf(example) } },
    }),
    ...handshake.errors.map((error) => ApiError(error.status, error.description)),
  );
};

const engineSignature = [
  ApiHeader({
    name: 'X-Voca-Timestamp',
    required: true,
    example: '1764083045',
    description: 'Unix seconds; at most five minutes from our clock',
  }),
  ApiHeader({
    name: 'X-Voca-Signature',
    required: true,
    example: 'sha256=3c1f...',
    description:
      'hex HMAC-SHA256 of "<timestamp>.<raw body>" with the key of the caller: the voice Lambda\'s (Connect), or the agent\'s own (generic: GET /api/v1/agents/{id}/webhook-key)',
  }),
  signatureRefused('A missing, wrong or stale signature'),
  notConfigured('WEBHOOK_SECRET'),
];

/** The spec's shape of a Connect message, verbatim. */
const connectMessage = { agent_id: EXAMPLE_IDS.agent, message: 'What time are you open?', channel: 'voice' };

export const ConnectTurnDocs = () =>
  applyDecorators(
    ApiExtraModels(ConnectTurnRequestView, ConnectMessageRequestView, ConnectTurnReplyView, ConnectMessageReplyView),
    ...engineSignature,
    ApiBody({
      schema: {
        oneOf: [{ $ref: getSchemaPath(ConnectTurnRequestView) }, { $ref: getSchemaPath(ConnectMessageRequestView) }],
      },
      examples: {
        lambda: { summary: "The shared Connect Lambda's turn", value: connectTurn },
        spec: {
          summary: "The spec's message (optional: contact_id, caller in E.164, timestamp)",
          value: connectMessage,
        },
      },
      description: 'One voice or SMS turn',
    }),
    ApiOkResponse({
      schema: {
        oneOf: [{ $ref: getSchemaPath(ConnectTurnReplyView) }, { $ref: getSchemaPath(ConnectMessageReplyView) }],
      },
      examples: {
        lambda: {
          summary: 'To the Lambda',
          value: { reply: 'We are open until 6 PM on Saturday.', action: 'continue' },
        },
        spec: {
          summary: "To the spec's message",
          value: {
            message: 'Sure! Our store hours are 9 AM - 6 PM EST.',
            agent_id: EXAMPLE_IDS.agent,
            channel: 'voice',
            tts_ready: true,
            action: 'continue',
          },
        },
      },
      description:
        "The Lambda's turn is answered {reply, action}, the spec's message {message, agent_id, channel, tts_ready, action}; `action` is continue, transfer (to the queue) or end",
    }),
    ApiJsonBody('The body is not valid JSON, or not a turn: the field at fault is named'),
    ApiError(404, "The spec's message names an agent without that channel"),
  );

export const EngineSignedDocs = () =>
  applyDecorators(
    ...engineSignature,
    ApiJsonBody('The body is not valid JSON, a field is not valid (named in `fields`), or agent_id is not a UUID'),
    ApiError(404, 'The agent has no channel on that platform'),
  );
