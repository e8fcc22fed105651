import { describe, expect, it } from '@jest/globals';
import { loadConfig } from './app-config.js';
import { parseTrustProxy } from './trust-proxy.js';

describe('parseTrustProxy (TRUST_PROXY)', () => {
  it('trusts nothing unless told', () => {
    for (const off of [undefined, '', ' ', 'false', '0']) expect(parseTrustProxy(off)).toBe(false);
  });

  it('reads a number of hops, or a list of proxy addresses, CIDRs and Express range names', () => {
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('10.0.0.1')).toEqual(['10.0.0.1']);
    expect(parseTrustProxy('loopback, 10.0.0.0/8,fd00::/8 , 2001:db8::1')).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8', '2001:db8::1']);
  });

  it('refuses true (any client could pick its address) and anything that is not an address', () => {
    expect(() => parseTrustProxy('true')).toThrow(/any X-Forwarded-For/);
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow(/"10.0.0.0\/33"/);
    expect(() => parseTrustProxy('proxy.internal, 10.0.0.1')).toThrow(/"proxy.internal"/);
    expect(() => parseTrustProxy('11')).toThrow(/at most 10/);
  });

  it('is validated at boot with the other variables', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY: /);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxySetting).toBe(1);
    expect(loadConfig({}).trustProxySetting).toBe(false);
  });
});
