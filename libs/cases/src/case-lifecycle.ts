/**
 * The case lifecycle as one explicit state machine (aligned with ZGW zaakgericht werken: the internal statuses
 * are the statustypes, the results the resultaattypes). Pure: no framework imports.
 */
export const CASE_STATUSES = [
  'new',
  'assigned',
  'in_progress',
  'waiting_for_citizen',
  'waiting_for_partner',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_RESULTS = [
  'placed_in_work',
  'work_to_work',
  'training_started',
  'referred',
  'withdrawn',
  'no_contact',
] as const;
export type CaseResult = (typeof CASE_RESULTS)[number];

/** What a citizen or employer sees when following their intake (contract values). */
export const CITIZEN_STATUSES = ['received', 'routed', 'in_progress', 'waiting', 'closed'] as const;
export type CitizenStatus = (typeof CITIZEN_STATUSES)[number];

/** Every allowed transition, in one table. A status not listed as a target is not reachable from that status. */
export const CASE_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  new: ['assigned', 'closed'],
  assigned: ['new', 'in_progress', 'waiting_for_citizen', 'waiting_for_partner', 'closed'],
  in_progress: ['new', 'waiting_for_citizen', 'waiting_for_partner', 'closed'],
  waiting_for_citizen: ['new', 'in_progress', 'closed'],
  waiting_for_partner: ['new', 'in_progress', 'closed'],
  closed: [],
};

/** Statuses a case worker may set by hand through the status endpoint (assignment has its own actions). */
export const MANUAL_STATUSES: readonly CaseStatus[] = ['in_progress', 'waiting_for_citizen', 'waiting_for_partner', 'closed'];

export type TransitionCheck = { ok: true } | { ok: false; reason: string };

export function checkTransition(from: CaseStatus, to: CaseStatus, result?: CaseResult | null): TransitionCheck {
  if (!CASE_TRANSITIONS[from].includes(to)) {
    return { ok: false, reason: `A case that is ${from} cannot become ${to}; allowed: ${CASE_TRANSITIONS[from].join(', ') || 'none (closed is final)'}.` };
  }
  if (to === 'closed' && !result) return { ok: false, reason: 'Closing a case needs a result.' };
  if (to !== 'closed' && result) return { ok: false, reason: 'Only closing a case takes a result.' };
  return { ok: true };
}

export function isOpen(status: CaseStatus): boolean {
  return status !== 'closed';
}

/**
 * Whether moving to this status means the person was reached (the first-contact SLA stops): working on the case
 * with them, waiting for their answer, or closing with an outcome. Waiting for a partner, or closing because
 * nobody answered or the question was withdrawn, is not contact.
 */
export function meansContact(status: CaseStatus, result?: CaseResult | null): boolean {
  if (status === 'closed') return result !== undefined && result !== null && result !== 'no_contact' && result !== 'withdrawn';
  return status === 'in_progress' || status === 'waiting_for_citizen';
}

/** While the clock waits on the citizen it is paused (SLA). */
export function isWaitingForCitizen(status: CaseStatus): boolean {
  return status === 'waiting_for_citizen';
}

/**
 * One status for the citizen over all cases of their question (a follow-up may still run after the first case
 * closed): the most active open case counts; closed only when every case is.
 */
export function overallCitizenStatus(statuses: readonly CaseStatus[]): CitizenStatus {
  const order: CitizenStatus[] = ['in_progress', 'waiting', 'routed'];
  const open = statuses.filter(isOpen).map(citizenStatusOf);
  return order.find((status) => open.includes(status)) ?? 'closed';
}

export function citizenStatusOf(status: CaseStatus): CitizenStatus {
  switch (status) {
    case 'new':
    case 'assigned':
      return 'routed';
    case 'in_progress':
      return 'in_progress';
    case 'waiting_for_citizen':
    case 'waiting_for_partner':
      return 'waiting';
    case 'closed':
      return 'closed';
  }
}
