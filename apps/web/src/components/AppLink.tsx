import type { ReactNode } from 'react';
import { Link as RouterLink, type LinkProps } from 'react-router';

/** A link inside the app (client-side navigation), styled as an NL Design System link. */
export function AppLink({ className, children, ...props }: LinkProps & { children: ReactNode }) {
  return (
    <RouterLink {...props} className={['utrecht-link', 'utrecht-link--html-a', className].filter(Boolean).join(' ')}>
      {children}
    </RouterLink>
  );
}

/** A link inside the app that looks like a button (for a main action that navigates). */
export function AppButtonLink({ className, children, ...props }: LinkProps & { children: ReactNode }) {
  return (
    <RouterLink
      {...props}
      className={['utrecht-button-link', 'utrecht-button-link--html-a', 'utrecht-button-link--secondary-action', className].filter(Boolean).join(' ')}
    >
      {children}
    </RouterLink>
  );
}
