import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { AppConfig } from '#libs/config';
import { metricsAuthorized } from './metrics-auth.js';
import { METRICS_CONTENT_TYPE, renderMetrics } from './metrics.js';

/** One server per process, shared by an api and a worker started together (`npm start`). */
let server: Server | null = null;
let listening: Promise<void> | null = null;
let users = 0;

async function answer(request: IncomingMessage, response: ServerResponse, token: string | undefined): Promise<void> {
  const path = (request.url ?? '').split('?')[0];
  if (request.method !== 'GET' || path !== '/metrics') {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
  } else if (!metricsAuthorized(request.headers.authorization, token)) {
    response.writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' }).end('Send the metrics token as "Authorization: Bearer <token>".\n');
  } else {
    const body = await renderMetrics();
    response.writeHead(200, { 'content-type': METRICS_CONTENT_TYPE }).end(body);
  }
}

/**
 * With METRICS_PORT, /metrics is served by a small HTTP server of its own on that port (and not on PORT), so it can
 * stay inside the cluster network; METRICS_TOKEN, when set, is asked for there too. A worker running alone serves its
 * metrics only this way.
 */
@Injectable()
export class MetricsPort implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsPort.name);
  private acquired = false;

  constructor(private readonly config: AppConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    const port = this.config.metricsPort;
    if (port === undefined) return;
    this.acquired = true;
    users += 1;
    if (server) {
      // The other half of this process (api or worker) opened it already.
      await listening;
      return;
    }
    const token = this.config.metricsToken;
    const created = createServer((request, response) => {
      answer(request, response, token).catch(() => {
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
        response.end();
      });
    });
    server = created;
    listening = new Promise<void>((resolve, reject) => {
      created.once('error', reject);
      created.listen(port, () => {
        created.off('error', reject);
        resolve();
      });
    });
    await listening;
    this.logger.log(`Metrics on port ${port} (/metrics${this.config.metricsToken ? ', with the token' : ''})`);
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.acquired) return;
    this.acquired = false;
    users -= 1;
    if (users > 0 || !server) return;
    const closing = server;
    server = null;
    listening = null;
    closing.closeAllConnections();
    await new Promise<void>((resolve) => closing.close(() => resolve()));
  }
}
