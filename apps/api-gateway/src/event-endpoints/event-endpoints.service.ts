import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { GatewayEnv } from '@voca/config';
import type {
  CreateEventEndpointDto,
  DeliveryStatus,
  EventDeliveryPageView,
  EventDeliveryView,
  EventEndpointCreatedView,
  EventEndpointView,
  EventType,
} from '@voca/contracts';
import { OutboundHttpClient } from '@voca/outbound-http';
import { EventDelivery, EventEndpoint } from '@voca/persistence';
import { credentialCipherFrom, eventSecretBinding, newEventSecret, type CredentialCipher } from '@voca/secrets';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { actorOf } from '../auth/actor.js';
import type { Principal } from '../auth/principal.js';
import { canSee, vendorForWrite } from '../auth/vendor-scope.js';
import { cursorPage } from '../http/cursor-page.js';
import { checkVendorUrl } from '../http/vendor-url.js';

/** Endpoints one vendor (or the service, for every vendor) may register. */
export const MAX_ENDPOINTS_PER_OWNER = 20;

export interface DeliveryFilter {
  status?: DeliveryStatus;
  limit: number;
  /** A delivery id: list those created before it. */
  before?: string;
}

/** The backend's event endpoints: registered with a secret shown once, listed, removed, and their deliveries. */
@Injectable()
export class EventEndpoints {
  private readonly cipher: CredentialCipher;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbound: OutboundHttpClient,
    config: ConfigService<GatewayEnv, true>,
  ) {
    this.cipher = credentialCipherFrom(config);
  }

  async register(body: CreateEventEndpointDto, principal: Principal): Promise<EventEndpointCreatedView> {
    await checkVendorUrl(this.outbound, body.url);
    // A service token may register for every vendor (no vendor_id); a vendor's endpoint is always its own.
    const vendorId =
      principal.kind === 'service' && body.vendor_id === undefined ? null : vendorForWrite(principal, body.vendor_id);
    const id = randomUUID();
    const secret = newEventSecret();
    const endpoint = await this.db.transaction(async (tx) => {
      // Counted under a lock on the owner, so two registrations at once cannot both pass the limit.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`event-endpoints:${vendorId ?? '*'}`]);
      const owned = await tx.countBy(EventEndpoint, { vendorId: vendorId ?? IsNull() });
      if (owned >= MAX_ENDPOINTS_PER_OWNER) {
        throw new ConflictException(`at most ${MAX_ENDPOINTS_PER_OWNER} endpoints may be registered; remove one first`);
      }
      return tx.save(
        tx.create(EventEndpoint, {
          id,
          vendorId,
          url: body.url,
          eventTypes: body.events,
          description: body.description ?? null,
          secretCiphertext: this.cipher.encrypt({ secret }, eventSecretBinding(id)),
          createdBy: actorOf(principal),
        }),
      );
    });
    return { ...viewOf(endpoint), secret };
  }

  async list(principal: Principal, vendorId?: string): Promise<EventEndpointView[]> {
    // As on every list: a vendor naming another vendor finds nothing there, not its own endpoints instead.
    if (vendorId !== undefined && !canSee(principal, vendorId))
      throw new NotFoundException(`vendor ${vendorId} not found`);
    const scope = principal.kind === 'vendor' ? principal.vendorId : vendorId;
    const endpoints = await this.db.getRepository(EventEndpoint).find({
      where: scope === undefined ? {} : { vendorId: scope },
      order: { createdAt: 'ASC' },
    });
    return endpoints.map(viewOf);
  }

  async get(id: string, principal: Principal): Promise<EventEndpointView> {
    return viewOf(await this.visible(id, principal));
  }

  async remove(id: string, principal: Principal): Promise<EventEndpointView> {
    const endpoint = await this.visible(id, principal);
    await this.db.getRepository(EventEndpoint).delete({ id: endpoint.id });
    return viewOf(endpoint);
  }

  async deliveries(id: string, principal: Principal, filter: DeliveryFilter): Promise<EventDeliveryPageView> {
    await this.visible(id, principal);
    const query = this.db
      .getRepository(EventDelivery)
      .createQueryBuilder('d')
      .innerJoin('events', 'e', 'e.id = d.event_id')
      .addSelect(['e.type AS e_type', 'e.vendor_id AS e_vendor_id', 'e.data AS e_data', 'e.created_at AS e_created_at'])
      .where('d.endpoint_id = :id', { id })
      .orderBy('d.created_at', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .limit(filter.limit + 1);
    if (filter.status) query.andWhere('d.status = :status', { status: filter.status });
    if (filter.before) {
      query.andWhere('(d.created_at, d.id) < (SELECT created_at, id FROM event_deliveries WHERE id = :before)', {
        before: filter.before,
      });
    }
    const { entities, raw } = await query.getRawAndEntities();
    return cursorPage(
      entities.map((delivery, k) => deliveryView(delivery, raw[k] as EventColumns)),
      filter.limit,
      (item) => item.id,
    );
  }

  private async visible(id: string, principal: Principal): Promise<EventEndpoint> {
    const endpoint = await this.db.getRepository(EventEndpoint).findOneBy({ id });
    // An endpoint for every vendor belongs to the service alone.
    if (
      !endpoint ||
      !(principal.kind === 'service' || (endpoint.vendorId !== null && canSee(principal, endpoint.vendorId)))
    ) {
      throw new NotFoundException(`event endpoint ${id} not found`);
    }
    return endpoint;
  }
}

interface EventColumns {
  e_type: EventType;
  e_vendor_id: string;
  e_data: Record<string, unknown>;
  e_created_at: Date;
}

function viewOf(endpoint: EventEndpoint): EventEndpointView {
  return {
    id: endpoint.id,
    url: endpoint.url,
    events: endpoint.eventTypes,
    vendor_id: endpoint.vendorId,
    description: endpoint.description,
    created_at: endpoint.createdAt.toISOString(),
  };
}

function deliveryView(delivery: EventDelivery, event: EventColumns): EventDeliveryView {
  return {
    id: delivery.id,
    event_id: delivery.eventId,
    event_type: event.e_type,
    agent_id: delivery.agentId,
    status: delivery.status,
    attempts: delivery.attemptLog.length,
    next_attempt_at: delivery.status === 'pending' ? delivery.nextAttemptAt.toISOString() : null,
    delivered_at: delivery.deliveredAt?.toISOString() ?? null,
    created_at: delivery.createdAt.toISOString(),
    attempt_log: delivery.attemptLog,
    event: {
      id: delivery.eventId,
      type: event.e_type,
      created_at: new Date(event.e_created_at).toISOString(),
      vendor_id: event.e_vendor_id,
      agent_id: delivery.agentId,
      data: event.e_data,
    },
  };
}
