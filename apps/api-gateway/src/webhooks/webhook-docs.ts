import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiQuery,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ErrorView } from '@voca/contracts';
import { EXAMPLE_IDS } from '../http/api-docs.js';

/**
 * OpenAPI descriptions of the platform webhooks, whose bodies are the platforms' own shapes (parsed by @voca/channels,
 * not by DTOs): the examples follow the platforms' documented samples.
 */

const metaMessage = {
  object: 'whatsapp_business_account',
  entry: [
    {
      id: '102290129340398',
      changes: [
        {
          field: 'messages',
          value: {
            messaging_product: 'whatsapp',
            metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
            contacts: [{ profile: { name: 'Sheena Nelson' }, wa_id: '16505551234' }],
            messages: [
              {
                from: '16505551234',
                id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
                timestamp: '1749416383',
                type: 'text',
                text: { body: 'Does it come in another color?' },
              },
            ],
          },
        },
      ],
    },
  ],
};

const xDirectMessage = {
  for_user_id: '3001969357',
  direct_message_events: [
    {
      type: 'message_create',
      id: '1791234567890123456',
      created_timestamp: '1764064800000',
      message_create: {
        target: { recipient_id: '3001969357' },
        sender_id: '2244994945',
        message_data: { text: 'Is my order on its way?', entities: {} },
      },
    },
  ],
  users: { '2244994945': { id: '2244994945', name: 'Dana', screen_name: 'dana_sleeps' } },
};

const connectTurn = {
  agent_id: EXAMPLE_IDS.agent,
  contact_id: '4a5c9e1f-2b3d-4e6f-8a7b-9c0d1e2f3a4b',
  channel: 'voice',
  caller: '+15551234567',
  dialed: '+15505550131',
  utterance: 'What time do you close on Saturday?',
  timestamp: '2026-11-25T15:04:05.000Z',
};

const received = { received: 1, skipped: 0 };
const refusedPayload = {
  statusCode: 400,
  error: 'Bad Request',
  message: 'entry[0].changes[0].value.metadata.phone_number_id is missing',
  request_id: '0f6c2a1e-9d3b-4c7a-8e5f-1b2d3c4e5f60',
};

const signatureRefused = (description: string) => ApiUnauthorizedResponse({ type: ErrorView, description });

export const MetaVerifyDocs = () =>
  applyDecorators(
    ApiQuery({ name: 'hub.mode', required: true, example: 'subscribe' }),
    ApiQuery({
      name: 'hub.verify_token',
      required: true,
      example: 'my-verify-token',
      description: 'Must equal META_VERIFY_TOKEN',
    }),
    ApiQuery({ name: 'hub.challenge', required: true, example: '1158201444' }),
    ApiForbiddenResponse({ type: ErrorView, description: 'hub.verify_token does not match' }),
    ApiOkResponse({
      description: 'hub.challenge, as text',
      content: { 'text/plain': { schema: { type: 'string', example: '1158201444' } } },
    }),
  );

export const MetaDeliveryDocs = () =>
  applyDecorators(
    ApiHeader({
      name: 'X-Hub-Signature-256',
      required: true,
      example: 'sha256=6b2e0d5c...',
      description: 'HMAC-SHA256 of the raw body with META_APP_SECRET',
    }),
    ApiBody({
      schema: { type: 'object', example: metaMessage },
      description: 'A WhatsApp, Messenger (page) or Instagram delivery',
    }),
    ApiOkResponse({
      schema: { type: 'object', example: received },
      description: 'Events recorded and queued, and events skipped (echoes, reactions, ...)',
    }),
    ApiBadRequestResponse({
      schema: { type: 'object', example: refusedPayload },
      description: 'A payload that is not a Meta delivery, naming the field',
    }),
    signatureRefused('A missing or wrong signature'),
  );

export const XCrcDocs = () =>
  applyDecorators(
    ApiQuery({ name: 'crc_token', required: true, example: 'NDg4NDM2OTQ5NjE2NjIzNDI4NTU' }),
    ApiOkResponse({
      schema: { type: 'object', example: { response_token: 'sha256=x8ICkV4kN1o9b0r3Tn8bL3m1dPz5Jc6yQe7uWv2sA0k=' } },
    }),
    ApiBadRequestResponse({ type: ErrorView, description: 'crc_token is missing or not a token X would send' }),
    ApiTooManyRequestsResponse({ type: ErrorView, description: 'More than 20 checks a minute from one address' }),
  );

export const XDeliveryDocs = () =>
  applyDecorators(
    ApiHeader({
      name: 'x-twitter-webhooks-signature',
      required: true,
      example: 'sha256=Xo6zG...',
      description: 'base64 HMAC-SHA256 of the raw body with X_CONSUMER_SECRET',
    }),
    ApiBody({
      schema: { type: 'object', example: xDirectMessage },
      description: 'An Account Activity delivery; only direct messages are answered',
    }),
    ApiOkResponse({ schema: { type: 'object', example: received } }),
    signatureRefused('A missing or wrong signature'),
  );

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
];

/** The spec's shape of a Connect message, verbatim. */
const connectMessage = { agent_id: EXAMPLE_IDS.agent, message: 'What time are you open?', channel: 'voice' };

export const ConnectTurnDocs = () =>
  applyDecorators(
    ...engineSignature,
    ApiBody({
      schema: { type: 'object' },
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
      type: 'object',
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
      description: '`action` is continue, transfer (to the queue) or end',
    }),
    ApiNotFoundResponse({ type: ErrorView, description: "The spec's message names an agent without that channel" }),
  );

export const EngineSignedDocs = () => applyDecorators(...engineSignature);
