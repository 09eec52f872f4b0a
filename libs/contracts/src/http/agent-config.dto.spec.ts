import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { ProvisionAgentRequestDto } from './agent-config.dto.js';

const strict = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };

function errorsOf(body: unknown) {
  return validateSync(plainToInstance(ProvisionAgentRequestDto, body), strict);
}

const minimal = { vendor_id: 'v1', agent_config: { name: 'Shop', business_type: 'other', channels: ['sms'] } };

describe('ProvisionAgentRequestDto', () => {
  it('accepts the smallest valid request', () => {
    expect(errorsOf(minimal)).toEqual([]);
  });

  it('accepts credentials for the channels the agent has', () => {
    const body = {
      ...minimal,
      agent_config: {
        ...minimal.agent_config,
        channels: ['whatsapp', 'twitter'],
        channel_credentials: {
          whatsapp: { phone_number_id: '1065', access_token: 'EAAG12345' },
          twitter: { user_id: '145', access_token: 'oauth2-user-token' },
        },
      },
    };
    expect(errorsOf(body)).toEqual([]);
  });

  it('refuses nested objects given as arrays or strings', () => {
    for (const character_config of [['friendly'], 'friendly']) {
      const errors = errorsOf({ ...minimal, agent_config: { ...minimal.agent_config, character_config } });
      expect(errors[0]!.children![0]!.property).toBe('character_config');
    }
  });

  it('refuses credentials for a channel the agent does not have, naming it', () => {
    const errors = errorsOf({
      ...minimal,
      agent_config: {
        ...minimal.agent_config,
        channel_credentials: { instagram: { account_id: '178', access_token: 'abcdefgh' } },
      },
    });
    const credentials = errors[0]!.children!.find((child) => child.property === 'channel_credentials')!;
    expect(Object.values(credentials.constraints!)[0]).toMatch(/instagram/);
  });
});
