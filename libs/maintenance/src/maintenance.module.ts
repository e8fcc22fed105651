import { Module } from '@nestjs/common';
import { CasesModule } from '#libs/cases';
import { RoutingModule } from '#libs/routing';
import { MaintenanceService } from './maintenance.service.js';

@Module({ imports: [RoutingModule, CasesModule], providers: [MaintenanceService], exports: [MaintenanceService] })
export class MaintenanceModule {}
