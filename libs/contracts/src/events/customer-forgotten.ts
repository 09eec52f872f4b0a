/**
 * Published once a customer is erased: every elizaos-worker replica deletes what its ElizaOS working memory holds of
 * them (their room, their entity, the memories of both).
 */
export const CUSTOMER_FORGOTTEN_PATTERN = 'elizaos.customer.forgotten';

export interface CustomerForgottenEvent {
  agentId: string;
  customerId: string;
}
