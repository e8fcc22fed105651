import { Logger } from '@nestjs/common';

/**
 * After SIGTERM or SIGINT the process exits within `drainMs` plus a margin, whatever still hangs: Nest's shutdown
 * hooks drain HTTP and let running jobs finish; a job cut off here is stalled and BullMQ hands it to another
 * worker (routing is idempotent), so nothing accepted is lost.
 */
export function exitWithinDrainTime(drainMs: number): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        Logger.error(`Shutdown took longer than ${drainMs} ms; exiting`, 'Shutdown');
        process.exit(1);
      }, drainMs + 2_000).unref();
    });
  }
}
