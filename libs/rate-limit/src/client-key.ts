import ipaddr from 'ipaddr.js';

/** The key of every client whose address cannot be read: they share one bucket rather than each getting a fresh one. */
export const UNKNOWN_CLIENT = 'unknown';

/**
 * The rate-limit key of a client address (Express's `req.ip`, which follows the `trust proxy` setting): an IPv4
 * address as is, an IPv4-mapped IPv6 address as its IPv4 address, any other IPv6 address as its /64 (a home or an
 * office gets a whole /64, so one client can use a fresh address for every request). Written canonically, so one
 * address never gets two keys.
 */
export function clientKey(address: string | undefined): string {
  if (address === undefined || !ipaddr.isValid(address)) return UNKNOWN_CLIENT;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const network = (parsed as ipaddr.IPv6).parts.slice(0, 4);
  return `${new ipaddr.IPv6([...network, 0, 0, 0, 0]).toString()}/64`;
}
