import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { GatewayEnv } from '@voca/config';
import { listenForEvents } from '@voca/bootstrap';
import { withOtherBodyTypes } from './http/api-docs.js';
import { strictValidationPipe } from './http/validation.pipe.js';

/** Everything the gateway sets up around its module: validation, OpenAPI at /docs, and the progress listener. */
export async function configureGateway(app: NestExpressApplication, env: GatewayEnv): Promise<void> {
  app.useGlobalPipes(strictValidationPipe());
  // Only the proxies named here may set the client's address (X-Forwarded-For): the per-address limits count by it.
  app.set('trust proxy', env.TRUST_PROXY);
  const document = withOtherBodyTypes(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Voca AI Engine')
        .setDescription('Provision and run AI customer-service agents on voice, SMS and social channels.')
        .setVersion('1')
        .setLicense('Apache-2.0', 'https://www.apache.org/licenses/LICENSE-2.0')
        .addServer('/', 'The gateway serving this document')
        .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
        .build(),
    ),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  // Progress ticks from the workers arrive over Redis pub/sub.
  await listenForEvents(app, env.REDIS_URL);
}
