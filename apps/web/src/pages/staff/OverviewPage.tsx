import { useCallback } from 'react';
import {
  Alert, Heading1, Heading2, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../api/client';
import { conditional, usePolling, type PollLoader } from '../../api/polling';
import type { Overview } from '../../api/types';
import { ScrollTable } from '../../components/ScrollTable';
import { AppLink } from '../../components/AppLink';
import { useStaff } from '../../components/StaffSession';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useLanguage } from '../../components/useLanguage';
import { deadlineTime } from '../../i18n/format';

const POLL_MS = 5000;

/** Without a region in the path: pick one of the regions this user coordinates. */
export function OverviewIndexPage() {
  const { t } = useTranslation();
  const { overviewRegions, regions, regionName, isAdmin } = useStaff();
  useDocumentTitle(t('overview.indexTitle'));
  const codes = isAdmin && overviewRegions.length === 0 ? regions.map((r) => r.code) : overviewRegions;
  return (
    <>
      <Heading1>{t('overview.indexTitle')}</Heading1>
      {codes.length === 0 ? (
        <Paragraph>{t('overview.noRegions')}</Paragraph>
      ) : (
        <ul className="wl-list wl-list--columns">
          {codes.map((code) => (
            <li key={code}>
              <AppLink to={`/medewerkers/overzicht/${code}`}>{t('dashboard.overviewLink', { region: regionName(code) })}</AppLink>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** A coordinator's region: per team open, unassigned, due soon, overdue, escalated; hand-offs; case worker loads. */
export function OverviewPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { regionCode = '' } = useParams();
  const { regionName } = useStaff();
  const title = t('overview.title', { region: regionName(regionCode) });
  useDocumentTitle(title);

  const load = useCallback<PollLoader<Overview>>(
    async (etag, signal) => {
      const { data, response } = await api.GET('/api/v1/overview/{regionCode}', { params: { path: { regionCode } }, ...conditional(etag), signal });
      return { status: response.status, data, etag: response.headers.get('ETag') };
    },
    [regionCode],
  );
  const overview = usePolling(regionCode, load, POLL_MS);
  const data = overview.data;

  return (
    <>
      <Heading1>{title}</Heading1>
      <Paragraph>{t('overview.lead')}</Paragraph>
      {data === null ? (
        overview.status !== null && overview.status >= 400 ? (
          <Alert type="error" className="wl-alert">
            <Paragraph>{overview.status === 403 ? t('overview.forbidden') : overview.status === 404 ? t('overview.notFound') : t('errors.server')}</Paragraph>
          </Alert>
        ) : (
          <Paragraph aria-live="polite">{t('common.loading')}</Paragraph>
        )
      ) : (
        <>
          <section aria-labelledby="teams-title" className="wl-section">
            <Heading2 id="teams-title">{t('overview.teamsTitle')}</Heading2>
            <ScrollTable id="teams-caption" label={t('overview.teamsCaption')}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('overview.col.team')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('overview.col.open')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('overview.col.unassigned')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('overview.col.dueSoon')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('overview.col.overdue')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('overview.col.escalated')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('overview.col.handoffs')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.teams.map((f) => (
                    <TableRow key={f.team}>
                      <TableHeaderCell scope="row">
                        <AppLink to={`/medewerkers/werklijst/${regionCode}/${f.team}`}>{t(`team.${f.team}`)}</AppLink>
                      </TableHeaderCell>
                      <TableCell>{f.open}</TableCell>
                      <TableCell>{f.waitingForAssignment}</TableCell>
                      <TableCell className={f.dueSoon > 0 ? 'wl-cell--soon' : undefined}>{f.dueSoon}</TableCell>
                      <TableCell className={f.overdue > 0 ? 'wl-cell--overdue' : undefined}>{f.overdue}</TableCell>
                      <TableCell className={f.escalated > 0 ? 'wl-cell--overdue' : undefined}>{f.escalated}</TableCell>
                      <TableCell>{f.incomingHandoffs}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </ScrollTable>
          </section>

          <section aria-labelledby="escalated-title" className="wl-section">
            <Heading2 id="escalated-title">{t('overview.escalatedTitle')}</Heading2>
            {data.escalatedCases.length === 0 ? (
              <Paragraph>{t('overview.escalatedNone')}</Paragraph>
            ) : (
              <ul className="wl-list">
                {data.escalatedCases.map((c) => (
                  <li key={c.id}>
                    <AppLink to={`/medewerkers/zaken/${c.id}`}>{c.reference}</AppLink> — {t(`team.${c.team}`)}, {t(`caseStatus.${c.status}`)}
                    {c.urgent && <strong className="wl-badge wl-badge--urgent">{t('worklist.signal.urgent')}</strong>}
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="handoffs-title" className="wl-section">
            <Heading2 id="handoffs-title">{t('overview.handoffsTitle')}</Heading2>
            <Paragraph>{t('overview.pendingHandoffs', { count: data.teams.reduce((sum, f) => sum + f.incomingHandoffs, 0) })}</Paragraph>
            {data.overdueHandoffs.length === 0 ? (
              <Paragraph>{t('overview.overdueHandoffsNone')}</Paragraph>
            ) : (
              <ul className="wl-list">
                {data.overdueHandoffs.map((h) => (
                  <li key={h.id}>
                    <AppLink to={`/medewerkers/zaken/${h.caseId}`}>
                      {t('overview.overdueHandoff', {
                        from: `${t(`team.${h.fromTeam}`)} (${regionName(h.fromRegionCode)})`,
                        to: `${t(`team.${h.toTeam}`)} (${regionName(h.toRegionCode)})`,
                      })}
                    </AppLink>{' '}
                    <strong className="wl-badge wl-badge--overdue">{t('worklist.signal.overdue')}</strong>{' '}
                    {t('worklist.handoffs.respondBy', { date: deadlineTime(h.respondBy, language) })}
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="workers-title" className="wl-section">
            <Heading2 id="workers-title">{t('overview.workersTitle')}</Heading2>
            {data.caseWorkers.length === 0 ? (
              <Paragraph>{t('overview.workersNone')}</Paragraph>
            ) : (
              <ScrollTable id="workers-caption" label={t('overview.workersCaption')} compact>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{t('overview.col.worker')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('overview.col.load')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('overview.col.capacity')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('overview.col.availability')}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {data.caseWorkers.map((w) => {
                      const full = w.maxOpenCases !== null && w.openCases >= w.maxOpenCases;
                      return (
                        <TableRow key={w.id}>
                          <TableHeaderCell scope="row">{w.username}</TableHeaderCell>
                          <TableCell>
                            {w.openCases}
                            {full && <strong className="wl-badge wl-badge--soon">{t('overview.full')}</strong>}
                          </TableCell>
                          <TableCell>{w.maxOpenCases ?? t('overview.noLimit')}</TableCell>
                          <TableCell>{w.available ? t('overview.available') : t('overview.onLeave')}</TableCell>
                        </TableRow>
                      );
                    })}
                  </TableBody>
                </ScrollTable>
            )}
          </section>
        </>
      )}
    </>
  );
}
