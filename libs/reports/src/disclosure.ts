/**
 * Small-cell suppression for reports that leave the team. Pure: no I/O.
 *
 * The rules (README, "Outcome monitoring"):
 * 1. Primary: a count from 1 to 4 is never shown; it reads "< 5". 0 is shown (it names nobody).
 * 2. Secondary: a count must not be derivable either. Cells that add up to a total (the results of a row and its
 *    closed total; the rows of a column and the total row; a count and what is left of its total, such as "within the
 *    norm" and the cases that were not) form a line. Whenever the shown cells of a line, with what can be worked out
 *    from other lines, would give away a hidden count or a count from 1 to 4 that is not shown, the smallest shown
 *    non-zero cell of that line (a part before its total) is hidden too, until no line gives anything away.
 * 3. Derived figures: a share is shown only when its denominator is at least 5 and neither its numerator nor its
 *    denominator is hidden; a median or 90th percentile only when it is computed from at least 5 cases.
 *
 * A count from 1 to 4, and a figure derived from fewer than 5 cases or from such a count, is
 * `{ value: null, display: "< 5" }`; a count hidden only so that a small one cannot be worked out (secondary, so 5
 * or more), and a share of it, is `{ value: null, display: "x" }`; a figure over nothing (a share of 0 cases) is
 * `{ value: null, display: "–" }`. `display` is exactly what the CSV export writes.
 */

export const SUPPRESSION_THRESHOLD = 5;
export const SUPPRESSED = '< 5';
export const SUPPRESSED_SECONDARY = 'x';
export const NOT_APPLICABLE = '–';

export type FigureKind = 'count' | 'share' | 'days' | 'hours';

export interface Figure {
  /** null when suppressed (display "< 5") or when there is nothing to compute (display "–"). */
  value: number | null;
  display: string;
}

/** "< 5" for a count from 1 to 4, "x" for a larger count hidden to protect a small one. */
function marker(count: number): string {
  return isSmall(count) ? SUPPRESSED : SUPPRESSED_SECONDARY;
}

/** Whether a count must not be shown or derivable: 1 to 4. */
export function isSmall(count: number): boolean {
  return count >= 1 && count < SUPPRESSION_THRESHOLD;
}

export function formatFigure(kind: FigureKind, value: number): string {
  switch (kind) {
    case 'count':
      return String(value);
    case 'share':
      return `${(value * 100).toFixed(1)}%`;
    case 'days':
      return value.toFixed(1);
    case 'hours':
      return String(value);
  }
}

interface CountCell {
  value: number;
  /** Shown in a table; false for a count that is only implied (e.g. the cases that missed the norm). */
  visible: boolean;
}

type Derived =
  | { type: 'share'; numerator: string; denominator: string }
  | { type: 'statistic'; kind: 'days' | 'hours'; value: number | null; n: number };

/**
 * Collects the counts of one report (every table of it, so that linked tables are protected together), the lines
 * they add up in and the figures derived from them; `resolve` applies the rules above.
 */
export class Disclosure {
  private readonly counts = new Map<string, CountCell>();
  private readonly lines: { parts: string[]; total: string }[] = [];
  private readonly derived = new Map<string, Derived>();
  private resolved: Map<string, Figure> | null = null;

  /** A count; the same id in several tables is one cell (a shared total). */
  count(id: string, value: number, options: { visible?: boolean } = {}): string {
    const existing = this.counts.get(id);
    if (existing && existing.value !== value) throw new Error(`Count ${id} given twice with different values (${existing.value}, ${value})`);
    this.counts.set(id, { value, visible: (existing?.visible ?? false) || (options.visible ?? true) });
    this.resolved = null;
    return id;
  }

  /** The parts add up to the total. Every id must be a count. */
  line(parts: string[], total: string): void {
    const sum = parts.reduce((acc, id) => acc + this.cell(id).value, 0);
    if (sum !== this.cell(total).value) throw new Error(`Line ${parts.join('+')} = ${sum}, but ${total} = ${this.cell(total).value}`);
    this.lines.push({ parts, total });
    this.resolved = null;
  }

  /**
   * A count and what is left of its total: the remainder is an implied (invisible) count, so a remainder of 1 to 4
   * hides the count. Returns the id of the remainder.
   */
  subset(id: string, total: string): string {
    const rest = `${id}~rest`;
    this.count(rest, this.cell(total).value - this.cell(id).value, { visible: false });
    this.line([id, rest], total);
    return rest;
  }

  share(id: string, numerator: string, denominator: string): string {
    this.derived.set(id, { type: 'share', numerator, denominator });
    this.resolved = null;
    return id;
  }

  /** A median, percentile or other figure computed from `n` cases (null when n is 0). */
  statistic(id: string, kind: 'days' | 'hours', value: number | null, n: number): string {
    this.derived.set(id, { type: 'statistic', kind, value, n });
    this.resolved = null;
    return id;
  }

  /** The hidden counts (primary and secondary), for tests and for the README's examples. */
  hiddenCounts(): string[] {
    return [...this.hide()].filter((id) => this.counts.get(id)!.visible).sort();
  }

  figure(id: string): Figure {
    this.resolved ??= this.resolve();
    const figure = this.resolved.get(id);
    if (!figure) throw new Error(`No figure ${id}`);
    return figure;
  }

  private cell(id: string): CountCell {
    const cell = this.counts.get(id);
    if (!cell) throw new Error(`No count ${id}`);
    return cell;
  }

  private resolve(): Map<string, Figure> {
    const hidden = this.hide();
    const figures = new Map<string, Figure>();
    for (const [id, cell] of this.counts) {
      if (!cell.visible) continue;
      figures.set(id, hidden.has(id) ? { value: null, display: marker(cell.value) } : { value: cell.value, display: formatFigure('count', cell.value) });
    }
    for (const [id, derived] of this.derived) {
      if (derived.type === 'share') {
        const numerator = this.cell(derived.numerator);
        const denominator = this.cell(derived.denominator);
        if (denominator.value === 0) figures.set(id, { value: null, display: NOT_APPLICABLE });
        else if (denominator.value < SUPPRESSION_THRESHOLD || isSmall(numerator.value) && hidden.has(derived.numerator)) {
          figures.set(id, { value: null, display: SUPPRESSED });
        } else if (hidden.has(derived.numerator) || hidden.has(derived.denominator)) {
          figures.set(id, { value: null, display: SUPPRESSED_SECONDARY });
        } else {
          const value = numerator.value / denominator.value;
          figures.set(id, { value, display: formatFigure('share', value) });
        }
      } else if (derived.n === 0 || derived.value === null) figures.set(id, { value: null, display: NOT_APPLICABLE });
      else if (derived.n < SUPPRESSION_THRESHOLD) figures.set(id, { value: null, display: SUPPRESSED });
      else figures.set(id, { value: derived.value, display: formatFigure(derived.kind, derived.value) });
    }
    return figures;
  }

  /**
   * Primary suppression, then secondary until no line gives anything away. What a reader can know: every shown
   * count, and every count that is the only unknown of a line (repeatedly). A known count that is hidden, or small
   * and not shown, is a leak: the line it became known through gets one more hidden cell.
   */
  private hide(): Set<string> {
    const hidden = new Set<string>();
    for (const [id, cell] of this.counts) if (isSmall(cell.value)) hidden.add(id);
    for (let guard = 0; guard <= this.counts.size; guard++) {
      const leak = this.findLeak(hidden);
      if (leak === null) return hidden;
      const candidate = this.candidate(leak, hidden);
      if (candidate === null) throw new Error(`Cannot protect line ${leak.parts.join('+')}=${leak.total}`);
      hidden.add(candidate);
    }
    throw new Error('Suppression did not settle');
  }

  private findLeak(hidden: Set<string>): { parts: string[]; total: string } | null {
    const known = new Set<string>();
    for (const [id, cell] of this.counts) if (cell.visible && !hidden.has(id)) known.add(id);
    let changed = true;
    while (changed) {
      changed = false;
      for (const line of this.lines) {
        const unknown = [...line.parts, line.total].filter((id) => !known.has(id));
        if (unknown.length !== 1) continue;
        const [derived] = unknown as [string];
        if (hidden.has(derived) || isSmall(this.cell(derived).value)) return line;
        known.add(derived);
        changed = true;
      }
    }
    return null;
  }

  /**
   * The cell to hide next in a leaking line: its smallest shown non-zero part, else its total; when every shown
   * cell of the line is 0 or hidden (the leak came through a count worked out elsewhere), the smallest shown
   * non-zero cell of the lines that hold this line's implied counts.
   */
  private candidate(line: { parts: string[]; total: string }, hidden: Set<string>): string | null {
    const shown = (id: string) => this.cell(id).visible && !hidden.has(id) && this.cell(id).value > 0;
    const smallest = (ids: string[]) =>
      ids.filter(shown).sort((a, b) => this.cell(a).value - this.cell(b).value || a.localeCompare(b))[0] ?? null;
    const direct = smallest(line.parts) ?? (shown(line.total) ? line.total : null);
    if (direct !== null) return direct;
    const implied = new Set([...line.parts, line.total].filter((id) => !this.cell(id).visible));
    const related = this.lines.filter((other) => other !== line && [...other.parts, other.total].some((id) => implied.has(id)));
    return smallest(related.flatMap((other) => other.parts)) ?? smallest(related.map((other) => other.total));
  }
}
