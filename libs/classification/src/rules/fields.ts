// The request fields a ruleset condition may test, with the values each may hold (for validating the file)
// and how to read it from an evaluation context.
import type { EmployerFacts, PersonFacts } from '../classification.types.js';
import {
  AGE_BANDS,
  BENEFITS,
  COUNTRIES,
  DISMISSAL_REASONS,
  EMPLOYER_REQUEST_TYPES,
  EMPLOYER_SIZE_BANDS,
  INDICATIONS,
  LANGUAGES,
  QUESTION_TYPES,
  REDUNDANT_STAFF,
  ROLES,
  SECTORS,
  SITUATIONS,
  YES_NO_UNKNOWN,
  YES_NO_UNKNOWN_PNS,
} from '../vocabulary.js';
import type { EvaluationContext } from './evaluation-context.js';

export type FieldKind = 'enum' | 'boolean' | 'month' | 'text';

export interface FieldSpec {
  kind: FieldKind;
  values?: readonly string[];
  get: (ctx: EvaluationContext) => unknown;
}

const PERSON_FIELDS: Record<keyof PersonFacts, Omit<FieldSpec, 'get'>> = {
  ageBand: { kind: 'enum', values: AGE_BANDS },
  situation: { kind: 'enum', values: SITUATIONS },
  benefit: { kind: 'enum', values: BENEFITS },
  targetGroupRegister: { kind: 'enum', values: YES_NO_UNKNOWN_PNS },
  occupationalDisability: { kind: 'enum', values: YES_NO_UNKNOWN_PNS },
  indication: { kind: 'enum', values: INDICATIONS },
  praktijkOrVsoSchool: { kind: 'enum', values: YES_NO_UNKNOWN },
  dismissalRisk: { kind: 'enum', values: YES_NO_UNKNOWN },
  dismissalReason: { kind: 'enum', values: DISMISSAL_REASONS },
  dismissalMonth: { kind: 'month' },
  sector: { kind: 'enum', values: SECTORS },
  questionType: { kind: 'enum', values: QUESTION_TYPES },
};

const EMPLOYER_FIELDS: Record<keyof EmployerFacts, Omit<FieldSpec, 'get'>> = {
  kvkNumber: { kind: 'text' },
  sizeBand: { kind: 'enum', values: EMPLOYER_SIZE_BANDS },
  sector: { kind: 'enum', values: SECTORS },
  requestType: { kind: 'enum', values: EMPLOYER_REQUEST_TYPES },
  redundantStaff: { kind: 'enum', values: REDUNDANT_STAFF },
};

function buildFieldSpecs(): ReadonlyMap<string, FieldSpec> {
  const specs = new Map<string, FieldSpec>();
  // `role` is the role of the reading: the chosen role, or the one the text implies under G7.
  specs.set('role', { kind: 'enum', values: ROLES, get: (ctx) => ctx.role });
  specs.set('country', { kind: 'enum', values: COUNTRIES, get: (ctx) => ctx.facts.country });
  specs.set('language', { kind: 'enum', values: LANGUAGES, get: (ctx) => ctx.language });
  specs.set('consent.specialCategoryData', {
    kind: 'boolean',
    get: (ctx) => ctx.facts.consent.specialCategoryData,
  });
  for (const [name, spec] of Object.entries(PERSON_FIELDS)) {
    const key = name as keyof PersonFacts;
    specs.set(`person.${name}`, { ...spec, get: (ctx) => ctx.person?.[key] });
  }
  for (const [name, spec] of Object.entries(EMPLOYER_FIELDS)) {
    const key = name as keyof EmployerFacts;
    specs.set(`employer.${name}`, { ...spec, get: (ctx) => ctx.employer?.[key] });
  }
  return specs;
}

export const FIELD_SPECS = buildFieldSpecs();

/** Values that leave a field open (§4: absent, unknown, prefer_not_to_say; for benefit also other). */
export function openValuesOf(path: string): readonly string[] {
  return path === 'person.benefit' ? ['unknown', 'prefer_not_to_say', 'other'] : ['unknown', 'prefer_not_to_say'];
}

/** Values that count as "not filled in" for G1 (benefit = other is an answer there). */
export const UNANSWERED_VALUES: readonly string[] = ['unknown', 'prefer_not_to_say'];
