import { JwtService } from '@nestjs/jwt';
import { createHmac, randomUUID } from 'node:crypto';

/**
 * A development engine's queue dashboard opens in a browser, which cannot send a bearer header: a one-time link
 * carries a ticket, and redeeming it sets a short-lived session cookie. Both are JWTs signed with keys derived from
 * JWT_SECRET_KEY for this purpose alone, so neither is ever accepted as an API token, nor an API token as either.
 * The gateway honours them only under NODE_ENV=development.
 */

/** How long a one-time link may wait before it is opened. */
export const DASHBOARD_TICKET_TTL_S = 15 * 60;
/** How long the browser session it opens lasts. */
export const DASHBOARD_SESSION_TTL_S = 60 * 60;
export const DASHBOARD_SESSION_COOKIE = 'voca_queues_session';

type Purpose = 'dashboard-ticket' | 'dashboard-session';

function keyFor(jwtSecret: string, purpose: Purpose): string {
  return createHmac('sha256', jwtSecret).update(`voca:${purpose}`).digest('base64url');
}

function signer(jwtSecret: string, purpose: Purpose): JwtService {
  return new JwtService({
    secret: keyFor(jwtSecret, purpose),
    signOptions: { algorithm: 'HS256', audience: purpose },
    verifyOptions: { algorithms: ['HS256'], audience: purpose },
  });
}

export function dashboardTicket(jwtSecret: string): string {
  return signer(jwtSecret, 'dashboard-ticket').sign({}, { expiresIn: DASHBOARD_TICKET_TTL_S, jwtid: randomUUID() });
}

export function dashboardSession(jwtSecret: string): string {
  return signer(jwtSecret, 'dashboard-session').sign({}, { expiresIn: DASHBOARD_SESSION_TTL_S });
}

/** The ticket's id and expiry (Unix seconds) when it is valid, else undefined. */
export function verifyDashboardTicket(jwtSecret: string, ticket: string): { id: string; exp: number } | undefined {
  try {
    const claims = signer(jwtSecret, 'dashboard-ticket').verify<{ jti?: unknown; exp?: unknown }>(ticket);
    return typeof claims.jti === 'string' && typeof claims.exp === 'number'
      ? { id: claims.jti, exp: claims.exp }
      : undefined;
  } catch {
    return undefined;
  }
}

export function verifyDashboardSession(jwtSecret: string, session: string): boolean {
  try {
    signer(jwtSecret, 'dashboard-session').verify(session);
    return true;
  } catch {
    return false;
  }
}

/** The dashboard's one-time link on a gateway at `baseUrl`. */
export function dashboardLink(baseUrl: string, jwtSecret: string, route = '/admin/queues'): string {
  return `${baseUrl.replace(/\/$/, '')}${route}/login?ticket=${dashboardTicket(jwtSecret)}`;
}
