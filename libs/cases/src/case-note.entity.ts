import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A case worker's note on a case. Shown only to those who may work on the case. */
@Entity('case_note')
@Index('case_note_case', ['caseId', 'id'])
export class CaseNote {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'case_note_pkey' })
  id!: string;

  @ForeignKey('case', { name: 'case_note_case_id_fkey' })
  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @ForeignKey('case_worker', { name: 'case_note_author_id_fkey' })
  @Column('uuid', { name: 'author_id' })
  authorId!: string;

  @Column('timestamptz', { default: () => 'now()' })
  at!: Date;

  @Column('text')
  text!: string;
}
