import { describe, expect, it } from 'vitest';
import { SimulatedConnectProvisioner } from './simulated-connect-provisioner.js';

const profile = { name: 'Shop', description: null, business_type: 'other' as const, character_config: {}, context: {} };

describe('SimulatedConnectProvisioner', () => {
  it('gives voice and sms one fictional number on the shared instance', async () => {
    const provisioner = new SimulatedConnectProvisioner(0);
    const results = await provisioner.provision({ agentId: 'a1', channels: ['voice', 'sms'], profile, existing: {} });
    expect(results).toHaveLength(2);
    expect(results[0]!.phoneNumber).toMatch(/^\+1[2-9]\d{2}55501\d{2}$/);
    expect(results[1]!.phoneNumber).toBe(results[0]!.phoneNumber);
    const other = await provisioner.provision({ agentId: 'a2', channels: ['voice'], profile, existing: {} });
    expect(other[0]!.instanceArn).toBe(results[0]!.instanceArn);
    expect(other[0]!.refs.contactFlowId).not.toBe(results[0]!.refs.contactFlowId);
  });

  it('keeps what an earlier attempt recorded', async () => {
    const provisioner = new SimulatedConnectProvisioner(0);
    const existing = { voice: { channel: 'voice' as const, status: 'active' as const, phoneNumber: '+15550000000', refs: { contactFlowId: 'f1' } } };
    const [voice] = await provisioner.provision({ agentId: 'a1', channels: ['voice'], profile, existing });
    expect(voice).toMatchObject({ phoneNumber: '+15550000000', refs: { contactFlowId: 'f1' } });
  });
});
