import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueModule } from '#libs/queue';
import { RegionsModule } from '#libs/regions';
import { Intake } from './intake.entity.js';
import { IntakeService } from './intake.service.js';
import { PreviewRateLimiter } from './preview-rate-limiter.js';

@Module({
  imports: [TypeOrmModule.forFeature([Intake]), RegionsModule, QueueModule],
  providers: [IntakeService, PreviewRateLimiter],
  exports: [IntakeService, PreviewRateLimiter, TypeOrmModule],
})
export class IntakeModule {}
