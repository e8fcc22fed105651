import { Module } from '@nestjs/common';
import { AuditModule } from '#libs/audit';
import { CasesModule } from '#libs/cases';
import { RoutingModule } from '#libs/routing';
import { MaintenanceService } from './maintenance.service.js';

@Module({ imports: [RoutingModule, CasesModule, AuditModule], providers: [MaintenanceService], exports: [MaintenanceService] })
export class MaintenanceModule {}
