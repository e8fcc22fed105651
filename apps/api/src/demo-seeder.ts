import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '#libs/config';
import { StaffService } from '#libs/staff';

/** The demo region of the contract: Midden-Brabant. */
export const DEMO_REGION = 'AM26';

/** Outside production, creates the contract's demo accounts on start (idempotent). Never in production. */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  constructor(
    private readonly config: AppConfig,
    private readonly staff: StaffService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.seedDemoData) await this.staff.seedDemoAccounts(DEMO_REGION);
  }
}
