import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Button, Heading1, Heading2, Heading3, Link, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../api/client';
import {
  CASE_RESULTS, HAND_ROUTES, isoOrNull, LEVELS, MANUAL_STATUSES, NATIONAL, stringOrNull, TEAMS, type CaseDetail, type CaseEvent, type CaseResult,
  type Classification, type HandRoute, type Level, type ManualStatus, type Team,
} from '../../api/types';
import { AppLink } from '../../components/AppLink';
import { deadlineOf } from '../../components/deadlines';
import { CheckboxGroupField, SelectField, TextareaField, type Option } from '../../components/FormFields';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useStaff } from '../../components/StaffSession';
import { useAction, type Action } from '../../components/useAction';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useLanguage } from '../../components/useLanguage';
import { useNow } from '../../components/useNow';
import { dateTime, deadlineTime } from '../../i18n/format';

type Load = { kind: 'loading' } | { kind: 'found'; detail: CaseDetail } | { kind: 'error'; status: number };

function asClassification(value: unknown): Classification | null {
  return typeof value === 'object' && value !== null && Array.isArray((value as Classification).reasons) ? (value as Classification) : null;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** The form's frame: where its errors and its done message go. */
function ActionForm({ action, onSubmit, children, submitLabel }: { action: Action; onSubmit: () => void; children: ReactNode; submitLabel: string }) {
  return (
    <form
      ref={action.formRef}
      noValidate
      className="wl-form wl-action"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <div tabIndex={-1} className="wl-focus-target">
        <ProblemAlert problem={action.problem} shownFields={['status', 'result', 'note', 'team', 'regionCode', 'reason', 'level', 'route', 'secondaryRoutes', 'text']} />
      </div>
      {children}
      <Button type="submit" appearance="primary-action-button" busy={action.busy}>
        {submitLabel}
      </Button>
      <p role="status" className="wl-status-message">
        {action.message}
      </p>
    </form>
  );
}

function useOptions() {
  const { t } = useTranslation();
  const { regions } = useStaff();
  return {
    teams: (list: readonly Team[]): Option[] => list.map((team) => ({ value: team, label: t(`team.${team}`) })),
    levels: LEVELS.map((level): Option => ({ value: level, label: t(`level.${level}`) })),
    handRoutes: HAND_ROUTES.map((route): Option => ({ value: route, label: t(`handRoute.${route}`) })),
    regions: regions.map((r): Option => ({ value: r.code, label: r.name })),
  };
}

function StatusForm({ detail, onChanged }: { detail: CaseDetail; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const action = useAction();
  const [status, setStatus] = useState<ManualStatus | ''>('');
  const [result, setResult] = useState<CaseResult | ''>('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<{ status: boolean; result: boolean }>({ status: false, result: false });

  const submit = () => {
    const nowMissing = { status: status === '', result: status === 'closed' && result === '' };
    setMissing(nowMissing);
    if (nowMissing.status || nowMissing.result) {
      action.focusInvalid();
      return;
    }
    if (status === '') return;
    void action
      .run(
        () =>
          api.POST('/api/v1/cases/{id}/status', {
            params: { path: { id: detail.id } },
            body: { status, ...(status === 'closed' && result !== '' ? { result } : {}), ...(note.trim() !== '' ? { note: note.trim() } : {}) },
          }),
        () => t('case.status.saved', { status: t(`caseStatus.${status}`) }),
      )
      .then((done) => {
        if (done !== null) {
          setNote('');
          setStatus('');
          setResult('');
          onChanged(done);
        }
      });
  };

  return (
    <section aria-labelledby="action-status" className="wl-subsection">
      <Heading3 id="action-status">{t('case.status.title')}</Heading3>
      <ActionForm action={action} onSubmit={submit} submitLabel={t('case.status.submit')}>
        <SelectField
          id="status-new"
          label={t('case.status.label')}
          required
          value={status}
          onChange={(value) => setStatus(value as ManualStatus | '')}
          options={MANUAL_STATUSES.filter((s) => s !== detail.status).map((s) => ({ value: s, label: t(`caseStatus.${s}`) }))}
          error={missing.status ? t('case.status.missing') : action.errorFor('status')}
        />
        {status === 'closed' && (
          <SelectField
            id="status-result"
            label={t('case.status.result')}
            required
            value={result}
            onChange={(value) => setResult(value as CaseResult | '')}
            options={CASE_RESULTS.map((r) => ({ value: r, label: t(`result.staff.${r}`) }))}
            error={missing.result ? t('case.status.resultMissing') : action.errorFor('result')}
          />
        )}
        <TextareaField id="status-note" label={t('case.status.note')} value={note} onChange={setNote} rows={3} error={action.errorFor('note')} />
      </ActionForm>
    </section>
  );
}

function TransferForm({ detail, onChanged }: { detail: CaseDetail; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const options = useOptions();
  const action = useAction();
  const [team, setTeam] = useState<Team | ''>('');
  const [regionCode, setRegionCode] = useState('');
  const [reason, setReason] = useState('');
  const [teamMissing, setTeamMissing] = useState(false);

  const submit = () => {
    setTeamMissing(team === '');
    if (team === '') {
      action.focusInvalid();
      return;
    }
    void action
      .run(
        () =>
          api.POST('/api/v1/cases/{id}/transfer', {
            params: { path: { id: detail.id } },
            body: { team, reason, ...(regionCode !== '' ? { regionCode } : {}) },
          }),
        (handoff) => t('case.transfer.requested', { team: t(`team.${team}`), date: handoff ? deadlineTime(handoff.respondBy, language) : '' }),
      )
      .then((done) => {
        if (done !== null) {
          setReason('');
          onChanged(done);
        }
      });
  };

  return (
    <section aria-labelledby="action-transfer" className="wl-subsection">
      <Heading3 id="action-transfer">{t('case.transfer.title')}</Heading3>
      <Paragraph>{t('case.transfer.lead')}</Paragraph>
      <ActionForm action={action} onSubmit={submit} submitLabel={t('case.transfer.submit')}>
        <SelectField
          id="transfer-team"
          label={t('case.transfer.team')}
          required
          value={team}
          onChange={(value) => setTeam(value as Team | '')}
          options={options.teams(TEAMS)}
          error={teamMissing ? t('case.transfer.teamMissing') : action.errorFor('team')}
        />
        <SelectField
          id="transfer-region"
          label={t('case.transfer.region')}
          description={t('case.transfer.regionDescription')}
          placeholder={t('case.transfer.sameRegion')}
          value={regionCode}
          onChange={setRegionCode}
          options={options.regions}
          error={action.errorFor('regionCode')}
        />
        <TextareaField
          id="transfer-reason"
          label={t('case.transfer.reason')}
          description={t('form.reasonHint')}
          required
          value={reason}
          onChange={setReason}
          rows={3}
          error={action.errorFor('reason')}
        />
      </ActionForm>
    </section>
  );
}

function ReclassificationForm({ detail, onChanged }: { detail: CaseDetail; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const options = useOptions();
  const action = useAction();
  const [level, setLevel] = useState<Level | ''>('');
  const [route, setRoute] = useState<HandRoute | ''>('');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState({ level: false, route: false });

  const submit = () => {
    const nowMissing = { level: level === '', route: route === '' };
    setMissing(nowMissing);
    if (level === '' || route === '') {
      action.focusInvalid();
      return;
    }
    void action
      .run(
        () => api.POST('/api/v1/cases/{id}/reclassification', { params: { path: { id: detail.id } }, body: { level, route, reason } }),
        () => t('case.reclassify.sent'),
      )
      .then((done) => {
        if (done !== null) {
          setReason('');
          onChanged(done);
        }
      });
  };

  return (
    <section aria-labelledby="action-reclassify" className="wl-subsection">
      <Heading3 id="action-reclassify">{t('case.reclassify.title')}</Heading3>
      <Paragraph>{t('case.reclassify.lead')}</Paragraph>
      <ActionForm action={action} onSubmit={submit} submitLabel={t('case.reclassify.submit')}>
        <SelectField
          id="reclassify-level"
          label={t('case.reclassify.level')}
          required
          value={level}
          onChange={(value) => setLevel(value as Level | '')}
          options={options.levels}
          error={missing.level ? t('staffErrors.level') : action.errorFor('level')}
        />
        <SelectField
          id="reclassify-route"
          label={t('case.reclassify.route')}
          required
          value={route}
          onChange={(value) => setRoute(value as HandRoute | '')}
          options={options.handRoutes}
          error={missing.route ? t('staffErrors.route') : action.errorFor('route')}
        />
        <TextareaField
          id="reclassify-reason"
          label={t('case.reclassify.reason')}
          description={t('form.reasonHint')}
          required
          value={reason}
          onChange={setReason}
          rows={3}
          error={action.errorFor('reason')}
        />
      </ActionForm>
    </section>
  );
}

function FollowUpForm({ detail, teams, onChanged }: { detail: CaseDetail; teams: Team[]; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const options = useOptions();
  const action = useAction();
  const [team, setTeam] = useState<Team | ''>(teams.length === 1 ? (teams[0] ?? '') : '');
  const [reason, setReason] = useState('');
  const [teamMissing, setTeamMissing] = useState(false);

  const submit = () => {
    setTeamMissing(team === '');
    if (team === '') {
      action.focusInvalid();
      return;
    }
    void action
      .run(
        () => api.POST('/api/v1/cases/{id}/follow-ups', { params: { path: { id: detail.id } }, body: { team, reason } }),
        (created) => t('case.followUp.created', { reference: created?.reference ?? '' }),
      )
      .then((done) => {
        if (done !== null) {
          setReason('');
          onChanged(done);
        }
      });
  };

  return (
    <section aria-labelledby="action-followup" className="wl-subsection">
      <Heading3 id="action-followup">{t('case.followUp.title')}</Heading3>
      <Paragraph>{t('case.followUp.lead', { teams: teams.map((x) => t(`team.${x}`)).join(', ') })}</Paragraph>
      <ActionForm action={action} onSubmit={submit} submitLabel={t('case.followUp.submit')}>
        <SelectField
          id="followup-team"
          label={t('case.followUp.team')}
          required
          value={team}
          onChange={(value) => setTeam(value as Team | '')}
          options={options.teams(teams)}
          error={teamMissing ? t('case.transfer.teamMissing') : action.errorFor('team')}
        />
        <TextareaField
          id="followup-reason"
          label={t('case.followUp.reason')}
          description={t('form.reasonHint')}
          required
          value={reason}
          onChange={setReason}
          rows={3}
          error={action.errorFor('reason')}
        />
      </ActionForm>
    </section>
  );
}

function HandClassificationForm({ detail, proposal, onChanged }: { detail: CaseDetail; proposal: Classification | null; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const options = useOptions();
  const action = useAction();
  const suggested = (proposal?.secondaryRoutes ?? []).filter((r): r is Exclude<HandRoute, 'none'> => r !== 'triage');
  const proposedRoute: HandRoute | '' = proposal?.route === 'none' ? 'none' : (suggested[0] ?? '');
  const [level, setLevel] = useState<Level | ''>(proposal && proposal.level !== 'undetermined' ? proposal.level : '');
  const [route, setRoute] = useState<HandRoute | ''>(proposedRoute);
  const [secondary, setSecondary] = useState<string[]>(suggested.slice(1));
  const [regionCode, setRegionCode] = useState('');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState({ level: false, route: false, region: false });
  const national = detail.regionCode === NATIONAL;

  const submit = () => {
    const nowMissing = { level: level === '', route: route === '', region: national && regionCode === '' };
    setMissing(nowMissing);
    if (level === '' || route === '' || nowMissing.region) {
      action.focusInvalid();
      return;
    }
    const secondaryRoutes = route === 'none' ? [] : secondary.filter((s) => s !== route) as Exclude<HandRoute, 'none'>[];
    void action
      .run(
        () =>
          api.POST('/api/v1/cases/{id}/classification', {
            params: { path: { id: detail.id } },
            body: { level, route, reason, secondaryRoutes, ...(national ? { regionCode } : {}) },
          }),
        (moved) => (route === 'none' ? t('case.classify.closed') : t('case.classify.saved', { team: t(`team.${moved?.team ?? 'triage'}`) })),
      )
      .then((done) => {
        if (done !== null) onChanged(done);
      });
  };

  return (
    <section aria-labelledby="action-classify" className="wl-subsection wl-classify">
      <Heading3 id="action-classify">{t('case.classify.title')}</Heading3>
      <div className="wl-two-columns">
        <ActionForm action={action} onSubmit={submit} submitLabel={t('case.classify.submit')}>
          <SelectField
            id="classify-level"
            label={t('case.classify.level')}
            required
            value={level}
            onChange={(value) => setLevel(value as Level | '')}
            options={options.levels}
            error={missing.level ? t('staffErrors.level') : action.errorFor('level')}
          />
          <SelectField
            id="classify-route"
            label={t('case.classify.route')}
            required
            value={route}
            onChange={(value) => setRoute(value as HandRoute | '')}
            options={options.handRoutes}
            error={missing.route ? t('staffErrors.route') : action.errorFor('route')}
          />
          {route !== 'none' && (
            <CheckboxGroupField
              id="classify-secondary"
              label={t('case.classify.secondary')}
              values={secondary}
              onChange={setSecondary}
              options={options.teams(['werkbedrijf', 'mobiliteitsteam', 'wsp'].filter((x) => x !== route) as Team[])}
              error={action.errorFor('secondaryRoutes')}
            />
          )}
          {national && (
            <SelectField
              id="classify-region"
              label={t('case.classify.region')}
              required
              value={regionCode}
              onChange={setRegionCode}
              options={options.regions}
              error={missing.region ? t('staffErrors.regionCode') : action.errorFor('regionCode')}
            />
          )}
          <TextareaField
            id="classify-reason"
            label={t('case.classify.reason')}
            description={t('form.reasonHint')}
            required
            value={reason}
            onChange={setReason}
            rows={3}
            error={action.errorFor('reason')}
          />
        </ActionForm>
        <aside aria-labelledby="proposal-title" className="wl-proposal">
          <Heading3 id="proposal-title">{t('case.classify.proposalTitle')}</Heading3>
          {proposal === null ? <Paragraph>{t('case.classify.noProposal')}</Paragraph> : <ClassificationFacts classification={proposal} />}
        </aside>
      </div>
    </section>
  );
}

function ClassificationFacts({ classification }: { classification: Classification }) {
  const { t } = useTranslation();
  const list = (values: readonly string[], render: (v: string) => string) => (values.length > 0 ? values.map(render).join(', ') : t('common.none'));
  return (
    <>
      <dl className="wl-facts">
        <div>
          <dt>{t('case.facts.level')}</dt>
          <dd>{t(`level.${classification.level}`)}</dd>
        </div>
        <div>
          <dt>{t('case.facts.route')}</dt>
          <dd>{t(`route.${classification.route}`)}</dd>
        </div>
        <div>
          <dt>{t('case.facts.secondary')}</dt>
          <dd>{list(classification.secondaryRoutes, (r) => t(`team.${r as Team}`))}</dd>
        </div>
        <div>
          <dt>{t('case.facts.referrals')}</dt>
          <dd>{list(classification.referrals, (r) => t(`referral.${r as Classification['referrals'][number]}.name`))}</dd>
        </div>
        <div>
          <dt>{t('case.facts.ruleset')}</dt>
          <dd>{classification.rulesetVersion}</dd>
        </div>
      </dl>
      <Paragraph>
        <strong>{t('case.facts.reasons')}</strong>
      </Paragraph>
      <ul className="wl-list">
        {classification.reasons.map((reason) => (
          <li key={reason.rule}>
            <span className="wl-rule">{reason.rule}</span> {reason.text}
          </li>
        ))}
      </ul>
    </>
  );
}

function NotesSection({ detail, onChanged }: { detail: CaseDetail; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { me } = useStaff();
  const action = useAction();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);

  const submit = () => {
    setMissing(text.trim() === '');
    if (text.trim() === '') {
      action.focusInvalid();
      return;
    }
    void action
      .run(() => api.POST('/api/v1/cases/{id}/notes', { params: { path: { id: detail.id } }, body: { text } }), () => t('case.notes.added'))
      .then((done) => {
        if (done !== null) {
          setText('');
          onChanged(done);
        }
      });
  };

  return (
    <section aria-labelledby="notes-title" className="wl-section">
      <Heading2 id="notes-title">{t('case.notes.title')}</Heading2>
      {detail.notes.length === 0 ? (
        <Paragraph>{t('case.notes.none')}</Paragraph>
      ) : (
        <ul className="wl-notes">
          {detail.notes.map((note) => (
            <li key={note.id} className="wl-note-item">
              <Paragraph className="wl-note-item__meta">
                <time dateTime={note.at}>{dateTime(note.at, language)}</time> · {note.authorId === me.id ? t('case.actor.you') : t('case.actor.colleague')}
              </Paragraph>
              <Paragraph className="wl-pre">{note.text}</Paragraph>
            </li>
          ))}
        </ul>
      )}
      <ActionForm action={action} onSubmit={submit} submitLabel={t('case.notes.submit')}>
        <TextareaField id="note-text" label={t('case.notes.label')} required value={text} onChange={setText} rows={4} error={missing ? t('staffErrors.text') : action.errorFor('text')} />
      </ActionForm>
    </section>
  );
}

function useEventText(): (event: CaseEvent) => string {
  const { t, i18n } = useTranslation();
  return (event) => {
    const data = asRecord(event.data);
    const from = stringOrNull(event.fromStatus);
    const to = stringOrNull(event.toStatus);
    const status = (s: string | null) => (s !== null && i18n.exists(`caseStatus.${s}`) ? (t as (k: string) => string)(`caseStatus.${s}`) : (s ?? ''));
    const key = `case.event.${event.type}`;
    const base = i18n.exists(key) ? (t as unknown as (k: string, o?: Record<string, unknown>) => string)(key, { from: status(from), to: status(to) }) : event.type;
    if (event.type === 'status_changed' && typeof data.result === 'string' && i18n.exists(`result.staff.${data.result}`)) {
      return `${base} (${(t as (k: string) => string)(`result.staff.${data.result}`)})`;
    }
    return base;
  };
}

function History({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { me } = useStaff();
  const eventText = useEventText();
  return (
    <section aria-labelledby="history-title" className="wl-section">
      <Heading2 id="history-title">{t('case.history.title')}</Heading2>
      <ol className="wl-timeline">
        {detail.history.map((event, index) => {
          const actor = stringOrNull(event.actorId);
          const note = stringOrNull(event.note);
          return (
            <li key={`${event.at}-${index}`} className="wl-timeline__item">
              <span className="wl-timeline__what">{eventText(event)}</span>{' '}
              <span className="wl-timeline__when">
                <time dateTime={event.at}>{dateTime(event.at, language)}</time> ·{' '}
                {actor === null ? t('case.actor.system') : actor === me.id ? t('case.actor.you') : t('case.actor.colleague')}
              </span>
              {note !== null && note !== '' && <span className="wl-timeline__note">{note}</span>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function AnswersList({ answers, kind }: { answers: Record<string, unknown>; kind: 'person' | 'employer' }) {
  const { t, i18n } = useTranslation();
  const tt = t as (k: string) => string;
  const entries = Object.entries(answers).filter(([, v]) => typeof v === 'string' && v !== '');
  if (entries.length === 0) return null;
  return (
    <dl className="wl-facts">
      {entries.map(([key, value]) => {
        const v = String(value);
        const valueKey =
          key === 'sector' ? `sector.${v}` : i18n.exists(`intake.${kind}.${key}.options.${v}`) ? `intake.${kind}.${key}.options.${v}` : `answer.${v}`;
        return (
          <div key={key}>
            <dt>{i18n.exists(`answers.${key}`) ? tt(`answers.${key}`) : key}</dt>
            <dd>{i18n.exists(valueKey) ? tt(valueKey) : v}</dd>
          </div>
        );
      })}
    </dl>
  );
}

/** A case: the question, its classification, markers, history, notes, contact; and what a case worker can do. */
export function CasePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const now = useNow();
  const { id = '' } = useParams();
  const { me, regionName } = useStaff();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [version, setVersion] = useState(0);
  // What the last action did, and where the case was: shown when the case moved out of reach.
  const [notice, setNotice] = useState<{ message: string; reference: string; worklist: string } | null>(null);
  const reference = load.kind === 'found' ? load.detail.reference : '';
  useDocumentTitle(reference ? t('case.title', { reference }) : t('case.titleLoading'));

  useEffect(() => {
    let stopped = false;
    void (async () => {
      try {
        const { data, response } = await api.GET('/api/v1/cases/{id}', { params: { path: { id } }, cache: 'no-store' });
        if (stopped) return;
        setLoad(data !== undefined ? { kind: 'found', detail: data } : { kind: 'error', status: response.status });
      } catch {
        if (!stopped) setLoad({ kind: 'error', status: 0 });
      }
    })();
    return () => {
      stopped = true;
    };
  }, [id, version]);

  const found = load.kind === 'found' ? load.detail : null;
  const reload = useCallback(
    (message: string) => {
      if (found !== null) {
        setNotice({ message, reference: found.reference, worklist: `/medewerkers/werklijst/${found.regionCode}/${found.team}` });
      }
      setVersion((v) => v + 1);
    },
    [found],
  );

  if (load.kind === 'error' && notice !== null) {
    return (
      <>
        <Heading1>{t('case.title', { reference: notice.reference })}</Heading1>
        <Alert type="ok" className="wl-alert">
          <Paragraph>{notice.message}</Paragraph>
          <Paragraph>{t('case.movedAway')}</Paragraph>
        </Alert>
        <Paragraph>
          <AppLink to={notice.worklist}>{t('case.backToPreviousWorklist')}</AppLink>
        </Paragraph>
      </>
    );
  }

  if (load.kind !== 'found') {
    return (
      <>
        <Heading1>{t('case.titleLoading')}</Heading1>
        <div aria-live="polite">
          {load.kind === 'loading' ? (
            <Paragraph>{t('common.loading')}</Paragraph>
          ) : (
            <Alert type="error" className="wl-alert">
              <Paragraph>
                {load.status === 404 || load.status === 422 ? t('case.notFound') : load.status === 403 ? t('case.forbidden') : t('errors.server')}
              </Paragraph>
            </Alert>
          )}
        </div>
        <Paragraph>
          <AppLink to="/medewerkers">{t('case.backToWorklists')}</AppLink>
        </Paragraph>
      </>
    );
  }

  const { detail } = load;
  const intake = detail.intake;
  const automatic = asClassification(intake.classification);
  const contact = intake.contact ?? null;
  const assigned = stringOrNull(detail.assignedTo);
  const deadline = deadlineOf(detail, now);
  const open = detail.status !== 'closed';
  const followedTeams = new Set(detail.followUps.map((f) => f.team));
  const followUpTeams = (automatic?.secondaryRoutes ?? []).filter((r): r is Team => r !== 'triage' && r !== detail.team && !followedTeams.has(r));
  const parent = stringOrNull(detail.parentCaseId);
  const firstContactDue = isoOrNull(detail.firstContactDueAt);
  const closeDue = isoOrNull(detail.closeDueAt);
  const firstContactAt = isoOrNull(detail.firstContactAt);
  const pending = detail.pendingHandoff ?? null;
  const pc4Value: unknown = intake.pc4;
  const pc4 = typeof pc4Value === 'number' || typeof pc4Value === 'string' ? String(pc4Value) : null;

  return (
    <>
      <Heading1>{t('case.title', { reference: detail.reference })}</Heading1>
      <Paragraph>
        <AppLink to={`/medewerkers/werklijst/${detail.regionCode}/${detail.team}`}>
          {t('case.backToWorklist', { team: t(`team.${detail.team}`), region: regionName(detail.regionCode) })}
        </AppLink>
      </Paragraph>

      {detail.urgent && (
        <Alert type="error" className="wl-alert">
          <Paragraph>
            <strong>{t('case.marker.urgentTitle')}</strong> {t('case.marker.urgent')}
          </Paragraph>
        </Alert>
      )}
      {detail.consentToConfirm && (
        <Alert type="warning" className="wl-alert">
          <Paragraph>
            <strong>{t('case.marker.consentTitle')}</strong> {t('case.marker.consent')}
          </Paragraph>
        </Alert>
      )}
      {detail.contradiction && (
        <Alert type="warning" className="wl-alert">
          <Paragraph>
            <strong>{t('case.marker.contradictionTitle')}</strong> {t('case.marker.contradiction')}
          </Paragraph>
        </Alert>
      )}
      {pending !== null && (
        <Alert type="info" className="wl-alert">
          <Paragraph>
            {t('case.marker.pendingHandoff', {
              team: t(`team.${pending.toTeam}`),
              region: regionName(pending.toRegionCode),
              date: deadlineTime(pending.respondBy, language),
            })}
          </Paragraph>
        </Alert>
      )}

      <dl className="wl-facts wl-facts--summary">
        <div>
          <dt>{t('case.facts.team')}</dt>
          <dd>{t(`team.${detail.team}`)}</dd>
        </div>
        <div>
          <dt>{t('case.facts.region')}</dt>
          <dd>{regionName(detail.regionCode)}</dd>
        </div>
        <div>
          <dt>{t('case.facts.level')}</dt>
          <dd>{t(`level.${detail.level}`)}</dd>
        </div>
        <div>
          <dt>{t('case.facts.status')}</dt>
          <dd>
            {t(`caseStatus.${detail.status}`)}
            {detail.result ? ` (${t(`result.staff.${detail.result}`)})` : ''}
          </dd>
        </div>
        <div>
          <dt>{t('case.facts.assignedTo')}</dt>
          <dd>{assigned === null ? t('worklist.unassigned') : assigned === me.id ? t('worklist.assignedToYou', { username: me.username }) : t('worklist.assignedOther')}</dd>
        </div>
        <div>
          <dt>{t('case.facts.firstContactDue')}</dt>
          <dd>
            {firstContactAt !== null
              ? t('case.facts.firstContactDone', { date: dateTime(firstContactAt, language) })
              : firstContactDue !== null
                ? deadlineTime(firstContactDue, language)
                : '—'}
            {deadline.overdue && <strong className="wl-badge wl-badge--overdue">{t('worklist.signal.overdue')}</strong>}
            {deadline.dueSoon && <strong className="wl-badge wl-badge--soon">{t('worklist.signal.dueSoon')}</strong>}
          </dd>
        </div>
        <div>
          <dt>{t('case.facts.closeDue')}</dt>
          <dd>
            {closeDue !== null ? deadlineTime(closeDue, language) : '—'}
            {detail.slaPaused ? ` (${t('worklist.signal.paused')})` : ''}
          </dd>
        </div>
        <div>
          <dt>{t('case.facts.received')}</dt>
          <dd>{dateTime(intake.receivedAt, language)}</dd>
        </div>
        {parent !== null && (
          <div>
            <dt>{t('case.facts.parent')}</dt>
            <dd>
              <AppLink to={`/medewerkers/zaken/${parent}`}>{t('case.facts.parentLink')}</AppLink>
            </dd>
          </div>
        )}
      </dl>

      <section aria-labelledby="question-title" className="wl-section">
        <Heading2 id="question-title">{t('case.question.title')}</Heading2>
        {intake.question.trim() === '' ? (
          <Paragraph>{t('case.question.empty')}</Paragraph>
        ) : (
          <blockquote className="wl-question">
            <Paragraph className="wl-pre">{intake.question}</Paragraph>
          </blockquote>
        )}
        <dl className="wl-facts">
          <div>
            <dt>{t('answers.role')}</dt>
            <dd>{t(`roleShort.${intake.role as 'jobseeker'}`)}</dd>
          </div>
          <div>
            <dt>{t('answers.country')}</dt>
            <dd>{intake.country === 'abroad' ? t('answers.countryAbroad') : t('answers.countryNL')}</dd>
          </div>
          <div>
            <dt>{t('answers.pc4')}</dt>
            <dd>{pc4 ?? t('common.none')}</dd>
          </div>
        </dl>
        {intake.person && <AnswersList answers={asRecord(intake.person)} kind="person" />}
        {intake.employer && <AnswersList answers={asRecord(intake.employer)} kind="employer" />}
      </section>

      {contact !== null && (contact.email || contact.phone) && (
        <section aria-labelledby="contact-title" className="wl-section">
          <Heading2 id="contact-title">{t('case.contact.title')}</Heading2>
          <dl className="wl-facts">
            {contact.email && (
              <div>
                <dt>{t('case.contact.email')}</dt>
                <dd>
                  <Link href={`mailto:${contact.email}`}>{contact.email}</Link>
                </dd>
              </div>
            )}
            {contact.phone && (
              <div>
                <dt>{t('case.contact.phone')}</dt>
                <dd>
                  <Link href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>{contact.phone}</Link>
                </dd>
              </div>
            )}
          </dl>
        </section>
      )}

      <section aria-labelledby="classification-title" className="wl-section">
        <Heading2 id="classification-title">{t('case.classification.title')}</Heading2>
        {automatic === null ? <Paragraph>{t('case.classification.none')}</Paragraph> : <ClassificationFacts classification={automatic} />}
      </section>

      {/* Closing the case removes the forms, and with them their message: it is said here instead. */}
      <div role="status">
        {!open && notice !== null && notice.reference === detail.reference && (
          <Alert type="ok" className="wl-alert">
            <Paragraph>{notice.message}</Paragraph>
          </Alert>
        )}
      </div>
      {open && (
        <section aria-labelledby="actions-title" className="wl-section">
          <Heading2 id="actions-title">{t('case.actions.title')}</Heading2>
          {detail.team === 'triage' && <HandClassificationForm detail={detail} proposal={automatic} onChanged={reload} />}
          <StatusForm detail={detail} onChanged={reload} />
          {followUpTeams.length > 0 && detail.team !== 'triage' && <FollowUpForm detail={detail} teams={followUpTeams} onChanged={reload} />}
          <TransferForm detail={detail} onChanged={reload} />
          {detail.team !== 'triage' && <ReclassificationForm detail={detail} onChanged={reload} />}
        </section>
      )}

      {detail.followUps.length > 0 && (
        <section aria-labelledby="followups-title" className="wl-section">
          <Heading2 id="followups-title">{t('case.followUps.title')}</Heading2>
          <ul className="wl-list">
            {detail.followUps.map((f) => (
              <li key={f.id}>
                <AppLink to={`/medewerkers/zaken/${f.id}`}>{f.reference}</AppLink> — {t(`team.${f.team}`)}, {t(`caseStatus.${f.status}`)}
              </li>
            ))}
          </ul>
        </section>
      )}

      <NotesSection detail={detail} onChanged={reload} />
      <History detail={detail} />
    </>
  );
}
