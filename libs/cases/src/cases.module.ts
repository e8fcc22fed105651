import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '#libs/audit';
import { WorkingDayCalendar } from '#libs/calendar';
import { QueueModule } from '#libs/queue';
import { RegionsModule } from '#libs/regions';
import { AssignmentService } from './assignment.service.js';
import { CaseClassificationService } from './case-classification.service.js';
import { CaseClocksService } from './case-clocks.service.js';
import { CaseEvent } from './case-event.entity.js';
import { CaseNote } from './case-note.entity.js';
import { CaseSweepsService } from './case-sweeps.service.js';
import { CaseTimersService } from './case-timers.service.js';
import { CaseWriter } from './case-writer.js';
import { Case } from './case.entity.js';
import { CasesService } from './cases.service.js';
import { Handoff } from './handoff.entity.js';
import { HandoffsService } from './handoffs.service.js';
import { ManualDecision } from './manual-decision.entity.js';
import { OverviewService } from './overview.service.js';
import { TriageService } from './triage.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Case, CaseEvent, CaseNote, Handoff, ManualDecision]), RegionsModule, AuditModule, QueueModule],
  providers: [
    // Bevrijdingsdag counts only in lustrum years, as for most government bodies (see libs/calendar).
    { provide: WorkingDayCalendar, useValue: new WorkingDayCalendar() },
    CaseClocksService,
    CaseWriter,
    CaseClassificationService,
    CasesService,
    TriageService,
    HandoffsService,
    AssignmentService,
    CaseTimersService,
    CaseSweepsService,
    OverviewService,
  ],
  exports: [CasesService, CaseClassificationService, TriageService, HandoffsService, AssignmentService, CaseTimersService, CaseSweepsService, OverviewService],
})
export class CasesModule {}
