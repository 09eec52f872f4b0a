import 'reflect-metadata';
import { Transport, type MicroserviceOptions } from '@nestjs/microservices';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { startApp } from '@voca/bootstrap';
import { gatewayEnvSchema, loadEnvOrExit } from '@voca/config';
import { redisConnectionOptions } from '@voca/queue';
import { GATEWAY, GatewayModule } from './gateway.module.js';
import { strictValidationPipe } from './http/validation.pipe.js';

const env = loadEnvOrExit(GATEWAY, gatewayEnvSchema);

await startApp(GatewayModule.forEnv(env), {
  port: env.PORT,
  bodyLimit: env.HTTP_BODY_LIMIT,
  configure: async (app) => {
    app.useGlobalPipes(strictValidationPipe());
    app.set('trust proxy', true);
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Voca AI Engine')
        .setDescription('Provision and run AI customer-service agents on voice, SMS and social channels.')
        .setVersion('1')
        .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
        .build(),
    );
    SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
    // Progress ticks from the workers arrive over Redis pub/sub.
    app.connectMicroservice<MicroserviceOptions>({
      transport: Transport.REDIS,
      options: redisConnectionOptions(env.REDIS_URL),
    });
    await app.startAllMicroservices();
  },
});
