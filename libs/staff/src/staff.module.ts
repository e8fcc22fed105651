import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '#libs/audit';
import { AppConfig } from '#libs/config';
import { RateLimitModule } from '#libs/rate-limit';
import { RegionsModule } from '#libs/regions';
import { CaseWorker } from './case-worker.entity.js';
import { StaffService } from './staff.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([CaseWorker]),
    AuditModule,
    RegionsModule,
    RateLimitModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ secret: config.jwtSecret, signOptions: { expiresIn: config.jwtTtlSeconds } }),
    }),
  ],
  providers: [StaffService],
  exports: [StaffService],
})
export class StaffModule {}
