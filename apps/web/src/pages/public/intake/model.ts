import type { EmployerAnswers, PersonAnswers, Role, SubmitIntake } from '../../../api/types';
import type { Language } from '../../../i18n';

type PersonKey = keyof Required<PersonAnswers>;
type EmployerKey = keyof Required<EmployerAnswers>;

export const ROLES: readonly Role[] = ['jobseeker', 'worker', 'self_employed', 'employer', 'on_behalf'];

export const AGE_BANDS = ['under_16', '16_17', '18_26', '27_55', '56_aow', 'aow_plus', 'prefer_not_to_say'] as const satisfies readonly NonNullable<PersonAnswers['ageBand']>[];
export const SITUATIONS = ['employed', 'self_employed', 'unemployed', 'in_education', 'other'] as const satisfies readonly NonNullable<PersonAnswers['situation']>[];
/** Benefits that say nothing about health. */
export const BENEFITS_GENERAL = ['none', 'ww', 'bijstand', 'ioaw_ioaz', 'bbz', 'other', 'unknown', 'prefer_not_to_say'] as const satisfies readonly NonNullable<PersonAnswers['benefit']>[];
/** Benefits that are health facts (AVG art. 9): only with the special-category consent. */
export const BENEFITS_HEALTH = ['wajong', 'wia_wga', 'wia_iva', 'ziektewet'] as const satisfies readonly NonNullable<PersonAnswers['benefit']>[];
export const YES_NO_UNKNOWN_PRIVATE = ['yes', 'no', 'unknown', 'prefer_not_to_say'] as const satisfies readonly NonNullable<PersonAnswers['targetGroupRegister']>[];
export const YES_NO_UNKNOWN = ['yes', 'no', 'unknown'] as const satisfies readonly NonNullable<PersonAnswers['dismissalRisk']>[];
export const INDICATIONS = ['wsw', 'beschut_werk', 'none', 'unknown'] as const satisfies readonly NonNullable<PersonAnswers['indication']>[];
export const DISMISSAL_REASONS = ['reorganisation', 'bankruptcy', 'closure', 'dismissal_permit', 'contract_not_renewed', 'illness', 'other', 'unknown'] as const satisfies readonly NonNullable<PersonAnswers['dismissalReason']>[];
export const QUESTION_TYPES = ['find_work', 'training', 'career_advice', 'income', 'dismissal_rights', 'other'] as const satisfies readonly NonNullable<PersonAnswers['questionType']>[];
export const SECTORS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U'] as const satisfies readonly NonNullable<PersonAnswers['sector']>[];
export const SIZE_BANDS = ['1_9', '10_24', '25_49', '50_249', '250_plus'] as const satisfies readonly NonNullable<EmployerAnswers['sizeBand']>[];
export const REQUEST_TYPES = [
  'vacancy_banenafspraak', 'vacancy_general', 'subsidy_or_instrument', 'reorganisation', 'bankruptcy', 'ill_or_disabled_employee', 'staff_training', 'other',
] as const satisfies readonly EmployerAnswers['requestType'][];
export const REDUNDANT_STAFF = ['none', '1_19', '20_plus', 'unknown'] as const satisfies readonly NonNullable<EmployerAnswers['redundantStaff']>[];

export interface IntakeForm {
  role: Role | '';
  country: 'NL' | 'abroad';
  postcode: string;
  question: string;
  /** '' = not answered. */
  person: Record<PersonKey, string>;
  employer: Record<EmployerKey, string>;
  consentProcessing: boolean;
  consentSpecial: boolean;
  wantsContact: boolean;
  email: string;
  phone: string;
}

export const EMPTY_FORM: IntakeForm = {
  role: '',
  country: 'NL',
  postcode: '',
  question: '',
  person: {
    ageBand: '', situation: '', benefit: '', targetGroupRegister: '', occupationalDisability: '', indication: '', praktijkOrVsoSchool: '',
    dismissalRisk: '', dismissalReason: '', dismissalMonth: '', sector: '', questionType: '',
  },
  employer: { kvkNumber: '', sizeBand: '', sector: '', requestType: '', redundantStaff: '' },
  consentProcessing: false,
  consentSpecial: false,
  wantsContact: false,
  email: '',
  phone: '',
};

export const QUESTION_MAX = 2000;

/** Which questions are relevant for what is answered so far: only those are shown and sent. */
export interface Relevant {
  person: boolean;
  employer: boolean;
  under16: boolean;
  situation: boolean;
  sector: boolean;
  dismissal: boolean;
  dismissalDetails: boolean;
  health: boolean;
  praktijk: boolean;
  redundantStaff: boolean;
  contact: boolean;
}

export function relevant(form: IntakeForm): Relevant {
  const role = form.role;
  const person = role !== '' && role !== 'employer';
  const employer = role === 'employer';
  const under16 = person && form.person.ageBand === 'under_16';
  const adultPerson = person && !under16;
  const situation = form.person.situation;
  const dismissal = adultPerson && (role === 'worker' || role === 'self_employed' || (role === 'on_behalf' && situation !== 'unemployed' && situation !== 'in_education'));
  return {
    person,
    employer,
    under16,
    situation: adultPerson && (role === 'jobseeker' || role === 'on_behalf'),
    sector: adultPerson && (role === 'worker' || role === 'self_employed' || situation === 'employed' || situation === 'self_employed'),
    dismissal,
    dismissalDetails: dismissal && form.person.dismissalRisk === 'yes',
    health: adultPerson,
    praktijk: adultPerson && ['', '16_17', '18_26', 'prefer_not_to_say'].includes(form.person.ageBand),
    redundantStaff: employer && ['reorganisation', 'bankruptcy', 'other'].includes(form.employer.requestType),
    contact: role !== '' && !under16,
  };
}

/** True when this answer is a health fact (AVG art. 9) that needs the special-category consent. */
export function isHealthFact(key: PersonKey, value: string): boolean {
  switch (key) {
    case 'benefit':
      return (BENEFITS_HEALTH as readonly string[]).includes(value);
    case 'targetGroupRegister':
    case 'occupationalDisability':
    case 'praktijkOrVsoSchool':
      return value === 'yes';
    case 'indication':
      return value === 'wsw' || value === 'beschut_werk';
    case 'dismissalReason':
      return value === 'illness';
    case 'ageBand':
    case 'situation':
    case 'dismissalRisk':
    case 'dismissalMonth':
    case 'sector':
    case 'questionType':
      return false;
  }
}

function personAnswers(form: IntakeForm, rel: Relevant, withoutHealthFacts: boolean): PersonAnswers | undefined {
  const shown: Record<PersonKey, boolean> = {
    ageBand: true,
    situation: rel.situation,
    questionType: !rel.under16,
    sector: rel.sector,
    dismissalRisk: rel.dismissal,
    dismissalReason: rel.dismissalDetails,
    dismissalMonth: rel.dismissalDetails,
    benefit: rel.health,
    targetGroupRegister: rel.health,
    occupationalDisability: rel.health,
    indication: rel.health,
    praktijkOrVsoSchool: rel.praktijk,
  };
  const answers: PersonAnswers = {};
  const record = answers as Record<string, string>;
  for (const key of Object.keys(shown) as PersonKey[]) {
    const value = form.person[key].trim();
    if (!shown[key] || value === '') continue;
    if (withoutHealthFacts && isHealthFact(key, value)) continue;
    record[key] = value;
  }
  return Object.keys(answers).length > 0 ? answers : undefined;
}

function employerAnswers(form: IntakeForm, rel: Relevant): EmployerAnswers {
  const answers: Record<string, string> = {};
  for (const key of Object.keys(form.employer) as EmployerKey[]) {
    const value = form.employer[key].replace(key === 'kvkNumber' ? /\s/g : /^\s+|\s+$/g, '');
    if (value === '') continue;
    if (key === 'redundantStaff' && !rel.redundantStaff) continue;
    answers[key] = value;
  }
  // requestType is required for employers: an empty one is sent so the server names the field.
  return { ...answers, requestType: (answers.requestType ?? '') as EmployerAnswers['requestType'] };
}

/**
 * The request body: only the relevant answers. For the preview (which stores and logs nothing) processing
 * consent is assumed and health facts without special-category consent are left out, so the person sees where
 * the question goes while typing.
 */
export function toBody(form: IntakeForm, language: Language, purpose: 'submit' | 'preview'): SubmitIntake | null {
  if (form.role === '') return null;
  const rel = relevant(form);
  const preview = purpose === 'preview';
  const body: SubmitIntake = {
    role: form.role,
    country: form.country,
    question: form.question,
    // English pages ask for English reasons. On Dutch pages the server detects the language of the text itself
    // (a question in another language matters for the routing, e.g. the WIN-punt).
    ...(language === 'en' ? { language: 'en' as const } : {}),
    consent: {
      processing: preview ? true : form.consentProcessing,
      specialCategoryData: form.consentSpecial,
    },
  };
  const postcode = form.postcode.trim();
  if (postcode !== '') body.postcode = postcode;
  if (rel.person) body.person = personAnswers(form, rel, preview && !form.consentSpecial);
  if (rel.employer) body.employer = employerAnswers(form, rel);
  if (rel.contact && form.wantsContact && !preview) {
    const email = form.email.trim();
    const phone = form.phone.trim();
    if (email !== '' || phone !== '') body.contact = { ...(email !== '' ? { email } : {}), ...(phone !== '' ? { phone } : {}) };
  }
  return body;
}

/** The preview runs once a role is chosen and the place is known (a postcode, or abroad). */
export function canPreview(form: IntakeForm): boolean {
  return form.role !== '' && (form.postcode.trim() !== '' || form.country === 'abroad');
}

/** The element id for a field the server names ("person.ageBand" → "person-ageBand"). */
export function fieldId(field: string): string {
  return `intake-${field.replace(/\./g, '-')}`;
}
