import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { specExample } from '../../../../test/support/spec-examples.js';
import { CreateAgentRequestDto, ProvisionAgentRequestDto } from './agent-config.dto.js';

const strict = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };

function errorsOf(body: unknown) {
  return validateSync(plainToInstance(ProvisionAgentRequestDto, body), strict);
}

const minimal = { vendor_id: 'v1', agent_config: { name: 'Shop', business_type: 'other', channels: ['sms'] } };

/** Every field path and message of a refused body, flattened. */
function problemsOf(body: unknown): string[] {
  const walk = (errors: ReturnType<typeof errorsOf>, parent: string): string[] =>
    errors.flatMap((error) => {
      const field = parent ? `${parent}.${error.property}` : error.property;
      return [
        ...Object.values(error.constraints ?? {}).map((m) => `${field}: ${m}`),
        ...walk(error.children ?? [], field),
      ];
    });
  return walk(errorsOf(body), '');
}

const withProfile = (character_config: object, context: object = {}) => ({
  ...minimal,
  agent_config: { ...minimal.agent_config, character_config, context },
});

describe('ProvisionAgentRequestDto', () => {
  it("takes a Polly voice of the agent's language and names the voices of that language otherwise", () => {
    expect(problemsOf(withProfile({ voice: 'Matthew' }))).toEqual([]);
    expect(problemsOf(withProfile({ language: 'es-MX', voice: 'Lupe' }))).toEqual([]);
    expect(problemsOf(withProfile({ language: 'es', voice: 'Joanna' }))).toEqual([
      'agent_config.character_config.voice: voice must be one of the es-US voices: Lupe',
    ]);
    expect(problemsOf(withProfile({ language: 'ja', voice: 'Takumi' }))).toEqual([
      'agent_config.character_config.voice: voice needs a language the engine speaks on the phone (en, es, fr, de, it, pt); ja is not one',
    ]);
  });

  it('refuses a voice agent in a language the engine does not speak on the phone, naming the ones it does', () => {
    const agent = (channels: string[], language: string) => ({
      ...minimal,
      agent_config: { ...minimal.agent_config, channels, character_config: { language } },
    });
    expect(problemsOf(agent(['voice', 'whatsapp'], 'es-MX'))).toEqual([]);
    expect(problemsOf(agent(['whatsapp'], 'ja'))).toEqual([]);
    expect(problemsOf(agent(['voice'], 'ja'))).toEqual([
      'agent_config.character_config: character_config.language: ja is not a language the engine speaks on the phone; an agent with the voice channel speaks one of: en, es, fr, de, it, pt',
    ]);
  });

  it.each([[], 42, {}])('names a language of the wrong type (%j) without failing on it', (language) => {
    const body = {
      ...minimal,
      agent_config: { ...minimal.agent_config, channels: ['voice'], character_config: { language, voice: 'Joanna' } },
    };
    expect(problemsOf(body).some((problem) => problem.startsWith('agent_config.character_config.language: '))).toBe(
      true,
    );
  });

  it('accepts the smallest valid request', () => {
    expect(errorsOf(minimal)).toEqual([]);
  });

  it("accepts the spec's provisioning and creation requests verbatim", () => {
    expect(problemsOf(specExample('provision-request'))).toEqual([]);
    const create = validateSync(plainToInstance(CreateAgentRequestDto, specExample('create-agent-request')), strict);
    expect(create).toEqual([]);
  });

  it('accepts products as identifiers or objects, and knowledge as named facts or statements, in either place', () => {
    const body = withProfile(
      { products: ['duvets', { name: 'Silk Pillowcase', price: 35 }], knowledge_base: ['Wash cold.'] },
      { products: ['throws'], knowledge_base: { care: 'Wash cold' }, website: 'https://cozy.example/shop' },
    );
    expect(problemsOf(body)).toEqual([]);
  });

  it('names the entry at fault in a product list, a knowledge base or a website', () => {
    expect(problemsOf(withProfile({ products: ['ok', { name: 'X', price: -1 }] }))).toEqual([
      'agent_config.character_config.products: products.1.price: price must not be less than 0',
    ]);
    expect(problemsOf(withProfile({ products: [{ name: 'X', colour: 'red' }] }))).toEqual([
      'agent_config.character_config.products: products.0.colour: property colour should not exist',
    ]);
    expect(problemsOf(withProfile({ products: [''] }))).toEqual([
      'agent_config.character_config.products: products.0: an identifier must be between 1 and 200 characters long',
    ]);
    expect(problemsOf(withProfile({ knowledge_base: { return_policy: 30 } }))).toEqual([
      'agent_config.character_config.knowledge_base: knowledge_base.return_policy: must be a string',
    ]);
    expect(problemsOf(withProfile({ knowledge_base: 'returns in 30 days' }))[0]).toMatch(
      /knowledge_base must be an object of named facts/,
    );
    expect(problemsOf(withProfile({}, { website: 'not a website' }))).toEqual([
      'agent_config.context.website: website must be a website: a domain such as example.com or an http(s) URL',
    ]);
  });

  it('still refuses unknown fields, naming them', () => {
    expect(problemsOf(withProfile({ business_nam: 'Typo' }))).toEqual([
      'agent_config.character_config.business_nam: property business_nam should not exist',
    ]);
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
