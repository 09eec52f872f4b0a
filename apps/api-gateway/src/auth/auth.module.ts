import { Module, type DynamicModule } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import type { GatewayEnv } from '@voca/config';
import { TokenVerifier } from './token-verifier.js';

/**
 * Bearer tokens: verified with JWT_SECRET_KEY and the configured issuer, audience and lifetime. Registered once, for
 * the whole gateway: the API's guard and the queue dashboard's middleware check tokens with the same verifier.
 */
@Module({})
export class AuthModule {
  static forEnv(env: GatewayEnv): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: [
        JwtModule.register({
          secret: env.JWT_SECRET_KEY,
          verifyOptions: {
            algorithms: ['HS256'],
            maxAge: `${env.JWT_MAX_AGE_S}s`,
            ...(env.JWT_ISSUER ? { issuer: env.JWT_ISSUER } : {}),
            ...(env.JWT_AUDIENCE ? { audience: env.JWT_AUDIENCE } : {}),
          },
        }),
      ],
      providers: [TokenVerifier],
      exports: [TokenVerifier],
    };
  }
}
