import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { api, onUnauthorized, setCsrfToken } from '../api/client';
import { NATIONAL, TEAMS, type Me, type Region, type Team } from '../api/types';
import { Shell } from './Shell';
import { useIdleTimeout } from './useIdleTimeout';
import { useRegions } from './useRegions';

export const IDLE_TIMEOUT_MS = 15 * 60 * 1000;
const IDLE_WARNING_MS = 60 * 1000;

/** Why the login page is shown: it says so. */
export type LoginReason = 'required' | 'expired' | 'idle' | 'loggedOut';

export interface LoginState {
  reason?: LoginReason;
}

interface StaffContextValue {
  me: Me;
  regions: Region[];
  regionName: (code: string) => string;
  isCoordinator: boolean;
  isAdmin: boolean;
  /** The teams this user works for (admins: all). */
  teams: readonly Team[];
  /** The regions this user coordinates (for the overview). */
  overviewRegions: string[];
  logout: (reason?: LoginReason) => Promise<void>;
}

const StaffContext = createContext<StaffContextValue | null>(null);

export function useStaff(): StaffContextValue {
  const value = useContext(StaffContext);
  if (value === null) throw new Error('useStaff outside the staff pages');
  return value;
}

function isMe(value: unknown): value is Me {
  return typeof value === 'object' && value !== null && typeof (value as Me).id === 'string' && Array.isArray((value as Me).regionCodes);
}

function navClass({ isActive }: { isActive: boolean }): string {
  return isActive ? 'utrecht-link utrecht-link--html-a wl-nav__link wl-nav__link--current' : 'utrecht-link utrecht-link--html-a wl-nav__link';
}

/**
 * The staff pages: who is logged in (GET /me; 401 → the login page), the staff navigation, log out, and log
 * out after 15 minutes without keyboard or mouse activity.
 */
export function StaffLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const regions = useRegions();
  const [me, setMe] = useState<Me | null>(null);
  const [failed, setFailed] = useState(false);

  const toLogin = useCallback(
    (reason: LoginReason) => {
      setCsrfToken(null);
      const state: LoginState = { reason };
      void navigate('/medewerkers/inloggen', { replace: true, state });
    },
    [navigate],
  );

  useEffect(() => onUnauthorized(() => toLogin('expired')), [toLogin]);

  useEffect(() => {
    let stopped = false;
    void (async () => {
      try {
        const { data, response } = await api.GET('/api/v1/me', { cache: 'no-store' });
        if (stopped) return;
        if (response.status === 401) {
          toLogin('required');
          return;
        }
        if (isMe(data)) setMe(data);
        else setFailed(true);
      } catch {
        if (!stopped) setFailed(true);
      }
    })();
    return () => {
      stopped = true;
    };
  }, [toLogin]);

  const logout = useCallback(
    async (reason: LoginReason = 'loggedOut') => {
      try {
        await api.DELETE('/api/v1/auth/session');
      } catch {
        // Offline: the session cookie expires by itself; leave anyway.
      }
      toLogin(reason);
    },
    [toLogin],
  );

  const { warning, stayActive } = useIdleTimeout(IDLE_TIMEOUT_MS, IDLE_WARNING_MS, () => void logout('idle'));

  const value = useMemo<StaffContextValue | null>(() => {
    if (me === null) return null;
    const isAdmin = me.role === 'admin';
    const isCoordinator = me.role === 'coordinator' || isAdmin;
    const regionName = (code: string): string =>
      code === NATIONAL ? t('staff.national') : (regions.find((r) => r.code === code)?.name ?? code);
    return {
      me,
      regions,
      regionName,
      isAdmin,
      isCoordinator,
      teams: isAdmin && me.teams.length === 0 ? TEAMS : me.teams,
      overviewRegions: isCoordinator ? me.regionCodes.filter((c) => c !== NATIONAL) : [],
      logout,
    };
  }, [me, regions, logout, t]);

  const overviewTarget =
    value === null ? null : value.overviewRegions.length === 1 ? `/medewerkers/overzicht/${value.overviewRegions[0]}` : '/medewerkers/overzicht';

  const nav =
    value === null ? null : (
      <ul className="wl-nav__list">
        <li>
          <NavLink to="/medewerkers" end className={navClass}>
            {t('staff.nav.worklists')}
          </NavLink>
        </li>
        {value.isCoordinator && overviewTarget !== null && (
          <li>
            <NavLink to={overviewTarget} className={navClass}>
              {t('staff.nav.overview')}
            </NavLink>
          </li>
        )}
        {(value.isCoordinator || value.me.role === 'analyst') && (
          <li>
            <NavLink to="/medewerkers/rapportages" className={navClass}>
              {t('staff.nav.reports')}
            </NavLink>
          </li>
        )}
        {value.isAdmin && (
          <li>
            <NavLink to="/medewerkers/beheer" className={navClass}>
              {t('staff.nav.admin')}
            </NavLink>
          </li>
        )}
      </ul>
    );

  const tools =
    value === null ? null : (
      <div className="wl-user">
        <span className="wl-user__name">{t('staff.loggedInAs', { username: value.me.username })}</span>
        <Button appearance="secondary-action-button" onClick={() => void logout()}>
          {t('staff.logout')}
        </Button>
      </div>
    );

  return (
    <Shell home="/medewerkers" tagline={t('staff.tagline')} navLabel={t('staff.nav.label')} nav={nav} tools={tools} wide>
      {warning && (
        <Alert type="warning" className="wl-alert wl-idle-warning">
          <Paragraph>{t('staff.idleWarning')}</Paragraph>
          <Button appearance="primary-action-button" onClick={stayActive}>
            {t('staff.stayLoggedIn')}
          </Button>
        </Alert>
      )}
      {value === null ? (
        <>
          <Heading1>{t('staff.loadingTitle')}</Heading1>
          <Paragraph aria-live="polite">{failed ? t('errors.server') : t('common.loading')}</Paragraph>
        </>
      ) : (
        <StaffContext.Provider value={value}>
          <Outlet key={location.pathname} />
        </StaffContext.Provider>
      )}
    </Shell>
  );
}
