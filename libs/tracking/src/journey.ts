// The journey of a question as its citizen or employer sees it: received, routed to a team, in behandeling, waiting
// for you, closed with a result — across every case of the question (follow-ups included). No personal data, no
// staff names, no notes. Pure: the service hands it the cases and their events.
import type { Team } from '#libs/classification';
import type { Case, CaseEvent, CaseResult, CitizenStatus } from '#libs/cases';

export interface JourneyStep {
  at: Date;
  /** received | routed (to a team) | in_progress | waiting | closed */
  step: CitizenStatus;
  team: Team | null;
  /** The case number the step belongs to (a follow-up has its own). */
  caseReference: string | null;
  result: CaseResult | null;
}

type Moved = { to?: { team?: Team } };

export function citizenJourney(receivedAt: Date, cases: readonly Case[], events: readonly CaseEvent[]): JourneyStep[] {
  const steps: JourneyStep[] = [{ at: receivedAt, step: 'received', team: null, caseReference: null, result: null }];
  const byId = new Map(cases.map((c) => [c.id, c]));
  // A case's team at creation: the routing route for a routed case (it may have moved since), else its team now.
  const teamAtCreation = (c: Case, event: CaseEvent): Team => {
    const route = (event.data as { route?: string }).route;
    return route && route !== 'none' ? (route as Team) : c.team;
  };
  for (const event of [...events].sort((a, b) => a.at.getTime() - b.at.getTime() || Number(a.id) - Number(b.id))) {
    const c = byId.get(event.caseId);
    if (!c) continue;
    const base = { at: event.at, caseReference: c.reference, result: null };
    if (event.type === 'created') steps.push({ ...base, step: 'routed', team: teamAtCreation(c, event) });
    else if (event.type === 'handoff_accepted' || event.type === 'classified_by_hand' || event.type === 'reclassification_proposed') {
      const team = (event.data as Moved).to?.team;
      if (team) steps.push({ ...base, step: 'routed', team });
    } else if (event.type === 'status_changed' && event.toStatus) {
      const step: CitizenStatus | null =
        event.toStatus === 'in_progress' ? 'in_progress'
        : event.toStatus === 'waiting_for_citizen' || event.toStatus === 'waiting_for_partner' ? 'waiting'
        : event.toStatus === 'closed' ? 'closed'
        : null;
      // Back from waiting to in progress is worth showing; a repeated step is not.
      const last = steps[steps.length - 1];
      if (step && !(last.step === step && last.caseReference === c.reference)) {
        steps.push({ ...base, step, team: c.team, result: step === 'closed' ? ((event.data as { result?: CaseResult }).result ?? c.result) : null });
      }
    }
  }
  return steps;
}
