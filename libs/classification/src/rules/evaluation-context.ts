import type { EmployerFacts, IntakeFacts, PersonFacts } from '../classification.types.js';
import type { TextAnalysis } from '../text/text-analysis.types.js';
import type { Language, Level, Role, Route } from '../vocabulary.js';

/** What a compiled condition may look at while one intake is classified. */
export interface EvaluationContext {
  readonly facts: IntakeFacts;
  /** Role of the reading: the chosen role, or the role the text implies under G7. */
  role: Role;
  personReading: boolean;
  /** Structured fields of the reading; undefined under G7 (text only). */
  person: PersonFacts | undefined;
  employer: EmployerFacts | undefined;
  readonly language: Language;
  readonly text: TextAnalysis;
  /** year * 12 + month - 1 of the reference month. */
  readonly referenceMonthIndex: number;
  roleConflict: boolean;
  /** Health words in the person's own text count without the consent box (consent is confirmed later). */
  readonly healthOwnWords: boolean;
  /** Per rule index: 1 once the rule fired. */
  readonly fired: Uint8Array;
  /** Bit per pyramid level (top 1, middle 2, base 4) of the level rules matched so far. */
  matchedLevels: number;
  resultLevel: Level | undefined;
  resultRoute: Route | undefined;
}

export type CompiledCondition = (ctx: EvaluationContext) => boolean;
