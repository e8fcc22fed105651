import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig } from '#libs/config';
import { AppLogger } from '#libs/observability';
import { exitWithinDrainTime } from '#libs/shutdown';
import { startWorker } from '../../worker/src/start-worker.js';
import { ApiModule } from './api.module.js';
import { setupApp } from './setup-app.js';

async function main(): Promise<void> {
  // Nest's own lines wait until the JSON logger is in place, so every line of the process is JSON.
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, { bodyParser: false, bufferLogs: true });
  app.useLogger(app.get(AppLogger));
  setupApp(app);
  const config = app.get(AppConfig);
  exitWithinDrainTime(config.shutdownDrainMs);
  await app.listen(config.port);
  Logger.log(`Werkloket API on http://localhost:${config.port} (OpenAPI: /docs)`, 'Main');
  // `npm start` runs the worker in the same process; `npm run start:api` leaves it to a separate process.
  if (process.argv.includes('--with-worker')) await startWorker();
}

main().catch((error: unknown) => {
  Logger.error(error instanceof Error ? error.message : String(error), 'Main');
  process.exit(1);
});
