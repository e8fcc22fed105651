import { Module } from '@nestjs/common';
import { RegionsModule } from '#libs/regions';
import { ReplayService } from './replay.service.js';
import { ReportsService } from './reports.service.js';

@Module({ imports: [RegionsModule], providers: [ReportsService, ReplayService], exports: [ReportsService, ReplayService] })
export class ReportsModule {}
