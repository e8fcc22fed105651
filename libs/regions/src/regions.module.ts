import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '#libs/audit';
import { RegionConfig } from './region-config.entity.js';
import { RegionsService } from './regions.service.js';

@Module({ imports: [TypeOrmModule.forFeature([RegionConfig]), AuditModule], providers: [RegionsService], exports: [RegionsService] })
export class RegionsModule {}
