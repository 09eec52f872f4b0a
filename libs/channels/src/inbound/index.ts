/**
 * Inbound webhooks: pure parsers and signature checks (no Nest, no I/O). Each parser turns one platform's verified,
 * JSON-parsed body into the engine's InboundEvents (@voca/contracts), or throws WebhookPayloadError naming the field
 * that is not as documented.
 */
export { WebhookPayloadError } from './errors.js';
export { MAX_EVENTS_PER_PAYLOAD, MAX_TEXT_LENGTH } from './limits.js';
export {
  signEngineWebhook,
  verifyEngineSignature,
  type EngineSignatureCheck,
  type EngineSignatureHeaders,
} from './signatures.js';
export { accountWebhookToken, agentWebhookKey, connectLambdaKey } from './webhook-keys.js';
export {
  connectMessageEvent,
  connectTurnEvent,
  isConnectMessageRequest,
  parseConnectMessageRequest,
  parseConnectTurn,
  parseConnectTurnRequest,
} from './connect-turn.js';
