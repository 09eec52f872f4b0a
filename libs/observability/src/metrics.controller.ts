import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PrometheusController } from '@willsoto/nestjs-prometheus';
import type { Response } from 'express';
import { PublicRoute } from './public-route.js';

/** Prometheus scrape endpoint, reachable without a token like the probes. */
@ApiExcludeController()
@PublicRoute()
@Controller()
export class MetricsController extends PrometheusController {
  @Get()
  override async index(@Res({ passthrough: true }) response: Response) {
    return super.index(response);
  }
}
