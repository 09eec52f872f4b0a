/**
 * Who may send as whom: Graph business accounts (WhatsApp phone number ids, Facebook Page ids, Instagram account ids)
 * with the bearer tokens accepted for each, which of them are Instagram accounts, and X users by their OAuth 2 user
 * token.
 */
export class AccountRegistry {
  private readonly tokensByAccount = new Map<string, Set<string>>();
  /** Accounts in the order each token was allowed for them (for `/me`, the first one is the token's account). */
  private readonly accountsByToken = new Map<string, string[]>();
  private readonly instagram = new Set<string>();
  private readonly xUsersByToken = new Map<string, string>();

  allowToken(accountId: string, token: string): void {
    requireText('allowToken: accountId', accountId);
    requireText('allowToken: token', token);
    const tokens = this.tokensByAccount.get(accountId) ?? new Set<string>();
    tokens.add(token);
    this.tokensByAccount.set(accountId, tokens);
    const accounts = this.accountsByToken.get(token) ?? [];
    if (!accounts.includes(accountId)) accounts.push(accountId);
    this.accountsByToken.set(token, accounts);
  }

  isAllowed(accountId: string, token: string | undefined): boolean {
    return token !== undefined && (this.tokensByAccount.get(accountId)?.has(token) ?? false);
  }

  /** The account a token was first allowed for (what Graph's `me` resolves to for a Page or IG token). */
  accountOf(token: string | undefined): string | undefined {
    return token === undefined ? undefined : this.accountsByToken.get(token)?.[0];
  }

  registerInstagramAccount(accountId: string): void {
    requireText('registerInstagramAccount: accountId', accountId);
    this.instagram.add(accountId);
  }

  isInstagram(accountId: string): boolean {
    return this.instagram.has(accountId);
  }

  allowXUser(userId: string, token: string): void {
    requireText('allowXUser: userId', userId);
    requireText('allowXUser: token', token);
    this.xUsersByToken.set(token, userId);
  }

  xUserOf(token: string | undefined): string | undefined {
    return token === undefined ? undefined : this.xUsersByToken.get(token);
  }
}

function requireText(name: string, value: unknown): void {
  if (typeof value !== 'string' || value.trim() === '') throw new Error(`${name} must be a non-empty string`);
}
