import type { Channel } from '../channels.js';

/**
 * What a platform webhook delivered, normalised. Parsers of each platform's native payload (Meta: WhatsApp Cloud
 * API, Messenger, Instagram; X Account Activity; the Connect Lambda) produce these; the gateway records and routes
 * them. One webhook call may carry several events.
 */
export type InboundEvent = InboundMessageEvent | DeliveryStatusEvent;

export interface InboundMessageEvent {
  kind: 'message';
  channel: Channel;
  /**
   * The business-side id the message was sent to, which routes it to an agent: WhatsApp `metadata.phone_number_id`,
   * the Page id (Messenger), the Instagram account id, X `for_user_id`, or the dialed E.164 number (voice, sms).
   */
  businessAccountId: string;
  /** The platform's id of the message (wamid, mid, X event id...): duplicates share it. */
  platformMessageId: string;
  sender: {
    /** The customer's id on the platform: WhatsApp wa_id or business-scoped user id, PSID, IGSID, X user id, E.164. */
    id: string;
    name?: string;
    /** E.164, when the platform reveals it (WhatsApp wa_id, caller number); links identities across channels. */
    phone?: string;
  };
  text: string;
  /** When the customer sent it, ISO 8601. */
  sentAt: string;
}

export interface DeliveryStatusEvent {
  kind: 'status';
  channel: Channel;
  businessAccountId: string;
  /** The id the platform gave our outbound message when we sent it. */
  platformMessageId: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  at: string;
  /** The platform's reason, for failures. */
  error?: string;
}

/** Why a webhook payload produced no event for some entry (logged, acknowledged, never answered). */
export type SkippedReason = 'echo' | 'own_message' | 'unsupported_type' | 'empty';

export interface ParsedWebhook {
  events: InboundEvent[];
  skipped: { reason: SkippedReason; detail?: string }[];
}
