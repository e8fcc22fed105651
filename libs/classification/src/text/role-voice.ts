// §6.5 Role-voice signals for G7: does the text speak as an employer, as an employee, or as the owner of a
// one-person business? Patterns come from the ruleset; like phrases they allow up to maxFillers filler tokens
// and an inflected last word.
import type { TextSettingsDef, VoicePatternDef, VoiceSignalDef } from '../ruleset/ruleset.types.js';
import { inflectedForms } from './lexicon.js';
import type { RoleVoices } from './text-analysis.types.js';

interface Pattern {
  id: number;
  slots: readonly ReadonlySet<string>[];
  maxFillers: number;
}

interface CompiledSignal {
  /** Every clause must be present in the sentence; a clause is present when one of its patterns is. */
  all: Pattern[][];
  /** No clause may be present in the sentence. */
  none: Pattern[][];
}

export interface CompiledRoleVoice {
  employer: CompiledSignal[];
  employee: CompiledSignal[];
  ownBusiness: CompiledSignal[];
  /** Named sentence signals (text.signals): concepts that are words appearing together, in any order. */
  named: { name: string; signals: CompiledSignal[] }[];
  /** Patterns by each word their first slot accepts, so a sentence is scanned once. */
  byFirstWord: ReadonlyMap<string, Pattern[]>;
  patternCount: number;
}

export function compileRoleVoice(text: TextSettingsDef): CompiledRoleVoice {
  const acronyms = new Set(text.acronyms);
  const byFirstWord = new Map<string, Pattern[]>();
  let patternCount = 0;
  const compilePattern = (def: VoicePatternDef): Pattern => {
    const alternatives = def.pattern.split(' ').map((slot) => slot.split('|'));
    const last = alternatives.length - 1;
    // As for phrases, the last word of a multi-word pattern may be inflected: its forms are expanded here, so
    // matching is one set lookup per token. Single-word patterns ("wij|we", the verb lists) spell out their forms.
    const slots = alternatives.map(
      (words, i) =>
        new Set(
          i < last || last === 0 ? words : words.flatMap((w) => [w, ...inflectedForms(w, text.inflections, acronyms)]),
        ),
    );
    const pattern: Pattern = { id: patternCount++, slots, maxFillers: def.maxFillers ?? text.maxFillers };
    for (const word of slots[0]) {
      const list = byFirstWord.get(word);
      if (list) list.push(pattern);
      else byFirstWord.set(word, [pattern]);
    }
    return pattern;
  };
  const compileSignal = (def: VoiceSignalDef): CompiledSignal => {
    const clause = (patterns: VoicePatternDef[]): Pattern[] => patterns.map(compilePattern);
    return { all: def.all.map(clause), none: def.none.map(clause) };
  };
  return {
    employer: text.roleVoice.employer.map(compileSignal),
    employee: text.roleVoice.employee.map(compileSignal),
    ownBusiness: text.roleVoice.ownBusiness.map(compileSignal),
    named: Object.entries(text.signals).map(([name, defs]) => ({ name, signals: defs.map(compileSignal) })),
    byFirstWord,
    patternCount,
  };
}

export interface VoiceChecks {
  employer: boolean;
  employee: boolean;
  ownBusiness: boolean;
}

/** Does the pattern match with its first word at `start`? Nearest occurrences, at most maxFillers in total. */
function patternAt(pattern: Pattern, tokens: readonly string[], start: number): boolean {
  const { maxFillers } = pattern;
  let pos = start;
  let fillers = 0;
  for (let s = 1; s < pattern.slots.length; s++) {
    const slot = pattern.slots[s];
    let found = -1;
    for (let p = pos + 1; p < tokens.length && p - pos - 1 + fillers <= maxFillers; p++) {
      if (slot.has(tokens[p])) {
        found = p;
        break;
      }
    }
    if (found < 0) return false;
    fillers += found - pos - 1;
    pos = found;
  }
  return true;
}

function signalPresent(signals: readonly CompiledSignal[], present: Uint8Array): boolean {
  const clauseIn = (clause: Pattern[]): boolean => clause.some((pattern) => present[pattern.id] === 1);
  return signals.some((signal) => signal.all.every(clauseIn) && !signal.none.some(clauseIn));
}

/**
 * Only the voices that matter for the chosen role are checked (§6.5); the others are reported false. Named signals
 * are always checked; `signals[i]` is 1 when named signal i holds in some sentence.
 */
export function detectVoices(
  voice: CompiledRoleVoice,
  sentences: readonly string[][],
  checks: VoiceChecks,
  signals: Uint8Array = new Uint8Array(voice.named.length),
): RoleVoices {
  const voices: RoleVoices = { employer: false, employee: false, ownBusiness: false };
  if (!checks.employer && !checks.employee && !checks.ownBusiness && voice.named.length === 0) return voices;
  const present = new Uint8Array(voice.patternCount);
  // Named signals look at a sentence together with the one before it: "stond op het perron. één stap en klaar".
  const previous = new Uint8Array(voice.named.length > 0 ? voice.patternCount : 0);
  const window = new Uint8Array(previous.length);
  for (const tokens of sentences) {
    if (previous.length > 0) previous.set(present);
    present.fill(0);
    for (let i = 0; i < tokens.length; i++) {
      const patterns = voice.byFirstWord.get(tokens[i]);
      if (!patterns) continue;
      for (const pattern of patterns) {
        if (present[pattern.id] === 0 && patternAt(pattern, tokens, i)) present[pattern.id] = 1;
      }
    }
    // Signals are per sentence: "any one sentence that has …".
    if (checks.employer && signalPresent(voice.employer, present)) voices.employer = true;
    if (checks.employee && signalPresent(voice.employee, present)) voices.employee = true;
    if (checks.ownBusiness && signalPresent(voice.ownBusiness, present)) voices.ownBusiness = true;
    if (voice.named.length > 0) {
      for (let k = 0; k < window.length; k++) window[k] = present[k] | previous[k];
      voice.named.forEach((named, i) => {
        if (signals[i] === 0 && signalPresent(named.signals, window)) signals[i] = 1;
      });
    }
  }
  return voices;
}
