import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import type { Server } from 'node:http';
import { AppConfig } from '#libs/config';

/**
 * Bounded graceful shutdown of the HTTP side. Nest runs this before it closes the server: from then on every
 * response says `Connection: close`, idle keep-alive connections are closed at once, and whatever still holds a
 * connection after SHUTDOWN_DRAIN_MS is cut, so a client that keeps sending cannot keep the process alive.
 * An intake is stored in one transaction before its 201, so a cut connection never loses an accepted intake.
 */
@Injectable()
export class HttpDrain implements BeforeApplicationShutdown {
  private readonly logger = new Logger(HttpDrain.name);
  private draining = false;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: AppConfig,
  ) {}

  /** Responses being worked on whose headers have not gone out yet: they say `Connection: close` too once draining. */
  private readonly inFlight = new Set<Response>();

  /** Express middleware: marks responses `Connection: close` once draining, also those begun before it. */
  readonly middleware = (_request: Request, response: Response, next: NextFunction): void => {
    if (this.draining) {
      response.setHeader('Connection', 'close');
    } else {
      this.inFlight.add(response);
      const done = () => this.inFlight.delete(response);
      response.once('finish', done);
      response.once('close', done);
    }
    next();
  };

  /** Resolves once every connection is closed: in-flight requests answered, or cut after the drain time. */
  async beforeApplicationShutdown(): Promise<void> {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (!server?.listening || this.draining) return;
    this.draining = true;
    for (const response of this.inFlight) if (!response.headersSent) response.setHeader('Connection', 'close');
    this.inFlight.clear();
    this.logger.log(`Draining HTTP connections (at most ${this.config.shutdownDrainMs} ms)`);
    // Waited for here, so the database closes (after this hook) only once the requests using it are done.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    // A keep-alive connection that sends its next request before it sees Connection: close is closed once idle.
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    const cut = setTimeout(() => server.closeAllConnections(), this.config.shutdownDrainMs);
    try {
      await closed;
    } finally {
      clearInterval(idle);
      clearTimeout(cut);
    }
  }
}
