// §4.2 / §6.5 Role check (G7): which role the text implies when its voice contradicts the chosen role.
import type { IntakeFacts } from '../classification.types.js';
import type { RoleVoices } from '../text/text-analysis.types.js';
import type { Role } from '../vocabulary.js';
import type { VoiceChecks } from '../text/role-voice.js';

/** The voices worth checking for this request (§6.5 says which voice is checked for which role). */
export function voiceChecksFor(facts: IntakeFacts): VoiceChecks {
  const employer = facts.role === 'employer';
  const redundant = facts.employer?.redundantStaff;
  return {
    employer: !employer,
    // Employee voice is checked for every role; for a person role it only cancels employer voice.
    employee: true,
    ownBusiness: employer && redundant !== '1_19' && redundant !== '20_plus',
  };
}

/** The role the text implies, or undefined when the text does not contradict the chosen role. */
export function impliedRole(facts: IntakeFacts, voices: RoleVoices): Role | undefined {
  if (facts.role === 'employer') {
    // Employee voice first: "mijn baas ..." is a worker even if the same text also mentions a business.
    if (voices.employee) return 'worker';
    if (voices.ownBusiness) return 'self_employed';
    return undefined;
  }
  // "mijn werkgever zegt dat wij moeten ..." is a worker: both voices means no conflict.
  return voices.employer && !voices.employee ? 'employer' : undefined;
}
