// Generated from the gateway's OpenAPI document (GET /docs/openapi.json) by openapi-typescript: do not edit.
// test/integration/openapi-client.test.ts checks it is current; `npx vitest run <that file> -u` rewrites it.
export interface paths {
  '/api/v1/agents/provision': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Provision an agent from a business profile (the spec's request) */
    post: operations['AgentsController_provision'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/agents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Agents the token may see, newest first, filtered by status, vendor, channel or business type */
    get: operations['AgentsController_list'];
    put?: never;
    /** Create and provision an agent; the profile fields sit at the top level (vendor_id from a vendor token) */
    post: operations['AgentsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/agents/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An agent with its channels and its profile as sent; its version is also the ETag */
    get: operations['AgentsController_get'];
    /** Change the name, status (the spec's {name, status}), profile, channels or credentials. A change that affects channels answers 202 with the operation that provisions the difference; a change of name, status or credentials alone is immediate (200). Send the version you read (body or If-Match) to refuse a stale write with 409. */
    put: operations['LifecycleController_update'];
    post?: never;
    /** Delete the agent: every resource it had goes (Connect flow, number back to the pool, runtimes), then it is deleted */
    delete: operations['LifecycleController_delete'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/agents/{id}/character': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The agent's ElizaOS character, generated from its business profile (latest version) */
    get: operations['AgentsController_character'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/agents/{id}/knowledge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The agent's documents, by name, each with its newest version's status */
    get: operations['KnowledgeController_list'];
    put?: never;
    /** Upload a document for the agent (a catalog, a policy, an FAQ): it is indexed, then the agent answers from it */
    post: operations['KnowledgeController_upload'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/agents/{id}/knowledge/{doc}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One document, with the steps of indexing its newest version */
    get: operations['KnowledgeController_get'];
    /** Upload a new version of a document; the agent answers from the current one until it is indexed. By name, a document not there yet is made */
    put: operations['KnowledgeController_put'];
    post?: never;
    /** Delete a document with every version of it: the agent no longer answers from it */
    delete: operations['KnowledgeController_remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/agents/{id}/tools': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The agent's tools, by name (never their signing secrets) */
    get: operations['ToolsController_list'];
    put?: never;
    /** Register a tool: a function of the backend the agent may call mid-conversation. The answer shows the tool's signing secret, once */
    post: operations['ToolsController_register'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/agents/{id}/tools/{name}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One tool (its signing secret is never shown again) */
    get: operations['ToolsController_get'];
    /** Replace the whole tool (fields absent take their defaults; its signing secret stays), or register it when the agent has none of this name */
    put: operations['ToolsController_put'];
    post?: never;
    /** Delete a tool: the agent no longer calls it */
    delete: operations['ToolsController_remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/agents/{id}/{action}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Agent transitions: start: Start a stopped agent: it answers again. stop: Stop the agent: it stops answering and its runtimes are unloaded on every replica. pause: Pause the agent (e.g. a holiday): messages are recorded, not answered; callers hear the closed message. resume: Resume a paused agent: what came in meanwhile is answered within the reply window, or marked for follow-up */
    post: operations['LifecycleController_act'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/agents/{id}/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The agent's audit trail, a page at a time, oldest first: every change and transition, who made it and when */
    get: operations['LifecycleController_audit'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/provisioning/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Status of a provisioning operation, with each step and, once ended, the final agent */
    get: operations['ProvisioningController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/provisioning/{id}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Run again what a failed or partially completed operation did not finish, as a new operation (the latest of the agent only) */
    post: operations['ProvisioningController_retry'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/provisioning/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Stop a new agent's provisioning: steps not started are skipped, then what ran is removed and it ends cancelled */
    post: operations['ProvisioningController_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/provisioning/{id}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Server-Sent Events: a `progress` event with the full status on every change; ends with the operation */
    get: operations['ProvisioningController_events'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/agents/{id}/operations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The agent's operations (provisioning, updates, retries, deletion), newest first */
    get: operations['AgentOperationsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stuck-work': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Work stuck past its deadline (messages, turns, held messages, operations), for operators */
    get: operations['StuckWorkController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/agents/{id}/webhook-key': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The agent's own key for signing the generic webhook (POST /api/v1/webhooks/elizaos) */
    get: operations['WebhookKeysController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/agents/{id}/webhook-key/rotate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Replaces the agent's webhook key: the old one stops working at once */
    post: operations['WebhookKeysController_rotate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/webhook-keys/connect': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The voice Lambda's key, for a backend or telephony bridge that posts turns to POST /api/v1/webhooks/connect (service role only) */
    get: operations['ConnectKeyController_connect'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/agents/{id}/conversations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The agent's conversations, one per customer, most recent first */
    get: operations['CustomersController_conversations'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/agents/{id}/customers/{customerId}/context': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A customer's identities and latest turns across every channel */
    get: operations['CustomersController_context'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/agents/{id}/customers/{customerId}/link': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Links another customer's identity to this customer (their histories become one) */
    post: operations['CustomersController_link'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/agents/{id}/customers/{customerId}/link/{identityId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Undoes a link: the identity returns to the customer it was first seen as */
    delete: operations['CustomersController_unlink'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/agents/{id}/customers/{customerId}/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Everything the engine holds about the customer, as JSON (the right of access): identities, every message, hand-offs, events */
    get: operations['CustomersController_export'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/agents/{id}/customers/{customerId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Erases the customer (the right to be forgotten): identities, messages, hand-offs, their words in events, their queued jobs and the agent's memory of them */
    delete: operations['CustomersController_erase'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/handoffs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Conversations waiting for a person (or resolved), across agents, the longest waiting first */
    get: operations['HandoffsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/handoffs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One hand-off, with the latest messages of the conversation */
    get: operations['HandoffsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/handoffs/{id}/reply': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A person's reply, sent on the customer's channel at most once, within the platform's reply window */
    post: operations['HandoffsController_reply'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/handoffs/{id}/resolve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Hand the conversation back to the agent: it answers the customer again */
    post: operations['HandoffsController_resolve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/event-endpoints': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The endpoints the token may see (a service token: every vendor's, or one vendor's) */
    get: operations['EventEndpointsController_list'];
    put?: never;
    /** Register an HTTPS endpoint for event callbacks; the answer shows its signing secret, once */
    post: operations['EventEndpointsController_register'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/event-endpoints/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One endpoint (its secret is never shown again) */
    get: operations['EventEndpointsController_get'];
    put?: never;
    post?: never;
    /** Remove an endpoint: nothing more is delivered to it, pending deliveries included; answers what was removed */
    delete: operations['EventEndpointsController_remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/event-endpoints/{id}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The endpoint's deliveries, newest first, each with its event and every attempt */
    get: operations['EventEndpointsController_deliveries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/webhooks/meta': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Meta's verification handshake: answers hub.challenge when hub.verify_token is ours */
    get: operations['MetaWebhookController_handshake'];
    put?: never;
    /** Messages and delivery statuses; signed with X-Hub-Signature-256 (META_APP_SECRET) */
    post: operations['MetaWebhookController_receive'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/webhooks/twitter': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The CRC check: answers {response_token} for crc_token (X repeats it hourly) */
    get: operations['XWebhookController_handshake'];
    put?: never;
    /** Direct message events; signed with x-twitter-webhooks-signature (X_CONSUMER_SECRET) */
    post: operations['XWebhookController_receive'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/webhooks/telegram/{account}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A bot's updates; each carries its secret token in X-Telegram-Bot-Api-Secret-Token */
    post: operations['TelegramWebhookController_receive'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/webhooks/connect': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A voice or SMS turn: the Lambda's {agent_id, contact_id, channel, caller, dialed, utterance, timestamp} -> {reply, action}, or the spec's {agent_id, message, channel} -> {message, agent_id, channel, tts_ready} */
    post: operations['ConnectWebhookController_turn'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/webhooks/elizaos': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A customer message for an agent, signed with X-Voca-Signature (the agent's webhook key) */
    post: operations['ElizaosWebhookController_receive'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    ErrorFieldView: {
      /** @example agent_config.channels */
      field: string;
      /**
       * @example [
       *       "channels should not be empty"
       *     ]
       */
      messages: string[];
    };
    ErrorView: {
      /** @example 400 */
      statusCode: number;
      /** @example Bad Request */
      error: string;
      /** @example agent_config.channels: channels should not be empty */
      message: string;
      /** @description Each field or parameter at fault (400, some 409) */
      fields?: components['schemas']['ErrorFieldView'][];
      /**
       * @description A transition refused (409): the agent's status
       * @example provisioning
       * @enum {string}
       */
      status?:
        'provisioning' | 'active' | 'partially_active' | 'failed' | 'paused' | 'stopped' | 'deleting' | 'deleted';
      /**
       * @description A transition refused (409): what the status allows
       * @example [
       *       "stop",
       *       "delete"
       *     ]
       */
      allowed?: string[];
      /**
       * @description A stale version refused (409): the agent's version now
       * @example 4
       */
      version?: number;
      /** @example b7d6c1d0-... */
      request_id?: string;
    };
    ProductDto: {
      /** @example Egyptian Cotton Sheet Set */
      name: string;
      /** @example 600 thread count, queen and king sizes */
      description?: string;
      /** @example 129.99 */
      price?: number;
    };
    CharacterConfigDto: {
      /**
       * @description The business the agent speaks for (default: the agent name)
       * @example Cozy Comfort Bedding
       */
      business_name?: string;
      /**
       * @description Identifiers (spoken as words, "bedding_sets" as "bedding sets") or {name, description, price} objects
       * @example [
       *       "bedding_sets",
       *       "pillows",
       *       "comforters",
       *       "duvets"
       *     ]
       */
      products?: (string | components['schemas']['ProductDto'])[];
      /**
       * @description Identifiers (spoken as words) or short phrases
       * @example [
       *       "bedding",
       *       "home_decor",
       *       "sleep_products"
       *     ]
       */
      specialties?: string[];
      /** @example warm, patient and knowledgeable about sleep */
      personality?: string;
      /**
       * @description friendly_helpful or professional_friendly (the spec), or free text such as warm, casual, formal
       * @example friendly_helpful
       */
      tone?: string;
      /**
       * @description Named facts the agent can quote (return_policy, shipping_info, warranty_info and payment_info answer those questions; a bare file name is kept, not quoted), or statements
       * @example {
       *       "product_catalog": "bedding_products.json",
       *       "return_policy": "30-day returns",
       *       "shipping_info": "Free shipping over $50"
       *     }
       */
      knowledge_base?:
        | {
            [key: string]: string;
          }
        | string[];
      /**
       * @description BCP 47 language tag the agent answers in
       * @example en
       */
      language?: string;
      /** @example concise */
      response_style?: string;
      /** @example Hi! Welcome to Cozy Comfort Bedding. How can I help you sleep better today? */
      greeting?: string;
      /**
       * @description The Amazon Polly voice the agent speaks with on the phone, one of its language's: en: Joanna, Matthew, Salli, Kendra, Kimberly, Joey, Ivy; es: Lupe; fr: Léa; de: Vicki; it: Bianca; pt: Camila. Absent, the first of its language's.
       * @example Joanna
       */
      voice?: string;
      /**
       * @description Hand the customer to a person when they send a photo, voice note, video or file with no words (default: the agent answers itself)
       * @example true
       */
      media_handoff?: boolean;
    };
    OpeningHoursDto: {
      /**
       * @example MONDAY
       * @enum {string}
       */
      day: 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';
      /**
       * @description 24-hour HH:MM in the context timezone
       * @example 09:00
       */
      open: string;
      /** @example 18:00 */
      close: string;
    };
    PoliciesDto: {
      /** @example 30-day returns on unused items in their original packaging */
      returns?: string;
      /** @example Free shipping on orders over $75; 3-5 business days */
      shipping?: string;
      warranty?: string;
      payment?: string;
    };
    ContactDto: {
      /** @example +15551234567 */
      phone?: string;
      /** @example help@cozycomfort.example */
      email?: string;
      /** @example 12 Linen Lane, Portland, ME */
      address?: string;
    };
    FaqDto: {
      /** @example Do you ship internationally? */
      question: string;
      /** @example We ship to the US and Canada. */
      answer: string;
    };
    BusinessContextDto: {
      /**
       * @description Identifiers (spoken as words, "bedding_sets" as "bedding sets") or {name, description, price} objects
       * @example [
       *       {
       *         "name": "Egyptian Cotton Sheet Set",
       *         "price": 129.99
       *       }
       *     ]
       */
      products?: (string | components['schemas']['ProductDto'])[];
      /**
       * @description Identifiers (spoken as words) or short phrases
       * @example [
       *       "organic cotton bedding",
       *       "hypoallergenic pillows"
       *     ]
       */
      specialties?: string[];
      /** @example 9 AM - 6 PM EST */
      store_hours?: string;
      /**
       * @description How customers reach the business, free text
       * @example +1-555-BEDDING
       */
      contact_info?: string;
      /**
       * @description IANA time zone of the store hours
       * @example America/New_York
       */
      timezone?: string;
      /** @description Machine-readable opening hours (needs timezone); phone transfers to a person follow them */
      opening_hours?: components['schemas']['OpeningHoursDto'][];
      policies?: components['schemas']['PoliciesDto'];
      contact?: components['schemas']['ContactDto'];
      /**
       * @description A domain or an http(s) URL
       * @example cozycomfort.com
       */
      website?: string;
      /**
       * @description Named facts the agent can quote (return_policy, shipping_info, warranty_info and payment_info answer those questions; a bare file name is kept, not quoted), or statements
       * @example [
       *       "All sheets are OEKO-TEX certified."
       *     ]
       */
      knowledge_base?:
        | {
            [key: string]: string;
          }
        | string[];
      faqs?: components['schemas']['FaqDto'][];
    };
    SmsNumberDto: {
      /**
       * @description An AWS End User Messaging SMS number with two-way SMS to Amazon Connect; imported into Connect
       * @example arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-0123456789abcdef
       */
      source_phone_number_arn: string;
    };
    WhatsappCredentialsDto: {
      /**
       * @description WhatsApp Cloud API phone number id; routes inbound messages
       * @example 106540352242922
       */
      phone_number_id: string;
      /** @example 102290129340398 */
      business_account_id?: string;
      /** @description System user access token; stored encrypted, never returned */
      access_token: string;
    };
    FacebookCredentialsDto: {
      /**
       * @description Facebook Page id; routes inbound Messenger messages
       * @example 104882412345678
       */
      page_id: string;
      /** @description Page access token; stored encrypted, never returned */
      access_token: string;
    };
    InstagramCredentialsDto: {
      /**
       * @description Instagram professional account id
       * @example 17841400000000000
       */
      account_id: string;
      /** @description Access token; stored encrypted, never returned */
      access_token: string;
    };
    TwitterCredentialsDto: {
      /**
       * @description X user id of the business account (for_user_id)
       * @example 1456789012345678901
       */
      user_id: string;
      /** @description OAuth 2.0 user-context token; stored encrypted, never returned */
      access_token: string;
    };
    TelegramCredentialsDto: {
      /**
       * @description The bot's token from @BotFather (`<bot id>:<secret>`); the bot id routes inbound messages. Stored encrypted, never returned
       * @example 7012345678:AAH3k9fJq2LmN8pQ4rS6tU1vW5xY7zA0bCd
       */
      bot_token: string;
    };
    ChannelCredentialsDto: {
      /** @description Without it, the sms channel waits for configuration */
      sms?: components['schemas']['SmsNumberDto'];
      whatsapp?: components['schemas']['WhatsappCredentialsDto'];
      facebook?: components['schemas']['FacebookCredentialsDto'];
      instagram?: components['schemas']['InstagramCredentialsDto'];
      twitter?: components['schemas']['TwitterCredentialsDto'];
      telegram?: components['schemas']['TelegramCredentialsDto'];
    };
    AgentConfigDto: {
      /** @example Cozy Comfort Bedding */
      name: string;
      /** @example Premium bedding and home comfort store */
      description?: string;
      /**
       * @example retail
       * @enum {string}
       */
      business_type: 'retail' | 'microfinance' | 'other';
      /**
       * @example [
       *       "voice",
       *       "whatsapp",
       *       "instagram",
       *       "facebook",
       *       "twitter"
       *     ]
       */
      channels: ('voice' | 'sms' | 'whatsapp' | 'instagram' | 'facebook' | 'twitter' | 'telegram')[];
      character_config?: components['schemas']['CharacterConfigDto'];
      context?: components['schemas']['BusinessContextDto'];
      channel_credentials?: components['schemas']['ChannelCredentialsDto'];
    };
    ProvisionAgentRequestDto: {
      /**
       * @description Required with a service token; with a vendor token it may be omitted or must equal the token vendor
       * @example vendor_cozy_001
       */
      vendor_id?: string;
      agent_config: components['schemas']['AgentConfigDto'];
    };
    ProvisioningAcceptedView: {
      /** Format: uuid */
      provisioning_id: string;
      /** Format: uuid */
      agent_id: string;
      /**
       * @example queued
       * @enum {string}
       */
      status: 'queued' | 'in_progress' | 'completed' | 'failed' | 'partially_completed' | 'cancelled';
      /** @example /api/v1/provisioning/6d1f... */
      status_url: string;
      /** @example /api/v1/provisioning/6d1f.../events */
      events_url: string;
    };
    CreateAgentRequestDto: {
      /** @example Cozy Comfort Bedding */
      name: string;
      /** @example Premium bedding and home comfort store */
      description?: string;
      /**
       * @example retail
       * @enum {string}
       */
      business_type: 'retail' | 'microfinance' | 'other';
      /**
       * @example [
       *       "voice",
       *       "whatsapp",
       *       "instagram",
       *       "facebook",
       *       "twitter"
       *     ]
       */
      channels: ('voice' | 'sms' | 'whatsapp' | 'instagram' | 'facebook' | 'twitter' | 'telegram')[];
      character_config?: components['schemas']['CharacterConfigDto'];
      context?: components['schemas']['BusinessContextDto'];
      channel_credentials?: components['schemas']['ChannelCredentialsDto'];
      /** @example vendor_cozy_001 */
      vendor_id?: string;
    };
    ChannelView: {
      /**
       * @example voice
       * @enum {string}
       */
      channel_type: 'voice' | 'sms' | 'whatsapp' | 'instagram' | 'facebook' | 'twitter' | 'telegram';
      /**
       * @example active
       * @enum {string}
       */
      status: 'pending' | 'active' | 'failed' | 'pending_configuration';
      /**
       * @description voice and sms
       * @example +15550100123
       */
      phone_number?: string;
      /**
       * @description voice and sms
       * @example arn:aws:connect:us-east-1:123456789012:instance/8c2f...
       */
      aws_connect_instance_id?: string;
      /**
       * @description social channels
       * @example 7f0c8a52-3b1e-5d44-9a61-2f0e4c3b9d10
       */
      elizaos_agent_id?: string;
      /**
       * @description social channels
       * @example https://engine.example.com/api/v1/webhooks/meta
       */
      webhook_url?: string;
      /**
       * @description The platform account the agent answers for
       * @example 106540352242922
       */
      external_account_id?: string;
      /** @description Whether platform credentials are stored (they are never returned) */
      credentials_configured: boolean;
      /** @description Why the channel is failed or pending configuration */
      error?: string;
    };
    AgentKnowledgeView: {
      /**
       * @description The agent's documents
       * @example 0
       */
      documents: number;
      /**
       * @description Keys of character_config.knowledge_base naming a file (`bedding_products.json`) that no answering document has: upload it as a document named by the key or the file name
       * @example [
       *       "product_catalog"
       *     ]
       */
      awaiting_upload: string[];
    };
    AgentView: {
      /** Format: uuid */
      id: string;
      /** @example Cozy Comfort Bedding */
      name: string;
      /**
       * @example active
       * @enum {string}
       */
      status: 'provisioning' | 'active' | 'partially_active' | 'failed' | 'paused' | 'stopped' | 'deleting' | 'deleted';
      channels: components['schemas']['ChannelView'][];
      provisioning_complete: boolean;
      /** @example vendor_cozy_001 */
      vendor_id: string;
      /**
       * @description Incremented on every change; send it back with PUT (a stale one is 409)
       * @example 3
       */
      version: number;
      description?: string;
      /** @enum {string} */
      business_type: 'retail' | 'microfinance' | 'other';
      character_config: components['schemas']['CharacterConfigDto'];
      context: components['schemas']['BusinessContextDto'];
      /** @description The agent's documents (GET /api/v1/agents/{id}/knowledge) */
      knowledge: components['schemas']['AgentKnowledgeView'];
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      updated_at: string;
    };
    AgentPageView: {
      total: number;
      skip: number;
      limit: number;
      items: components['schemas']['AgentView'][];
    };
    AgentCharacterView: {
      /** Format: uuid */
      agent_id: string;
      /**
       * @description Incremented whenever the character changes
       * @example 2
       */
      version: number;
      /**
       * @description The ElizaOS character (name, system, bio, topics, adjectives, style, messageExamples, knowledge, plugins, settings)
       * @example {
       *       "name": "Cozy Comfort Bedding",
       *       "system": "You are the customer-service assistant of Cozy Comfort Bedding...",
       *       "plugins": [
       *         "@elizaos/plugin-sql",
       *         "@elizaos/plugin-bootstrap",
       *         "@elizaos/plugin-whatsapp"
       *       ]
       *     }
       */
      character: Record<string, never>;
      /** Format: date-time */
      created_at: string;
    };
    KnowledgeFileForm: {
      /**
       * Format: binary
       * @description The document, at most KNOWLEDGE_MAX_BYTES; its content type and file name tell its format
       */
      file: string;
      /**
       * @description Unique per agent: a spec key (`product_catalog`) or a file's name; 1-200 letters, digits, `_ - .` and spaces. Required on POST, except with a file (then the file's name); on PUT, absent or the document's own name.
       * @example product_catalog
       */
      name?: string;
      /**
       * @description How the document is read. Absent: from the file name or name and the content type (`.json`, `.csv`, `.md`, `.txt`, `.html`, `.pdf`), else from the URL path's extension.
       * @example json
       * @enum {string}
       */
      format?: 'json' | 'csv' | 'markdown' | 'text' | 'html' | 'pdf';
    };
    KnowledgeDocumentBody: {
      /**
       * @description Unique per agent: a spec key (`product_catalog`) or a file's name; 1-200 letters, digits, `_ - .` and spaces. Required on POST, except with a file (then the file's name); on PUT, absent or the document's own name.
       * @example product_catalog
       */
      name?: string;
      /**
       * @description How the document is read. Absent: from the file name or name and the content type (`.json`, `.csv`, `.md`, `.txt`, `.html`, `.pdf`), else from the URL path's extension.
       * @example json
       * @enum {string}
       */
      format?: 'json' | 'csv' | 'markdown' | 'text' | 'html' | 'pdf';
      /**
       * @description The document: its text (JSON, CSV, Markdown, HTML or plain text, as the file would hold it), or for format json a JSON object or array, stored as its JSON text. At most KNOWLEDGE_MAX_BYTES in UTF-8.
       * @example [
       *       {
       *         "sku": "BS-100",
       *         "name": "Cotton bedding set, queen",
       *         "price": 89
       *       }
       *     ]
       */
      content?:
        | string
        | {
            [key: string]: unknown;
          }
        | unknown[];
      /**
       * @description A binary document (a PDF), in base64; at most KNOWLEDGE_MAX_BYTES once decoded
       * @example JVBERi0xLjcKJcTl8uXrp/Og0MTGCg==
       */
      content_base64?: string;
      /**
       * @description An HTTPS URL the engine fetches the document from, once (plain HTTP only outside production; never an address inside the engine's network); at most KNOWLEDGE_MAX_BYTES
       * @example https://cozycomfort.com/downloads/bedding_products.json
       */
      url?: string;
    };
    KnowledgeStepView: {
      /**
       * @example parse
       * @enum {string}
       */
      name: 'fetch' | 'parse' | 'store' | 'index' | 'embed';
      /**
       * @example completed
       * @enum {string}
       */
      status: 'pending' | 'running' | 'completed' | 'failed' | 'skipped';
      /**
       * Format: date-time
       * @example 2026-12-01T10:00:01.000Z
       */
      started_at?: string;
      /**
       * Format: date-time
       * @example 2026-12-01T10:00:01.420Z
       */
      ended_at?: string;
      /**
       * @description What it did, or why it failed
       * @example 240 records
       */
      detail?: string;
    };
    KnowledgeDocumentDetailView: {
      /**
       * Format: uuid
       * @example 7c9e2a4b-5d1f-4e8a-b3c6-0f2d4e6a8b10
       */
      id: string;
      /**
       * Format: uuid
       * @example 3f2b9c1e-8d4a-4f6b-9a2e-1c7d5e0f4a21
       */
      agent_id: string;
      /** @example product_catalog */
      name: string;
      /**
       * @description The format the newest version is read as
       * @example json
       * @enum {string}
       */
      type: 'json' | 'csv' | 'markdown' | 'text' | 'html' | 'pdf';
      /**
       * @description An uploaded file
       * @example bedding_products.json
       */
      file_name: string | null;
      /**
       * @description A document fetched from a URL
       * @example null
       */
      source_url: string | null;
      /**
       * @description Bytes of the newest version; null until a URL is fetched
       * @example 48213
       */
      size_bytes: number | null;
      /**
       * @description The newest version uploaded
       * @example 2
       */
      version: number;
      /**
       * @description The version the agent answers from; null until one is indexed
       * @example 1
       */
      current_version: number | null;
      /**
       * @description The newest version's
       * @example indexing
       * @enum {string}
       */
      status: 'queued' | 'indexing' | 'ready' | 'failed';
      /**
       * @description Records and sections of the newest version (once indexed)
       * @example 0
       */
      chunk_count: number;
      /**
       * @description Why the newest version failed; null otherwise
       * @example null
       */
      error: {
        /**
         * @example malformed
         * @enum {string}
         */
        code: 'malformed' | 'too_many_chunks' | 'fetch_failed' | 'unsupported' | 'internal';
        /** @example line 14, column 3: expected a comma or a closing bracket */
        message: string;
        /** @example 14 */
        line?: number;
        /** @example 3 */
        column?: number;
        /** @description A PDF's page */
        page?: number;
        /** @description A catalog's record, from 1 */
        record?: number;
      } | null;
      /**
       * Format: date-time
       * @example 2026-12-01T10:00:00.000Z
       */
      created_at: string;
      /**
       * Format: date-time
       * @example 2026-12-02T09:30:00.000Z
       */
      updated_at: string;
      /**
       * Format: date-time
       * @description When the newest version was indexed
       * @example null
       */
      indexed_at: string | null;
      /** @description The newest version's indexing steps, in order */
      steps: components['schemas']['KnowledgeStepView'][];
    };
    KnowledgeDocumentView: {
      /**
       * Format: uuid
       * @example 7c9e2a4b-5d1f-4e8a-b3c6-0f2d4e6a8b10
       */
      id: string;
      /**
       * Format: uuid
       * @example 3f2b9c1e-8d4a-4f6b-9a2e-1c7d5e0f4a21
       */
      agent_id: string;
      /** @example product_catalog */
      name: string;
      /**
       * @description The format the newest version is read as
       * @example json
       * @enum {string}
       */
      type: 'json' | 'csv' | 'markdown' | 'text' | 'html' | 'pdf';
      /**
       * @description An uploaded file
       * @example bedding_products.json
       */
      file_name: string | null;
      /**
       * @description A document fetched from a URL
       * @example null
       */
      source_url: string | null;
      /**
       * @description Bytes of the newest version; null until a URL is fetched
       * @example 48213
       */
      size_bytes: number | null;
      /**
       * @description The newest version uploaded
       * @example 2
       */
      version: number;
      /**
       * @description The version the agent answers from; null until one is indexed
       * @example 1
       */
      current_version: number | null;
      /**
       * @description The newest version's
       * @example indexing
       * @enum {string}
       */
      status: 'queued' | 'indexing' | 'ready' | 'failed';
      /**
       * @description Records and sections of the newest version (once indexed)
       * @example 0
       */
      chunk_count: number;
      /**
       * @description Why the newest version failed; null otherwise
       * @example null
       */
      error: {
        /**
         * @example malformed
         * @enum {string}
         */
        code: 'malformed' | 'too_many_chunks' | 'fetch_failed' | 'unsupported' | 'internal';
        /** @example line 14, column 3: expected a comma or a closing bracket */
        message: string;
        /** @example 14 */
        line?: number;
        /** @example 3 */
        column?: number;
        /** @description A PDF's page */
        page?: number;
        /** @description A catalog's record, from 1 */
        record?: number;
      } | null;
      /**
       * Format: date-time
       * @example 2026-12-01T10:00:00.000Z
       */
      created_at: string;
      /**
       * Format: date-time
       * @example 2026-12-02T09:30:00.000Z
       */
      updated_at: string;
      /**
       * Format: date-time
       * @description When the newest version was indexed
       * @example null
       */
      indexed_at: string | null;
    };
    KnowledgeDocumentListView: {
      /** @description Ordered by name */
      items: components['schemas']['KnowledgeDocumentView'][];
    };
    ToolBody: {
      /**
       * @description Unique per agent; what the model calls it by: 1-64 lower-case letters, digits and `_`, starting with a letter. Required on POST; on PUT, absent or the name in the path.
       * @example order_status
       */
      name?: string;
      /**
       * @description What the tool does and when to use it: the model reads it to decide when to call the tool
       * @example Looks up an order of the store by its number: its status, carrier and expected delivery date.
       */
      description: string;
      /**
       * @description A JSON Schema (draft 2020-12 subset that ajv compiles) of the arguments, `type: object` at the top; checked when registered and against every call
       * @example {
       *       "type": "object",
       *       "properties": {
       *         "order_number": {
       *           "type": "string",
       *           "pattern": "^[0-9]{4,10}$",
       *           "description": "The order number"
       *         }
       *       },
       *       "required": [
       *         "order_number"
       *       ],
       *       "additionalProperties": false
       *     }
       */
      parameters: {
        [key: string]: unknown;
      };
      /**
       * @description Where the engine POSTs each call: HTTPS (plain HTTP only outside production), never an address inside the engine's network
       * @example https://backend.example.com/voca/tools/order_status
       */
      url: string;
      /**
       * @description The longest a call may take, connecting included; on voice a call also ends in time for the caller to hear a reply
       * @default 3000
       * @example 2000
       */
      timeout_ms: number;
      /**
       * @description The channels on which the agent may use it; absent, every channel
       * @example [
       *       "whatsapp",
       *       "voice"
       *     ]
       */
      channels?: ('voice' | 'sms' | 'whatsapp' | 'instagram' | 'facebook' | 'twitter' | 'telegram')[];
      /**
       * @description The tool changes something (cancels, books, refunds): the agent first tells the customer what it will do and calls only after a yes in their next message
       * @default false
       */
      requires_confirmation: boolean;
      /**
       * @description When a call fails (timeout, refused, an invalid answer), the customer is also passed to a person
       * @default false
       */
      handoff_on_failure: boolean;
      /**
       * @description The kind of request it serves, for the offline `local` model, which recognises these itself; absent, inferred from the name (`order_status`, `track_order`, `book_appointment`, `check_stock`...)
       * @example order_status
       * @enum {string}
       */
      intent?: 'order_status' | 'booking' | 'stock_check';
    };
    ToolCreatedView: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      agent_id: string;
      /** @example order_status */
      name: string;
      description: string;
      parameters: {
        [key: string]: unknown;
      };
      /** @example https://backend.example.com/voca/tools/order_status */
      url: string;
      /** @example 3000 */
      timeout_ms: number;
      /** @description null: every channel */
      channels: ('voice' | 'sms' | 'whatsapp' | 'instagram' | 'facebook' | 'twitter' | 'telegram')[] | null;
      requires_confirmation: boolean;
      handoff_on_failure: boolean;
      /**
       * @description The kind of request it serves, for the offline `local` model: as registered, else inferred from the name; null when neither says
       * @example order_status
       * @enum {string|null}
       */
      intent: 'order_status' | 'booking' | 'stock_check' | null;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      updated_at: string;
      /**
       * @description Verifies the voca-signature header of every call of this tool; shown once, store it now
       * @example whsec_3q2Kx...
       */
      signing_secret: string;
    };
    ToolView: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      agent_id: string;
      /** @example order_status */
      name: string;
      description: string;
      parameters: {
        [key: string]: unknown;
      };
      /** @example https://backend.example.com/voca/tools/order_status */
      url: string;
      /** @example 3000 */
      timeout_ms: number;
      /** @description null: every channel */
      channels: ('voice' | 'sms' | 'whatsapp' | 'instagram' | 'facebook' | 'twitter' | 'telegram')[] | null;
      requires_confirmation: boolean;
      handoff_on_failure: boolean;
      /**
       * @description The kind of request it serves, for the offline `local` model: as registered, else inferred from the name; null when neither says
       * @example order_status
       * @enum {string|null}
       */
      intent: 'order_status' | 'booking' | 'stock_check' | null;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      updated_at: string;
    };
    ToolListView: {
      items: components['schemas']['ToolView'][];
    };
    UpdateAgentRequestDto: {
      /** @example Cozy Comfort Bedding */
      name?: string;
      /** @example Premium bedding and home comfort store */
      description?: string;
      /**
       * @example retail
       * @enum {string}
       */
      business_type?: 'retail' | 'microfinance' | 'other';
      /**
       * @example [
       *       "voice",
       *       "whatsapp",
       *       "instagram",
       *       "facebook",
       *       "twitter"
       *     ]
       */
      channels?: ('voice' | 'sms' | 'whatsapp' | 'instagram' | 'facebook' | 'twitter' | 'telegram')[];
      character_config?: components['schemas']['CharacterConfigDto'];
      context?: components['schemas']['BusinessContextDto'];
      channel_credentials?: components['schemas']['ChannelCredentialsDto'];
      /**
       * @description Moves the agent as POST .../pause, .../stop, .../start or .../resume would (409 lists what is allowed)
       * @example paused
       * @enum {string}
       */
      status?: 'active' | 'paused' | 'stopped';
      /**
       * @description The agent version this change is based on (from GET, also its ETag); a stale one is 409. Optional
       * @example 3
       */
      version?: number;
    };
    UpdateAgentResultView: {
      /** @description The agent as it is now recorded */
      agent: components['schemas']['AgentView'];
      /**
       * Format: uuid
       * @description The operation carrying the change to the channels, if one was needed
       */
      provisioning_id?: string;
      /** @example /api/v1/provisioning/6d1f... */
      status_url?: string;
    };
    AgentEventView: {
      /**
       * Format: uuid
       * @description The entry, for the `after` cursor
       */
      id: string;
      /**
       * @description created, provisioned, updated, start, stop, pause, resume, delete, deleted, knowledge_uploaded, knowledge_deleted, tool_registered, tool_replaced, tool_deleted...
       * @example pause
       */
      action: string;
      /** @enum {string} */
      from_status?:
        'provisioning' | 'active' | 'partially_active' | 'failed' | 'paused' | 'stopped' | 'deleting' | 'deleted';
      /** @enum {string} */
      to_status?:
        'provisioning' | 'active' | 'partially_active' | 'failed' | 'paused' | 'stopped' | 'deleting' | 'deleted';
      /**
       * @description Who acted: the service token, a vendor user, or the engine
       * @example service:backend
       */
      actor: string;
      request_id?: string;
      /**
       * @example {
       *       "operationId": "6d1f..."
       *     }
       */
      details: Record<string, never>;
      /** Format: date-time */
      at: string;
    };
    AgentAuditView: {
      /** Format: uuid */
      agent_id: string;
      /** @description Oldest first */
      events: components['schemas']['AgentEventView'][];
      /** @description Pass as `after` for the next (newer) page */
      next_cursor: string | null;
    };
    StepView: {
      /** @enum {string} */
      name: 'aws_connect' | 'elizaos' | 'context' | 'finalize';
      /** @enum {string} */
      status: 'pending' | 'running' | 'retrying' | 'completed' | 'failed';
      channels: ('voice' | 'sms' | 'whatsapp' | 'instagram' | 'facebook' | 'twitter' | 'telegram')[];
      /** @description Attempts started so far */
      attempts: number;
      max_attempts: number;
      /** Format: date-time */
      started_at?: string;
      /** Format: date-time */
      finished_at?: string;
      duration_ms?: number;
      /** @description The last error, readable */
      error?: string;
      /**
       * @description What the step is doing now or did last
       * @example claiming +12065550142
       */
      detail?: string;
    };
    ProvisionedAgentView: {
      /** Format: uuid */
      id: string;
      /** @example Cozy Comfort Bedding */
      name: string;
      /**
       * @example active
       * @enum {string}
       */
      status: 'provisioning' | 'active' | 'partially_active' | 'failed' | 'paused' | 'stopped' | 'deleting' | 'deleted';
      channels: components['schemas']['ChannelView'][];
      provisioning_complete: boolean;
    };
    ProvisioningStatusView: {
      /** Format: uuid */
      provisioning_id: string;
      /** @enum {string} */
      status: 'queued' | 'in_progress' | 'completed' | 'failed' | 'partially_completed' | 'cancelled';
      /** Format: uuid */
      agent_id: string;
      percent: number;
      steps: components['schemas']['StepView'][];
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      started_at?: string;
      /** Format: date-time */
      finished_at?: string;
      /** @description Why the operation did not complete, one line per failed step */
      error?: string;
      /** @description Present once the operation has ended */
      agent_config?: components['schemas']['ProvisionedAgentView'];
    };
    OperationSummaryView: {
      /**
       * Format: uuid
       * @example 9b1e7c42-5a3d-4e8f-b6c1-2d4f8a0e7b13
       */
      provisioning_id: string;
      /**
       * Format: uuid
       * @example 3f2b9c1e-8d4a-4f6b-9a2e-1c7d5e0f4a21
       */
      agent_id: string;
      /**
       * @example provision
       * @enum {string}
       */
      kind: 'provision' | 'update' | 'deprovision';
      /**
       * @example partially_completed
       * @enum {string}
       */
      status: 'queued' | 'in_progress' | 'completed' | 'failed' | 'partially_completed' | 'cancelled';
      /** @example 2026-12-01T10:00:00.000Z */
      created_at: string;
      /** @example 2026-12-01T10:00:00.120Z */
      started_at?: string;
      /** @example 2026-12-01T10:00:04.870Z */
      finished_at?: string;
      /** @example aws_connect: no phone number is available in US */
      error?: string;
      /**
       * Format: uuid
       * @description The operation this one retried
       */
      retry_of?: string;
      /** @example /api/v1/provisioning/9b1e7c42-5a3d-4e8f-b6c1-2d4f8a0e7b13 */
      status_url: string;
    };
    OperationPageView: {
      /** @description Newest first */
      items: components['schemas']['OperationSummaryView'][];
      /** @description Pass as `before` for the next (older) page */
      next_cursor: string | null;
    };
    WebhookKeyView: {
      /** Format: uuid */
      agent_id: string;
      /**
       * @description Keep it secret; a rotation replaces it at once
       * @example 5f0c8e1e0b7a4c1f9b2d6c3e8a7f0d4b1c2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a
       */
      webhook_key: string;
      /**
       * @description Raised by every rotation
       * @example 1
       */
      key_version: number;
      /** @example X-Voca-Timestamp: <unix seconds>; X-Voca-Signature: sha256=<hex HMAC-SHA256(webhook_key, "<timestamp>.<raw body>")> */
      signing: string;
    };
    ConnectKeyView: {
      /**
       * @description Where to post turns
       * @example https://voca.example.com/api/v1/webhooks/connect
       */
      webhook_url: string;
      /**
       * @description Keep it secret: it signs turns for every agent. It changes only with WEBHOOK_SECRET
       * @example 9a1c7e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a6c8e0b2d4f6a8c
       */
      webhook_key: string;
      /** @example X-Voca-Timestamp: <unix seconds>; X-Voca-Signature: sha256=<hex HMAC-SHA256(webhook_key, "<timestamp>.<raw body>")> */
      signing: string;
    };
    CitationView: {
      /**
       * Format: uuid
       * @example 0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f
       */
      document_id: string;
      /**
       * @description The document's name (the spec's key, or a file's name)
       * @example product_catalog
       */
      document_name: string;
      /**
       * @description The version of the document the reply used
       * @example 2
       */
      version: number;
      /**
       * @description The chunk's place in that version, from 0
       * @example 41
       */
      chunk: number;
      /**
       * @description The record's name or the section's heading path
       * @example Cloud Duvet
       */
      title: string;
      /**
       * @description Where in the document: record N, row N, line N, page N
       * @example record 42
       */
      location: string;
    };
    ToolCallView: {
      /** Format: uuid */
      id: string;
      /** @example order_status */
      tool: string;
      /**
       * @example {
       *       "order_number": "10423"
       *     }
       */
      arguments: {
        [key: string]: unknown;
      };
      /** @enum {string} */
      status:
        | 'awaiting_confirmation'
        | 'awaiting_arguments'
        | 'calling'
        | 'ok'
        | 'failed'
        | 'timeout'
        | 'refused'
        | 'invalid_answer'
        | 'invalid_arguments'
        | 'declined'
        | 'answered'
        | 'abandoned'
        | 'unknown';
      /**
       * Format: uuid
       * @description The customer's message whose turn asked for it
       */
      message_id: string;
      /**
       * Format: uuid
       * @description The message that confirmed it or gave the missing value
       */
      resolved_by_message_id?: string;
      /** @description Arguments the agent asked the customer for */
      missing?: string[];
      /**
       * @description From sending the call to its answer
       * @example 182
       */
      latency_ms?: number;
      /**
       * @description The answer's size
       * @example 96
       */
      response_bytes?: number;
      /** @example 200 */
      http_status?: number;
      /**
       * @description The backend's answer (what the agent answered from), when it gave one; bounded in size
       * @example {
       *       "order_number": "10423",
       *       "status": "shipped",
       *       "carrier": "UPS"
       *     }
       */
      result?: {
        [key: string]: unknown;
      };
      /** @example no answer within 2000 ms */
      error?: string;
      /** Format: date-time */
      created_at: string;
    };
    TurnView: {
      /** @enum {string} */
      role: 'customer' | 'agent';
      /** @enum {string} */
      channel: 'voice' | 'sms' | 'whatsapp' | 'instagram' | 'facebook' | 'twitter' | 'telegram';
      /**
       * @description The words; a photo's or a document's caption (empty when none)
       * @example Is this one in stock?
       */
      text: string;
      /**
       * @description What the customer sent besides words, as references (WhatsApp and X media ids, Messenger and Instagram URLs)
       * @example [
       *       {
       *         "type": "image",
       *         "id": "1479537139650973",
       *         "mime_type": "image/jpeg"
       *       }
       *     ]
       */
      media?: {
        [key: string]: unknown;
      }[];
      /**
       * @description Message status (received, answered, held... / sent, delivered, read...)
       * @example sent
       */
      status: string;
      /** @description An agent's reply: the chunks of the agent's documents it answered from */
      citations?: components['schemas']['CitationView'][];
      /** @description A customer's message: the tool calls its turn made, and the requests it made of the customer (a confirmation, a missing value), oldest first; absent when none. Each call is shown once, under the message whose turn made the HTTP call: the message that confirmed it (resolved_by_message_id) when it was proposed first and confirmed, else the message that asked for it (message_id), as is a request still waiting, declined, abandoned or answered */
      tool_calls?: components['schemas']['ToolCallView'][];
      /** Format: date-time */
      at: string;
    };
    ConversationSummaryView: {
      /** Format: uuid */
      customer_id: string;
      display_name?: string;
      channels: ('voice' | 'sms' | 'whatsapp' | 'instagram' | 'facebook' | 'twitter' | 'telegram')[];
      messages: number;
      last: components['schemas']['TurnView'];
    };
    ConversationPageView: {
      total: number;
      skip: number;
      limit: number;
      items: components['schemas']['ConversationSummaryView'][];
    };
    IdentityView: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      channel: 'voice' | 'sms' | 'whatsapp' | 'instagram' | 'facebook' | 'twitter' | 'telegram';
      /**
       * @description The customer's id on the channel
       * @example 15551234567
       */
      external_id: string;
      /** @example +15551234567 */
      phone?: string;
      /**
       * @description How it joined this customer
       * @enum {string}
       */
      linked: 'first_seen' | 'phone' | 'explicit';
    };
    CustomerContextView: {
      /** Format: uuid */
      customer_id: string;
      /** Format: uuid */
      agent_id: string;
      display_name?: string;
      /** @example +15551234567 */
      phone?: string;
      identities: components['schemas']['IdentityView'][];
      /** @description The latest turns from every channel, oldest first */
      turns: components['schemas']['TurnView'][];
      /** @description The customer's 10 latest tool calls (and requests for a confirmation or a missing value), from every channel, newest first; absent when none. Each is also shown under its turn when that turn is among the turns */
      recent_tool_calls?: components['schemas']['ToolCallView'][];
    };
    LinkIdentityDto: {
      /**
       * Format: uuid
       * @description An identity of another customer of the same agent, to join this one
       * @example e7d1c3b5-2f4a-4b8e-9c6d-1a3f5e7b9d02
       */
      identity_id: string;
    };
    CustomerExportView: {
      /**
       * @description The customer: id, agent, display name, phone, when first and last seen
       * @example {
       *       "id": "c4a8e2f1-7b3d-4c9e-8f1a-5e6d2b0c9a34",
       *       "agent_id": "3f2b9c1e-8d4a-4f6b-9a2e-1c7d5e0f4a21",
       *       "display_name": "Ada Lovelace",
       *       "phone_e164": "+15551234567",
       *       "created_at": "2026-12-01T10:00:00.000Z",
       *       "updated_at": "2026-12-01T10:05:00.000Z"
       *     }
       */
      customer: {
        [key: string]: unknown;
      };
      /**
       * @description Every identity: channel, address, phone, name, how it joined the customer
       * @example [
       *       {
       *         "id": "e7d1c3b5-2f4a-4b8e-9c6d-1a3f5e7b9d02",
       *         "channel": "whatsapp",
       *         "external_id": "15551234567",
       *         "phone_e164": "+15551234567",
       *         "display_name": "Ada Lovelace",
       *         "linked": "first_seen"
       *       }
       *     ]
       */
      identities: {
        [key: string]: unknown;
      }[];
      /**
       * @description Every message both ways: text, media references, status, who wrote it, when
       * @example [
       *       {
       *         "direction": "inbound",
       *         "channel": "whatsapp",
       *         "text": "Do you ship to Canada?",
       *         "status": "answered",
       *         "counterpart_id": "15551234567",
       *         "created_at": "2026-12-01T10:00:00.000Z"
       *       }
       *     ]
       */
      messages: {
        [key: string]: unknown;
      }[];
      /**
       * @description Every hand-off to a person and its outcome
       * @example [
       *       {
       *         "kind": "handoff",
       *         "state": "resolved",
       *         "reason": "the customer asked for a person"
       *       }
       *     ]
       */
      handoffs: {
        [key: string]: unknown;
      }[];
      /**
       * @description Every event about the customer sent (or to be sent) to the backend
       * @example [
       *       {
       *         "type": "conversation.handoff",
       *         "data": {
       *           "customer_id": "c4a8e2f1-7b3d-4c9e-8f1a-5e6d2b0c9a34",
       *           "text": "A person please"
       *         }
       *       }
       *     ]
       */
      events: {
        [key: string]: unknown;
      }[];
      /**
       * @description Every call of the agent's tools in the customer's turns: the tool, its arguments, the backend's answer
       * @example [
       *       {
       *         "tool": "order_status",
       *         "channel": "whatsapp",
       *         "arguments": {
       *           "order_number": "10423"
       *         },
       *         "status": "ok",
       *         "result": {
       *           "status": "shipped"
       *         }
       *       }
       *     ]
       */
      tool_calls: {
        [key: string]: unknown;
      }[];
      /**
       * Format: date-time
       * @example 2026-12-07T09:00:00.000Z
       */
      exported_at: string;
    };
    ErasedCountsView: {
      /**
       * @description Identities (addresses on channels) removed
       * @example 2
       */
      identities: number;
      /**
       * @description Messages removed, both ways
       * @example 14
       */
      messages: number;
      /** @example 1 */
      handoffs: number;
      /**
       * @description Events about the customer that are kept (audit) without their words
       * @example 3
       */
      events_redacted: number;
    };
    CustomerErasedView: {
      /**
       * Format: uuid
       * @example c4a8e2f1-7b3d-4c9e-8f1a-5e6d2b0c9a34
       */
      customer_id: string;
      /**
       * Format: uuid
       * @example 3f2b9c1e-8d4a-4f6b-9a2e-1c7d5e0f4a21
       */
      agent_id: string;
      erased: components['schemas']['ErasedCountsView'];
      /**
       * @description The record is erased at once; the customer's queued jobs and ElizaOS's working memory follow within seconds
       * @example pending
       * @enum {string}
       */
      traces: 'pending' | 'completed';
    };
    HandoffMessageView: {
      /** Format: uuid */
      id: string;
      /**
       * @example customer
       * @enum {string}
       */
      from: 'customer' | 'agent' | 'person';
      /**
       * @example whatsapp
       * @enum {string}
       */
      channel: 'voice' | 'sms' | 'whatsapp' | 'instagram' | 'facebook' | 'twitter' | 'telegram';
      /** @example I would like to talk to someone about my order */
      text: string;
      /**
       * @description The message status (follow_up: waiting for the person)
       * @example answered
       */
      status: string;
      /**
       * @description A person's reply: who wrote it
       * @example vendor:vendor_cozy_comfort:maria
       */
      author?: string;
      /** @description An agent's reply: the chunks of the agent's documents it answered from */
      citations?: components['schemas']['CitationView'][];
      /** @description A customer's message: the tool calls its turn made, and the requests it made of the customer (a confirmation, a missing value), oldest first; absent when none. Each call is shown once, under the message whose turn made the HTTP call: the message that confirmed it (resolved_by_message_id) when it was proposed first and confirmed, else the message that asked for it (message_id), as is a request still waiting, declined, abandoned or answered */
      tool_calls?: components['schemas']['ToolCallView'][];
      /** @example 2026-12-01T10:00:00.000Z */
      at: string;
    };
    HandoffView: {
      /**
       * Format: uuid
       * @example b3e9d7a1-4c2f-4e8b-9a6d-0f1e2d3c4b5a
       */
      id: string;
      /**
       * Format: uuid
       * @example 3f2b9c1e-8d4a-4f6b-9a2e-1c7d5e0f4a21
       */
      agent_id: string;
      /** @example vendor_cozy_comfort */
      vendor_id: string;
      /**
       * Format: uuid
       * @example c4a8e2f1-7b3d-4c9e-8f1a-5e6d2b0c9a34
       */
      customer_id: string;
      /** @example Ann Lee */
      customer_name?: string;
      /**
       * @description Where a person's reply goes
       * @example whatsapp
       * @enum {string}
       */
      channel: 'voice' | 'sms' | 'whatsapp' | 'instagram' | 'facebook' | 'twitter' | 'telegram';
      /**
       * @example open
       * @enum {string}
       */
      state: 'open' | 'resolved';
      /**
       * @description handoff: the agent told the customer a person takes over and does not answer them until resolved; follow_up: a message needs a person (a failed or uncertain reply...), the agent goes on answering
       * @example handoff
       * @enum {string}
       */
      kind: 'handoff' | 'follow_up';
      /** @example the agent handed the customer to a person */
      reason: string;
      /** @example 2026-12-01T10:00:00.000Z */
      opened_at: string;
      /** @example null */
      resolved_at: string | null;
      /** @example null */
      resolved_by: string | null;
      /** @description The latest messages of the conversation, oldest first */
      messages: components['schemas']['HandoffMessageView'][];
    };
    HandoffPageView: {
      /** @description Oldest opened first: the longest waiting at the top */
      items: components['schemas']['HandoffView'][];
      /** @description Pass as `after` for the next page */
      next_cursor: string | null;
    };
    HandoffReplyDto: {
      /** @example Hi Ann, this is Maria from Cozy Comfort. I've checked your order: it ships tomorrow. */
      text: string;
    };
    HandoffReplyView: {
      /**
       * Format: uuid
       * @example b3e9d7a1-4c2f-4e8b-9a6d-0f1e2d3c4b5a
       */
      handoff_id: string;
      /**
       * Format: uuid
       * @description The reply as a message of the conversation; its status follows the send
       */
      message_id: string;
      /**
       * @example whatsapp
       * @enum {string}
       */
      channel: 'voice' | 'sms' | 'whatsapp' | 'instagram' | 'facebook' | 'twitter' | 'telegram';
      /** @example pending */
      status: string;
    };
    CreateEventEndpointDto: {
      /**
       * @description HTTPS (plain HTTP only outside production)
       * @example https://backend.example.com/voca/events
       */
      url: string;
      /**
       * @example [
       *       "operation.completed",
       *       "operation.failed",
       *       "conversation.handoff"
       *     ]
       */
      events: (
        | 'operation.completed'
        | 'operation.failed'
        | 'operation.partially_completed'
        | 'operation.cancelled'
        | 'channel.failed'
        | 'channel.credentials_invalid'
        | 'agent.status_changed'
        | 'conversation.handoff'
        | 'message.follow_up'
        | 'conversation.person_replied'
        | 'conversation.resolved'
        | 'customer.erased'
        | 'knowledge.ready'
        | 'knowledge.failed'
      )[];
      /**
       * @description With a service token: the vendor whose events it receives; omitted, it receives every vendor's. A vendor token may only name itself.
       * @example vendor_cozy_comfort
       */
      vendor_id?: string;
      /** @example production backend */
      description?: string;
    };
    EventEndpointCreatedView: {
      /** Format: uuid */
      id: string;
      /** @example https://backend.example.com/voca/events */
      url: string;
      /**
       * @example [
       *       "operation.completed",
       *       "conversation.handoff"
       *     ]
       */
      events: (
        | 'operation.completed'
        | 'operation.failed'
        | 'operation.partially_completed'
        | 'operation.cancelled'
        | 'channel.failed'
        | 'channel.credentials_invalid'
        | 'agent.status_changed'
        | 'conversation.handoff'
        | 'message.follow_up'
        | 'conversation.person_replied'
        | 'conversation.resolved'
        | 'customer.erased'
        | 'knowledge.ready'
        | 'knowledge.failed'
      )[];
      /**
       * @description null: every vendor's events
       * @example vendor_cozy_comfort
       */
      vendor_id: string | null;
      /** @example production backend */
      description: string | null;
      /** @example 2026-12-01T10:00:00.000Z */
      created_at: string;
      /**
       * @description Verifies the voca-signature header of every delivery; shown once, store it now
       * @example whsec_pR0m3x4mpl3S3cr3tV4lu3F0rD0cs0nly00000000
       */
      secret: string;
    };
    EventEndpointView: {
      /** Format: uuid */
      id: string;
      /** @example https://backend.example.com/voca/events */
      url: string;
      /**
       * @example [
       *       "operation.completed",
       *       "conversation.handoff"
       *     ]
       */
      events: (
        | 'operation.completed'
        | 'operation.failed'
        | 'operation.partially_completed'
        | 'operation.cancelled'
        | 'channel.failed'
        | 'channel.credentials_invalid'
        | 'agent.status_changed'
        | 'conversation.handoff'
        | 'message.follow_up'
        | 'conversation.person_replied'
        | 'conversation.resolved'
        | 'customer.erased'
        | 'knowledge.ready'
        | 'knowledge.failed'
      )[];
      /**
       * @description null: every vendor's events
       * @example vendor_cozy_comfort
       */
      vendor_id: string | null;
      /** @example production backend */
      description: string | null;
      /** @example 2026-12-01T10:00:00.000Z */
      created_at: string;
    };
    EventEndpointPageView: {
      items: components['schemas']['EventEndpointView'][];
    };
    DeliveryAttemptView: {
      /** @example 2026-12-01T10:00:01.000Z */
      at: string;
      /**
       * @description The HTTP status the endpoint answered; absent when it did not answer
       * @example 503
       */
      status_code?: number;
      /** @example the endpoint answered 503 */
      error?: string;
      /** @example 42 */
      duration_ms: number;
    };
    EventDeliveryView: {
      /** Format: uuid */
      id: string;
      /**
       * Format: uuid
       * @description The event id: the same in every attempt, so the receiver can drop repeats
       */
      event_id: string;
      /**
       * @example operation.completed
       * @enum {string}
       */
      event_type:
        | 'operation.completed'
        | 'operation.failed'
        | 'operation.partially_completed'
        | 'operation.cancelled'
        | 'channel.failed'
        | 'channel.credentials_invalid'
        | 'agent.status_changed'
        | 'conversation.handoff'
        | 'message.follow_up'
        | 'conversation.person_replied'
        | 'conversation.resolved'
        | 'customer.erased'
        | 'knowledge.ready'
        | 'knowledge.failed';
      /** Format: uuid */
      agent_id: string;
      /**
       * @example delivered
       * @enum {string}
       */
      status: 'pending' | 'delivered' | 'failed';
      /** @example 1 */
      attempts: number;
      /**
       * @description When the next attempt is due (pending only)
       * @example null
       */
      next_attempt_at: string | null;
      /** @example 2026-12-01T10:00:01.000Z */
      delivered_at: string | null;
      /** @example 2026-12-01T10:00:00.000Z */
      created_at: string;
      attempt_log: components['schemas']['DeliveryAttemptView'][];
      /** @description The event exactly as delivered (the body of every attempt) */
      event: Record<string, never>;
    };
    EventDeliveryPageView: {
      items: components['schemas']['EventDeliveryView'][];
      /** @description Pass as `before` for the next (older) page */
      next_cursor: string | null;
    };
    WebhookReceivedView: {
      /**
       * @description Events recorded and queued (or recorded before)
       * @example 1
       */
      received: number;
      /**
       * @description Events skipped: echoes, reactions, unsupported types...
       * @example 0
       */
      skipped: number;
    };
    ConnectTurnRequestView: {
      /** @example 3f2b9c1e-8d4a-4f6b-9a2e-1c7d5e0f4a21 */
      agent_id: string;
      /** @description Amazon Connect's ContactId */
      contact_id: string;
      /** @enum {string} */
      channel: 'voice' | 'sms';
      /**
       * @description The caller's number; null (or absent, empty, `anonymous`) when withheld: the caller is then answered as an anonymous customer of this contact alone
       * @example +15551234567
       */
      caller: string | null;
      /**
       * @description The agent's number reached
       * @example +15505550131
       */
      dialed: string;
      /** @description What the customer said or typed; empty on the first turn of a call */
      utterance: string;
      /**
       * Format: date-time
       * @description ISO 8601 with a zone
       */
      timestamp: string;
    };
    ConnectMessageRequestView: {
      /** @example 3f2b9c1e-8d4a-4f6b-9a2e-1c7d5e0f4a21 */
      agent_id: string;
      /** @example What time are you open? */
      message: string;
      /** @enum {string} */
      channel: 'voice' | 'sms';
      /** @description Keeps one call or SMS conversation together */
      contact_id?: string;
      /** @description Links the caller to the customer's other channels */
      caller?: string;
      /**
       * Format: date-time
       * @description Makes a retried post of the same turn recognisable
       */
      timestamp?: string;
    };
    ConnectTurnReplyView: {
      /**
       * @description What the flow says or sends next
       * @example We are open until 6 PM on Saturday.
       */
      reply: string;
      /**
       * @description transfer: to the agent's queue; end: goodbye and disconnect
       * @enum {string}
       */
      action: 'continue' | 'transfer' | 'end';
    };
    ConnectMessageReplyView: {
      /** @example Sure! Our store hours are 9 AM - 6 PM EST. */
      message: string;
      /** @example 3f2b9c1e-8d4a-4f6b-9a2e-1c7d5e0f4a21 */
      agent_id: string;
      /** @enum {string} */
      channel: 'voice' | 'sms';
      /**
       * @description Plain text, ready to be spoken
       * @enum {boolean}
       */
      tts_ready: true;
      /** @enum {string} */
      action: 'continue' | 'transfer' | 'end';
    };
    ElizaosWebhookDto: {
      /**
       * @example whatsapp
       * @enum {string}
       */
      platform: 'whatsapp' | 'instagram' | 'facebook' | 'twitter' | 'telegram';
      /**
       * Format: uuid
       * @example 3f2b9c1e-8d4a-4f6b-9a2e-1c7d5e0f4a21
       */
      agent_id: string;
      /** @example Do you deliver on Saturdays? */
      message: string;
      /**
       * @description The customer's id on the platform
       * @example 15551234567
       */
      user_id: string;
      /**
       * @description When the customer sent it (ISO 8601 or epoch milliseconds); a retry with the same one is recognised. Default: now
       * @example 2026-11-25T10:00:00Z
       */
      timestamp?: string | number;
    };
    ElizaosWebhookReply: {
      /**
       * @description The agent's reply; null when it comes later on the channel (202)
       * @example We deliver Monday to Saturday; shipping is free on orders over $75.
       */
      message: string | null;
      /**
       * Format: uuid
       * @example 3f2b9c1e-8d4a-4f6b-9a2e-1c7d5e0f4a21
       */
      agent_id: string;
      /**
       * @example whatsapp
       * @enum {string}
       */
      channel: 'whatsapp' | 'instagram' | 'facebook' | 'twitter' | 'telegram';
      /**
       * @description The message is in the customer's cross-channel history
       * @example true
       */
      context_updated: boolean;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  AgentsController_provision: {
    parameters: {
      query?: never;
      header?: {
        /** @description Retrying with the same key returns the same operation; another body with it is a 422 */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ProvisionAgentRequestDto'];
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProvisioningAcceptedView'];
        };
      };
      /** @description The body is not valid JSON, a field is not valid (named in `fields`), or a bad Idempotency-Key */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description vendor_id differs from the vendor of the token, or a platform account the vendor cannot prove it owns */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description A platform account in channel_credentials already belongs to another agent */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The body is larger than HTTP_BODY_LIMIT */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The body has a Content-Encoding or charset the API does not read */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description This Idempotency-Key was already used with a different request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its requests this minute, or the vendor has MAX_OPERATIONS_PER_VENDOR running */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The engine cannot reach its database or Redis right now, or a dependency is not set */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  AgentsController_list: {
    parameters: {
      query?: {
        limit?: number;
        skip?: number;
        /** @description Deleted agents are listed only when asked for */
        status?:
          'provisioning' | 'active' | 'partially_active' | 'failed' | 'paused' | 'stopped' | 'deleting' | 'deleted';
        /** @description Service tokens only; a vendor token may only name its own vendor */
        vendor_id?: string;
        channel?: 'voice' | 'sms' | 'whatsapp' | 'instagram' | 'facebook' | 'twitter' | 'telegram';
        business_type?: 'retail' | 'microfinance' | 'other';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AgentPageView'];
        };
      };
      /** @description A query parameter is not valid (named in `fields`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token grants neither the service role nor a vendor, or not this action */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description A vendor token naming another vendor in vendor_id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its RATE_LIMIT_PER_MINUTE requests this minute */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The engine cannot reach its database or Redis right now, or a dependency is not set */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  AgentsController_create: {
    parameters: {
      query?: never;
      header?: {
        /** @description Retrying with the same key returns the same operation; another body with it is a 422 */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateAgentRequestDto'];
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProvisioningAcceptedView'];
        };
      };
      /** @description The body is not valid JSON, a field is not valid (named in `fields`), or a bad Idempotency-Key */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description vendor_id differs from the vendor of the token, or a platform account the vendor cannot prove it owns */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description A platform account in channel_credentials already belongs to another agent */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The body is larger than HTTP_BODY_LIMIT */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The body has a Content-Encoding or charset the API does not read */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description This Idempotency-Key was already used with a different request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its requests this minute, or the vendor has MAX_OPERATIONS_PER_VENDOR running */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The engine cannot reach its database or Redis right now, or a dependency is not set */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  AgentsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The agent's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "3f2b9c1e-8d4a-4f6b-9a2e-1c7d5e0f4a21",
           *       "name": "Cozy Comfort Bedding Agent",
           *       "status": "active",
           *       "channels": [
           *         {
           *           "channel_type": "voice",
           *           "status": "active",
           *           "phone_number": "+16395550170",
           *           "aws_connect_instance_id": "arn:aws:connect:us-east-1:123456789012:instance/fda57c7d-8ded-4189-ada9-5675a098649b",
           *           "credentials_configured": false
           *         },
           *         {
           *           "channel_type": "whatsapp",
           *           "status": "pending_configuration",
           *           "elizaos_agent_id": "6db3e548-a645-58bc-8cc8-2d6dea8b5e2d",
           *           "webhook_url": "https://engine.example.com/api/v1/webhooks/meta",
           *           "credentials_configured": false,
           *           "error": "whatsapp needs the business's account before it can receive or answer messages: supply channel_credentials.whatsapp.phone_number_id and channel_credentials.whatsapp.access_token with PUT /api/v1/agents/{id}"
           *         },
           *         {
           *           "channel_type": "instagram",
           *           "status": "pending_configuration",
           *           "elizaos_agent_id": "6db3e548-a645-58bc-8cc8-2d6dea8b5e2d",
           *           "webhook_url": "https://engine.example.com/api/v1/webhooks/meta",
           *           "credentials_configured": false,
           *           "error": "instagram needs the business's account before it can receive or answer messages: supply channel_credentials.instagram.account_id and channel_credentials.instagram.access_token with PUT /api/v1/agents/{id}"
           *         },
           *         {
           *           "channel_type": "facebook",
           *           "status": "pending_configuration",
           *           "elizaos_agent_id": "6db3e548-a645-58bc-8cc8-2d6dea8b5e2d",
           *           "webhook_url": "https://engine.example.com/api/v1/webhooks/meta",
           *           "credentials_configured": false,
           *           "error": "facebook needs the business's account before it can receive or answer messages: supply channel_credentials.facebook.page_id and channel_credentials.facebook.access_token with PUT /api/v1/agents/{id}"
           *         },
           *         {
           *           "channel_type": "twitter",
           *           "status": "pending_configuration",
           *           "elizaos_agent_id": "6db3e548-a645-58bc-8cc8-2d6dea8b5e2d",
           *           "webhook_url": "https://engine.example.com/api/v1/webhooks/twitter",
           *           "credentials_configured": false,
           *           "error": "twitter needs the business's account before it can receive or answer messages: supply channel_credentials.twitter.user_id and channel_credentials.twitter.access_token with PUT /api/v1/agents/{id}"
           *         }
           *       ],
           *       "provisioning_complete": true,
           *       "vendor_id": "vendor_ccb_123",
           *       "version": 1,
           *       "description": "AI agent for Cozy Comfort Bedding store",
           *       "business_type": "retail",
           *       "character_config": {
           *         "business_name": "Cozy Comfort Bedding",
           *         "products": [
           *           "bedding_sets",
           *           "pillows",
           *           "comforters",
           *           "duvets"
           *         ],
           *         "specialties": [
           *           "bedding",
           *           "home_decor",
           *           "sleep_products"
           *         ],
           *         "tone": "friendly_helpful",
           *         "knowledge_base": {
           *           "product_catalog": "bedding_products.json",
           *           "return_policy": "30-day returns",
           *           "shipping_info": "Free shipping over $50"
           *         }
           *       },
           *       "context": {
           *         "store_hours": "9 AM - 6 PM EST",
           *         "contact_info": "+1-555-BEDDING",
           *         "website": "cozycomfort.com"
           *       },
           *       "knowledge": {
           *         "documents": 0,
           *         "awaiting_upload": [
           *           "product_catalog"
           *         ]
           *       },
           *       "created_at": "2026-12-01T01:20:04.561Z",
           *       "updated_at": "2026-12-01T01:20:05.383Z"
           *     }
           */
          'application/json': components['schemas']['AgentView'];
        };
      };
      /** @description A parameter is not valid (named in `fields`), e.g. an id that is not a UUID */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token grants neither the service role nor a vendor, or not this action */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No agent with this id that the token may see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its RATE_LIMIT_PER_MINUTE requests this minute */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The engine cannot reach its database or Redis right now, or a dependency is not set */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  LifecycleController_update: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the agent as read (its version) */
        'If-Match'?: string;
      };
      path: {
        /** @description The agent's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateAgentRequestDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UpdateAgentResultView'];
        };
      };
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UpdateAgentResultView'];
        };
      };
      /** @description The body is not valid JSON, changes nothing, or a field or If-Match is not valid (named in `fields`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token grants neither the service role nor a vendor, or a platform account the vendor cannot prove it owns */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No agent with this id that the token may see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description A stale version, an account another agent holds, or an agent that cannot change now */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The body is larger than HTTP_BODY_LIMIT */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The body has a Content-Encoding or charset the API does not read */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its RATE_LIMIT_PER_MINUTE requests this minute */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The engine cannot reach its database or Redis right now, or a dependency is not set */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  LifecycleController_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The agent's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProvisioningAcceptedView'];
        };
      };
      /** @description A parameter is not valid (named in `fields`), e.g. an id that is not a UUID */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token grants neither the service role nor a vendor, or not this action */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No agent with this id that the token may see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Not allowed in the current status (e.g. while it is being provisioned); `allowed` lists what is */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its RATE_LIMIT_PER_MINUTE requests this minute */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The engine cannot reach its database or Redis right now, or a dependency is not set */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  AgentsController_character: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The agent's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AgentCharacterView'];
        };
      };
      /** @description A parameter is not valid (named in `fields`), e.g. an id that is not a UUID */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token grants neither the service role nor a vendor, or not this action */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /**
       * @description No agent with this id that the token may see, or none with a character yet
       *
       *     No agent with this id that the token may see
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its RATE_LIMIT_PER_MINUTE requests this minute */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The engine cannot reach its database or Redis right now, or a dependency is not set */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  KnowledgeController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The agent's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['KnowledgeDocumentListView'];
        };
      };
      /** @description A parameter is not valid (named in `fields`), e.g. an id that is not a UUID */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token grants neither the service role nor a vendor, or not this action */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No agent with this id that the token may see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its RATE_LIMIT_PER_MINUTE requests this minute */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The engine cannot reach its database or Redis right now, or a dependency is not set */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  KnowledgeController_upload: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The agent's id */
        id: string;
      };
      cookie?: never;
    };
    /** @description multipart/form-data with the file, or JSON with exactly one of content, content_base64 or url. The format is `format`, else told by the file name or name and the content type, else by the URL path. */
    requestBody: {
      content: {
        'application/json': components['schemas']['KnowledgeDocumentBody'];
        'multipart/form-data': components['schemas']['KnowledgeFileForm'];
      };
    };
    responses: {
      /** @description The document, its first version queued for indexing */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['KnowledgeDocumentDetailView'];
        };
      };
      /** @description The body is not valid JSON or a field is not valid (named in `fields`): not exactly one of content, content_base64 or url, a format that cannot be told, a URL the engine may not fetch */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token grants neither the service role nor a vendor, or not this action */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No agent with this id that the token may see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The agent has a document of this name already (PUT uploads a new version), or is being deleted */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The document is larger than KNOWLEDGE_MAX_BYTES (a file, or the content of a JSON body once decoded) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description A body neither JSON nor multipart/form-data, an encoding or charset the API does not read, or a file whose format the engine cannot tell (name it in format) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The agent has KNOWLEDGE_MAX_DOCUMENTS documents, or its answering documents hold KNOWLEDGE_MAX_CHUNKS chunks */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its RATE_LIMIT_PER_MINUTE requests this minute */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description A URL's host could not be looked up now, or the database cannot be reached; try again */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  KnowledgeController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The agent's id */
        id: string;
        /** @description The document's id (a UUID) or its name */
        doc: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['KnowledgeDocumentDetailView'];
        };
      };
      /** @description A parameter is not valid (named in `fields`): an agent id that is not a UUID, a document name that cannot be one */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token grants neither the service role nor a vendor, or not this action */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No agent with this id that the token may see, or no such document of it */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its RATE_LIMIT_PER_MINUTE requests this minute */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The engine cannot reach its database or Redis right now, or a dependency is not set */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  KnowledgeController_put: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The agent's id */
        id: string;
        /** @description The document's id (a UUID) or its name */
        doc: string;
      };
      cookie?: never;
    };
    /** @description multipart/form-data with the file, or JSON with exactly one of content, content_base64 or url. The format is `format`, else told by the file name or name and the content type, else by the URL path. */
    requestBody: {
      content: {
        'application/json': components['schemas']['KnowledgeDocumentBody'];
        'multipart/form-data': components['schemas']['KnowledgeFileForm'];
      };
    };
    responses: {
      /** @description The same bytes and format as the newest version's: nothing new */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['KnowledgeDocumentDetailView'];
        };
      };
      /** @description No document had this name: it was made, its first version queued for indexing */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['KnowledgeDocumentDetailView'];
        };
      };
      /** @description A new version, queued for indexing */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['KnowledgeDocumentDetailView'];
        };
      };
      /**
       * @description The body is not valid JSON or a field is not valid (named in `fields`): not exactly one of content, content_base64 or url, a format that cannot be told, a URL the engine may not fetch
       *
       *     A parameter is not valid (named in `fields`): an agent id that is not a UUID, a document name that cannot be one
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token grants neither the service role nor a vendor, or not this action */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No agent with this id that the token may see, or no such document of it */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The agent is being deleted */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The document is larger than KNOWLEDGE_MAX_BYTES (a file, or the content of a JSON body once decoded) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description A body neither JSON nor multipart/form-data, an encoding or charset the API does not read, or a file whose format the engine cannot tell (name it in format) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The agent has KNOWLEDGE_MAX_DOCUMENTS documents, or its answering documents hold KNOWLEDGE_MAX_CHUNKS chunks */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its RATE_LIMIT_PER_MINUTE requests this minute */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description A URL's host could not be looked up now, or the database cannot be reached; try again */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  KnowledgeController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The agent's id */
        id: string;
        /** @description The document's id (a UUID) or its name */
        doc: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A parameter is not valid (named in `fields`): an agent id that is not a UUID, a document name that cannot be one */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token grants neither the service role nor a vendor, or not this action */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No agent with this id that the token may see, or no such document of it */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its RATE_LIMIT_PER_MINUTE requests this minute */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The engine cannot reach its database or Redis right now, or a dependency is not set */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ToolsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The agent's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "items": [
           *         {
           *           "id": "7a4c1e9b-2d5f-4b8a-9e3c-6f0d1b2a5c47",
           *           "agent_id": "3f2b9c1e-8d4a-4f6b-9a2e-1c7d5e0f4a21",
           *           "name": "order_status",
           *           "description": "Looks up an order of the store by its number: its status, carrier and expected delivery date.",
           *           "parameters": {
           *             "type": "object",
           *             "properties": {
           *               "order_number": {
           *                 "type": "string",
           *                 "pattern": "^[0-9]{4,10}$",
           *                 "description": "The order number, e.g. 10423"
           *               }
           *             },
           *             "required": [
           *               "order_number"
           *             ],
           *             "additionalProperties": false
           *           },
           *           "url": "https://backend.example.com/voca/tools/order_status",
           *           "timeout_ms": 2000,
           *           "channels": [
           *             "whatsapp",
           *             "instagram",
           *             "facebook",
           *             "twitter",
           *             "voice"
           *           ],
           *           "requires_confirmation": false,
           *           "handoff_on_failure": false,
           *           "intent": "order_status",
           *           "created_at": "2025-12-15T10:04:12.000Z",
           *           "updated_at": "2025-12-15T10:04:12.000Z"
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['ToolListView'];
        };
      };
      /** @description A parameter is not valid (named in `fields`), e.g. an id that is not a UUID */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token grants neither the service role nor a vendor, or not this action */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No agent with this id that the token may see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its RATE_LIMIT_PER_MINUTE requests this minute */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The engine cannot reach its database or Redis right now, or a dependency is not set */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ToolsController_register: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The agent's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ToolBody'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "7a4c1e9b-2d5f-4b8a-9e3c-6f0d1b2a5c47",
           *       "agent_id": "3f2b9c1e-8d4a-4f6b-9a2e-1c7d5e0f4a21",
           *       "name": "order_status",
           *       "description": "Looks up an order of the store by its number: its status, carrier and expected delivery date.",
           *       "parameters": {
           *         "type": "object",
           *         "properties": {
           *           "order_number": {
           *             "type": "string",
           *             "pattern": "^[0-9]{4,10}$",
           *             "description": "The order number, e.g. 10423"
           *           }
           *         },
           *         "required": [
           *           "order_number"
           *         ],
           *         "additionalProperties": false
           *       },
           *       "url": "https://backend.example.com/voca/tools/order_status",
           *       "timeout_ms": 2000,
           *       "channels": [
           *         "whatsapp",
           *         "instagram",
           *         "facebook",
           *         "twitter",
           *         "voice"
           *       ],
           *       "requires_confirmation": false,
           *       "handoff_on_failure": false,
           *       "intent": "order_status",
           *       "created_at": "2025-12-15T10:04:12.000Z",
           *       "updated_at": "2025-12-15T10:04:12.000Z",
           *       "signing_secret": "whsec_Jx3Yp0QeVb6mT2rK9sLw4nA8dF1gH5jZ7cU0oI2eR6y"
           *     }
           */
          'application/json': components['schemas']['ToolCreatedView'];
        };
      };
      /** @description The body is not valid JSON, or a field is not valid (named in `fields`): a name no tool can have, `parameters` that ajv cannot compile or that do not describe an object, a URL the engine may not call, timeout_ms out of range, an unknown channel */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token grants neither the service role nor a vendor, or not this action */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No agent with this id that the token may see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The agent has a tool of this name already (PUT replaces it), or is being deleted */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The body is larger than HTTP_BODY_LIMIT */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The body has a Content-Encoding or charset the API does not read */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The agent has TOOLS_MAX_PER_AGENT tools */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its RATE_LIMIT_PER_MINUTE requests this minute */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The URL's host could not be looked up now, or the database cannot be reached; try again */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ToolsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The agent's id */
        id: string;
        /** @description The tool's name */
        name: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "7a4c1e9b-2d5f-4b8a-9e3c-6f0d1b2a5c47",
           *       "agent_id": "3f2b9c1e-8d4a-4f6b-9a2e-1c7d5e0f4a21",
           *       "name": "order_status",
           *       "description": "Looks up an order of the store by its number: its status, carrier and expected delivery date.",
           *       "parameters": {
           *         "type": "object",
           *         "properties": {
           *           "order_number": {
           *             "type": "string",
           *             "pattern": "^[0-9]{4,10}$",
           *             "description": "The order number, e.g. 10423"
           *           }
           *         },
           *         "required": [
           *           "order_number"
           *         ],
           *         "additionalProperties": false
           *       },
           *       "url": "https://backend.example.com/voca/tools/order_status",
           *       "timeout_ms": 2000,
           *       "channels": [
           *         "whatsapp",
           *         "instagram",
           *         "facebook",
           *         "twitter",
           *         "voice"
           *       ],
           *       "requires_confirmation": false,
           *       "handoff_on_failure": false,
           *       "intent": "order_status",
           *       "created_at": "2025-12-15T10:04:12.000Z",
           *       "updated_at": "2025-12-15T10:04:12.000Z"
           *     }
           */
          'application/json': components['schemas']['ToolView'];
        };
      };
      /** @description A parameter is not valid (named in `fields`): an agent id that is not a UUID, a name no tool can have */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token grants neither the service role nor a vendor, or not this action */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No agent with this id that the token may see, or no tool of this name */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its RATE_LIMIT_PER_MINUTE requests this minute */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The engine cannot reach its database or Redis right now, or a dependency is not set */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ToolsController_put: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The agent's id */
        id: string;
        /** @description The tool's name */
        name: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ToolBody'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "7a4c1e9b-2d5f-4b8a-9e3c-6f0d1b2a5c47",
           *       "agent_id": "3f2b9c1e-8d4a-4f6b-9a2e-1c7d5e0f4a21",
           *       "name": "order_status",
           *       "description": "Looks up an order of the store by its number: its status, carrier and expected delivery date.",
           *       "parameters": {
           *         "type": "object",
           *         "properties": {
           *           "order_number": {
           *             "type": "string",
           *             "pattern": "^[0-9]{4,10}$",
           *             "description": "The order number, e.g. 10423"
           *           }
           *         },
           *         "required": [
           *           "order_number"
           *         ],
           *         "additionalProperties": false
           *       },
           *       "url": "https://backend.example.com/voca/tools/order_status",
           *       "timeout_ms": 3000,
           *       "channels": [
           *         "whatsapp",
           *         "instagram",
           *         "facebook",
           *         "twitter",
           *         "voice"
           *       ],
           *       "requires_confirmation": false,
           *       "handoff_on_failure": false,
           *       "intent": "order_status",
           *       "created_at": "2025-12-15T10:04:12.000Z",
           *       "updated_at": "2025-12-15T10:04:12.000Z"
           *     }
           */
          'application/json': components['schemas']['ToolView'];
        };
      };
      /** @description No tool had this name: it was registered; its signing secret is shown, once */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "7a4c1e9b-2d5f-4b8a-9e3c-6f0d1b2a5c47",
           *       "agent_id": "3f2b9c1e-8d4a-4f6b-9a2e-1c7d5e0f4a21",
           *       "name": "order_status",
           *       "description": "Looks up an order of the store by its number: its status, carrier and expected delivery date.",
           *       "parameters": {
           *         "type": "object",
           *         "properties": {
           *           "order_number": {
           *             "type": "string",
           *             "pattern": "^[0-9]{4,10}$",
           *             "description": "The order number, e.g. 10423"
           *           }
           *         },
           *         "required": [
           *           "order_number"
           *         ],
           *         "additionalProperties": false
           *       },
           *       "url": "https://backend.example.com/voca/tools/order_status",
           *       "timeout_ms": 2000,
           *       "channels": [
           *         "whatsapp",
           *         "instagram",
           *         "facebook",
           *         "twitter",
           *         "voice"
           *       ],
           *       "requires_confirmation": false,
           *       "handoff_on_failure": false,
           *       "intent": "order_status",
           *       "created_at": "2025-12-15T10:04:12.000Z",
           *       "updated_at": "2025-12-15T10:04:12.000Z",
           *       "signing_secret": "whsec_Jx3Yp0QeVb6mT2rK9sLw4nA8dF1gH5jZ7cU0oI2eR6y"
           *     }
           */
          'application/json': components['schemas']['ToolCreatedView'];
        };
      };
      /**
       * @description The body is not valid JSON, or a field is not valid (named in `fields`): a name no tool can have, `parameters` that ajv cannot compile or that do not describe an object, a URL the engine may not call, timeout_ms out of range, an unknown channel
       *
       *     A parameter is not valid (named in `fields`): an agent id that is not a UUID, a name no tool can have
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token grants neither the service role nor a vendor, or not this action */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No agent with this id that the token may see, or no tool of this name */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The agent is being deleted */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The body is larger than HTTP_BODY_LIMIT */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The body has a Content-Encoding or charset the API does not read */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No tool had this name, and the agent has TOOLS_MAX_PER_AGENT tools */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its RATE_LIMIT_PER_MINUTE requests this minute */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The URL's host could not be looked up now, or the database cannot be reached; try again */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ToolsController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The agent's id */
        id: string;
        /** @description The tool's name */
        name: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A parameter is not valid (named in `fields`): an agent id that is not a UUID, a name no tool can have */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token grants neither the service role nor a vendor, or not this action */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No agent with this id that the token may see, or no tool of this name */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its RATE_LIMIT_PER_MINUTE requests this minute */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The engine cannot reach its database or Redis right now, or a dependency is not set */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  LifecycleController_act: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The agent's id */
        id: string;
        action: 'start' | 'stop' | 'pause' | 'resume';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AgentView'];
        };
      };
      /** @description A parameter is not valid (named in `fields`), e.g. an id that is not a UUID */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token grants neither the service role nor a vendor, or not this action */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Unknown agent, or an action that does not exist */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Not allowed in the current status; `allowed` lists what is */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its RATE_LIMIT_PER_MINUTE requests this minute */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The engine cannot reach its database or Redis right now, or a dependency is not set */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  LifecycleController_audit: {
    parameters: {
      query?: {
        limit?: number;
        /** @description The next_cursor of the previous page */
        after?: string;
      };
      header?: never;
      path: {
        /** @description The agent's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AgentAuditView'];
        };
      };
      /** @description A parameter is not valid (named in `fields`), e.g. an id that is not a UUID */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token grants neither the service role nor a vendor, or not this action */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No agent with this id that the token may see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its RATE_LIMIT_PER_MINUTE requests this minute */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The engine cannot reach its database or Redis right now, or a dependency is not set */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ProvisioningController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The operation's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "provisioning_id": "9b1e7c42-5a3d-4e8f-b6c1-2d4f8a0e7b13",
           *       "status": "completed",
           *       "agent_id": "3f2b9c1e-8d4a-4f6b-9a2e-1c7d5e0f4a21",
           *       "percent": 100,
           *       "steps": [
           *         {
           *           "name": "aws_connect",
           *           "status": "completed",
           *           "channels": [
           *             "voice"
           *           ],
           *           "attempts": 1,
           *           "max_attempts": 5,
           *           "duration_ms": 221,
           *           "detail": "claiming +16395550170"
           *         },
           *         {
           *           "name": "elizaos",
           *           "status": "completed",
           *           "channels": [
           *             "instagram",
           *             "whatsapp",
           *             "facebook",
           *             "twitter"
           *           ],
           *           "attempts": 1,
           *           "max_attempts": 5,
           *           "duration_ms": 412,
           *           "detail": "runtime ready (character v1)"
           *         },
           *         {
           *           "name": "context",
           *           "status": "completed",
           *           "channels": [
           *             "instagram",
           *             "whatsapp",
           *             "facebook",
           *             "twitter",
           *             "voice"
           *           ],
           *           "attempts": 1,
           *           "max_attempts": 5,
           *           "duration_ms": 91
           *         },
           *         {
           *           "name": "finalize",
           *           "status": "completed",
           *           "channels": [],
           *           "attempts": 1,
           *           "max_attempts": 5,
           *           "duration_ms": 11
           *         }
           *       ],
           *       "created_at": "2026-12-01T01:20:04.561Z",
           *       "started_at": "2026-12-01T01:20:04.638Z",
           *       "finished_at": "2026-12-01T01:20:05.383Z",
           *       "agent_config": {
           *         "id": "3f2b9c1e-8d4a-4f6b-9a2e-1c7d5e0f4a21",
           *         "name": "Cozy Comfort Bedding Agent",
           *         "status": "active",
           *         "channels": [
           *           {
           *             "channel_type": "voice",
           *             "status": "active",
           *             "phone_number": "+16395550170",
           *             "aws_connect_instance_id": "arn:aws:connect:us-east-1:123456789012:instance/fda57c7d-8ded-4189-ada9-5675a098649b",
           *             "credentials_configured": false
           *           },
           *           {
           *             "channel_type": "whatsapp",
           *             "status": "pending_configuration",
           *             "elizaos_agent_id": "6db3e548-a645-58bc-8cc8-2d6dea8b5e2d",
           *             "webhook_url": "https://engine.example.com/api/v1/webhooks/meta",
           *             "credentials_configured": false,
           *             "error": "whatsapp needs the business's account before it can receive or answer messages: supply channel_credentials.whatsapp.phone_number_id and channel_credentials.whatsapp.access_token with PUT /api/v1/agents/{id}"
           *           },
           *           {
           *             "channel_type": "instagram",
           *             "status": "pending_configuration",
           *             "elizaos_agent_id": "6db3e548-a645-58bc-8cc8-2d6dea8b5e2d",
           *             "webhook_url": "https://engine.example.com/api/v1/webhooks/meta",
           *             "credentials_configured": false,
           *             "error": "instagram needs the business's account before it can receive or answer messages: supply channel_credentials.instagram.account_id and channel_credentials.instagram.access_token with PUT /api/v1/agents/{id}"
           *           },
           *           {
           *             "channel_type": "facebook",
           *             "status": "pending_configuration",
           *             "elizaos_agent_id": "6db3e548-a645-58bc-8cc8-2d6dea8b5e2d",
           *             "webhook_url": "https://engine.example.com/api/v1/webhooks/meta",
           *             "credentials_configured": false,
           *             "error": "facebook needs the business's account before it can receive or answer messages: supply channel_credentials.facebook.page_id and channel_credentials.facebook.access_token with PUT /api/v1/agents/{id}"
           *           },
           *           {
           *             "channel_type": "twitter",
           *             "status": "pending_configuration",
           *             "elizaos_agent_id": "6db3e548-a645-58bc-8cc8-2d6dea8b5e2d",
           *             "webhook_url": "https://engine.example.com/api/v1/webhooks/twitter",
           *             "credentials_configured": false,
           *             "error": "twitter needs the business's account before it can receive or answer messages: supply channel_credentials.twitter.user_id and channel_credentials.twitter.access_token with PUT /api/v1/agents/{id}"
           *           }
           *         ],
           *         "provisioning_complete": true
           *       }
           *     }
           */
          'application/json': components['schemas']['ProvisioningStatusView'];
        };
      };
      /** @description A parameter is not valid (named in `fields`), e.g. an id that is not a UUID */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token grants neither the service role nor a vendor, or not this action */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No operation with this id that the token may see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its RATE_LIMIT_PER_MINUTE requests this minute */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The engine cannot reach its database or Redis right now, or a dependency is not set */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ProvisioningController_retry: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The operation's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProvisioningAcceptedView'];
        };
      };
      /** @description A parameter is not valid (named in `fields`), e.g. an id that is not a UUID */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token grants neither the service role nor a vendor, or not this action */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No operation with this id that the token may see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The operation did not fail, is not the latest, or is a deletion */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its requests this minute, or the vendor has MAX_OPERATIONS_PER_VENDOR running */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The engine cannot reach its database or Redis right now, or a dependency is not set */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ProvisioningController_cancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The operation's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProvisioningAcceptedView'];
        };
      };
      /** @description A parameter is not valid (named in `fields`), e.g. an id that is not a UUID */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token grants neither the service role nor a vendor, or not this action */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No operation with this id that the token may see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The operation has ended, or is an update or a deletion */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its RATE_LIMIT_PER_MINUTE requests this minute */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The engine cannot reach its database or Redis right now, or a dependency is not set */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ProvisioningController_events: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The operation's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One `progress` event per change, its data the same view as GET /api/v1/provisioning/{id} */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': string;
        };
      };
      /** @description A parameter is not valid (named in `fields`), e.g. an id that is not a UUID */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token grants neither the service role nor a vendor, or not this action */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No operation with this id that the token may see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its requests this minute, or has SSE_STREAMS_PER_TOKEN streams open already */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The engine cannot reach its database or Redis right now, or a dependency is not set */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  AgentOperationsController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description The next_cursor of the previous page */
        before?: string;
      };
      header?: never;
      path: {
        /** @description The agent's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OperationPageView'];
        };
      };
      /** @description A parameter is not valid (named in `fields`), e.g. an id that is not a UUID */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token grants neither the service role nor a vendor, or not this action */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No agent with this id that the token may see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its RATE_LIMIT_PER_MINUTE requests this minute */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The engine cannot reach its database or Redis right now, or a dependency is not set */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  StuckWorkController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': Record<string, never>;
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description A vendor token, or one that grants neither the service role nor a vendor */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its RATE_LIMIT_PER_MINUTE requests this minute */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The engine cannot reach its database or Redis right now, or a dependency is not set */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  WebhookKeysController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The agent's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookKeyView'];
        };
      };
      /** @description A parameter is not valid (named in `fields`), e.g. an id that is not a UUID */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token grants neither the service role nor a vendor, or not this action */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No agent with this id that the token may see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its RATE_LIMIT_PER_MINUTE requests this minute */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The generic webhook is not configured (WEBHOOK_SECRET), or the database cannot be reached */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  WebhookKeysController_rotate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The agent's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookKeyView'];
        };
      };
      /** @description A parameter is not valid (named in `fields`), e.g. an id that is not a UUID */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token grants neither the service role nor a vendor, or not this action */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No agent with this id that the token may see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its RATE_LIMIT_PER_MINUTE requests this minute */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The generic webhook is not configured (WEBHOOK_SECRET), or the database cannot be reached */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ConnectKeyController_connect: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConnectKeyView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token grants neither the service role nor a vendor, or not this action */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its RATE_LIMIT_PER_MINUTE requests this minute */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The Connect webhook is not configured (WEBHOOK_SECRET) */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CustomersController_conversations: {
    parameters: {
      query?: {
        limit?: number;
        skip?: number;
      };
      header?: never;
      path: {
        /** @description The agent's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConversationPageView'];
        };
      };
      /** @description A parameter is not valid (named in `fields`), e.g. an id that is not a UUID */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token grants neither the service role nor a vendor, or not this action */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No agent with this id that the token may see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its RATE_LIMIT_PER_MINUTE requests this minute */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The engine cannot reach its database or Redis right now, or a dependency is not set */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CustomersController_context: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The agent's id */
        id: string;
        /** @description The customer's id */
        customerId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CustomerContextView'];
        };
      };
      /** @description A parameter is not valid (named in `fields`), e.g. an id that is not a UUID */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token grants neither the service role nor a vendor, or not this action */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /**
       * @description No agent the token may see, or no such customer of it
       *
       *     No customer with this id that the token may see
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its RATE_LIMIT_PER_MINUTE requests this minute */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The engine cannot reach its database or Redis right now, or a dependency is not set */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CustomersController_link: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The agent's id */
        id: string;
        /** @description The customer's id */
        customerId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LinkIdentityDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CustomerContextView'];
        };
      };
      /**
       * @description The body is not valid JSON, or a field is not valid (named in `fields`)
       *
       *     A parameter is not valid (named in `fields`), e.g. an id that is not a UUID
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token grants neither the service role nor a vendor, or not this action */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /**
       * @description No agent the token may see, no such customer of it, or no such identity of its customers
       *
       *     No customer with this id that the token may see
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The body is larger than HTTP_BODY_LIMIT */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The body has a Content-Encoding or charset the API does not read */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its RATE_LIMIT_PER_MINUTE requests this minute */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The engine cannot reach its database or Redis right now, or a dependency is not set */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CustomersController_unlink: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The agent's id */
        id: string;
        /** @description The customer's id */
        customerId: string;
        /** @description The identity's id */
        identityId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CustomerContextView'];
        };
      };
      /**
       * @description A parameter is not valid (named in `fields`), e.g. an id that is not a UUID
       *
       *     A parameter is not valid (named in `fields`), e.g. an id that is not a UUID
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token grants neither the service role nor a vendor, or not this action */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /**
       * @description No agent the token may see, no such customer of it, or an identity not linked to the customer
       *
       *     No identity with this id that the token may see
       *
       *     No customer with this id that the token may see
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The identity was first seen as this customer: there is nothing to undo */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its RATE_LIMIT_PER_MINUTE requests this minute */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The engine cannot reach its database or Redis right now, or a dependency is not set */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CustomersController_export: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The agent's id */
        id: string;
        /** @description The customer's id */
        customerId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CustomerExportView'];
        };
      };
      /** @description A parameter is not valid (named in `fields`), e.g. an id that is not a UUID */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token grants neither the service role nor a vendor, or not this action */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /**
       * @description No agent the token may see, or no such customer of it
       *
       *     No customer with this id that the token may see
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its RATE_LIMIT_PER_MINUTE requests this minute */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The engine cannot reach its database or Redis right now, or a dependency is not set */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CustomersController_erase: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The agent's id */
        id: string;
        /** @description The customer's id */
        customerId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CustomerErasedView'];
        };
      };
      /** @description A parameter is not valid (named in `fields`), e.g. an id that is not a UUID */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token grants neither the service role nor a vendor, or not this action */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /**
       * @description No agent the token may see, or no such customer of it
       *
       *     No customer with this id that the token may see
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description One of the customer's messages is being answered right now; Retry-After says when to try again */
      409: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its RATE_LIMIT_PER_MINUTE requests this minute */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The engine cannot reach its database or Redis right now, or a dependency is not set */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  HandoffsController_list: {
    parameters: {
      query?: {
        limit?: number;
        state?: 'open' | 'resolved';
        /** @description Service tokens only; a vendor token may only name its own vendor */
        vendor_id?: string;
        agent_id?: string;
        channel?: 'voice' | 'sms' | 'whatsapp' | 'instagram' | 'facebook' | 'twitter' | 'telegram';
        /** @description The next_cursor of the previous page */
        after?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HandoffPageView'];
        };
      };
      /** @description A query parameter is not valid (named in `fields`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token grants neither the service role nor a vendor, or not this action */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description A vendor token naming another vendor in vendor_id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its RATE_LIMIT_PER_MINUTE requests this minute */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The engine cannot reach its database or Redis right now, or a dependency is not set */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  HandoffsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The handoff's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HandoffView'];
        };
      };
      /** @description A parameter is not valid (named in `fields`), e.g. an id that is not a UUID */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token grants neither the service role nor a vendor, or not this action */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No handoff with this id that the token may see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its RATE_LIMIT_PER_MINUTE requests this minute */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The engine cannot reach its database or Redis right now, or a dependency is not set */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  HandoffsController_reply: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The handoff's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['HandoffReplyDto'];
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HandoffReplyView'];
        };
      };
      /**
       * @description The body is not valid JSON, or a field is not valid (named in `fields`)
       *
       *     A parameter is not valid (named in `fields`), e.g. an id that is not a UUID
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token grants neither the service role nor a vendor, or not this action */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No handoff with this id that the token may see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The hand-off is resolved, its channel is a call, or the customer has no message to answer there */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The body is larger than HTTP_BODY_LIMIT */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The body has a Content-Encoding or charset the API does not read */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its RATE_LIMIT_PER_MINUTE requests this minute */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The reply could not be queued, or the database cannot be reached; send it again shortly */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  HandoffsController_resolve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The handoff's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HandoffView'];
        };
      };
      /** @description A parameter is not valid (named in `fields`), e.g. an id that is not a UUID */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token grants neither the service role nor a vendor, or not this action */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No handoff with this id that the token may see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its RATE_LIMIT_PER_MINUTE requests this minute */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The engine cannot reach its database or Redis right now, or a dependency is not set */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  EventEndpointsController_list: {
    parameters: {
      query?: {
        /** @description Service tokens only */
        vendor_id?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EventEndpointPageView'];
        };
      };
      /** @description vendor_id is not a vendor id */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token grants neither the service role nor a vendor, or not this action */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description A vendor token naming another vendor in vendor_id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its RATE_LIMIT_PER_MINUTE requests this minute */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The engine cannot reach its database or Redis right now, or a dependency is not set */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  EventEndpointsController_register: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateEventEndpointDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EventEndpointCreatedView'];
        };
      };
      /** @description The body is not valid JSON, or a field is not valid (named in `fields`), e.g. a URL it may not call */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token grants neither the service role nor a vendor, or not this action */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The vendor has the most endpoints it may register */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The body is larger than HTTP_BODY_LIMIT */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The body has a Content-Encoding or charset the API does not read */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its RATE_LIMIT_PER_MINUTE requests this minute */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The URL could not be checked now (DNS), or the database cannot be reached; try again */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  EventEndpointsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The event endpoint's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EventEndpointView'];
        };
      };
      /** @description A parameter is not valid (named in `fields`), e.g. an id that is not a UUID */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token grants neither the service role nor a vendor, or not this action */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No event endpoint with this id that the token may see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its RATE_LIMIT_PER_MINUTE requests this minute */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The engine cannot reach its database or Redis right now, or a dependency is not set */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  EventEndpointsController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The event endpoint's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EventEndpointView'];
        };
      };
      /** @description A parameter is not valid (named in `fields`), e.g. an id that is not a UUID */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token grants neither the service role nor a vendor, or not this action */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No event endpoint with this id that the token may see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its RATE_LIMIT_PER_MINUTE requests this minute */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The engine cannot reach its database or Redis right now, or a dependency is not set */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  EventEndpointsController_deliveries: {
    parameters: {
      query?: {
        limit?: number;
        status?: 'pending' | 'delivered' | 'failed';
        /** @description The next_cursor of the previous page */
        before?: string;
      };
      header?: never;
      path: {
        /** @description The event endpoint's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EventDeliveryPageView'];
        };
      };
      /** @description A parameter is not valid (named in `fields`), e.g. an id that is not a UUID */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No bearer token, or one that is malformed, badly signed, expired or lives too long */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token grants neither the service role nor a vendor, or not this action */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No event endpoint with this id that the token may see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The token has used its RATE_LIMIT_PER_MINUTE requests this minute */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The engine cannot reach its database or Redis right now, or a dependency is not set */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  MetaWebhookController_handshake: {
    parameters: {
      query: {
        'hub.mode': unknown;
        /** @description Must equal META_VERIFY_TOKEN */
        'hub.verify_token': unknown;
        'hub.challenge': unknown;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description hub.challenge, as text */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/plain': string;
        };
      };
      /** @description A query value nested too deeply, or with text the engine cannot store */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description hub.verify_token does not match */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description This webhook is not configured (META_VERIFY_TOKEN) */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  MetaWebhookController_receive: {
    parameters: {
      query?: never;
      header: {
        /** @description HMAC-SHA256 of the raw body with META_APP_SECRET */
        'X-Hub-Signature-256': string;
      };
      path?: never;
      cookie?: never;
    };
    /** @description A WhatsApp, Messenger (page) or Instagram delivery */
    requestBody: {
      content: {
        'application/json': Record<string, never>;
      };
    };
    responses: {
      /** @description Events recorded and queued, and events skipped (echoes, reactions, ...) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "received": 1,
           *       "skipped": 0
           *     }
           */
          'application/json': components['schemas']['WebhookReceivedView'];
        };
      };
      /** @description The body is not valid JSON, or a payload that is not a Meta delivery, naming the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description A missing or wrong signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The body is larger than HTTP_BODY_LIMIT */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The body has a Content-Encoding or charset the API does not read */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description This webhook is not configured (META_APP_SECRET), or the engine cannot record messages right now */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  XWebhookController_handshake: {
    parameters: {
      query: {
        crc_token: unknown;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            response_token: string;
          };
        };
      };
      /** @description crc_token is missing or not a token X would send */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description More than 20 checks a minute from one address */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description This webhook is not configured (X_CONSUMER_SECRET) */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  XWebhookController_receive: {
    parameters: {
      query?: never;
      header: {
        /** @description base64 HMAC-SHA256 of the raw body with X_CONSUMER_SECRET */
        'x-twitter-webhooks-signature': string;
      };
      path?: never;
      cookie?: never;
    };
    /** @description An Account Activity delivery; only direct messages are answered */
    requestBody: {
      content: {
        'application/json': Record<string, never>;
      };
    };
    responses: {
      /** @description Events recorded and queued, and events skipped (echoes, reactions, ...) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "received": 1,
           *       "skipped": 0
           *     }
           */
          'application/json': components['schemas']['WebhookReceivedView'];
        };
      };
      /** @description The body is not valid JSON, or a payload that is not an X delivery, naming the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description A missing or wrong signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The body is larger than HTTP_BODY_LIMIT */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The body has a Content-Encoding or charset the API does not read */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description This webhook is not configured (X_CONSUMER_SECRET), or the engine cannot record messages right now */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  TelegramWebhookController_receive: {
    parameters: {
      query?: never;
      header: {
        /** @description The bot's secret token, derived from WEBHOOK_SECRET and given to setWebhook */
        'X-Telegram-Bot-Api-Secret-Token': string;
      };
      path: {
        /** @description The bot's id */
        account: unknown;
      };
      cookie?: never;
    };
    /** @description A Telegram Update; messages in private chats are answered */
    requestBody: {
      content: {
        'application/json': Record<string, never>;
      };
    };
    responses: {
      /** @description Events recorded and queued, and events skipped (echoes, reactions, ...) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "received": 1,
           *       "skipped": 0
           *     }
           */
          'application/json': components['schemas']['WebhookReceivedView'];
        };
      };
      /** @description The body is not valid JSON, or not a Telegram Update, naming the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description A missing or wrong signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The body is larger than HTTP_BODY_LIMIT */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The body has a Content-Encoding or charset the API does not read */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description This webhook is not configured (WEBHOOK_SECRET), or the engine cannot record messages right now */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ConnectWebhookController_turn: {
    parameters: {
      query?: never;
      header: {
        /** @description Unix seconds; at most five minutes from our clock */
        'X-Voca-Timestamp': string;
        /** @description hex HMAC-SHA256 of "<timestamp>.<raw body>" with the key of the caller: the voice Lambda's (Connect), or the agent's own (generic: GET /api/v1/agents/{id}/webhook-key) */
        'X-Voca-Signature': string;
      };
      path?: never;
      cookie?: never;
    };
    /** @description One voice or SMS turn */
    requestBody: {
      content: {
        'application/json':
          components['schemas']['ConnectTurnRequestView'] | components['schemas']['ConnectMessageRequestView'];
      };
    };
    responses: {
      /** @description The Lambda's turn is answered {reply, action}, the spec's message {message, agent_id, channel, tts_ready, action}; `action` is continue, transfer (to the queue) or end */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['ConnectTurnReplyView'] | components['schemas']['ConnectMessageReplyView'];
        };
      };
      /** @description The body is not valid JSON, or not a turn: the field at fault is named */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description A missing, wrong or stale signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The spec's message names an agent without that channel */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The body is larger than HTTP_BODY_LIMIT */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The body has a Content-Encoding or charset the API does not read */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description This webhook is not configured (WEBHOOK_SECRET), or the engine cannot record messages right now */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ElizaosWebhookController_receive: {
    parameters: {
      query?: never;
      header: {
        /** @description Unix seconds; at most five minutes from our clock */
        'X-Voca-Timestamp': string;
        /** @description hex HMAC-SHA256 of "<timestamp>.<raw body>" with the key of the caller: the voice Lambda's (Connect), or the agent's own (generic: GET /api/v1/agents/{id}/webhook-key) */
        'X-Voca-Signature': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ElizaosWebhookDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ElizaosWebhookReply'];
        };
      };
      /** @description Recorded; the reply will go out on the platform */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ElizaosWebhookReply'];
        };
      };
      /** @description The body is not valid JSON, a field is not valid (named in `fields`), or agent_id is not a UUID */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description A missing, wrong or stale signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The agent has no channel on that platform */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The body is larger than HTTP_BODY_LIMIT */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The body has a Content-Encoding or charset the API does not read */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An unexpected error; the log has it under its request_id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description This webhook is not configured (WEBHOOK_SECRET), or the engine cannot record messages right now */
      503: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
}
