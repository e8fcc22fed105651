// What the triage desk teaches the ruleset: for every route people chose by hand, the words and phrases of those
// questions that no rule read, ranked by how strongly they go with that route. Pure: the service feeds it rows.
import type { Route } from '#libs/classification';

export interface HandDecidedQuestion {
  /** The route a person chose. */
  route: Route;
  /** The words no rule read in that question (see unmatchedWords), each once. */
  unmatched: readonly string[];
}

export interface SuggestedTerm {
  term: string;
  /** Questions sent to this route by hand that contain the term. */
  count: number;
  /** Of all hand-decided questions containing the term, the share that went to this route. */
  share: number;
}

export interface RouteSuggestions {
  route: Route;
  /** Hand-decided questions that went to this route. */
  decisions: number;
  terms: SuggestedTerm[];
}

export interface SuggestionOptions {
  /** A term must occur in at least this many questions (small counts could point at one person). */
  minCount: number;
  /** Terms listed per route. */
  limit: number;
}

export const DEFAULT_SUGGESTION_OPTIONS: SuggestionOptions = { minCount: 3, limit: 20 };

/** Ranks by count × share: frequent for the route, and rare for the others. */
export function suggestTerms(questions: readonly HandDecidedQuestion[], options: SuggestionOptions = DEFAULT_SUGGESTION_OPTIONS): RouteSuggestions[] {
  const perRoute = new Map<Route, Map<string, number>>();
  const decisions = new Map<Route, number>();
  const overall = new Map<string, number>();
  for (const { route, unmatched } of questions) {
    decisions.set(route, (decisions.get(route) ?? 0) + 1);
    const counts = perRoute.get(route) ?? new Map<string, number>();
    perRoute.set(route, counts);
    for (const term of new Set(unmatched)) {
      counts.set(term, (counts.get(term) ?? 0) + 1);
      overall.set(term, (overall.get(term) ?? 0) + 1);
    }
  }
  return [...perRoute.entries()]
    .map(([route, counts]) => ({
      route,
      decisions: decisions.get(route) ?? 0,
      terms: [...counts.entries()]
        .filter(([, count]) => count >= options.minCount)
        .map(([term, count]) => ({ term, count, share: count / (overall.get(term) ?? count) }))
        .sort((a, b) => b.count * b.share - a.count * a.share || b.count - a.count || a.term.localeCompare(b.term))
        .slice(0, options.limit),
    }))
    .sort((a, b) => b.decisions - a.decisions || a.route.localeCompare(b.route));
}
