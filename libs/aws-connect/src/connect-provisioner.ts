import type { BusinessProfile, ChannelStatus } from '@voca/contracts';

export type ConnectChannel = 'voice' | 'sms';

export interface ConnectProvisionRequest {
  agentId: string;
  channels: ConnectChannel[];
  profile: BusinessProfile;
  /** What earlier attempts of this step recorded per channel, so a retry finds what exists instead of recreating. */
  existing: Partial<Record<ConnectChannel, ConnectChannelResult>>;
}

export interface ConnectChannelResult {
  channel: ConnectChannel;
  status: Extract<ChannelStatus, 'active' | 'pending_configuration'>;
  phoneNumber?: string;
  /** ARN of the Amazon Connect instance serving the channel. */
  instanceArn?: string;
  /** Provider-side ids (instance, contact flow, phone number) needed to find or tear down the resources. */
  refs: Record<string, string>;
  /** Why the channel is pending configuration. */
  reason?: string;
}

/** Provisions an agent's voice and SMS channels on Amazon Connect. */
export interface ConnectProvisioner {
  readonly mode: string;
  provision(request: ConnectProvisionRequest): Promise<ConnectChannelResult[]>;
}

export const CONNECT_PROVISIONER = Symbol('CONNECT_PROVISIONER');
