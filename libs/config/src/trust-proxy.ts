import ipaddr from 'ipaddr.js';

/**
 * What Express's `trust proxy` setting gets: `false` (believe no X-Forwarded-For, the default), the number of
 * proxies in front of the service, or the addresses/CIDRs of the proxies whose X-Forwarded-For is believed.
 */
export type TrustProxy = false | number | string[];

/** Express's (proxy-addr's) names for address ranges. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * Reads TRUST_PROXY with Express's trust proxy semantics: unset, `false` or `0` trust nothing; a whole number
 * trusts that many hops (the address the outermost trusted proxy saw is the client); otherwise a comma-separated
 * list of proxy addresses, CIDRs (`10.0.0.0/8`, `fd00::/8`) or Express's names `loopback`, `linklocal`,
 * `uniquelocal`. `true` is refused: it would believe whatever X-Forwarded-For a client sends.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? '').trim();
  if (text === '' || text === 'false' || text === '0') return false;
  if (text === 'true') {
    throw new Error('true would believe any X-Forwarded-For a client sends; give the number of proxies in front (e.g. 1) or their addresses');
  }
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 10) throw new Error(`${text} proxy hops is not plausible; give at most 10, or the proxies' addresses`);
    return hops;
  }
  const entries = text.split(',').map((entry) => entry.trim());
  const bad = entries.filter((entry) => !isProxyEntry(entry));
  if (bad.length > 0) {
    throw new Error(`not a proxy address, CIDR or one of loopback, linklocal, uniquelocal: ${bad.map((entry) => JSON.stringify(entry)).join(', ')}`);
  }
  return entries;
}

function isProxyEntry(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  if (rest.length > 0 || !ipaddr.isValid(address)) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (ipaddr.parse(address).kind() === 'ipv4' ? 32 : 128);
}
