import type { BusinessType } from './channels.js';
import type {
  BusinessContextDto,
  CharacterConfigDto,
  FaqDto,
  OpeningHoursDto,
  PoliciesDto,
} from './http/business-profile.dto.js';

/** The profile exactly as the request gave it (and as the API returns it). */
export interface SubmittedProfile {
  name: string;
  description: string | null;
  business_type: BusinessType;
  character_config: CharacterConfigDto;
  context: BusinessContextDto;
}

export interface Product {
  name: string;
  description?: string;
  price?: number;
}

/** How the business is reached; `text` is the spec's free-text `contact_info` when it is not a phone or an email. */
export interface ContactDetails {
  phone?: string;
  email?: string;
  address?: string;
  text?: string;
}

/**
 * The business profile as the engine uses it: the spec's fields and the engine's extensions, wherever the request
 * put them, resolved into one shape by `resolveBusinessProfile` (libs/business). Everything that speaks for the
 * business (the character, the offline model, the Connect flow, the shared context) reads this, never the request.
 */
export interface BusinessProfile {
  /** The business the agent speaks for: `character_config.business_name`, else the agent's name. */
  name: string;
  description: string | null;
  business_type: BusinessType;
  voice: {
    /** The tone as given (`friendly_helpful`, `warm and professional`, ...). */
    tone?: string;
    personality?: string;
    language?: string;
    response_style?: string;
    greeting?: string;
    /** The Amazon Polly voice it speaks with on the phone (`character_config.voice`). */
    speech_voice?: string;
  };
  /** Identifiers already spoken as words ("bedding sets"). */
  products: Product[];
  specialties: string[];
  store_hours?: string;
  timezone?: string;
  opening_hours?: OpeningHoursDto[];
  policies: PoliciesDto;
  contact: ContactDetails;
  website?: string;
  /** Statements the agent may quote, named ones as "Label: text". */
  knowledge: string[];
  faqs: FaqDto[];
  /** Hand a customer who sends only media (a photo, a voice note...) to a person. */
  media_handoff?: boolean;
}
