import { Logger, type INestApplicationContext, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppLogger } from '#libs/observability';
import { WorkerModule } from './worker.module.js';

/** Starts the worker; without `logLevels` (tests pass them) it logs JSON lines through the app logger. */
export async function startWorker(logLevels?: LogLevel[]): Promise<INestApplicationContext> {
  const context = await NestFactory.createApplicationContext(WorkerModule, logLevels ? { logger: logLevels } : { bufferLogs: true });
  if (!logLevels) context.useLogger(context.get(AppLogger));
  context.enableShutdownHooks();
  await context.init();
  Logger.log('Werkloket worker is consuming its queues', 'Worker');
  return context;
}
