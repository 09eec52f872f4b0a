import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type {
  ConnectChannelResult,
  ConnectDeprovisionRequest,
  ConnectProvisioner,
  ConnectProvisionRequest,
} from './connect-provisioner.js';

const REGION = 'us-east-1';
const ACCOUNT = '000000000000';

function uuidFrom(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Stands in for Amazon Connect when no AWS account is configured. It mirrors the live design (one shared instance,
 * a contact flow and a number per agent) with fictional values: numbers are in the reserved 555-01xx range and the
 * account id is all zeros. Each simulated API call takes about `latencyMs`.
 */
export class SimulatedConnectProvisioner implements ConnectProvisioner {
  readonly mode = 'simulate';

  constructor(private readonly latencyMs: number) {}

  async provision(request: ConnectProvisionRequest): Promise<ConnectChannelResult[]> {
    const instanceId = uuidFrom('voca-shared-instance');
    const instanceArn = `arn:aws:connect:${REGION}:${ACCOUNT}:instance/${instanceId}`;
    await this.call(); // DescribeInstance of the shared instance
    const phoneNumber = request.known.phoneNumber ?? this.numberFor(request.agentId);
    if (!request.known.contactFlowId) {
      await request.report('creating the contact flow');
      await this.call(); // CreateContactFlow
      await request.record({ instanceId, contactFlowId: uuidFrom(`flow:${request.agentId}`) });
      await request.report(`claiming ${phoneNumber}`);
      await this.call(); // SearchAvailablePhoneNumbers + ClaimPhoneNumber
      await this.call(); // AssociatePhoneNumberContactFlow
      await request.record({ phoneNumber, phoneNumberId: uuidFrom(`number:${phoneNumber}`) });
    }
    return request.channels.map((channel) => ({ channel, status: 'active', phoneNumber, instanceArn }));
  }

  async deprovision(request: ConnectDeprovisionRequest): Promise<void> {
    await request.report('removing the contact flow');
    await this.call();
  }

  /** Nothing simulated ever vanishes. */
  async vanished(): Promise<string[]> {
    return [];
  }

  forgetVerified(): void {}

  /** +1 NPA 555-01XX: a fictional number, stable for an agent. */
  private numberFor(agentId: string): string {
    const digest = createHash('sha256').update(agentId).digest();
    const areaCode = 200 + (digest.readUInt16BE(0) % 800);
    const line = String(digest[2]! % 100).padStart(2, '0');
    return `+1${areaCode}55501${line}`;
  }

  private async call(): Promise<void> {
    if (this.latencyMs > 0) await sleep(this.latencyMs * (0.5 + Math.random()));
  }
}
