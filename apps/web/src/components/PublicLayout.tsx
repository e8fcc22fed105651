import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { Shell } from './Shell';

function navClass({ isActive }: { isActive: boolean }): string {
  return isActive ? 'utrecht-link utrecht-link--html-a wl-nav__link wl-nav__link--current' : 'utrecht-link utrecht-link--html-a wl-nav__link';
}

/** The public pages: ask a question, follow it; and the way in for staff. */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <Shell
      home="/"
      navLabel={t('layout.nav.public')}
      nav={
        <ul className="wl-nav__list">
          <li>
            <NavLink to="/" end className={navClass}>
              {t('layout.nav.ask')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/status" className={navClass}>
              {t('layout.nav.status')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/medewerkers/inloggen" className={navClass}>
              {t('layout.nav.staffLogin')}
            </NavLink>
          </li>
        </ul>
      }
    >
      <Outlet />
    </Shell>
  );
}
