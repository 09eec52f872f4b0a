import { Controller, ForbiddenException, Get, Headers, Res, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiExcludeController } from '@nestjs/swagger';
import { PrometheusController } from '@willsoto/nestjs-prometheus';
import type { Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { PublicRoute } from './public-route.js';

interface MetricsSettings {
  NODE_ENV: string;
  METRICS_TOKEN?: string;
  PORT?: number;
}

/**
 * Prometheus scrape endpoint. Open like the probes on the workers' private health ports; with METRICS_TOKEN set it
 * needs that bearer token, and the gateway (whose port faces the internet) serves it in production only with one.
 */
@ApiExcludeController()
@PublicRoute()
@Controller()
export class MetricsController extends PrometheusController {
  constructor(private readonly config: ConfigService<MetricsSettings, true>) {
    super();
  }

  @Get()
  override async index(
    @Res({ passthrough: true }) response: Response,
    @Headers('authorization') authorization?: string,
  ) {
    const token = this.config.get('METRICS_TOKEN', { infer: true });
    if (token) {
      if (!sameSecret(authorization ?? '', `Bearer ${token}`))
        throw new UnauthorizedException('/metrics needs the METRICS_TOKEN bearer token');
    } else if (this.config.get('NODE_ENV', { infer: true }) === 'production' && this.servesPublicPort()) {
      throw new ForbiddenException('set METRICS_TOKEN to scrape the gateway in production');
    }
    return super.index(response);
  }

  /** Only the gateway has PORT (workers serve health and metrics on HEALTH_PORT, which is never published). */
  private servesPublicPort(): boolean {
    return this.config.get('PORT', { infer: true }) !== undefined;
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
