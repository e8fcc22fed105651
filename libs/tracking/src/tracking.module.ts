import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseEvent, CasesModule } from '#libs/cases';
import { IntakeModule } from '#libs/intake';
import { RegionsModule } from '#libs/regions';
import { TrackingService } from './tracking.service.js';

@Module({ imports: [IntakeModule, CasesModule, RegionsModule, TypeOrmModule.forFeature([CaseEvent])], providers: [TrackingService], exports: [TrackingService] })
export class TrackingModule {}
