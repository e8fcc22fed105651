import { createHmac } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '#libs/config';
import { IntakeService, type IntakeSubmission } from '#libs/intake';
import { StaffService } from '#libs/staff';
import demoIntakes from './demo-intakes.json' with { type: 'json' };

/** The demo region of the contract: Midden-Brabant. */
export const DEMO_REGION = 'AM26';

/**
 * Outside production: the contract's demo accounts, and on an empty database the public sample questions as
 * intakes, so a newcomer's worklists are not empty. In production: demo accounts that exist are deactivated.
 */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    private readonly config: AppConfig,
    private readonly staff: StaffService,
    private readonly intakes: IntakeService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // A database that once ran in demo mode keeps no usable demo account in production.
    if (this.config.isProduction) await this.staff.deactivateDemoAccounts();
    if (!this.config.seedDemoData) return;
    await this.staff.seedDemoAccounts(DEMO_REGION);
    if (this.config.seedDemoCases && (await this.intakes.isEmpty())) {
      const samples = demoIntakes as unknown as (Omit<IntakeSubmission, 'country' | 'question'> & Partial<Pick<IntakeSubmission, 'country' | 'question'>>)[];
      for (const [index, sample] of samples.entries()) {
        // Idempotency keys: submitting the same sample twice never creates a second intake. Derived from the
        // secret, so nobody can guess them and replay the public sample bodies to learn a tracking code.
        const key = createHmac('sha256', this.config.jwtSecret).update(`demo-${index}`).digest('base64url');
        await this.intakes.submit({ ...sample, country: sample.country ?? 'NL', question: sample.question ?? '' }, key);
      }
      this.logger.log(`Demo mode: submitted ${demoIntakes.length} sample questions`);
    }
  }
}
