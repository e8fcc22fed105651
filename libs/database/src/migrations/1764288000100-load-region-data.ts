import type { MigrationInterface, QueryRunner } from 'typeorm';
import { readRegionData } from '#libs/regions';

/** Loads the CBS 2026 arbeidsmarktregio's, gemeenten and the PDOK PC4 table shipped in libs/regions/data. */
export class LoadRegionData1764288000100 implements MigrationInterface {
  name = 'LoadRegionData1764288000100';

  async up(db: QueryRunner): Promise<void> {
    const { regions, gemeenten, pc4s } = readRegionData();
    await db.query(
      `INSERT INTO region (code, name) SELECT * FROM unnest($1::text[], $2::text[])`,
      [regions.map((r) => r.code), regions.map((r) => r.name)],
    );
    await db.query(
      `INSERT INTO gemeente (code, name, region_code) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`,
      [gemeenten.map((g) => g.code), gemeenten.map((g) => g.name), gemeenten.map((g) => g.regionCode)],
    );
    await db.query(
      `INSERT INTO pc4 (pc4, gemeente_code, region_code, share)
       SELECT * FROM unnest($1::smallint[], $2::text[], $3::text[], $4::numeric[])`,
      [pc4s.map((p) => p.pc4), pc4s.map((p) => p.gemeenteCode), pc4s.map((p) => p.regionCode), pc4s.map((p) => p.share)],
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM pc4; DELETE FROM gemeente; DELETE FROM region;`);
  }
}
