import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Button, Heading1, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../api/client';
import { networkProblem, toProblem, type ApiProblem } from '../../../api/problem';
import type { Role } from '../../../api/types';
import { CheckboxField, focusFirstInvalid, RadioGroupField, SelectField, TextareaField, TextField, type Option } from '../../../components/FormFields';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useDocumentTitle } from '../../../components/useDocumentTitle';
import { useLanguage } from '../../../components/useLanguage';
import { IntakePreview } from './IntakePreview';
import {
  AGE_BANDS, BENEFITS_GENERAL, BENEFITS_HEALTH, canPreview, DISMISSAL_REASONS, EMPTY_FORM, fieldId, INDICATIONS, type IntakeForm, QUESTION_MAX,
  QUESTION_TYPES, REDUNDANT_STAFF, relevant, REQUEST_TYPES, ROLES, SECTORS, SITUATIONS, SIZE_BANDS, toBody, YES_NO_UNKNOWN, YES_NO_UNKNOWN_PRIVATE,
} from './model';

/** State a confirmation page gets from the form. */
export interface ConfirmationState {
  contactGiven: boolean;
}

function newKey(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** One intake form for every role: only the relevant questions, a live preview, errors next to their fields. */
export function IntakePage() {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  useDocumentTitle(t('intake.title'));

  const [form, setForm] = useState<IntakeForm>(EMPTY_FORM);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [roleMissing, setRoleMissing] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const idempotency = useRef<{ body: string; key: string } | null>(null);

  const rel = relevant(form);
  const previewBody = useMemo(() => (canPreview(form) ? toBody(form, language, 'preview') : null), [form, language]);

  useEffect(() => {
    if (focusRequest === 0) return;
    if (!focusFirstInvalid(formRef.current)) alertRef.current?.focus();
  }, [focusRequest]);

  const set = <K extends keyof IntakeForm>(key: K, value: IntakeForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setPerson = (key: keyof IntakeForm['person'], value: string) => setForm((f) => ({ ...f, person: { ...f.person, [key]: value } }));
  const setEmployer = (key: keyof IntakeForm['employer'], value: string) => setForm((f) => ({ ...f, employer: { ...f.employer, [key]: value } }));

  // Which fields are on the page now: their errors show next to them, the rest in the alert at the top.
  const shownFields: string[] = ['role', 'country', 'postcode', 'question', 'consent.processing'];
  if (rel.person) shownFields.push('person.ageBand');
  if (rel.person && !rel.under16) shownFields.push('person.questionType');
  if (rel.situation) shownFields.push('person.situation');
  if (rel.sector) shownFields.push('person.sector');
  if (rel.dismissal) shownFields.push('person.dismissalRisk');
  if (rel.dismissalDetails) shownFields.push('person.dismissalReason', 'person.dismissalMonth');
  if (rel.health) shownFields.push('person.benefit', 'person.targetGroupRegister', 'person.occupationalDisability', 'person.indication', 'consent.specialCategoryData');
  if (rel.praktijk) shownFields.push('person.praktijkOrVsoSchool');
  if (rel.employer) shownFields.push('employer.kvkNumber', 'employer.sizeBand', 'employer.sector', 'employer.requestType', 'employer.redundantStaff');
  if (rel.contact && form.wantsContact) shownFields.push('contact', 'contact.email', 'contact.phone');

  const errorFor = (field: string): string | null => {
    if (field === 'role' && roleMissing) return t('intake.error.role');
    const found = problem?.errors.find((e) => e.field === field);
    if (!found) return null;
    const key = `intake.error.${field.replace(/^contact\./, 'contact_')}`;
    return i18n.exists(key) ? (t as (k: string) => string)(key) : t('form.invalidAnswer');
  };
  // The consent box in the preview carries the error when the health questions are not on the page.
  const previewConsentError = rel.health ? null : errorFor('consent.specialCategoryData');
  if (!rel.health) shownFields.push('consent.specialCategoryData');

  const option = (prefix: string) => (value: string): Option => ({ value, label: (t as (k: string) => string)(`${prefix}.${value}`) });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    const body = toBody(form, language, 'submit');
    if (body === null) {
      setRoleMissing(true);
      setProblem(null);
      setFocusRequest((n) => n + 1);
      return;
    }
    setRoleMissing(false);
    const json = JSON.stringify(body);
    if (idempotency.current?.body !== json) idempotency.current = { body: json, key: newKey() };
    setSubmitting(true);
    try {
      const { data, error, response } = await api.POST('/api/v1/intakes', {
        body,
        headers: { 'Idempotency-Key': idempotency.current.key },
      });
      if (data !== undefined && response.status === 201 && 'status' in data) {
        const state: ConfirmationState = { contactGiven: body.contact !== undefined };
        await navigate(`/bevestiging/${encodeURIComponent(data.trackingCode)}`, { state });
        return;
      }
      if (data !== undefined && data.trackingCode === null && 'classification' in data) {
        await navigate('/antwoord', { state: { classification: data.classification } });
        return;
      }
      setProblem(toProblem(error, response));
    } catch {
      setProblem(networkProblem());
    } finally {
      setSubmitting(false);
    }
    setFocusRequest((n) => n + 1);
  };

  const roleOptions: Option[] = ROLES.map((role: Role) => ({ value: role, label: t(`intake.role.options.${role}`) }));
  const aboutTitle = rel.employer ? t('intake.sections.aboutOrganisation') : form.role === 'on_behalf' ? t('intake.sections.aboutOther') : t('intake.sections.aboutYou');

  return (
    <>
      <Heading1>{t('intake.title')}</Heading1>
      <Paragraph lead>{t('intake.intro')}</Paragraph>
      <Paragraph>{t('intake.requiredNote')}</Paragraph>

      <form ref={formRef} noValidate onSubmit={(event) => void onSubmit(event)} className="wl-form">
        <div ref={alertRef} tabIndex={-1} className="wl-focus-target">
          <ProblemAlert problem={problem} shownFields={shownFields} />
        </div>

        <section aria-labelledby="section-who" className="wl-section">
          <Heading2 id="section-who">{t('intake.sections.who')}</Heading2>
          <RadioGroupField
            id={fieldId('role')}
            name="role"
            label={t('intake.role.label')}
            required
            value={form.role}
            onChange={(value) => set('role', value as Role)}
            options={roleOptions}
            error={errorFor('role')}
          />
        </section>

        {form.role !== '' && (
          <section aria-labelledby="section-where" className="wl-section">
            <Heading2 id="section-where">{t('intake.sections.where')}</Heading2>
            <RadioGroupField
              id={fieldId('country')}
              name="country"
              label={t('intake.country.label')}
              value={form.country}
              onChange={(value) => set('country', value === 'abroad' ? 'abroad' : 'NL')}
              options={[
                { value: 'NL', label: t('intake.country.options.NL') },
                { value: 'abroad', label: t('intake.country.options.abroad') },
              ]}
              error={errorFor('country')}
            />
            <TextField
              id={fieldId('postcode')}
              label={form.country === 'abroad' ? t('intake.postcode.labelAbroad') : t('intake.postcode.label')}
              description={form.country === 'abroad' ? t('intake.postcode.descriptionAbroad') : t('intake.postcode.description')}
              required={form.country === 'NL'}
              value={form.postcode}
              onChange={(value) => set('postcode', value)}
              autoComplete="postal-code"
              maxLength={7}
              size="small"
              error={errorFor('postcode')}
            />
          </section>
        )}

        {form.role !== '' && (
          <section aria-labelledby="section-question" className="wl-section">
            <Heading2 id="section-question">{t('intake.sections.question')}</Heading2>
            <TextareaField
              id={fieldId('question')}
              label={t('intake.question.label')}
              description={t('intake.question.description')}
              value={form.question}
              onChange={(value) => set('question', value.slice(0, QUESTION_MAX))}
              maxLength={QUESTION_MAX}
              rows={6}
              counter={t('intake.question.counter', { count: form.question.length, max: QUESTION_MAX })}
              error={errorFor('question')}
            />
            <IntakePreview
              body={previewBody}
              consentSpecial={form.consentSpecial}
              onConsentSpecial={(checked) => set('consentSpecial', checked)}
              consentError={previewConsentError}
            />
          </section>
        )}

        {rel.person && (
          <section aria-labelledby="section-about" className="wl-section">
            <Heading2 id="section-about">{aboutTitle}</Heading2>
            <Paragraph>{form.role === 'on_behalf' ? t('intake.person.introOther') : t('intake.person.intro')}</Paragraph>
            <SelectField
              id={fieldId('person.ageBand')}
              label={t('intake.person.ageBand.label')}
              value={form.person.ageBand}
              onChange={(value) => setPerson('ageBand', value)}
              options={AGE_BANDS.map(option('intake.person.ageBand.options'))}
              error={errorFor('person.ageBand')}
            />
            {rel.under16 && <Paragraph className="wl-note">{t('intake.person.under16')}</Paragraph>}
            {rel.situation && (
              <SelectField
                id={fieldId('person.situation')}
                label={t('intake.person.situation.label')}
                value={form.person.situation}
                onChange={(value) => setPerson('situation', value)}
                options={SITUATIONS.map(option('intake.person.situation.options'))}
                error={errorFor('person.situation')}
              />
            )}
            {!rel.under16 && (
              <SelectField
                id={fieldId('person.questionType')}
                label={t('intake.person.questionType.label')}
                value={form.person.questionType}
                onChange={(value) => setPerson('questionType', value)}
                options={QUESTION_TYPES.map(option('intake.person.questionType.options'))}
                error={errorFor('person.questionType')}
              />
            )}
            {rel.sector && (
              <SelectField
                id={fieldId('person.sector')}
                label={t('intake.person.sector.label')}
                value={form.person.sector}
                onChange={(value) => setPerson('sector', value)}
                options={SECTORS.map(option('sector'))}
                error={errorFor('person.sector')}
              />
            )}

            {rel.dismissal && (
              <div className="wl-subsection">
                <Heading3>{t('intake.person.workTitle')}</Heading3>
                <SelectField
                  id={fieldId('person.dismissalRisk')}
                  label={t('intake.person.dismissalRisk.label')}
                  value={form.person.dismissalRisk}
                  onChange={(value) => setPerson('dismissalRisk', value)}
                  options={YES_NO_UNKNOWN.map(option('answer'))}
                  error={errorFor('person.dismissalRisk')}
                />
                {rel.dismissalDetails && (
                  <>
                    <SelectField
                      id={fieldId('person.dismissalReason')}
                      label={t('intake.person.dismissalReason.label')}
                      description={form.person.dismissalReason === 'illness' ? t('intake.person.dismissalReason.illnessNote') : undefined}
                      value={form.person.dismissalReason}
                      onChange={(value) => setPerson('dismissalReason', value)}
                      options={DISMISSAL_REASONS.map(option('intake.person.dismissalReason.options'))}
                      error={errorFor('person.dismissalReason')}
                    />
                    <TextField
                      id={fieldId('person.dismissalMonth')}
                      label={t('intake.person.dismissalMonth.label')}
                      description={t('intake.person.dismissalMonth.description')}
                      value={form.person.dismissalMonth}
                      onChange={(value) => setPerson('dismissalMonth', value)}
                      inputMode="numeric"
                      maxLength={7}
                      size="small"
                      error={errorFor('person.dismissalMonth')}
                    />
                  </>
                )}
              </div>
            )}

            {rel.health && (
              <div className="wl-subsection wl-health">
                <Heading3>{t('intake.health.title')}</Heading3>
                <Paragraph id="intake-health-why">{t('intake.health.why')}</Paragraph>
                <CheckboxField
                  id={fieldId('consent.specialCategoryData')}
                  label={t('intake.health.consentLabel')}
                  checked={form.consentSpecial}
                  onChange={(checked) => set('consentSpecial', checked)}
                  error={errorFor('consent.specialCategoryData')}
                />
                <SelectField
                  id={fieldId('person.benefit')}
                  label={t('intake.person.benefit.label')}
                  value={form.person.benefit}
                  onChange={(value) => setPerson('benefit', value)}
                  options={BENEFITS_GENERAL.map(option('intake.person.benefit.options'))}
                  groups={[{ label: t('intake.person.benefit.healthGroup'), options: BENEFITS_HEALTH.map(option('intake.person.benefit.options')) }]}
                  error={errorFor('person.benefit')}
                />
                <SelectField
                  id={fieldId('person.targetGroupRegister')}
                  label={t('intake.person.targetGroupRegister.label')}
                  description={t('intake.person.targetGroupRegister.description')}
                  value={form.person.targetGroupRegister}
                  onChange={(value) => setPerson('targetGroupRegister', value)}
                  options={YES_NO_UNKNOWN_PRIVATE.map(option('answer'))}
                  error={errorFor('person.targetGroupRegister')}
                />
                <SelectField
                  id={fieldId('person.occupationalDisability')}
                  label={t('intake.person.occupationalDisability.label')}
                  description={t('intake.person.occupationalDisability.description')}
                  value={form.person.occupationalDisability}
                  onChange={(value) => setPerson('occupationalDisability', value)}
                  options={YES_NO_UNKNOWN_PRIVATE.map(option('answer'))}
                  error={errorFor('person.occupationalDisability')}
                />
                <SelectField
                  id={fieldId('person.indication')}
                  label={t('intake.person.indication.label')}
                  value={form.person.indication}
                  onChange={(value) => setPerson('indication', value)}
                  options={INDICATIONS.map(option('intake.person.indication.options'))}
                  error={errorFor('person.indication')}
                />
                {rel.praktijk && (
                  <SelectField
                    id={fieldId('person.praktijkOrVsoSchool')}
                    label={t('intake.person.praktijkOrVsoSchool.label')}
                    value={form.person.praktijkOrVsoSchool}
                    onChange={(value) => setPerson('praktijkOrVsoSchool', value)}
                    options={YES_NO_UNKNOWN.map(option('answer'))}
                    error={errorFor('person.praktijkOrVsoSchool')}
                  />
                )}
              </div>
            )}
          </section>
        )}

        {rel.employer && (
          <section aria-labelledby="section-about" className="wl-section">
            <Heading2 id="section-about">{aboutTitle}</Heading2>
            <SelectField
              id={fieldId('employer.requestType')}
              label={t('intake.employer.requestType.label')}
              required
              value={form.employer.requestType}
              onChange={(value) => setEmployer('requestType', value)}
              options={REQUEST_TYPES.map(option('intake.employer.requestType.options'))}
              error={errorFor('employer.requestType')}
            />
            {rel.redundantStaff && (
              <SelectField
                id={fieldId('employer.redundantStaff')}
                label={t('intake.employer.redundantStaff.label')}
                value={form.employer.redundantStaff}
                onChange={(value) => setEmployer('redundantStaff', value)}
                options={REDUNDANT_STAFF.map(option('intake.employer.redundantStaff.options'))}
                error={errorFor('employer.redundantStaff')}
              />
            )}
            <SelectField
              id={fieldId('employer.sizeBand')}
              label={t('intake.employer.sizeBand.label')}
              value={form.employer.sizeBand}
              onChange={(value) => setEmployer('sizeBand', value)}
              options={SIZE_BANDS.map(option('intake.employer.sizeBand.options'))}
              error={errorFor('employer.sizeBand')}
            />
            <SelectField
              id={fieldId('employer.sector')}
              label={t('intake.employer.sector.label')}
              value={form.employer.sector}
              onChange={(value) => setEmployer('sector', value)}
              options={SECTORS.map(option('sector'))}
              error={errorFor('employer.sector')}
            />
            <TextField
              id={fieldId('employer.kvkNumber')}
              label={t('intake.employer.kvkNumber.label')}
              description={t('intake.employer.kvkNumber.description')}
              value={form.employer.kvkNumber}
              onChange={(value) => setEmployer('kvkNumber', value)}
              inputMode="numeric"
              maxLength={8}
              size="small"
              error={errorFor('employer.kvkNumber')}
            />
          </section>
        )}

        {rel.contact && (
          <section aria-labelledby="section-contact" className="wl-section">
            <Heading2 id="section-contact">{t('intake.sections.contact')}</Heading2>
            <CheckboxField
              id="intake-wants-contact"
              label={t('intake.contact.wantsContact')}
              description={t('intake.contact.wantsContactDescription')}
              checked={form.wantsContact}
              onChange={(checked) => set('wantsContact', checked)}
              error={form.wantsContact ? null : errorFor('contact')}
            />
            {form.wantsContact && (
              <div className="wl-subsection">
                <Paragraph id="intake-contact-help">{t('intake.contact.help')}</Paragraph>
                <TextField
                  id={fieldId('contact.email')}
                  label={t('intake.contact.email')}
                  type="email"
                  autoComplete="email"
                  spellCheck={false}
                  value={form.email}
                  onChange={(value) => set('email', value)}
                  error={errorFor('contact.email') ?? errorFor('contact')}
                />
                <TextField
                  id={fieldId('contact.phone')}
                  label={t('intake.contact.phone')}
                  type="tel"
                  autoComplete="tel"
                  value={form.phone}
                  onChange={(value) => set('phone', value)}
                  size="medium"
                  error={errorFor('contact.phone')}
                />
              </div>
            )}
          </section>
        )}

        <section aria-labelledby="section-send" className="wl-section">
          <Heading2 id="section-send">{t('intake.sections.send')}</Heading2>
          <CheckboxField
            id={fieldId('consent.processing')}
            label={t('intake.consent.processing')}
            description={t('intake.consent.processingDescription')}
            required
            checked={form.consentProcessing}
            onChange={(checked) => set('consentProcessing', checked)}
            error={errorFor('consent.processing')}
          />
          <Paragraph id="intake-privacy" className="wl-note">
            {t('intake.privacy')}
          </Paragraph>
          <Button type="submit" appearance="primary-action-button" busy={submitting}>
            {submitting ? t('intake.submitting') : t('intake.submit')}
          </Button>
        </section>
      </form>
    </>
  );
}
