import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/** A four-digit postcode (PDOK) with the gemeente and arbeidsmarktregio it mostly lies in, loaded by migration. */
@Entity('pc4')
export class Pc4Record {
  @PrimaryColumn('smallint', { primaryKeyConstraintName: 'pc4_pkey' })
  pc4!: number;

  @ForeignKey('gemeente', { name: 'pc4_gemeente_code_fkey' })
  @Column('text', { name: 'gemeente_code' })
  gemeenteCode!: string;

  @ForeignKey('region', { name: 'pc4_region_code_fkey' })
  @Column('text', { name: 'region_code' })
  regionCode!: string;

  /** The share of the postcode's addresses in that gemeente (numeric(5,4): pg returns it as a string). */
  @Column('numeric', { precision: 5, scale: 4 })
  share!: string;
}
