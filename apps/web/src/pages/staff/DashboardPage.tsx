import { useEffect, useState } from 'react';
import { Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { NATIONAL, type Team } from '../../api/types';
import { AppLink } from '../../components/AppLink';
import { CheckboxField, SelectField } from '../../components/FormFields';
import { useStaff } from '../../components/StaffSession';
import { useDocumentTitle } from '../../components/useDocumentTitle';

interface Worklist {
  regionCode: string;
  team: Team;
}


/** Open cases per worklist (a one-case page's X-Total-Count); null when the list cannot be read. */
function useCounts(worklists: Worklist[]): Record<string, number | null> {
  const [counts, setCounts] = useState<Record<string, number | null>>({});
  const key = worklists.map((w) => `${w.regionCode}/${w.team}`).join(',');
  useEffect(() => {
    let stopped = false;
    const lists = key === '' ? [] : key.split(',');
    void Promise.all(
      lists.map(async (name) => {
        const [regionCode = '', team = 'triage'] = name.split('/');
        try {
          const { response } = await api.GET('/api/v1/worklists/{regionCode}/{team}/cases', {
            params: { path: { regionCode, team: team as Team }, query: { limit: 1 } },
            cache: 'no-store',
          });
          const total = response.ok ? response.headers.get('X-Total-Count') : null;
          return [name, total === null ? null : Number(total)] as const;
        } catch {
          return [name, null] as const;
        }
      }),
    ).then((entries) => {
      if (!stopped) setCounts(Object.fromEntries(entries));
    });
    return () => {
      stopped = true;
    };
  }, [key]);
  return counts;
}

function Availability() {
  const { t } = useTranslation();
  const { me } = useStaff();
  // GET /api/v1/me says whether the user takes new cases now.
  const [available, setAvailable] = useState<boolean>(me.available);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const change = async (next: boolean) => {
    if (busy) return;
    setBusy(true);
    setAvailable(next);
    try {
      const { data } = await api.PUT('/api/v1/me/availability', { body: { available: next } });
      if (data !== undefined) {
        setAvailable(data.available);
        setMessage(data.available ? t('dashboard.availability.savedOn') : t('dashboard.availability.savedOff'));
      } else {
        setAvailable(!next);
        setMessage(t('dashboard.availability.failed'));
      }
    } catch {
      setAvailable(!next);
      setMessage(t('dashboard.availability.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="availability-title" className="wl-section">
      <Heading2 id="availability-title">{t('dashboard.availability.title')}</Heading2>
      <CheckboxField
        id="availability"
        role="switch"
        label={t('dashboard.availability.label')}
        description={t('dashboard.availability.description')}
        checked={available}
        onChange={(checked) => void change(checked)}
      />
      <p role="status" className="wl-status-message">
        {message}
      </p>
    </section>
  );
}

/** "Mijn werklijsten": every worklist the user may reach, with its open cases. */
export function DashboardPage() {
  const { t } = useTranslation();
  const { me, regions, regionName, isAdmin, isCoordinator, teams, overviewRegions } = useStaff();
  const [search, setSearch] = useSearchParams();
  useDocumentTitle(t('dashboard.title'));

  const adminPicksRegion = isAdmin && me.regionCodes.length === 0;
  const pickedRegion = search.get('regio') ?? regions[0]?.code ?? '';
  const regionCodes = adminPicksRegion ? [pickedRegion, NATIONAL].filter((c) => c !== '') : me.regionCodes;
  const worklists: Worklist[] = regionCodes.flatMap((regionCode) =>
    (regionCode === NATIONAL && adminPicksRegion ? (['triage'] as Team[]) : teams).map((team) => ({ regionCode, team })),
  );
  const counts = useCounts(worklists);
  const overviewFor = adminPicksRegion ? [pickedRegion].filter((c) => c !== '') : overviewRegions;

  return (
    <>
      <Heading1>{t('dashboard.title')}</Heading1>
      <Paragraph>{t('dashboard.lead', { username: me.username })}</Paragraph>

      {adminPicksRegion && (
        <SelectField
          id="dashboard-region"
          label={t('dashboard.pickRegion')}
          placeholder={false}
          value={pickedRegion}
          onChange={(code) => setSearch({ regio: code }, { replace: true })}
          options={regions.map((r) => ({ value: r.code, label: r.name }))}
        />
      )}

      <section aria-labelledby="worklists-title" className="wl-section">
        <Heading2 id="worklists-title">{t('dashboard.worklistsTitle')}</Heading2>
        {worklists.length === 0 ? (
          <Paragraph>{t('dashboard.noWorklists')}</Paragraph>
        ) : (
          <ul className="wl-cards">
            {worklists.map(({ regionCode, team }) => {
              const count = counts[`${regionCode}/${team}`];
              return (
                <li key={`${regionCode}/${team}`} className="wl-card">
                  <AppLink to={`/medewerkers/werklijst/${regionCode}/${team}`} className="wl-card__link">
                    {t('dashboard.worklistLink', { team: t(`team.${team}`), region: regionName(regionCode) })}{' '}
                    <span className="wl-card__count">
                      {count === undefined ? t('dashboard.countLoading') : count === null ? t('dashboard.countUnknown') : t('dashboard.count', { count })}
                    </span>
                  </AppLink>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      {(isCoordinator || isAdmin || me.role === 'analyst') && (
        <section aria-labelledby="more-title" className="wl-section">
          <Heading2 id="more-title">{t('dashboard.moreTitle')}</Heading2>
          <ul className="wl-list">
            {overviewFor.map((code) => (
              <li key={code}>
                <AppLink to={`/medewerkers/overzicht/${code}`}>{t('dashboard.overviewLink', { region: regionName(code) })}</AppLink>
              </li>
            ))}
            <li>
              <AppLink to="/medewerkers/rapportages">{t('dashboard.reportsLink')}</AppLink>
            </li>
            {isAdmin && (
              <li>
                <AppLink to="/medewerkers/beheer">{t('dashboard.adminLink')}</AppLink>
              </li>
            )}
          </ul>
        </section>
      )}

      <Availability />
    </>
  );
}
