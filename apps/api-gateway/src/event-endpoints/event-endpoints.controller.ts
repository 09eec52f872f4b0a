import { BadRequestException, Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  CreateEventEndpointDto,
  EventDeliveryPageView,
  EventEndpointCreatedView,
  EventEndpointPageView,
  EventEndpointView,
  VENDOR_ID_PATTERN,
} from '@voca/contracts';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { ApiBearerRoutes, ApiError, ApiIdParam, ApiJsonBody } from '../http/api-docs.js';
import { fieldError } from '../http/field-errors.js';
import { uuidParam } from '../http/uuid-param.js';
import { EventEndpoints } from './event-endpoints.service.js';
import { ListDeliveriesQuery } from './list-deliveries.query.js';
import { DEFAULT_PAGE } from '../http/page-limit.query.js';

@ApiTags('events')
@ApiBearerRoutes()
@Controller('api/v1/event-endpoints')
export class EventEndpointsController {
  constructor(private readonly endpoints: EventEndpoints) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Register an HTTPS endpoint for event callbacks; the answer shows its signing secret, once',
  })
  @ApiCreatedResponse({ type: EventEndpointCreatedView })
  @ApiJsonBody('The body is not valid JSON, or a field is not valid (named in `fields`), e.g. a URL it may not call')
  @ApiError(409, 'The vendor has the most endpoints it may register')
  @ApiError(503, 'The URL could not be checked now (DNS), or the database cannot be reached; try again')
  register(
    @Body() body: CreateEventEndpointDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EventEndpointCreatedView> {
    return this.endpoints.register(body, principal);
  }

  @Get()
  @ApiOperation({ summary: "The endpoints the token may see (a service token: every vendor's, or one vendor's)" })
  @ApiQuery({ name: 'vendor_id', required: false, example: 'vendor_cozy_comfort', description: 'Service tokens only' })
  @ApiOkResponse({ type: EventEndpointPageView })
  @ApiError(400, 'vendor_id is not a vendor id')
  @ApiError(404, 'A vendor token naming another vendor in vendor_id')
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query('vendor_id') vendorId?: string,
  ): Promise<EventEndpointPageView> {
    if (vendorId !== undefined && (typeof vendorId !== 'string' || !VENDOR_ID_PATTERN.test(vendorId))) {
      throw new BadRequestException(fieldError('vendor_id', 'vendor_id must be 1-64 letters, digits, _ . or -'));
    }
    return { items: await this.endpoints.list(principal, vendorId) };
  }

  @Get(':id')
  @ApiIdParam('id', 'event endpoint')
  @ApiOperation({ summary: 'One endpoint (its secret is never shown again)' })
  @ApiOkResponse({ type: EventEndpointView })
  get(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() principal: Principal): Promise<EventEndpointView> {
    return this.endpoints.get(id, principal);
  }

  @Delete(':id')
  @ApiIdParam('id', 'event endpoint')
  @ApiOperation({
    summary:
      'Remove an endpoint: nothing more is delivered to it, pending deliveries included; answers what was removed',
  })
  @ApiOkResponse({ type: EventEndpointView })
  remove(
    @Param('id', uuidParam('id')) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EventEndpointView> {
    return this.endpoints.remove(id, principal);
  }

  @Get(':id/deliveries')
  @ApiIdParam('id', 'event endpoint')
  @ApiOperation({ summary: "The endpoint's deliveries, newest first, each with its event and every attempt" })
  @ApiOkResponse({ type: EventDeliveryPageView })
  deliveries(
    @Param('id', uuidParam('id')) id: string,
    @Query() query: ListDeliveriesQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EventDeliveryPageView> {
    return this.endpoints.deliveries(id, principal, {
      status: query.status,
      limit: query.limit ?? DEFAULT_PAGE,
      before: query.before,
    });
  }
}
