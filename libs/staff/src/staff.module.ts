import { createSecretKey } from 'node:crypto';
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
      // One algorithm, both ways: a token signed any other way (or with "none") is refused.
      useFactory: (config: AppConfig) => ({
        // A key object, made once: given a string, jsonwebtoken tries to read it as a public key on every call first.
        secret: createSecretKey(Buffer.from(config.jwtSecret)),
        signOptions: { expiresIn: config.jwtTtlSeconds, algorithm: 'HS256' as const },
        verifyOptions: { algorithms: ['HS256' as const] },
      }),
    }),
  ],
  providers: [StaffService],
  exports: [StaffService],
})
export class StaffModule {}
