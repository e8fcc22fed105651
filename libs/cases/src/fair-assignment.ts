/** A case worker as automatic assignment sees them. */
export interface AssignmentCandidate {
  id: string;
  openCases: number;
  /** null: no limit. */
  maxOpenCases: number | null;
  lastAssignedAt: Date | null;
}

/**
 * Fair assignment, pure: each waiting case (most urgent first) goes to the candidate with the fewest open cases
 * who still has room; ties go to whoever waited longest for a case. Cases for which nobody has room stay waiting.
 * Returns caseId → candidateId.
 */
export function assignFairly(caseIds: readonly string[], candidates: readonly AssignmentCandidate[], now: Date): Map<string, string> {
  const pool = candidates.map((c) => ({ ...c }));
  const plan = new Map<string, string>();
  for (const caseId of caseIds) {
    const withRoom = pool.filter((c) => c.maxOpenCases === null || c.openCases < c.maxOpenCases);
    if (withRoom.length === 0) break;
    withRoom.sort(
      (a, b) =>
        a.openCases - b.openCases ||
        (a.lastAssignedAt?.getTime() ?? 0) - (b.lastAssignedAt?.getTime() ?? 0) ||
        a.id.localeCompare(b.id),
    );
    const chosen = withRoom[0];
    plan.set(caseId, chosen.id);
    chosen.openCases += 1;
    chosen.lastAssignedAt = now;
  }
  return plan;
}
