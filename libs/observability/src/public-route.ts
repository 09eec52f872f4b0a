import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'voca:public-route';

/** Marks a route that needs no token: probes, metrics, docs and platform webhooks (which sign their own way). */
export const PublicRoute = () => SetMetadata(PUBLIC_ROUTE, true);
