export { AppConfig, ConfigError, loadConfig, LOG_LEVELS, NODE_ENVS } from './app-config.js';
export type { LogLevelName, NodeEnv } from './app-config.js';
export { parseTrustProxy } from './trust-proxy.js';
export type { TrustProxy } from './trust-proxy.js';
export { ConfigModule } from './config.module.js';
