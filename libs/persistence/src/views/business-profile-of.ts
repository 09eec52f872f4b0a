import type { BusinessProfile } from '@voca/contracts';
import type { Agent } from '../entities/agent.entity.js';

/** The business profile recorded on an agent, as the provisioning steps consume it. */
export function businessProfileOf(agent: Agent): BusinessProfile {
  return {
    name: agent.name,
    description: agent.description,
    business_type: agent.businessType,
    character_config: agent.characterConfig,
    context: agent.context,
  };
}
