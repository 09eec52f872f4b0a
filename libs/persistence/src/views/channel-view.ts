import { CHANNELS, type ChannelView } from '@voca/contracts';
import type { AgentChannel } from '../entities/agent-channel.entity.js';

/** A channel as the API shows it: what was provisioned, never the credentials themselves. */
export function channelView(channel: AgentChannel): ChannelView {
  const view: ChannelView = {
    channel_type: channel.channel,
    status: channel.status,
    credentials_configured: channel.credentialsCiphertext !== null,
  };
  if (channel.phoneNumber) view.phone_number = channel.phoneNumber;
  if (channel.awsConnectInstanceId) view.aws_connect_instance_id = channel.awsConnectInstanceId;
  if (channel.elizaosAgentId) view.elizaos_agent_id = channel.elizaosAgentId;
  if (channel.webhookUrl) view.webhook_url = channel.webhookUrl;
  if (channel.externalAccountId) view.external_account_id = channel.externalAccountId;
  if (channel.error) view.error = channel.error;
  return view;
}

/** Channels in the order the API lists them (the order of CHANNELS). */
export function sortChannels<T extends Pick<AgentChannel, 'channel'>>(channels: T[]): T[] {
  return [...channels].sort((a, b) => CHANNELS.indexOf(a.channel) - CHANNELS.indexOf(b.channel));
}
