import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RegionDirectory, type Region } from './region-directory.js';

/** Resolves PC4s to arbeidsmarktregio's from the tables the migration loaded, held in memory. */
@Injectable()
export class RegionsService implements OnModuleInit {
  private directory = new RegionDirectory([], []);

  constructor(private readonly dataSource: DataSource) {}

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
}
