import type { QueueAdapterOptions } from '@bull-board/api/typings/app';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule } from '@bull-board/nestjs';
import { ForbiddenException, HttpException, type DynamicModule } from '@nestjs/common';
import { QueueName } from '@voca/contracts';
import type { NextFunction, Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import type { GatewayEnv } from '@voca/config';
import { TokenVerifier } from '../auth/token-verifier.js';
import { DashboardPass } from './dashboard-pass.js';
import { hideCustomerContent } from './hide-customer-content.js';

export const QUEUE_DASHBOARD_ROUTE = '/admin/queues';

/**
 * Bull Board's routes are Express middleware, out of reach of the API's guards: this one lets the service role in
 * (a bearer token, as on the API; in development also the session of a one-time link, see DashboardPass) and answers
 * anyone else in the API's error shape.
 */
function serviceRoleOnly(tokens: TokenVerifier, pass: DashboardPass | undefined) {
  return (request: Request & { id?: string }, response: Response, next: NextFunction) => {
    if (pass && request.originalUrl.split('?')[0] === `${QUEUE_DASHBOARD_ROUTE}/login`)
      return pass.login(request, response);
    if (pass && request.headers.authorization === undefined && pass.admits(request)) return next();
    tokens
      .principalOf(request.headers.authorization)
      .then((principal) => {
        if (principal.kind !== 'service') throw new ForbiddenException('the queue dashboard is for the service role');
        next();
      })
      .catch((error: unknown) => {
        const status = error instanceof HttpException ? error.getStatus() : 500;
        const message = error instanceof HttpException ? error.message : 'internal error';
        response
          .status(status)
          .json({ statusCode: status, error: STATUS_CODES[status], message, request_id: request.id });
      });
  };
}

/** `read-only` (the default): jobs are looked at, never added, retried, edited or removed; `off`: no dashboard. */
export type QueueDashboardMode = 'read-only' | 'read-write' | 'off';

/** BullMQ's adapter, showing every job's data and return value without customers' words, names or addresses. */
class CustomerSafeAdapter extends BullMQAdapter {
  constructor(queue: ConstructorParameters<typeof BullMQAdapter>[0], options?: Partial<QueueAdapterOptions>) {
    super(queue, options);
    this.setFormatter('data', hideCustomerContent);
    this.setFormatter('returnValue', hideCustomerContent);
  }
}

/**
 * Bull Board at /admin/queues on the gateway: every queue of the engine, its jobs, retries and failures, for the
 * service role. Read-only unless QUEUE_DASHBOARD=read-write, and it says which in its title and on every queue.
 */
export function queueDashboard(
  env: Pick<GatewayEnv, 'QUEUE_DASHBOARD' | 'NODE_ENV' | 'JWT_SECRET_KEY'>,
): DynamicModule[] {
  const mode = env.QUEUE_DASHBOARD;
  if (mode === 'off') return [];
  const pass =
    env.NODE_ENV === 'development' ? new DashboardPass(env.JWT_SECRET_KEY, QUEUE_DASHBOARD_ROUTE) : undefined;
  const readOnly = mode === 'read-only';
  const description = readOnly
    ? 'Read-only: QUEUE_DASHBOARD=read-write allows retrying and removing jobs. Customer text is hidden.'
    : 'Read-write (QUEUE_DASHBOARD=read-write). Customer text is hidden.';
  return [
    BullBoardModule.forRootAsync({
      inject: [TokenVerifier],
      useFactory: (tokens: TokenVerifier) => ({
        route: QUEUE_DASHBOARD_ROUTE,
        adapter: ExpressAdapter,
        middleware: serviceRoleOnly(tokens, pass),
        boardOptions: { uiConfig: { boardTitle: readOnly ? 'Voca queues (read-only)' : 'Voca queues' } },
      }),
    }),
    BullBoardModule.forFeature(
      ...Object.values(QueueName).map((name) => ({
        name,
        adapter: CustomerSafeAdapter,
        options: { readOnlyMode: readOnly, allowRetries: !readOnly, description },
      })),
    ),
  ];
}
