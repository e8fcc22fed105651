import { ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ProblemDetailsFilter } from './problem/problem-details.filter.js';
import { validationExceptionFactory } from './problem/problem.js';
import { RejectUnsafeInputPipe } from './problem/reject-unsafe-input.pipe.js';

/** Everything the HTTP app needs besides its module; shared by main.ts and the e2e tests. */
export function setupApp(app: NestExpressApplication): void {
  // Not strict: a JSON scalar body then fails validation (422) instead of parsing (400).
  app.useBodyParser('json', { limit: '32kb', strict: false });
  app.useGlobalPipes(
    new RejectUnsafeInputPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      exceptionFactory: validationExceptionFactory,
    }),
  );
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Werkloket')
      .setDescription('One intake point for every work question in a Dutch arbeidsmarktregio.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document);
}
