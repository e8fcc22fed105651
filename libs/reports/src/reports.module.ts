import { Module } from '@nestjs/common';
import { RegionsModule } from '#libs/regions';
import { OutcomeReportsService } from './outcome-reports.service.js';
import { ReplayService } from './replay.service.js';
import { ReportFactsService } from './report-facts.service.js';
import { ReportsService } from './reports.service.js';

@Module({
  imports: [RegionsModule],
  providers: [ReportsService, ReplayService, OutcomeReportsService, ReportFactsService],
  exports: [ReportsService, ReplayService, OutcomeReportsService, ReportFactsService],
})
export class ReportsModule {}
