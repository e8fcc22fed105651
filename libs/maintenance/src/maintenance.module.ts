import { Module } from '@nestjs/common';
import { AuditModule } from '#libs/audit';
import { CasesModule } from '#libs/cases';
import { ReportsModule } from '#libs/reports';
import { RoutingModule } from '#libs/routing';
import { MaintenanceService } from './maintenance.service.js';

@Module({ imports: [RoutingModule, CasesModule, AuditModule, ReportsModule], providers: [MaintenanceService], exports: [MaintenanceService] })
export class MaintenanceModule {}
