import { Link } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { Referral } from '../api/types';

/** Where each referral sends the person. */
export const REFERRAL_LINKS: Record<Referral, string> = {
  uwv: 'https://www.uwv.nl',
  gemeente: 'https://www.rijksoverheid.nl/onderwerpen/gemeenten',
  leerwerkloket: 'https://www.leerwerkloket.nl',
  juridisch_loket: 'https://www.juridischloket.nl',
  grensinfopunt: 'https://www.grensinfopunt.nl',
  rmc: 'https://www.rijksoverheid.nl/onderwerpen/leerplicht',
  belastingdienst: 'https://www.belastingdienst.nl',
  win_punt: 'https://www.winpunten.nl',
  arbodienst: 'https://www.arboportaal.nl',
  vakbond: 'https://www.fnv.nl',
  crisis_113: 'https://www.113.nl',
};

/** The under-16 destinations: school, the leerplicht officer, the RMC. */
export type YouthDestination = 'school' | 'leerplicht' | 'rmc';
const YOUTH_LINKS: Record<YouthDestination, string | null> = {
  school: null,
  leerplicht: 'https://www.rijksoverheid.nl/onderwerpen/leerplicht',
  rmc: 'https://www.rijksoverheid.nl/onderwerpen/leerplicht',
};

/** The referrals as real places: name (a link), what they do in one sentence. */
export function Destinations({ referrals }: { referrals: readonly Referral[] }) {
  const { t } = useTranslation();
  if (referrals.length === 0) return null;
  return (
    <ul className="wl-destinations">
      {referrals.map((referral) => (
        <li key={referral} className="wl-destination">
          <Link href={REFERRAL_LINKS[referral]} className="wl-destination__name">
            {t(`referral.${referral}.name`)}
          </Link>
          <span className="wl-destination__what">{t(`referral.${referral}.what`)}</span>
        </li>
      ))}
    </ul>
  );
}

export function YouthDestinations() {
  const { t } = useTranslation();
  const destinations: YouthDestination[] = ['school', 'leerplicht', 'rmc'];
  return (
    <ul className="wl-destinations">
      {destinations.map((destination) => {
        const href = YOUTH_LINKS[destination];
        return (
          <li key={destination} className="wl-destination">
            {href === null ? (
              <strong className="wl-destination__name">{t(`youth.${destination}.name`)}</strong>
            ) : (
              <Link href={href} className="wl-destination__name">
                {t(`youth.${destination}.name`)}
              </Link>
            )}
            <span className="wl-destination__what">{t(`youth.${destination}.what`)}</span>
          </li>
        );
      })}
    </ul>
  );
}
