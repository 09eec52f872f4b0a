import { Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { OutboundHttpClient, type OutboundHttpSettings } from './outbound-http-client.js';

/** The variables the outbound client reads (validated by each app's schema in libs/config). */
export interface OutboundHttpEnv {
  NODE_ENV: string;
  OUTBOUND_ALLOWED_CIDRS: string[];
  OUTBOUND_DNS_SERVERS?: string[];
}

/** The client's settings from an app's configuration: plain HTTP everywhere but production. */
export function outboundHttpSettingsFrom(config: {
  get<K extends keyof OutboundHttpEnv>(key: K, options: { infer: true }): OutboundHttpEnv[K];
}): OutboundHttpSettings {
  return {
    allowPlainHttp: config.get('NODE_ENV', { infer: true }) !== 'production',
    allowedCidrs: config.get('OUTBOUND_ALLOWED_CIDRS', { infer: true }),
    dnsServers: config.get('OUTBOUND_DNS_SERVERS', { infer: true }),
  };
}

/** One OutboundHttpClient per process, its connections closed on shutdown. */
@Module({
  providers: [
    {
      provide: OutboundHttpClient,
      inject: [ConfigService],
      useFactory: (config: ConfigService<OutboundHttpEnv, true>) =>
        new OutboundHttpClient(outboundHttpSettingsFrom(config)),
    },
  ],
  exports: [OutboundHttpClient],
})
export class OutboundHttpModule implements OnApplicationShutdown {
  constructor(private readonly client: OutboundHttpClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}
