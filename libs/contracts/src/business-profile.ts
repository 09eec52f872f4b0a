import type { BusinessType } from './channels.js';
import type { BusinessContextDto, CharacterConfigDto } from './http/business-profile.dto.js';

/** The business profile as the context step records it: everything an agent's personality is built from. */
export interface BusinessProfile {
  name: string;
  description: string | null;
  business_type: BusinessType;
  character_config: CharacterConfigDto;
  context: BusinessContextDto;
}
