import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule } from '@bull-board/nestjs';
import { ForbiddenException, HttpException, type DynamicModule } from '@nestjs/common';
import { QueueName } from '@voca/contracts';
import type { NextFunction, Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { TokenVerifier } from '../auth/token-verifier.js';

export const QUEUE_DASHBOARD_ROUTE = '/admin/queues';

/**
 * Bull Board's routes are Express middleware, out of reach of the API's guards: this one lets the service role in
 * (a bearer token, as on the API) and answers anyone else in the API's error shape.
 */
function serviceRoleOnly(tokens: TokenVerifier) {
  return (request: Request & { id?: string }, response: Response, next: NextFunction) => {
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

/** Bull Board at /admin/queues on the gateway: every queue of the engine, its jobs, retries and failures. */
export function queueDashboard(): DynamicModule[] {
  return [
    BullBoardModule.forRootAsync({
      inject: [TokenVerifier],
      useFactory: (tokens: TokenVerifier) => ({
        route: QUEUE_DASHBOARD_ROUTE,
        adapter: ExpressAdapter,
        middleware: serviceRoleOnly(tokens),
      }),
    }),
    BullBoardModule.forFeature(...Object.values(QueueName).map((name) => ({ name, adapter: BullMQAdapter }))),
  ];
}
