import { Injectable } from '@nestjs/common';
import { RateLimiterRes, type RateLimiterRedis } from 'rate-limiter-flexible';
import { AppConfig } from '#libs/config';
import { clientKey } from './client-key.js';
import { refusal } from './rate-limit.error.js';
import { RateLimitStore } from './rate-limit-store.js';

/** Failed logins for one username from one address (IPv6: one /64) before it has to rest for the window. */
export const LOGIN_FAILURES_PER_ADDRESS_AND_USERNAME = 10;
const ADDRESS_AND_USERNAME_WINDOW_SECONDS = 15 * 60;
/** Failed logins for one username, from any address, before every further attempt has to wait. */
export const LOGIN_FAILURES_BEFORE_SLOWDOWN = 10;
/** How long a username's failures are remembered, counted from the first, unless a login succeeds. */
const USERNAME_WINDOW_SECONDS = 24 * 3600;

/** A login attempt the brake let through; tell it when the password was right. */
export interface AdmittedLogin {
  succeeded(): Promise<void>;
}

/**
 * Brakes password guessing in three ways, all counted in Redis (shared by every API process), in memory while Redis
 * is away:
 * - per client address, across usernames: RATE_LIMIT_LOGIN_PER_MINUTE failed attempts a minute (guessing many
 *   usernames from one place);
 * - per address and username: LOGIN_FAILURES_PER_ADDRESS_AND_USERNAME failures, then rest until 15 minutes after the
 *   first;
 * - per username, across addresses (guessing from many places): after LOGIN_FAILURES_BEFORE_SLOWDOWN failures, each
 *   attempt has to wait for the one before: 1 s, 2 s, 4 s … doubling up to RATE_LIMIT_LOGIN_MAX_DELAY_SECONDS. It
 *   slows down and never locks: the owner can always try again within that maximum, and a successful login clears it.
 * Attempts are counted before the password is checked, so parallel guesses cannot slip past the count; a successful
 * login gives its address's point back and clears its username's counts. Unknown usernames are counted like known
 * ones, so the brake reveals nothing about which exist.
 */
@Injectable()
export class LoginBrake {
  private readonly byAddress: RateLimiterRedis;
  private readonly byAddressAndUsername: RateLimiterRedis;
  private readonly failuresByUsername: RateLimiterRedis;
  /** One attempt per pause; each pause's length is set by the attempt that starts it. */
  private readonly pauseByUsername: RateLimiterRedis;
  private readonly maxDelaySeconds: number;

  constructor(store: RateLimitStore, config: AppConfig) {
    this.byAddress = store.limiter('login-address', config.rateLimitLoginPerMinute, 60);
    this.byAddressAndUsername = store.limiter('login-address-username', LOGIN_FAILURES_PER_ADDRESS_AND_USERNAME, ADDRESS_AND_USERNAME_WINDOW_SECONDS);
    this.failuresByUsername = store.limiter('login-username-failures', Number.MAX_SAFE_INTEGER, USERNAME_WINDOW_SECONDS);
    this.pauseByUsername = store.limiter('login-username-pause', 1, 1);
    this.maxDelaySeconds = config.rateLimitLoginMaxDelaySeconds;
  }

  /**
   * Counts a login attempt for `username` from `address` (`req.ip`) before the password is checked; throws a
   * RateLimitError (429 with Retry-After) when one of the brakes holds.
   */
  async admit(username: string, address: string | undefined): Promise<AdmittedLogin> {
    const client = clientKey(address);
    // A client key never holds '|', so the pair is unambiguous whatever the username.
    const pair = `${client}|${username}`;
    await this.consume(this.byAddress, client, 'Too many failed logins from this address');
    await this.consume(this.byAddressAndUsername, pair, 'Too many failed logins for this username from this address');
    await this.slowDown(username);
    return {
      succeeded: async () => {
        await Promise.all([
          this.byAddress.reward(client),
          this.byAddressAndUsername.delete(pair),
          this.failuresByUsername.delete(username),
          this.pauseByUsername.delete(username),
        ]);
      },
    };
  }

  private async consume(limiter: RateLimiterRedis, key: string, refused: string): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (rejection) {
      refusal(rejection, refused);
    }
  }

  private async slowDown(username: string): Promise<void> {
    const { consumedPoints: failures } = await this.failuresByUsername.consume(username);
    if (failures < LOGIN_FAILURES_BEFORE_SLOWDOWN) return;
    // This attempt may go ahead if no pause is running, and makes the next one wait twice as long as the last.
    const pauseSeconds = Math.min(2 ** (failures - LOGIN_FAILURES_BEFORE_SLOWDOWN), this.maxDelaySeconds);
    try {
      await this.pauseByUsername.consume(username, 1, { customDuration: pauseSeconds });
    } catch (rejection) {
      // Refused before its password was checked: not a failure, so it does not lengthen the pauses.
      if (rejection instanceof RateLimiterRes) await this.failuresByUsername.reward(username);
      refusal(rejection, 'Too many failed logins for this username');
    }
  }
}
