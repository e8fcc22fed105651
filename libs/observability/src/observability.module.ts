import { Global, Module } from '@nestjs/common';
import { AppConfig } from '#libs/config';
import { AppLogger } from './app-logger.js';
import { MetricsPort } from './metrics-port.js';

/** The JSON logger and the separate metrics port, for the api and the worker alike. */
@Global()
@Module({
  providers: [{ provide: AppLogger, inject: [AppConfig], useFactory: (config: AppConfig) => new AppLogger(config.logLevel) }, MetricsPort],
  exports: [AppLogger],
})
export class ObservabilityModule {}
