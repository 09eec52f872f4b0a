import { signEngineWebhook } from '@voca/channels';
import {
  ANSWERING_AGENT_STATUSES,
  SOCIAL_CHANNELS,
  type AgentView,
  type Channel,
  type ConnectKeyView,
  type WebhookKeyView,
} from '@voca/contracts';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { developmentToken } from '../development-token.js';
import { developerEnvOrExit, exit } from './developer-env.js';
import { EngineClient, messageOf } from './engine-client.js';

// `npm run chat -- <agent_id>`: talk to an agent from the terminal as a customer would, through the generic webhook
// (or, for an agent with only voice or SMS, the Connect webhook), signed for you. One line in, the agent's reply out;
// stdin may be a pipe (`echo "What are your hours?" | npm run --silent chat -- <id>`).
const TOOL = 'npm run chat';
const USAGE = `usage: ${TOOL} -- <agent_id> [--channel whatsapp|instagram|facebook|twitter|voice|sms] [--as <customer id>]`;
/** How long to wait for an agent still being provisioned. */
const READY_WAIT_MS = 120_000;

let args: { positionals: string[]; values: { channel?: string; as?: string } };
try {
  args = parseArgs({
    options: { channel: { type: 'string' }, as: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
} catch (error) {
  exit(TOOL, `${(error as Error).message}\n${USAGE}`);
}
const agentId = args.positionals[0];
if (!agentId || args.positionals.length > 1) exit(TOOL, USAGE);

const env = developerEnvOrExit(TOOL);
const engine = new EngineClient(TOOL, env.gatewayUrl, developmentToken(env, { role: 'service' }));
const customer = args.values.as ?? `terminal-${randomBytes(4).toString('hex')}`;

const agent = await answeringAgent(agentId);
const channel = channelOf(agent, args.values.channel);
const send = channel === 'voice' || channel === 'sms' ? await connectSender(channel) : await genericSender(channel);
process.stderr.write(
  `talking to ${agent.name} on ${channel} as customer ${customer}${process.stdin.isTTY ? ' (Ctrl-D ends)' : ''}\n`,
);

const lines = createInterface({ input: process.stdin, terminal: process.stdin.isTTY === true });
lines.setPrompt('you> ');
if (process.stdin.isTTY) lines.prompt();
for await (const line of lines) {
  const text = line.trim();
  if (text) process.stdout.write(`${agent.name}> ${await send(text)}\n`);
  if (process.stdin.isTTY) lines.prompt();
}

/** The agent, once it answers customers: one still being provisioned is waited for. */
async function answeringAgent(id: string): Promise<AgentView> {
  const deadline = Date.now() + READY_WAIT_MS;
  let announced = false;
  for (;;) {
    const { status, body } = await engine.get<AgentView>(`/api/v1/agents/${encodeURIComponent(id)}`);
    if (status !== 200) exit(TOOL, `agent ${id}: ${status} ${messageOf(body)}`);
    if (ANSWERING_AGENT_STATUSES.includes(body.status)) return body;
    if (body.status !== 'provisioning') exit(TOOL, `${body.name} is ${body.status}: it does not answer customers now`);
    if (Date.now() > deadline) exit(TOOL, `${body.name} is still provisioning after ${READY_WAIT_MS / 1000} s`);
    if (!announced) process.stderr.write(`waiting for ${body.name} to finish provisioning...\n`);
    announced = true;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/** The channel asked for, else the agent's first social channel, else voice or SMS. */
function channelOf(view: AgentView, asked: string | undefined): Channel {
  const channels = view.channels.map((c) => c.channel_type);
  if (asked !== undefined) {
    if (!channels.includes(asked as Channel))
      exit(TOOL, `${view.name} has no ${asked} channel (it has ${channels.join(', ')})`);
    return asked as Channel;
  }
  const preferred = [...SOCIAL_CHANNELS, 'voice', 'sms'].find((c) => channels.includes(c as Channel));
  return (preferred as Channel | undefined) ?? exit(TOOL, `${view.name} has no channel to talk on`);
}

/** The generic webhook, signed with the agent's own webhook key. */
async function genericSender(platform: Channel): Promise<(text: string) => Promise<string>> {
  const key = await engine.get<WebhookKeyView>(`/api/v1/agents/${agent.id}/webhook-key`);
  if (key.status !== 200) exit(TOOL, `the agent's webhook key: ${key.status} ${messageOf(key.body)}`);
  return async (message) => {
    const body = JSON.stringify({ platform, agent_id: agent.id, message, user_id: customer, timestamp: Date.now() });
    const path = '/api/v1/webhooks/elizaos';
    const answer = await engine.postSigned<{ message: string | null }>(path, body, {
      ...signEngineWebhook(body, key.body.webhook_key),
    });
    if (answer.status === 202) return `(no reply within the webhook's deadline; it will go out on ${platform})`;
    if (answer.status !== 200) return `(refused: ${answer.status} ${messageOf(answer.body)})`;
    return answer.body.message ?? '(no reply)';
  };
}

/** The Connect webhook in the spec's shape, signed with the voice Lambda's key: one call (or SMS thread) a session. */
async function connectSender(channel: 'voice' | 'sms'): Promise<(text: string) => Promise<string>> {
  const key = await engine.get<ConnectKeyView>('/api/v1/webhook-keys/connect');
  if (key.status !== 200) exit(TOOL, `the voice Lambda's key: ${key.status} ${messageOf(key.body)}`);
  const contactId = `terminal-${customer}`;
  return async (message) => {
    const body = JSON.stringify({ agent_id: agent.id, message, channel, contact_id: contactId });
    const answer = await engine.postSigned<{ message: string }>('/api/v1/webhooks/connect', body, {
      ...signEngineWebhook(body, key.body.webhook_key),
    });
    return answer.status === 200 ? answer.body.message : `(refused: ${answer.status} ${messageOf(answer.body)})`;
  };
}
