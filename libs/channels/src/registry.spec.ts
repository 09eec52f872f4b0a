import { CHANNELS, CONNECT_CHANNELS, SOCIAL_CHANNELS } from '@voca/contracts';
import { getMetadataStorage } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CREDENTIAL_DTOS } from './credentials/index.js';
import {
  CHANNEL_ADAPTERS,
  CHANNEL_SETTINGS,
  mergeSettings,
  NO_SECRETS,
  webhookDoors,
  webhookPathOf,
} from './registry.js';
import type { ChannelAdapter } from './channel-adapter.js';

const OPTIONS = {
  timeoutMs: 1_000,
  webhookUrlOf: (accountId: string) => `https://engine.example.com/${accountId}`,
  secrets: NO_SECRETS,
};
const adapters = Object.entries(CHANNEL_ADAPTERS) as [string, ChannelAdapter][];

describe('the channel registry', () => {
  it('has exactly one adapter for every messaging channel of the contracts, under its own name', () => {
    expect(Object.keys(CHANNEL_ADAPTERS).sort()).toEqual([...SOCIAL_CHANNELS].sort());
    for (const [channel, adapter] of adapters) expect(adapter.channel).toBe(channel);
    // Every channel is either Amazon Connect's or an adapter's, never both, never neither.
    expect([...CONNECT_CHANNELS, ...SOCIAL_CHANNELS].sort()).toEqual([...CHANNELS].sort());
  });

  describe.each(adapters)('the %s adapter', (channel, adapter) => {
    it('names itself, its ElizaOS plugin and its reply window', () => {
      expect(adapter.displayName).toMatch(/\S/);
      expect(adapter.elizaPlugin).toMatch(/^@elizaos\/plugin-[a-z]+$/);
      expect(adapter.replyWindowMs === undefined || adapter.replyWindowMs > 0).toBe(true);
      expect(['either', 'engine']).toContain(adapter.webhookSetBy);
    });

    it('declares its settings, each with a default or optional, so an engine without the channel still starts', () => {
      expect(Object.keys(adapter.settings).length).toBeGreaterThan(0);
      for (const [name, declaration] of Object.entries(adapter.settings)) {
        expect(name).toMatch(/^[A-Z][A-Z0-9_]*$/);
        expect((declaration as z.ZodType).safeParse(undefined).success, name).toBe(true);
      }
    });

    it('has a credential class validated field by field, listed in the credentials the API takes', () => {
      const { dto, required, secretField } = adapter.credentials;
      expect(CREDENTIAL_DTOS[channel as keyof typeof CREDENTIAL_DTOS]).toBe(dto);
      const validated = new Set(
        getMetadataStorage()
          .getTargetValidationMetadatas(dto, '', true, false)
          .map((rule) => rule.propertyName),
      );
      for (const field of required) expect(validated.has(field), field).toBe(true);
      expect(required).toContain(secretField);
    });

    it('reads its credentials: the routing id, the token, the subscribed node', () => {
      const { credentials } = adapter;
      // Each field as its OpenAPI example shows it, or a stand-in.
      const exampleOf = (field: string) =>
        (Reflect.getMetadata('swagger/apiModelProperties', credentials.dto.prototype, field) as { example?: string })
          ?.example ?? `${field}-value`;
      const given = Object.fromEntries(credentials.required.map((field) => [field, exampleOf(field)]));
      const accountId = credentials.accountIdOf(given);
      expect(accountId).toMatch(/^\S+$/);
      expect(credentials.tokenOf(given)).toBe(given[credentials.secretField]);
      expect(credentials.subscriptionAccountOf(given, accountId!)).toBeDefined();
      expect(credentials.movesSubscription(given, given)).toBe(false);
    });

    it('has a webhook door that authenticates, parses and documents, under /api/v1/webhooks', () => {
      const door = adapter.webhook({}, NO_SECRETS);
      expect(door.name).toMatch(/^[a-z]+$/);
      expect(typeof door.authenticate).toBe('function');
      expect(typeof door.parse).toBe('function');
      expect(door.docs.summary).toMatch(/\S/);
      expect(door.docs.setting).toMatch(/^[A-Z_]+$/);
      // A door's secret is its adapter's setting, or the engine's own (EngineSecrets).
      expect([...Object.keys(CHANNEL_SETTINGS), 'WEBHOOK_SECRET']).toContain(door.docs.setting);
      expect(Boolean(door.handshake)).toBe(Boolean(door.docs.handshake));
      expect(webhookPathOf(adapter.channel, '123')).toMatch(/^\/api\/v1\/webhooks\/[a-z]+(\/123)?$/);
      // Without its secret a door refuses every delivery as not configured, never lets one through.
      const refused = door.authenticate({ rawBody: Buffer.from('{}'), header: () => undefined, params: {} });
      expect(refused).toMatchObject({ kind: 'not_configured' });
    });

    it('builds its send limit, sender, subscription client and ownership prover from the settings alone', () => {
      const limit = adapter.sendLimit({});
      expect(limit.bucket).toMatch(/^[a-z]+$/);
      expect(limit.points).toBeGreaterThan(0);
      expect(limit.durationSeconds).toBeGreaterThan(0);
      expect(typeof adapter.sender({}, OPTIONS).send).toBe('function');
      const subscriptions = adapter.subscriptions({}, OPTIONS);
      expect(typeof subscriptions.subscribe).toBe('function');
      expect(typeof subscriptions.unsubscribe).toBe('function');
      expect(typeof adapter.ownership({}, OPTIONS).prove).toBe('function');
    });
  });

  it('opens one door per platform webhook (Meta serves three channels)', () => {
    const doors = webhookDoors({});
    expect(new Set(doors.map((door) => door.name)).size).toBe(doors.length);
    expect(new Set(doors.map((door) => door.path)).size).toBe(doors.length);
    const byDoor = new Set(adapters.map(([, adapter]) => adapter.webhook({}, NO_SECRETS).name));
    expect(doors.map((door) => door.name).sort()).toEqual([...byDoor].sort());
  });

  it('refuses a setting two adapters declare differently', () => {
    const [first, second] = adapters.map(([, adapter]) => adapter);
    const clash = Object.keys(first!.settings)[0]!;
    const rival = { ...second!, settings: { [clash]: z.string().optional() } };
    expect(() => mergeSettings([first!, rival])).toThrow(`${clash} is declared differently`);
  });
});
