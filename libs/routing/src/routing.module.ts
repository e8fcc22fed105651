import { Module } from '@nestjs/common';
import { CasesModule } from '#libs/cases';
import { IntakeModule } from '#libs/intake';
import { RegionsModule } from '#libs/regions';
import { RoutingService } from './routing.service.js';

@Module({ imports: [IntakeModule, CasesModule, RegionsModule], providers: [RoutingService], exports: [RoutingService] })
export class RoutingModule {}
