import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A case worker's note on a case. Shown only to those who may work on the case. */
@Entity('case_note')
export class CaseNote {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('uuid', { name: 'author_id' })
  authorId!: string;

  @Column('timestamptz', { default: () => 'now()' })
  at!: Date;

  @Column('text')
  text!: string;
}
