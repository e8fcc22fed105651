import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { startWorker } from './start-worker.js';

startWorker().catch((error: unknown) => {
  Logger.error(error instanceof Error ? error.message : String(error), 'Worker');
  process.exit(1);
});
