/** Who is calling: the backend acting for any vendor, or one vendor acting for itself. */
export type Principal = { kind: 'service'; subject?: string } | { kind: 'vendor'; vendorId: string; subject?: string };

export interface TokenClaims {
  role?: unknown;
  vendor_id?: unknown;
  sub?: unknown;
}

/** The principal a verified token's claims grant, or undefined when they grant nothing. */
export function principalFromClaims(claims: TokenClaims): Principal | undefined {
  const subject = typeof claims.sub === 'string' ? claims.sub : undefined;
  if (claims.role === 'service') return { kind: 'service', subject };
  if (typeof claims.vendor_id === 'string' && claims.vendor_id.length > 0) {
    return { kind: 'vendor', vendorId: claims.vendor_id, subject };
  }
  return undefined;
}

/** Who a per-caller budget (requests, open streams) is counted against. */
export function budgetKeyOf(principal: Principal): string {
  return principal.kind === 'vendor' ? `vendor:${principal.vendorId}` : `service:${principal.subject ?? 'unknown'}`;
}
