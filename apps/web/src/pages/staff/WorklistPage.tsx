import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import {
  Alert, Button, Checkbox, FormLabel, Heading1, Heading2, Heading3, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { usePagedPolling, type PageLoader } from '../../api/paging';
import { conditional, usePolling, type PollLoader } from '../../api/polling';
import { fieldErrors, networkProblem, toProblem, type ApiProblem } from '../../api/problem';
import { isoOrNull, NATIONAL, stringOrNull, TEAMS, type CaseSummary, type Handoff, type Overview, type Team } from '../../api/types';
import { ScrollTable } from '../../components/ScrollTable';
import { AppLink } from '../../components/AppLink';
import { deadlineOf, isPast } from '../../components/deadlines';
import { SelectField, TextareaField } from '../../components/FormFields';
import { useFocusRequest } from '../../components/useFocusRequest';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useStaff } from '../../components/StaffSession';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useLanguage } from '../../components/useLanguage';
import { useNow } from '../../components/useNow';
import { deadlineTime, number } from '../../i18n/format';

const POLL_MS = 5000;
/** Cases per page: the first page, and each "Load more". */
const PAGE_SIZE = 100;
const RELEASE = '__release__';

function isTeam(value: string | undefined): value is Team {
  return TEAMS.includes(value as Team);
}

/** The case workers of a region's team, for names and bulk assignment (coordinators only; null otherwise). */
function useCaseWorkers(regionCode: string, team: string, enabled: boolean): Overview['caseWorkers'] | null {
  const [workers, setWorkers] = useState<Overview['caseWorkers'] | null>(null);
  useEffect(() => {
    if (!enabled || regionCode === NATIONAL) return;
    let stopped = false;
    void api
      .GET('/api/v1/overview/{regionCode}', { params: { path: { regionCode } }, cache: 'no-store' })
      .then(({ data }) => {
        if (!stopped && data) setWorkers(data.caseWorkers.filter((worker) => (worker.teams as string[]).includes(team)));
      })
      .catch(() => undefined);
    return () => {
      stopped = true;
    };
  }, [regionCode, team, enabled]);
  return workers;
}

/** One incoming hand-off: accept, or return with a reason. */
function IncomingHandoff({ handoff, onDone }: { handoff: Handoff; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { regionName } = useStaff();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const requestFocus = useFocusRequest(formRef);
  const id = `handoff-${handoff.id}`;

  const accept = async () => {
    setBusy(true);
    try {
      const { data, error, response } = await api.POST('/api/v1/handoffs/{id}/accept', { params: { path: { id: handoff.id } }, body: {} });
      if (data !== undefined) onDone(t('worklist.handoffs.accepted', { reference: data.reference }));
      else setProblem(toProblem(error, response));
    } catch {
      setProblem(networkProblem());
    } finally {
      setBusy(false);
    }
  };

  const sendBack = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const { data, error, response } = await api.POST('/api/v1/handoffs/{id}/return', { params: { path: { id: handoff.id } }, body: { reason } });
      if (data !== undefined) onDone(t('worklist.handoffs.returned'));
      else {
        setProblem(toProblem(error, response));
        requestFocus();
      }
    } catch {
      setProblem(networkProblem());
    } finally {
      setBusy(false);
    }
  };

  const reasonError = fieldErrors(problem).reason ? t('worklist.handoffs.reasonInvalid') : null;
  const from = t('worklist.handoffs.from', { team: t(`team.${handoff.fromTeam}`), region: regionName(handoff.fromRegionCode) });

  return (
    <li className="wl-card wl-handoff">
      <Paragraph>
        <strong>{from}</strong>
      </Paragraph>
      <Paragraph>
        <AppLink to={`/medewerkers/zaken/${handoff.caseId}`}>{t('worklist.handoffs.openCase')}</AppLink>
      </Paragraph>
      <Paragraph>{t('worklist.handoffs.reason', { reason: handoff.reason })}</Paragraph>
      <Paragraph>
        {t('worklist.handoffs.respondBy', { date: deadlineTime(handoff.respondBy, language) })}
        {isoOrNull(handoff.overdueAt) !== null && <strong className="wl-badge wl-badge--overdue">{t('worklist.signal.overdue')}</strong>}
      </Paragraph>
      <ProblemAlert problem={problem} shownFields={['reason']} />
      {!returning ? (
        <div className="wl-actions">
          <Button appearance="primary-action-button" busy={busy} onClick={() => void accept()}>
            {t('worklist.handoffs.accept')}
          </Button>
          <Button appearance="secondary-action-button" onClick={() => setReturning(true)}>
            {t('worklist.handoffs.return')}
          </Button>
        </div>
      ) : (
        <form ref={formRef} noValidate onSubmit={(event) => void sendBack(event)}>
          <TextareaField id={`${id}-reason`} label={t('worklist.handoffs.returnReason')} required value={reason} onChange={setReason} rows={3} error={reasonError} />
          <div className="wl-actions">
            <Button type="submit" appearance="primary-action-button" busy={busy}>
              {t('worklist.handoffs.confirmReturn')}
            </Button>
            <Button appearance="subtle-button" onClick={() => setReturning(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      )}
    </li>
  );
}

/** A worklist: the open cases in the server's order, claim the next, hand-offs, bulk assignment. */
export function WorklistPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const now = useNow();
  const { regionCode = '', team: teamParam } = useParams();
  const { me, regionName, isCoordinator } = useStaff();
  const team: Team = isTeam(teamParam) ? teamParam : 'triage';
  const title = t('worklist.title', { team: t(`team.${team}`), region: regionName(regionCode) });
  useDocumentTitle(title);

  const loadCases = useCallback<PageLoader<CaseSummary>>(
    async ({ limit, cursor, etag }, signal) => {
      const { data, response } = await api.GET('/api/v1/worklists/{regionCode}/{team}/cases', {
        params: { path: { regionCode, team }, query: cursor === null ? { limit } : { limit, cursor } },
        ...conditional(etag),
        signal,
      });
      const total = response.headers.get('X-Total-Count');
      return { status: response.status, data, etag: response.headers.get('ETag'), next: response.headers.get('X-Next-Cursor'), total: total === null ? null : Number(total) };
    },
    [regionCode, team],
  );
  const loadHandoffs = useCallback<PollLoader<{ incoming: Handoff[]; outgoing: Handoff[] }>>(
    async (etag, signal) => {
      const { data, response } = await api.GET('/api/v1/worklists/{regionCode}/{team}/handoffs', {
        params: { path: { regionCode, team } },
        ...conditional(etag),
        signal,
      });
      return { status: response.status, data, etag: response.headers.get('ETag') };
    },
    [regionCode, team],
  );
  // Polling reads again as many cases as are shown, from the top: the rows a case worker is reading stay put and
  // current, and a new urgent case appears in its place. Only the first page would drop what they loaded.
  const cases = usePagedPolling(`${regionCode}/${team}`, loadCases, PAGE_SIZE, POLL_MS);
  const handoffs = usePolling(`${regionCode}/${team}`, loadHandoffs, POLL_MS);
  const workers = useCaseWorkers(regionCode, team, isCoordinator);

  const shownOf = (shown: number, total: number | null, more: boolean): string =>
    total === null || (!more && shown >= total)
      ? t('worklist.shownAll', { count: shown, total: number(shown, language) })
      : t('worklist.shownOf', { count: total, shown: number(shown, language), total: number(total, language) });

  // Announce cases that arrived since the last answer, and how many are shown after loading more.
  const [announcement, setAnnouncement] = useState('');
  const seen = useRef<string[] | null>(null);
  useEffect(() => {
    if (cases.items === null) return;
    const ids = cases.items.map((c) => c.id);
    if (seen.current !== null && cases.changedBy === 'more') setAnnouncement(shownOf(ids.length, cases.total, cases.hasMore));
    else if (seen.current !== null) {
      const before = new Set(seen.current);
      // While more pages follow, cases moving up from beyond the rows shown are not new: count up to the last row seen.
      const lastSeen = cases.hasMore ? ids.reduce((last, id, i) => (before.has(id) ? i : last), -1) : ids.length - 1;
      const fresh = ids.slice(0, lastSeen + 1).filter((id) => !before.has(id)).length;
      if (fresh > 0) setAnnouncement(t('worklist.newCases', { count: fresh }));
    }
    seen.current = ids;
  }, [cases.items, cases.changedBy, t]);

  // Load more: focus the first new row's link, so that reading and tabbing go on where the list grew.
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (focusId === null) return;
    document.getElementById(`case-link-${focusId}`)?.focus();
    setFocusId(null);
  }, [focusId]);
  const loadMore = async () => {
    if (cases.loadingMore) return;
    const added = await cases.loadMore();
    if (added === null) setAnnouncement(t('worklist.moreFailed'));
    else if (added.length > 0) setFocusId(added[0].id);
  };

  // Claim the next case.
  const [claimMessage, setClaimMessage] = useState('');
  const [claimProblem, setClaimProblem] = useState<ApiProblem | null>(null);
  const [claiming, setClaiming] = useState(false);
  const claim = async () => {
    if (claiming) return;
    setClaiming(true);
    setClaimMessage('');
    setClaimProblem(null);
    try {
      const { data, error, response } = await api.POST('/api/v1/worklists/{regionCode}/{team}/claim', { params: { path: { regionCode, team } } });
      if (response.status === 204) setClaimMessage(t('worklist.claimNothing'));
      else if (data !== undefined) {
        await navigate(`/medewerkers/zaken/${data.id}`);
        return;
      } else setClaimProblem(toProblem(error, response));
    } catch {
      setClaimProblem(networkProblem());
    } finally {
      setClaiming(false);
    }
  };

  // Bulk assignment (coordinators).
  const [selected, setSelected] = useState<string[]>([]);
  const [assignee, setAssignee] = useState('');
  const [assignReason, setAssignReason] = useState('');
  const [assignProblem, setAssignProblem] = useState<ApiProblem | null>(null);
  const [assignMessage, setAssignMessage] = useState('');
  const [assigning, setAssigning] = useState(false);
  const [selectionMissing, setSelectionMissing] = useState(false);
  const assignFormRef = useRef<HTMLFormElement>(null);
  const requestAssignFocus = useFocusRequest(assignFormRef);
  const openIds = new Set(cases.items?.map((c) => c.id) ?? []);
  const selectedOpen = selected.filter((id) => openIds.has(id));

  const assign = async (event: FormEvent) => {
    event.preventDefault();
    if (assigning) return;
    setAssignMessage('');
    if (selectedOpen.length === 0) {
      setSelectionMissing(true);
      return;
    }
    setSelectionMissing(false);
    setAssigning(true);
    try {
      const { data, error, response } = await api.POST('/api/v1/worklists/{regionCode}/{team}/assignments', {
        params: { path: { regionCode, team } },
        body: { caseIds: selectedOpen, assigneeId: (assignee === RELEASE ? null : assignee) as unknown as Record<string, never>, reason: assignReason },
      });
      if (data !== undefined) {
        setAssignProblem(null);
        setSelected([]);
        setAssignReason('');
        setAssignMessage(assignee === RELEASE ? t('worklist.assign.released', { count: data.length }) : t('worklist.assign.assigned', { count: data.length }));
        cases.reload();
      } else {
        setAssignProblem(toProblem(error, response));
        requestAssignFocus();
      }
    } catch {
      setAssignProblem(networkProblem());
    } finally {
      setAssigning(false);
    }
  };

  const [handoffMessage, setHandoffMessage] = useState('');
  const handoffDone = (message: string) => {
    setHandoffMessage(message);
    handoffs.reload();
    cases.reload();
  };

  const assignedName = (value: unknown): string => {
    const id = stringOrNull(value);
    if (id === null) return t('worklist.unassigned');
    if (id === me.id) return t('worklist.assignedToYou', { username: me.username });
    return workers?.find((w) => w.id === id)?.username ?? t('worklist.assignedOther');
  };

  const list = cases.items ?? [];
  const deadlines = new Map(list.map((c) => [c.id, deadlineOf(c, now)]));
  const counts = {
    open: cases.total ?? list.length,
    urgent: list.filter((c) => c.urgent).length,
    overdue: list.filter((c) => deadlines.get(c.id)?.overdue).length,
    dueSoon: list.filter((c) => deadlines.get(c.id)?.dueSoon).length,
    unassigned: list.filter((c) => stringOrNull(c.assignedTo) === null).length,
  };
  const assignErrors = fieldErrors(assignProblem);
  const incoming = handoffs.data?.incoming ?? [];
  const outgoing = handoffs.data?.outgoing ?? [];
  const allSelected = list.length > 0 && selectedOpen.length === list.length;

  return (
    <>
      <Heading1>{title}</Heading1>

      {cases.status !== null && cases.status >= 400 && cases.items === null ? (
        <Alert type="error" className="wl-alert">
          <Paragraph>{cases.status === 403 ? t('worklist.forbidden') : cases.status === 404 ? t('worklist.notFound') : t('errors.server')}</Paragraph>
        </Alert>
      ) : (
        <>
          <ul className="wl-counts" aria-label={t('worklist.countsLabel')}>
            <li>
              <strong>{counts.open}</strong> {t('worklist.counts.open', { count: counts.open })}
            </li>
            <li className={counts.urgent > 0 ? 'wl-count wl-count--urgent' : 'wl-count'}>
              <strong>{counts.urgent}</strong> {t('worklist.counts.urgent', { count: counts.urgent })}
            </li>
            <li className={counts.overdue > 0 ? 'wl-count wl-count--overdue' : 'wl-count'}>
              <strong>{counts.overdue}</strong> {t('worklist.counts.overdue', { count: counts.overdue })}
            </li>
            <li className={counts.dueSoon > 0 ? 'wl-count wl-count--soon' : 'wl-count'}>
              <strong>{counts.dueSoon}</strong> {t('worklist.counts.dueSoon', { count: counts.dueSoon })}
            </li>
            <li className="wl-count">
              <strong>{counts.unassigned}</strong> {t('worklist.counts.unassigned', { count: counts.unassigned })}
            </li>
          </ul>
          {cases.hasMore && <Paragraph className="wl-note">{t('worklist.countsShown', { count: list.length, shown: number(list.length, language) })}</Paragraph>}

          <div className="wl-actions">
            <Button appearance="primary-action-button" busy={claiming} onClick={() => void claim()}>
              {t('worklist.claim')}
            </Button>
          </div>
          <p role="status" className="wl-status-message">
            {claimMessage}
          </p>
          <ProblemAlert problem={claimProblem} />
          <p aria-live="polite" className="wl-status-message">
            {announcement}
          </p>

          <ScrollTable
            id="worklist-caption"
            label={
              cases.hasMore && cases.total !== null
                ? t('worklist.captionPartial', { count: cases.total, shown: number(list.length, language), total: number(cases.total, language) })
                : t('worklist.caption', { count: list.length })
            }
            testId="worklist-table"
          >
              <TableHeader>
                <TableRow>
                  {isCoordinator && (
                    <TableHeaderCell scope="col">
                      <span className="wl-check wl-check--compact">
                        <Checkbox
                          id="worklist-select-all"
                          checked={allSelected}
                          indeterminate={selectedOpen.length > 0 && !allSelected}
                          onChange={(event) => setSelected(event.target.checked ? list.map((c) => c.id) : [])}
                        />
                        <FormLabel htmlFor="worklist-select-all" type="checkbox">
                          <span className="wl-visually-hidden">{t('worklist.selectAll')}</span>
                        </FormLabel>
                      </span>
                    </TableHeaderCell>
                  )}
                  <TableHeaderCell scope="col">{t('worklist.col.reference')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('worklist.col.signal')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('worklist.col.level')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('worklist.col.status')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('worklist.col.assignedTo')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('worklist.col.firstContactDue')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('worklist.col.closeDue')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {cases.items === null && (
                  <TableRow>
                    <TableCell colSpan={isCoordinator ? 8 : 7}>{t('common.loading')}</TableCell>
                  </TableRow>
                )}
                {cases.items !== null && list.length === 0 && (
                  <TableRow>
                    <TableCell colSpan={isCoordinator ? 8 : 7}>{t('worklist.empty')}</TableCell>
                  </TableRow>
                )}
                {list.map((c) => {
                  const deadline = deadlines.get(c.id);
                  const firstDue = c.firstContactAt ? null : isoOrNull(c.firstContactDueAt);
                  const closeDue = isoOrNull(c.closeDueAt);
                  const rowClass = c.urgent ? 'wl-row--urgent' : deadline?.overdue ? 'wl-row--overdue' : deadline?.dueSoon ? 'wl-row--soon' : '';
                  const checkboxId = `select-${c.id}`;
                  return (
                    <TableRow key={c.id} className={rowClass}>
                      {isCoordinator && (
                        <TableCell>
                          <span className="wl-check wl-check--compact">
                            <Checkbox
                              id={checkboxId}
                              checked={selected.includes(c.id)}
                              onChange={(event) => setSelected((s) => (event.target.checked ? [...s, c.id] : s.filter((id) => id !== c.id)))}
                            />
                            <FormLabel htmlFor={checkboxId} type="checkbox">
                              <span className="wl-visually-hidden">{t('worklist.select', { reference: c.reference })}</span>
                            </FormLabel>
                          </span>
                        </TableCell>
                      )}
                      <TableHeaderCell scope="row">
                        <AppLink id={`case-link-${c.id}`} to={`/medewerkers/zaken/${c.id}`}>
                          {c.reference}
                        </AppLink>
                      </TableHeaderCell>
                      <TableCell>
                        <span className="wl-badges">
                          {c.urgent && <strong className="wl-badge wl-badge--urgent">{t('worklist.signal.urgent')}</strong>}
                          {deadline?.overdue && <strong className="wl-badge wl-badge--overdue">{t('worklist.signal.overdue')}</strong>}
                          {deadline?.dueSoon && <strong className="wl-badge wl-badge--soon">{t('worklist.signal.dueSoon')}</strong>}
                          {c.slaPaused && <span className="wl-badge">{t('worklist.signal.paused')}</span>}
                          {!c.urgent && !deadline?.overdue && !deadline?.dueSoon && !c.slaPaused && <span>{t('worklist.signal.none')}</span>}
                        </span>
                      </TableCell>
                      <TableCell>{t(`level.${c.level}`)}</TableCell>
                      <TableCell>{t(`caseStatus.${c.status}`)}</TableCell>
                      <TableCell>{assignedName(c.assignedTo)}</TableCell>
                      <TableCell>
                        {firstDue === null ? t('worklist.done') : deadlineTime(firstDue, language)}
                        {firstDue !== null && isPast(firstDue, now) && !c.slaPaused && <span className="wl-late"> {t('worklist.late')}</span>}
                      </TableCell>
                      <TableCell>
                        {closeDue === null ? '—' : deadlineTime(closeDue, language)}
                        {closeDue !== null && isPast(closeDue, now) && !c.slaPaused && <span className="wl-late"> {t('worklist.late')}</span>}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </ScrollTable>

          {cases.items !== null && list.length > 0 && (
            <div className="wl-actions wl-load-more">
              <Paragraph id="worklist-shown">{shownOf(list.length, cases.total, cases.hasMore)}</Paragraph>
              {cases.hasMore && (
                <Button appearance="secondary-action-button" busy={cases.loadingMore} aria-describedby="worklist-shown" onClick={() => void loadMore()}>
                  {t('worklist.loadMore')}
                </Button>
              )}
            </div>
          )}

          {isCoordinator && (
            <section aria-labelledby="assign-title" className="wl-section">
              <Heading2 id="assign-title">{t('worklist.assign.title')}</Heading2>
              <form ref={assignFormRef} noValidate onSubmit={(event) => void assign(event)} className="wl-form">
                <Paragraph>{t('worklist.assign.selected', { count: selectedOpen.length })}</Paragraph>
                {selectionMissing && (
                  <Alert type="error" className="wl-alert">
                    <Paragraph>{t('worklist.assign.noneSelected')}</Paragraph>
                  </Alert>
                )}
                <ProblemAlert problem={assignProblem} shownFields={['assigneeId', 'reason']} />
                <SelectField
                  id="assign-to"
                  label={t('worklist.assign.to')}
                  required
                  value={assignee}
                  onChange={setAssignee}
                  options={[
                    ...(workers ?? []).map((w) => ({
                      value: w.id,
                      label: t('worklist.assign.worker', {
                        username: w.username,
                        open: w.openCases,
                        max: w.maxOpenCases ?? '∞',
                        available: w.available ? t('overview.available') : t('overview.onLeave'),
                      }),
                    })),
                    { value: RELEASE, label: t('worklist.assign.release') },
                  ]}
                  error={assignErrors.assigneeId ? t('worklist.assign.assigneeInvalid') : null}
                />
                <TextareaField
                  id="assign-reason"
                  label={t('worklist.assign.reason')}
                  description={t('form.reasonHint')}
                  required
                  value={assignReason}
                  onChange={setAssignReason}
                  rows={3}
                  error={assignErrors.reason ? t('form.reasonInvalid') : null}
                />
                <Button type="submit" appearance="primary-action-button" busy={assigning}>
                  {t('worklist.assign.submit')}
                </Button>
                <p role="status" className="wl-status-message">
                  {assignMessage}
                </p>
              </form>
            </section>
          )}

          <section aria-labelledby="handoffs-title" className="wl-section">
            <Heading2 id="handoffs-title">{t('worklist.handoffs.title')}</Heading2>
            <p role="status" className="wl-status-message">
              {handoffMessage}
            </p>
            {incoming.length === 0 ? (
              <Paragraph>{t('worklist.handoffs.none')}</Paragraph>
            ) : (
              <ul className="wl-cards">
                {incoming.map((h) => (
                  <IncomingHandoff key={h.id} handoff={h} onDone={handoffDone} />
                ))}
              </ul>
            )}
            {outgoing.length > 0 && (
              <>
                <Heading3>{t('worklist.handoffs.outgoingTitle')}</Heading3>
                <ul className="wl-list">
                  {outgoing.map((h) => (
                    <li key={h.id}>
                      <AppLink to={`/medewerkers/zaken/${h.caseId}`}>
                        {t('worklist.handoffs.outgoing', { team: t(`team.${h.toTeam}`), region: regionName(h.toRegionCode) })}
                      </AppLink>{' '}
                      {t('worklist.handoffs.respondBy', { date: deadlineTime(h.respondBy, language) })}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        </>
      )}
    </>
  );
}
