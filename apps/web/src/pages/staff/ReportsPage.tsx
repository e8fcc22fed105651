import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import {
  Alert, Button, Heading1, Heading2, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { ScrollTable } from '../../components/ScrollTable';
import { SelectField, TextField } from '../../components/FormFields';
import { useStaff } from '../../components/StaffSession';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useLanguage } from '../../components/useLanguage';
import type { Language } from '../../i18n';

type Report = components['schemas']['OutcomeReportDto'];
type Table = components['schemas']['ReportTableDto'];
type Row = components['schemas']['ReportRowDto'];
type Figure = components['schemas']['FigureDto'];
type ReportName = Report['report'];

const REPORTS: readonly ReportName[] = ['volume', 'timeliness', 'outcomes', 'handoffs', 'trends'];
const PATHS = {
  volume: '/api/v1/reports/volume',
  timeliness: '/api/v1/reports/timeliness',
  outcomes: '/api/v1/reports/outcomes',
  handoffs: '/api/v1/reports/handoffs',
  trends: '/api/v1/reports/trends',
} as const;
const RESULTS = ['placed_in_work', 'work_to_work', 'training_started', 'referred', 'withdrawn', 'no_contact'] as const;
/** Colours with at least 3:1 contrast against white, told apart by more than hue alone (the table says it all). */
const COLOURS = ['#1f4e79', '#8a3b12', '#2e6b30', '#6b2d82', '#7a6200', '#555555'];

function localeOf(language: Language): string {
  return language === 'en' ? 'en-GB' : 'nl-NL';
}

/** A figure as the page shows it: the number in the page's language, or the API's marker ("< 5", "x", "–"). */
function formatFigure(figure: Figure | undefined, kind: string, language: Language): string {
  if (!figure) return '';
  if (figure.value === null) return figure.display;
  const locale = localeOf(language);
  if (kind === 'share') return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(figure.value);
  if (kind === 'days') return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(figure.value);
  return new Intl.NumberFormat(locale).format(figure.value);
}

function useReport(name: ReportName, query: Record<string, string>): { report: Report | null; status: number | null } {
  const [state, setState] = useState<{ key: string; report: Report | null; status: number | null }>({ key: '', report: null, status: null });
  const key = `${name}?${new URLSearchParams(query).toString()}`;
  useEffect(() => {
    let stopped = false;
    void (async () => {
      try {
        const { data, response } = await api.GET(PATHS[name], { params: { query }, cache: 'no-store' });
        if (!stopped) setState({ key, report: (data as Report | undefined) ?? null, status: response.status });
      } catch {
        if (!stopped) setState({ key, report: null, status: 0 });
      }
    })();
    return () => {
      stopped = true;
    };
    // The query is part of the key.
  }, [key]);
  return state.key === key ? state : { report: null, status: null };
}

async function downloadCsv(name: ReportName, query: Record<string, string>, table: string): Promise<void> {
  const search = new URLSearchParams({ ...query, table }).toString();
  const response = await fetch(`${PATHS[name]}?${search}`, { headers: { Accept: 'text/csv' }, credentials: 'same-origin', cache: 'no-store' });
  if (!response.ok) return;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? `${name}-${table}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** Outcome monitoring for a region: volume, timeliness, outcomes, hand-offs and weekly trends, each chart with its table. */
export function ReportsPage() {
  const { t } = useTranslation();
  const { me, regions, regionName, isAdmin } = useStaff();
  const [search, setSearch] = useSearchParams();
  useDocumentTitle(t('reports.title'));

  const ownRegions = isAdmin ? regions.map((r) => r.code) : me.regionCodes.filter((code) => regions.some((r) => r.code === code));
  const regionCode = search.get('regio') ?? (isAdmin ? '' : (ownRegions[0] ?? ''));
  const from = search.get('van') ?? '';
  const to = search.get('tot') ?? '';
  const [draft, setDraft] = useState({ regionCode, from, to });

  const query: Record<string, string> = {
    ...(regionCode ? { regionCode } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (draft.regionCode) next.regio = draft.regionCode;
    if (draft.from) next.van = draft.from;
    if (draft.to) next.tot = draft.to;
    setSearch(next, { replace: true });
  };

  const regionOptions = [
    ...(isAdmin ? [{ value: '', label: t('reports.allRegions') }] : []),
    ...ownRegions.map((code) => ({ value: code, label: regionName(code) })),
  ];

  return (
    <>
      <Heading1>{t('reports.title')}</Heading1>
      <Paragraph>{t('reports.lead')}</Paragraph>
      <form className="wl-section wl-report-filters" onSubmit={apply} aria-label={t('reports.filters')}>
        <SelectField id="report-region" label={t('reports.region')} placeholder={false} value={draft.regionCode}
          onChange={(value) => setDraft({ ...draft, regionCode: value })} options={regionOptions} />
        <TextField id="report-from" type="date" size="full" label={t('reports.from')} description={t('reports.fromHelp')} value={draft.from}
          onChange={(value) => setDraft({ ...draft, from: value })} />
        <TextField id="report-to" type="date" size="full" label={t('reports.to')} description={t('reports.toHelp')} value={draft.to}
          onChange={(value) => setDraft({ ...draft, to: value })} />
        <Button type="submit" appearance="primary-action-button">{t('reports.show')}</Button>
      </form>
      <Alert className="wl-alert">
        <Paragraph>{t('reports.privacy')}</Paragraph>
      </Alert>
      <nav aria-label={t('reports.contents')} className="wl-section">
        <ul className="wl-list">
          {REPORTS.map((name) => (
            <li key={name}>
              <a className="utrecht-link utrecht-link--html-a" href={`#report-${name}`}>{t(`reports.${name}.title`)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {REPORTS.map((name) => (
        <ReportSection key={name} name={name} query={query} />
      ))}
    </>
  );
}

function ReportSection({ name, query }: { name: ReportName; query: Record<string, string> }) {
  const { t } = useTranslation();
  const { report, status } = useReport(name, query);
  const headingId = `report-${name}`;
  let body: ReactNode;
  if (report === null) {
    body =
      status !== null && status >= 400 ? (
        <Alert type="error" className="wl-alert">
          <Paragraph>{status === 403 ? t('reports.forbidden') : status === 422 ? t('reports.invalid') : t('errors.server')}</Paragraph>
        </Alert>
      ) : status === 0 ? (
        <Paragraph>{t('errors.server')}</Paragraph>
      ) : (
        <Paragraph aria-live="polite">{t('common.loading')}</Paragraph>
      );
  } else {
    body = (
      <>
        <ReportChart report={report} />
        {report.tables.map((table) => (
          <ReportTable key={table.id} report={name} table={table} query={query} />
        ))}
      </>
    );
  }
  return (
    <section aria-labelledby={headingId} className="wl-section">
      <Heading2 id={headingId} tabIndex={-1}>{t(`reports.${name}.title`)}</Heading2>
      <Paragraph>{t(`reports.${name}.lead`)}</Paragraph>
      {body}
    </section>
  );
}

function useLabels() {
  const { t: typed } = useTranslation();
  // Keys built from the API's values (columns, dimensions): checked by the i18n test of every key, not by the compiler.
  const t = typed as unknown as (key: string, options?: Record<string, unknown>) => string;
  const language = useLanguage();
  const column = (key: string): string => {
    if ((RESULTS as readonly string[]).includes(key)) return t(`result.staff.${key}`);
    if (key.endsWith('NationalMedian')) return t('reports.col.nationalMedian', { figure: column(key.slice(0, -'NationalMedian'.length)) });
    if (key.endsWith('Share') && (RESULTS as readonly string[]).includes(key.slice(0, -5))) return t('reports.col.shareOf', { figure: t(`result.staff.${key.slice(0, -5)}`) });
    return t(`reports.col.${key}`);
  };
  const value = (dimension: string, v: string): string => {
    switch (dimension) {
      case 'level':
        return t(`level.${v}`);
      case 'team':
      case 'toTeam':
      case 'fromTeam':
        return t(`team.${v}`);
      case 'route':
        return t(`route.${v}`);
      case 'role':
        return t(`roleShort.${v}`);
      case 'week':
        return t('reports.weekOf', {
          date: new Intl.DateTimeFormat(localeOf(language), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${v}T00:00:00Z`)),
        });
      default:
        return v;
    }
  };
  const row = (table: Table, r: Row): string => (r.key === 'total' ? t('reports.total') : table.dimensions.map((d) => value(d, r.dims[d] ?? '')).join(' – '));
  return { column, row, language };
}

function ReportTable({ report, table, query }: { report: ReportName; table: Table; query: Record<string, string> }) {
  const { t: typed } = useTranslation();
  const t = typed as unknown as (key: string, options?: Record<string, unknown>) => string;
  const { column, row, language } = useLabels();
  const id = `table-${report}-${table.id}`;
  return (
    <div className="wl-report-table">
      <ScrollTable id={id} label={t(`reports.${report}.tables.${table.id}`)} compact>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t(`reports.dimension.${table.dimensions.join('_')}`)}</TableHeaderCell>
            {table.columns.map((c) => (
              <TableHeaderCell key={c.key} scope="col">{column(c.key)}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {table.rows.map((r) => (
            <TableRow key={r.key}>
              <TableHeaderCell scope="row">{row(table, r)}</TableHeaderCell>
              {table.columns.map((c) => (
                <TableCell key={c.key}>{formatFigure(r.cells[c.key], c.kind, language)}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </ScrollTable>
      <Button appearance="secondary-action-button" onClick={() => void downloadCsv(report, query, table.id)}>
        {t('reports.downloadCsv', { table: t(`reports.${report}.tables.${table.id}`) })}
      </Button>
    </div>
  );
}

/** One chart per report; the figures are in the tables after it, so the chart is an image with a name for screen readers. */
function ReportChart({ report }: { report: Report }) {
  const { t: typed } = useTranslation();
  const t = typed as unknown as (key: string) => string;
  const { column, row } = useLabels();
  const first = (id: string) => report.tables.find((table) => table.id === id);
  const data = (table: Table | undefined, keys: string[], scale = 1) =>
    (table?.rows ?? [])
      .filter((r) => r.key !== 'total')
      .map((r) => ({ name: row(table!, r), ...Object.fromEntries(keys.map((k) => [column(k), r.cells[k]?.value === null || r.cells[k] === undefined ? null : r.cells[k].value * scale])) }));

  let chart: ReactNode;
  let keys: string[] = [];
  let rows: Record<string, string | number | null>[] = [];
  switch (report.report) {
    case 'volume':
      keys = ['questions'];
      rows = data(first('byRole'), keys);
      break;
    case 'timeliness':
      keys = ['contactMedianDays', 'contactP90Days'];
      rows = data(first('byTeam'), keys);
      break;
    case 'outcomes':
      keys = RESULTS.map((r) => `${r}Share`);
      rows = data(first('byTeam'), keys, 100);
      break;
    case 'handoffs':
      keys = ['acceptanceShare', 'answeredInTimeShare'];
      rows = data(first('byReceivingTeam'), keys, 100);
      break;
    case 'trends':
      keys = ['contactWithinNormShare', 'contactWithinNormShareNationalMedian'];
      rows = data(first('byWeek'), keys, 100);
      break;
  }
  if (report.report === 'trends') {
    chart = (
      <LineChart data={rows} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="name" />
        <YAxis unit="%" domain={[0, 100]} />
        <Tooltip />
        <Legend />
        {keys.map((k, i) => (
          <Line key={k} dataKey={column(k)} stroke={COLOURS[i]} strokeWidth={2} strokeDasharray={i === 1 ? '6 3' : undefined} connectNulls isAnimationActive={false} />
        ))}
      </LineChart>
    );
  } else {
    const stacked = report.report === 'outcomes';
    chart = (
      <BarChart data={rows} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="name" />
        {report.report === 'outcomes' || report.report === 'handoffs' ? <YAxis unit="%" domain={[0, 100]} /> : <YAxis />}
        <Tooltip />
        <Legend />
        {keys.map((k, i) => (
          <Bar key={k} dataKey={column(k)} fill={COLOURS[i % COLOURS.length]} stackId={stacked ? 'results' : undefined} isAnimationActive={false} />
        ))}
      </BarChart>
    );
  }
  return (
    <figure className="wl-chart">
      <div role="img" aria-label={t(`reports.${report.report}.chart`)} className="wl-chart__canvas">
        <ResponsiveContainer width="100%" height={280}>
          {chart}
        </ResponsiveContainer>
      </div>
      <figcaption className="wl-chart__caption">{t(`reports.${report.report}.chart`)} {t('reports.chartTable')}</figcaption>
    </figure>
  );
}
