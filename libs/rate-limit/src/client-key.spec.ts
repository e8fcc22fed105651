import { describe, expect, it } from '@jest/globals';
import express from 'express';
import request from 'supertest';
import { parseTrustProxy } from '#libs/config';
import { clientKey, UNKNOWN_CLIENT } from './client-key.js';

describe('clientKey', () => {
  it('keeps an IPv4 address as it is', () => {
    expect(clientKey('198.51.100.7')).toBe('198.51.100.7');
    expect(clientKey('127.0.0.1')).toBe('127.0.0.1');
  });

  it('counts an IPv6 address by its /64, however it is written', () => {
    const keys = ['2001:db8:1:2::1', '2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:0DB8:0001:0002:0:0:0:abcd', '2001:db8:1:2:3:4:5:6', 'fe80::1%eth0'].map(clientKey);
    expect(keys.slice(0, 4)).toEqual(Array(4).fill('2001:db8:1:2::/64'));
    expect(keys[4]).toBe('fe80::/64');
    expect(clientKey('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(clientKey('::1')).toBe('::/64');
  });

  it('counts an IPv4-mapped IPv6 address (a dual-stack socket) as its IPv4 address', () => {
    expect(clientKey('::ffff:198.51.100.7')).toBe('198.51.100.7');
    expect(clientKey('::FFFF:c633:6407')).toBe('198.51.100.7');
  });

  it('puts every client without a readable address in one bucket', () => {
    expect([undefined, '', 'unknown', 'not-an-ip', '198.51.100.7, 10.0.0.1', '2001:db8::/64'].map(clientKey)).toEqual(Array(6).fill(UNKNOWN_CLIENT));
  });
});

/** An Express app as the API configures it (trust proxy from TRUST_PROXY), answering with the key of req.ip. */
function keyFor(trustProxy: string | undefined, forwardedFor?: string): Promise<string> {
  const app = express();
  app.set('trust proxy', parseTrustProxy(trustProxy));
  app.get('/', (req, res) => void res.send(clientKey(req.ip)));
  const call = request(app).get('/');
  return (forwardedFor === undefined ? call : call.set('X-Forwarded-For', forwardedFor)).then((response) => response.text);
}

describe('clientKey of req.ip with TRUST_PROXY (Express trust proxy)', () => {
  it('ignores X-Forwarded-For while TRUST_PROXY is off', async () => {
    expect(await keyFor(undefined, '198.51.100.7')).toBe('127.0.0.1');
    expect(await keyFor('false', '198.51.100.7')).toBe('127.0.0.1');
    expect(await keyFor('0', '198.51.100.7')).toBe('127.0.0.1');
  });

  it('believes as many hops as TRUST_PROXY counts, from the right: a client cannot choose its address', async () => {
    // The proxy appends the address it saw; whatever the client wrote to the left of it is not believed.
    expect(await keyFor('1', '203.0.113.66, 198.51.100.7')).toBe('198.51.100.7');
    expect(await keyFor('2', '203.0.113.66, 198.51.100.7, 10.0.0.2')).toBe('198.51.100.7');
    expect(await keyFor('1')).toBe('127.0.0.1');
  });

  it('believes only the listed proxies', async () => {
    expect(await keyFor('loopback', '203.0.113.66, 198.51.100.7')).toBe('198.51.100.7');
    expect(await keyFor('127.0.0.1/8, ::1', '2001:db8:1:2::99')).toBe('2001:db8:1:2::/64');
    expect(await keyFor('10.0.0.0/8', '198.51.100.7')).toBe('127.0.0.1');
    // A chain of trusted proxies: the first untrusted address from the right is the client.
    expect(await keyFor('loopback, 10.0.0.0/8', '203.0.113.66, 198.51.100.7, 10.1.2.3')).toBe('198.51.100.7');
  });
});
