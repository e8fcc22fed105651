import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueModule } from '#libs/queue';
import { RegionsModule } from '#libs/regions';
import { Intake } from './intake.entity.js';
import { IntakeService } from './intake.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Intake]), RegionsModule, QueueModule],
  providers: [IntakeService],
  exports: [IntakeService, TypeOrmModule],
})
export class IntakeModule {}
