import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { AppConfig } from '#libs/config';
import { exitWithinDrainTime } from '#libs/shutdown';
import { startWorker } from './start-worker.js';

startWorker()
  .then((context) => exitWithinDrainTime(context.get(AppConfig).shutdownDrainMs))
  .catch((error: unknown) => {
    Logger.error(error instanceof Error ? error.message : String(error), 'Worker');
    process.exit(1);
  });
