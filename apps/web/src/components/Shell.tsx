import type { MouseEvent, ReactNode } from 'react';
import { useEffect, useRef } from 'react';
import { Page, PageFooter, PageHeader, Paragraph, SkipLink } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation } from 'react-router';
import { LanguageSwitch } from './LanguageSwitch';

interface ShellProps {
  /** Where the site name links to. */
  home: string;
  /** A short line under the site name ("for staff"). */
  tagline?: string;
  navLabel: string;
  nav: ReactNode;
  /** Extra controls on the right of the header (the staff's log-out button). */
  tools?: ReactNode;
  /** Staff pages use the full page width (tables). */
  wide?: boolean;
  children: ReactNode;
}

/** Moves focus to the new page's heading after client-side navigation, so screen readers hear the new page. */
function useFocusOnNavigation(): void {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const frame = window.requestAnimationFrame(() => {
      const heading = document.querySelector<HTMLElement>('main h1');
      const target = heading ?? document.getElementById('main');
      if (target === null) return;
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus();
    });
    return () => window.cancelAnimationFrame(frame);
  }, [pathname]);
}

/** The frame of every page: skip link, header with navigation and language switch, main, footer. */
export function Shell({ home, tagline, navLabel, nav, tools, wide = false, children }: ShellProps) {
  const { t } = useTranslation();
  useFocusOnNavigation();

  const skipToMain = (event: MouseEvent<HTMLAnchorElement>) => {
    const main = document.getElementById('main');
    if (main === null) return;
    event.preventDefault();
    main.focus();
    main.scrollIntoView();
  };

  return (
    <div className="wl-shell">
      <PageHeader className="wl-header">
        <SkipLink href="#main" onClick={skipToMain}>
          {t('layout.skipLink')}
        </SkipLink>
        <Page className="wl-header__inner">
          <div className="wl-brand">
            <RouterLink to={home} className="wl-brand__name">
              {t('layout.siteName')}
            </RouterLink>
            {tagline !== undefined && <span className="wl-brand__tagline">{tagline}</span>}
          </div>
          <nav aria-label={navLabel} className="wl-nav">
            {nav}
          </nav>
          <div className="wl-header__tools">
            {tools}
            <LanguageSwitch />
          </div>
        </Page>
      </PageHeader>
      <Page className="wl-content">
        <main id="main" tabIndex={-1} className={wide ? 'wl-main wl-main--wide' : 'wl-main'}>
          {children}
        </main>
      </Page>
      <PageFooter className="wl-footer">
        <Page>
          <Paragraph>{t('layout.footer.about')}</Paragraph>
          <Paragraph>{t('layout.footer.privacy')}</Paragraph>
        </Page>
      </PageFooter>
    </div>
  );
}
