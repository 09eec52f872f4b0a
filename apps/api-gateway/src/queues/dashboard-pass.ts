import {
  DASHBOARD_SESSION_COOKIE,
  DASHBOARD_SESSION_TTL_S,
  dashboardSession,
  verifyDashboardSession,
  verifyDashboardTicket,
} from '@voca/devtools';
import type { Request, Response } from 'express';

/**
 * The queue dashboard in a development browser (NODE_ENV=development only): `GET <route>/login?ticket=` redeems a
 * one-time ticket (`npm run token -- --dashboard`, or the link `npm run dev` prints) for a session cookie scoped to
 * the dashboard, HttpOnly and SameSite=Strict. Redeemed tickets are remembered by this process until they expire:
 * a development engine runs one gateway.
 */
export class DashboardPass {
  private readonly redeemed = new Map<string, number>();

  constructor(
    private readonly jwtSecret: string,
    private readonly route: string,
  ) {}

  /** Answers the login route: a redirect into the dashboard with the cookie set, or 401. */
  login(request: Request & { id?: string }, response: Response): void {
    const ticket = typeof request.query.ticket === 'string' ? request.query.ticket : '';
    const claims = verifyDashboardTicket(this.jwtSecret, ticket);
    const now = Date.now() / 1000;
    for (const [id, exp] of this.redeemed) if (exp < now) this.redeemed.delete(id);
    if (!claims || this.redeemed.has(claims.id)) {
      response.status(401).json({
        statusCode: 401,
        error: 'Unauthorized',
        message: 'this dashboard link has expired or was used: `npm run token -- --dashboard` makes another',
        request_id: request.id,
      });
      return;
    }
    this.redeemed.set(claims.id, claims.exp);
    response.cookie(DASHBOARD_SESSION_COOKIE, dashboardSession(this.jwtSecret), {
      httpOnly: true,
      sameSite: 'strict',
      path: this.route,
      maxAge: DASHBOARD_SESSION_TTL_S * 1000,
    });
    response.redirect(303, `${this.route}/`);
  }

  /** Whether the request carries a valid session cookie. */
  admits(request: Request): boolean {
    const session = cookieOf(request.headers.cookie, DASHBOARD_SESSION_COOKIE);
    return session !== undefined && verifyDashboardSession(this.jwtSecret, session);
  }
}

function cookieOf(header: string | undefined, name: string): string | undefined {
  for (const pair of (header ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}
