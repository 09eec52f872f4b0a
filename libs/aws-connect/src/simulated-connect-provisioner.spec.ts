import { describe, expect, it } from 'vitest';
import { resolveBusinessProfile } from '@voca/business';
import type { ConnectProvisionRequest, ConnectRefs } from './connect-provisioner.js';
import { SimulatedConnectProvisioner } from './simulated-connect-provisioner.js';

const profile = resolveBusinessProfile({
  name: 'Shop',
  description: null,
  business_type: 'other',
  character_config: {},
  context: {},
});

function request(agentId: string, channels: ConnectProvisionRequest['channels'], known: ConnectRefs = {}) {
  const recorded: ConnectRefs = {};
  const req: ConnectProvisionRequest = {
    agentId,
    vendorId: 'v1',
    channels,
    profile,
    known,
    record: async (refs) => void Object.assign(recorded, refs),
    report: async () => undefined,
  };
  return { req, recorded };
}

describe('SimulatedConnectProvisioner', () => {
  it('gives voice and sms one fictional number on the shared instance, recording what it creates', async () => {
    const provisioner = new SimulatedConnectProvisioner(0);
    const first = request('a1', ['voice', 'sms']);
    const results = await provisioner.provision(first.req);
    expect(results).toHaveLength(2);
    expect(results[0]!.phoneNumber).toMatch(/^\+1[2-9]\d{2}55501\d{2}$/);
    expect(results[1]!.phoneNumber).toBe(results[0]!.phoneNumber);
    expect(first.recorded).toMatchObject({ contactFlowId: expect.any(String), phoneNumber: results[0]!.phoneNumber });

    const second = request('a2', ['voice']);
    const other = await provisioner.provision(second.req);
    expect(other[0]!.instanceArn).toBe(results[0]!.instanceArn);
    expect(second.recorded.contactFlowId).not.toBe(first.recorded.contactFlowId);
  });

  it('keeps what an earlier attempt recorded', async () => {
    const provisioner = new SimulatedConnectProvisioner(0);
    const retry = request('a1', ['voice'], { contactFlowId: 'f1', phoneNumber: '+15550000000' });
    const [voice] = await provisioner.provision(retry.req);
    expect(voice).toMatchObject({ phoneNumber: '+15550000000' });
    expect(retry.recorded).toEqual({});
  });
});
