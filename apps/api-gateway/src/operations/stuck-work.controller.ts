import { Controller, ForbiddenException, Get } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { GatewayEnv } from '@voca/config';
import { STUCK_WORK_KINDS, stuckWork } from '@voca/persistence';
import { DataSource } from 'typeorm';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { ApiBearerRoutes, ApiError, EXAMPLE_IDS } from '../http/api-docs.js';

const EXAMPLE = {
  stuck_after_ms: 60000,
  turn_deadline_ms: 300000,
  kinds: {
    received_messages: { count: 0, items: [] },
    held_messages: { count: 0, items: [] },
    waiting_customers: { count: 0, items: [] },
    open_turns: { count: 1, items: [{ id: EXAMPLE_IDS.customer, since: '2026-12-01T10:00:00.000Z' }] },
    operations: { count: 0, items: [] },
  },
};

/**
 * What stopped moving, for operators: the work the reconciler (context-service) will queue again or settle on its
 * next pass, by kind, oldest first. Service tokens only.
 */
@ApiTags('operations')
@ApiBearerRoutes()
@Controller('api/v1/stuck-work')
export class StuckWorkController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: ConfigService<GatewayEnv, true>,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Work stuck past its deadline (messages, turns, held messages, operations), for operators' })
  @ApiOkResponse({ schema: { type: 'object', example: EXAMPLE } })
  @ApiError(403, 'A vendor token, or one that grants neither the service role nor a vendor')
  async list(@CurrentPrincipal() principal: Principal) {
    if (principal.kind !== 'service') throw new ForbiddenException('stuck work is for the service role');
    const thresholds = {
      stuckAfterMs: this.config.get('STUCK_AFTER_MS', { infer: true }),
      turnDeadlineMs: this.config.get('TURN_DEADLINE_MS', { infer: true }),
    };
    const kinds: Record<string, { count: number; items: { id: string; since: string }[] }> = {};
    for (const kind of STUCK_WORK_KINDS) {
      const items = await stuckWork(this.db, kind, thresholds);
      kinds[kind] = { count: items.length, items: items.map(({ id, since }) => ({ id, since: since.toISOString() })) };
    }
    return { stuck_after_ms: thresholds.stuckAfterMs, turn_deadline_ms: thresholds.turnDeadlineMs, kinds };
  }
}
