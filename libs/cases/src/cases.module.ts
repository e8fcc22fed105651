import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionsModule } from '#libs/regions';
import { CaseEvent } from './case-event.entity.js';
import { Case } from './case.entity.js';
import { CasesService } from './cases.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Case, CaseEvent]), RegionsModule],
  providers: [CasesService],
  exports: [CasesService],
})
export class CasesModule {}
