import { resolveBusinessProfile } from '@voca/business';
import type { BusinessProfile } from '@voca/contracts';
import type { Agent } from '../entities/agent.entity.js';

/** The business profile an agent speaks from, resolved from the profile as it was submitted. */
export function businessProfileOf(agent: Agent): BusinessProfile {
  return resolveBusinessProfile({
    name: agent.name,
    description: agent.description,
    business_type: agent.businessType,
    character_config: agent.characterConfig,
    context: agent.context,
  });
}
