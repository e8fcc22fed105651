import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/** A gemeente (CBS 2026) and its arbeidsmarktregio, loaded by migration from libs/regions/data. */
@Entity('gemeente')
export class GemeenteRecord {
  @PrimaryColumn('text', { primaryKeyConstraintName: 'gemeente_pkey' })
  code!: string;

  @Column('text')
  name!: string;

  @ForeignKey('region', { name: 'gemeente_region_code_fkey' })
  @Column('text', { name: 'region_code' })
  regionCode!: string;
}
