import { ValidationPipe, type INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { AppConfig } from '#libs/config';
import { AppLogger, bindRequestLogContext, observeRequests } from '#libs/observability';
import { useSecurityHeaders } from './security/security-headers.js';
import { HttpDrain } from './shutdown/http-drain.js';
import { ProblemDetailsFilter } from './problem/problem-details.filter.js';
import { validationExceptionFactory } from './problem/problem.js';
import { RejectUnsafeInputPipe } from './problem/reject-unsafe-input.pipe.js';

/** Everything the HTTP app needs besides its module; shared by main.ts and the e2e tests. */
export function setupApp(app: NestExpressApplication): void {
  const config = app.get(AppConfig);
  // First of all: the request id (X-Request-Id kept when sane), its duration by route and status, its log line.
  app.use(observeRequests(app.get(AppLogger).pino));
  useSecurityHeaders(app, config.isProduction);
  // Whose X-Forwarded-For is believed for req.ip, the client address of the rate limits (off unless TRUST_PROXY says).
  app.set('trust proxy', config.trustProxySetting);
  // Not strict: a JSON scalar body then fails validation (422) instead of parsing (400).
  app.useBodyParser('json', { limit: '32kb', strict: false });
  // The browser's staff session travels in cookies (see auth/session-cookies.ts).
  app.use(cookieParser());
  // After the body parser: from here on every log line of the request carries its id.
  app.use(bindRequestLogContext);
  app.use(app.get(HttpDrain).middleware);
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
  // In production the API description is public only when the operator says so (DOCS_ENABLED=true).
  if (config.serveDocs) SwaggerModule.setup('docs', app, openApiDocument(app));
}

/** The OpenAPI document of the API (served at /docs, committed as apps/web/src/api/openapi.json). */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Werkloket')
      .setDescription('One intake point for every work question in a Dutch arbeidsmarktregio.')
      .setVersion('1')
      .setLicense('EUPL-1.2', 'https://eupl.eu/1.2/en/')
      .addServer('/', 'This Werkloket')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'From POST /api/v1/auth/login (API clients).' }, 'bearer')
      .addCookieAuth('werkloket_session', { type: 'apiKey', in: 'cookie', description: 'From POST /api/v1/auth/session (the browser); state-changing requests also send X-CSRF-Token.' }, 'session')
      .build(),
  );
}
