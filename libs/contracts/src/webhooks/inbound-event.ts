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
  /** The customer's words; for a photo, video or document, its caption (empty when it has none). */
  text: string;
  /** What the customer sent besides words (photos, voice notes, stickers, locations...), as references. */
  media?: InboundMedia[];
  /** When the customer sent it, ISO 8601. */
  sentAt: string;
}

export const MEDIA_TYPES = ['image', 'audio', 'video', 'document', 'sticker', 'location', 'contacts', 'share'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

/**
 * A reference to something a customer sent that is not text. The engine keeps the reference, never the content: the
 * business fetches it from the platform with its own token (WhatsApp and X media ids) or its URL (Messenger and
 * Instagram, short-lived).
 */
export interface InboundMedia {
  type: MediaType;
  /** The platform's id of the media (WhatsApp media id, X media id). */
  id?: string;
  url?: string;
  mime_type?: string;
  filename?: string;
  /** A voice note (recorded in the chat) rather than an audio file. */
  voice?: boolean;
  /** A shared location. */
  latitude?: number;
  longitude?: number;
  name?: string;
  address?: string;
  /** Shared contact cards: each name and phone numbers. */
  contacts?: { name: string; phones: string[] }[];
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

/**
 * Why a webhook payload produced no event for some entry (logged, acknowledged, never answered). `malformed`: the
 * item is not the shape the platform documents (a field missing or of the wrong type); the rest of its delivery is
 * still read.
 */
export type SkippedReason = 'echo' | 'own_message' | 'unsupported_type' | 'empty' | 'malformed';

export interface ParsedWebhook {
  events: InboundEvent[];
  skipped: { reason: SkippedReason; detail?: string }[];
}
