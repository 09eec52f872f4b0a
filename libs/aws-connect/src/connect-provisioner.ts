import type { BusinessProfile, ChannelStatus } from '@voca/contracts';

export type ConnectChannel = 'voice' | 'sms';

/** Provider-side ids of an agent's Connect resources (instance, contact flow, hours, numbers). */
export type ConnectRefs = Record<string, string>;

export interface ConnectProvisionRequest {
  agentId: string;
  vendorId: string;
  channels: ConnectChannel[];
  profile: BusinessProfile;
  /** An End User Messaging SMS number to import for the sms channel, when the vendor supplied one. */
  smsSourcePhoneNumberArn?: string;
  /** What earlier attempts recorded for this agent, so a retry finds what exists instead of recreating it. */
  known: ConnectRefs;
  /** Records a created resource at once, before the next call, so nothing is ever unknown to the engine. */
  record(refs: ConnectRefs): Promise<void>;
  /** Says what the step is doing now (shown on the provisioning status). */
  report(detail: string): Promise<void>;
}

export interface ConnectChannelResult {
  channel: ConnectChannel;
  status: Extract<ChannelStatus, 'active' | 'pending_configuration'>;
  phoneNumber?: string;
  /** ARN of the Amazon Connect instance serving the channel. */
  instanceArn?: string;
  /** Why the channel is pending configuration. */
  reason?: string;
}

export interface ConnectDeprovisionRequest {
  agentId: string;
  vendorId: string;
  known: ConnectRefs;
  report(detail: string): Promise<void>;
}

/** Provisions (and tears down) an agent's voice and SMS channels on Amazon Connect. */
export interface ConnectProvisioner {
  readonly mode: string;
  provision(request: ConnectProvisionRequest): Promise<ConnectChannelResult[]>;
  /** Removes what the agent had (flow, hours) and returns its numbers to the pool; safe to repeat. */
  deprovision(request: ConnectDeprovisionRequest): Promise<void>;
  /**
   * What the refs name that the cloud no longer has, in words (deleted by hand, or another account or endpoint);
   * empty when nothing vanished. Describes only: provisioning again heals it.
   */
  vanished(known: ConnectRefs): Promise<string[]>;
  /** Forgets which cloud resources were seen lately, so the next `vanished` asks the cloud again. */
  forgetVerified(): void;
}

export const CONNECT_PROVISIONER = Symbol('CONNECT_PROVISIONER');
