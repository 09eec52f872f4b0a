import type { CredentialSchema } from './channel-adapter.js';

/**
 * A credential schema for the usual account: its webhooks are subscribed on the account itself, and only the
 * routing id moves the subscription. An adapter overrides either where its platform differs (WhatsApp's Business
 * Account).
 */
export function accountCredentials<C extends object>(
  schema: Omit<CredentialSchema<C>, 'subscriptionAccountOf' | 'movesSubscription'> &
    Partial<Pick<CredentialSchema<C>, 'subscriptionAccountOf' | 'movesSubscription'>>,
): CredentialSchema<C> {
  return {
    subscriptionAccountOf: (_credentials, accountId) => accountId,
    movesSubscription: () => false,
    ...schema,
  };
}
