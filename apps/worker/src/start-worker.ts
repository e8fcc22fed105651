import { Logger, type INestApplicationContext, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from './worker.module.js';

export async function startWorker(logLevels?: LogLevel[]): Promise<INestApplicationContext> {
  const context = await NestFactory.createApplicationContext(WorkerModule, logLevels ? { logger: logLevels } : {});
  context.enableShutdownHooks();
  await context.init();
  Logger.log('Werkloket worker is consuming its queues', 'Worker');
  return context;
}
