import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { AuditService, type AuditActor } from '#libs/audit';
import { RegionConfig } from './region-config.entity.js';
import { RegionDirectory, type Region } from './region-directory.js';
import { DEFAULT_HANDOFF_RESPONSE_HOURS, type RegionSettings } from './region-settings.js';

/** Resolves PC4s to arbeidsmarktregio's from the tables the migration loaded, held in memory. */
@Injectable()
export class RegionsService implements OnModuleInit {
  private directory = new RegionDirectory([], []);

  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(RegionConfig) private readonly configs: Repository<RegionConfig>,
    private readonly audit: AuditService,
  ) {}

  async onModuleInit(): Promise<void> {
    const regions = await this.dataSource.query<{ code: string; name: string }[]>('SELECT code, name FROM region');
    const pc4s = await this.dataSource.query<{ pc4: number; region_code: string }[]>('SELECT pc4, region_code FROM pc4');
    this.directory = new RegionDirectory(
      regions,
      pc4s.map((row) => ({ pc4: Number(row.pc4), regionCode: row.region_code })),
    );
  }

  resolve(pc4: number): Region | null {
    return this.directory.resolve(pc4);
  }

  region(code: string): Region | null {
    return this.directory.region(code);
  }

  list(): Region[] {
    return this.directory.regions;
  }

  /** A region's settings with the defaults filled in; the national worklist (null) always has the defaults. */
  async settings(regionCode: string | null): Promise<RegionSettings> {
    return (await this.settingsOf([regionCode])).get(regionCode)!;
  }

  /** The settings of several regions in one read (a routing batch spans regions), keyed by region code. */
  async settingsOf(regionCodes: readonly (string | null)[]): Promise<Map<string | null, RegionSettings>> {
    const codes = [...new Set(regionCodes.filter((code): code is string => code !== null))];
    const configs = codes.length === 0 ? [] : await this.configs.findBy({ regionCode: In(codes) });
    const byCode = new Map(configs.map((config) => [config.regionCode, config]));
    return new Map(regionCodes.map((code) => [code, settingsFrom(code === null ? undefined : byCode.get(code))]));
  }

  async updateSettings(regionCode: string, settings: RegionSettings, actor: AuditActor): Promise<RegionSettings> {
    await this.configs.upsert(
      {
        regionCode,
        baseRoute: settings.baseRoute,
        sla: settings.sla,
        autoAssignTeams: settings.autoAssignTeams,
        handoffResponseHours: settings.handoffResponseHours,
        rulesetVersion: settings.rulesetVersion,
        healthConsent: settings.healthConsent,
        updatedAt: new Date(),
        updatedBy: actor.id,
      },
      ['regionCode'],
    );
    await this.audit.record({
      actor,
      action: 'region.settings_updated',
      details: {
        regionCode,
        baseRoute: settings.baseRoute,
        autoAssignTeams: settings.autoAssignTeams,
        handoffResponseHours: settings.handoffResponseHours,
        rulesetVersion: settings.rulesetVersion,
        healthConsent: settings.healthConsent,
      },
    });
    return this.settings(regionCode);
  }
}

function settingsFrom(config: RegionConfig | undefined): RegionSettings {
  return {
    baseRoute: config?.baseRoute ?? null,
    sla: config?.sla ?? {},
    autoAssignTeams: config?.autoAssignTeams ?? [],
    handoffResponseHours: config?.handoffResponseHours ?? DEFAULT_HANDOFF_RESPONSE_HOURS,
    rulesetVersion: config?.rulesetVersion ?? null,
    healthConsent: config?.healthConsent ?? null,
  };
}
