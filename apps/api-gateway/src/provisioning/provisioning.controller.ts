import { Controller, Get, HttpCode, Param, Post, Req, Res, Sse, type MessageEvent } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProvisioningAcceptedView, ProvisioningStatusView } from '@voca/contracts';
import type { Request, Response } from 'express';
import { AgentOperations } from '../operations/agent-operations.js';
import { SPEC_PROVISIONING_ANSWER } from '../http/spec-examples.js';
import {
  concatMap,
  defer,
  distinctUntilChanged,
  finalize,
  interval,
  map,
  merge,
  startWith,
  takeUntil,
  takeWhile,
  throttleTime,
  type Observable,
} from 'rxjs';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { ApiBearerRoutes, ApiError, ApiIdParam, EXAMPLE_IDS } from '../http/api-docs.js';
import { uuidParam } from '../http/uuid-param.js';
import { ProgressHub } from './progress-hub.js';
import { isTerminal, ProvisioningStatus } from './provisioning-status.js';
import { StreamQuota } from './stream-quota.js';

/** Re-reads state this often even without ticks, so a lost pub/sub message only delays a watcher. */
const RESYNC_MS = 5_000;
const TICK_THROTTLE_MS = 100;

const EVENT_STREAM_EXAMPLE = [
  'event: progress',
  'id: 1764083045123',
  `data: {"provisioning_id":"${EXAMPLE_IDS.operation}","agent_id":"${EXAMPLE_IDS.agent}","status":"in_progress","percent":40,"steps":[...]}`,
  '',
  '',
].join('\n');

@ApiTags('provisioning')
@ApiBearerRoutes()
@ApiIdParam('id', 'operation')
@Controller('api/v1/provisioning')
export class ProvisioningController {
  constructor(
    private readonly status: ProvisioningStatus,
    private readonly hub: ProgressHub,
    private readonly quota: StreamQuota,
    private readonly operations: AgentOperations,
  ) {}

  @Get(':id')
  @ApiOperation({ summary: 'Status of a provisioning operation, with each step and, once ended, the final agent' })
  @ApiOkResponse({ type: ProvisioningStatusView, example: SPEC_PROVISIONING_ANSWER })
  get(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() principal: Principal) {
    return this.status.get(id, principal);
  }

  @Post(':id/retry')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Run again what a failed or partially completed operation did not finish, as a new operation (the latest of the agent only)',
  })
  @ApiAcceptedResponse({ type: ProvisioningAcceptedView })
  @ApiError(409, 'The operation did not fail, is not the latest, or is a deletion')
  @ApiError(429, 'The token has used its requests this minute, or the vendor has MAX_OPERATIONS_PER_VENDOR running')
  async retry(
    @Param('id', uuidParam('id')) id: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request & { id: string },
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProvisioningAcceptedView> {
    const { operationId, agentId } = await this.operations.retry(id, principal, request.id);
    const statusUrl = `/api/v1/provisioning/${operationId}`;
    response.setHeader('Location', statusUrl);
    return {
      provisioning_id: operationId,
      agent_id: agentId,
      status: 'queued',
      status_url: statusUrl,
      events_url: `${statusUrl}/events`,
    };
  }

  @Post(':id/cancel')
  @HttpCode(202)
  @ApiOperation({
    summary:
      "Stop a new agent's provisioning: steps not started are skipped, then what ran is removed and it ends cancelled",
  })
  @ApiAcceptedResponse({ type: ProvisioningAcceptedView })
  @ApiError(409, 'The operation has ended, or is an update or a deletion')
  async cancel(
    @Param('id', uuidParam('id')) id: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request & { id: string },
  ): Promise<ProvisioningAcceptedView> {
    const { operationId, agentId, status } = await this.operations.cancel(id, principal, request.id);
    const statusUrl = `/api/v1/provisioning/${operationId}`;
    return {
      provisioning_id: operationId,
      agent_id: agentId,
      status,
      status_url: statusUrl,
      events_url: `${statusUrl}/events`,
    };
  }

  @Sse(':id/events')
  @ApiOperation({
    summary: 'Server-Sent Events: a `progress` event with the full status on every change; ends with the operation',
  })
  @ApiOkResponse({
    description: 'One `progress` event per change, its data the same view as GET /api/v1/provisioning/{id}',
    content: { 'text/event-stream': { schema: { type: 'string', example: EVENT_STREAM_EXAMPLE } } },
  })
  @ApiError(429, 'The token has used its requests this minute, or has SSE_STREAMS_PER_TOKEN streams open already')
  async events(
    @Param('id', uuidParam('id')) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Observable<MessageEvent>> {
    const first = await this.status.get(id, principal);
    const release = this.quota.take(principal);
    // The read after subscribing catches any change made between `first` and the subscription.
    const changes = merge(this.hub.ticksOf(id), interval(RESYNC_MS)).pipe(
      startWith(0),
      throttleTime(TICK_THROTTLE_MS, undefined, { leading: true, trailing: true }),
      concatMap(() => defer(() => this.status.get(id, principal))),
      startWith(first),
    );
    return changes.pipe(
      distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
      takeWhile((view) => !isTerminal(view), true),
      takeUntil(this.hub.shutdown$),
      map((view): MessageEvent => ({ type: 'progress', id: String(Date.now()), data: view })),
      finalize(release),
    );
  }
}
