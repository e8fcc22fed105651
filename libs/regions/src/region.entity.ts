import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

/**
 * An arbeidsmarktregio (CBS 2026), loaded by migration from libs/regions/data. Declared so that the schema is
 * described in one place and other tables' foreign keys can name it; the service reads it through RegionDirectory.
 */
@Entity('region')
@Unique('region_name_key', ['name'])
export class RegionRecord {
  @PrimaryColumn('text', { primaryKeyConstraintName: 'region_pkey' })
  code!: string;

  @Column('text')
  name!: string;
}
