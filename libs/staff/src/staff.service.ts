import { Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { hash, verify } from '@node-rs/argon2';
import { In, QueryFailedError, Repository } from 'typeorm';
import { AuditService } from '#libs/audit';
import type { Team } from '#libs/classification';
import { loginFailures } from '#libs/observability';
import { LoginBrake } from '#libs/rate-limit';
import { RegionsService } from '#libs/regions';
import { NATIONAL, type Actor, type StaffRole } from './access-policy.js';
import { CaseWorker } from './case-worker.entity.js';
import { StaffError } from './staff.error.js';

interface TokenClaims {
  sub: string;
  /** The person's token version when it was issued; raising it revokes the token. */
  ver: number;
  /** Set by the signer; a token without them is refused. */
  iat?: number;
  exp?: number;
  username: string;
  role: StaffRole;
  regionCodes: string[];
  teams: Team[];
}

export interface NewCaseWorker {
  username: string;
  password: string;
  role: StaffRole;
  regionCodes: string[];
  teams: Team[];
  maxOpenCases?: number | null;
}

export interface CaseWorkerChanges {
  password?: string;
  role?: StaffRole;
  regionCodes?: string[];
  teams?: Team[];
  active?: boolean;
  maxOpenCases?: number | null;
  available?: boolean;
}

const DEMO_TEAMS: readonly Team[] = ['werkbedrijf', 'mobiliteitsteam', 'wsp', 'triage'];
/** The contract's demo accounts (password "demo"). */
export const DEMO_USERNAMES = [...DEMO_TEAMS.map((team) => `demo-${team}`), 'demo-coordinator', 'demo-admin'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A token the service issued has all of these; one that lacks any was not made by us (or is very old). */
function wellFormed(claims: TokenClaims): boolean {
  return (
    typeof claims.sub === 'string' && UUID.test(claims.sub) &&
    Number.isInteger(claims.ver) && Number.isInteger(claims.iat) && Number.isInteger(claims.exp)
  );
}

/** Changes that end the person's sessions: a new password, (de)activation, another role or scope. */
function revokesTokens(current: CaseWorker, changes: CaseWorkerChanges): boolean {
  const differs = (a: readonly string[] | undefined, b: readonly string[]) => a !== undefined && [...a].sort().join() !== [...b].sort().join();
  return (
    changes.password !== undefined ||
    (changes.active !== undefined && changes.active !== current.active) ||
    (changes.role !== undefined && changes.role !== current.role) ||
    differs(changes.regionCodes, current.regionCodes) ||
    differs(changes.teams, current.teams)
  );
}

// A fixed hash to verify against when the user does not exist, so timing does not reveal valid usernames.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$C3XQXJHn+4ovi1SKGHrdDg$xaxphQJ7OesM3OwgbkfMPps1Q5lcgljcOEAZIEuYYEI';

/**
 * How long a process may answer from memory who a token's holder is: it spares a database read on every request.
 * A session ended in this process ends at once; in another api process within this time.
 */
const ACTOR_CACHE_MS = 2000;

@Injectable()
export class StaffService {
  private readonly actors = new Map<string, { actor: Actor; until: number }>();
  private readonly logger = new Logger(StaffService.name);

  constructor(
    @InjectRepository(CaseWorker) private readonly caseWorkers: Repository<CaseWorker>,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly loginBrake: LoginBrake,
    private readonly regions: RegionsService,
  ) {}

  /** `client` is where the attempt comes from (the IP address), for the brute-force brake and the audit log. */
  async login(username: string, password: string, client: string): Promise<{ accessToken: string }> {
    const attempt = await this.loginBrake.admit(username, client);
    const caseWorker = await this.caseWorkers.findOneBy({ username, active: true });
    const valid = await verify(caseWorker?.passwordHash ?? DUMMY_HASH, password);
    if (!caseWorker || !valid) {
      // The typed username is not logged: it may be a password typed in the wrong field.
      await this.audit.record({ actor: null, action: 'auth.login_failed', details: { client, knownUser: caseWorker !== null } });
      loginFailures.inc();
      throw new StaffError('invalid_credentials', 'Unknown username or wrong password.');
    }
    await attempt.succeeded();
    await this.audit.record({ actor: caseWorker, action: 'auth.login', details: { client } });
    const claims: TokenClaims = {
      sub: caseWorker.id,
      ver: caseWorker.tokenVersion,
      username: caseWorker.username,
      role: caseWorker.role,
      regionCodes: caseWorker.regionCodes,
      teams: caseWorker.teams,
    };
    return { accessToken: await this.jwt.signAsync(claims) };
  }

  /**
   * Verifies the token, then reads the person's current role and scope: a deactivated, moved or demoted user
   * loses their old reach at once, not when the token expires.
   */
  async authenticate(token: string): Promise<Actor> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw new StaffError('invalid_token', 'The access token is missing, invalid or expired.');
    }
    if (!wellFormed(claims)) throw new StaffError('invalid_token', 'The access token is missing, invalid or expired.');
    const cacheKey = `${claims.sub}/${claims.ver}`;
    const cached = this.actors.get(cacheKey);
    if (cached && cached.until > Date.now()) return cached.actor;
    const caseWorker = await this.caseWorkers.findOneBy({ id: claims.sub, active: true });
    if (!caseWorker) throw new StaffError('invalid_token', 'This account is no longer active.');
    if (caseWorker.tokenVersion !== claims.ver) throw new StaffError('invalid_token', 'This session has ended (logged out, or the password or access changed); log in again.');
    const actor: Actor = { id: caseWorker.id, username: caseWorker.username, role: caseWorker.role, regionCodes: caseWorker.regionCodes, teams: caseWorker.teams };
    if (this.actors.size > 10_000) this.actors.clear();
    this.actors.set(cacheKey, { actor, until: Date.now() + ACTOR_CACHE_MS });
    return actor;
  }

  /** Forgets what this process remembers of a person, after a change that ends their sessions. */
  private forget(id: string): void {
    for (const key of this.actors.keys()) if (key.startsWith(`${id}/`)) this.actors.delete(key);
  }

  async create(input: NewCaseWorker, by?: Actor): Promise<CaseWorker> {
    this.assertKnownRegions(input.regionCodes);
    if (await this.caseWorkers.existsBy({ username: input.username })) {
      throw new StaffError('conflict', `The username ${input.username} is taken.`);
    }
    const caseWorker = await this.saveNew(
      this.caseWorkers.create({
        username: input.username,
        passwordHash: await hash(input.password),
        role: input.role,
        regionCodes: input.regionCodes,
        teams: input.teams,
        maxOpenCases: input.maxOpenCases ?? null,
      }),
    );
    if (by) {
      await this.audit.record({ actor: by, action: 'user.created', details: { userId: caseWorker.id, role: input.role, regionCodes: input.regionCodes, teams: input.teams } });
    }
    return caseWorker;
  }

  /** Two admins creating the same username at once: the loser gets a conflict, not a crash. */
  private async saveNew(caseWorker: CaseWorker): Promise<CaseWorker> {
    try {
      return await this.caseWorkers.save(caseWorker);
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        throw new StaffError('conflict', `The username ${caseWorker.username} is taken.`);
      }
      throw error;
    }
  }

  /** The account behind an authenticated actor, as it is now. */
  async account(actor: Actor): Promise<CaseWorker> {
    const caseWorker = await this.caseWorkers.findOneBy({ id: actor.id });
    if (!caseWorker) throw new StaffError('invalid_token', 'This account is no longer active.');
    return caseWorker;
  }

  async list(): Promise<CaseWorker[]> {
    return this.caseWorkers.find({ order: { username: 'ASC' } });
  }

  async update(id: string, changes: CaseWorkerChanges, by: Actor): Promise<CaseWorker> {
    const caseWorker = await this.caseWorkers.findOneBy({ id });
    if (!caseWorker) throw new StaffError('not_found', 'No user with this id.');
    if (changes.regionCodes) this.assertKnownRegions(changes.regionCodes);
    const { password, ...rest } = changes;
    const revokes = revokesTokens(caseWorker, changes);
    await this.caseWorkers.update(id, {
      ...rest,
      ...(password ? { passwordHash: await hash(password) } : {}),
      ...(revokes ? { tokenVersion: () => 'token_version + 1' } : {}),
    });
    if (revokes) this.forget(id);
    // Never log the password itself, only that it changed.
    await this.audit.record({ actor: by, action: 'user.updated', details: { userId: id, fields: Object.keys(changes) } });
    return this.caseWorkers.findOneByOrFail({ id });
  }

  /** Ends every session of this person: each token issued before stops working. */
  async logout(actor: Actor): Promise<void> {
    await this.caseWorkers.increment({ id: actor.id }, 'tokenVersion', 1);
    this.forget(actor.id);
    await this.audit.record({ actor, action: 'auth.logout' });
  }

  /**
   * Production never keeps the demo accounts (well-known password "demo"): a database that ran in demo mode has
   * them deactivated, and their tokens revoked, on the first start in production.
   */
  async deactivateDemoAccounts(): Promise<number> {
    const demo = await this.caseWorkers.find({ where: { username: In(DEMO_USERNAMES), active: true } });
    for (const account of demo) {
      await this.caseWorkers.update(account.id, { active: false, tokenVersion: () => 'token_version + 1' });
      this.forget(account.id);
      await this.audit.record({ actor: null, action: 'user.demo_deactivated', details: { userId: account.id } });
    }
    if (demo.length > 0) this.logger.warn(`Production: deactivated ${demo.length} demo account(s)`);
    return demo.length;
  }

  private assertKnownRegions(regionCodes: string[]): void {
    const unknown = regionCodes.filter((code) => code !== NATIONAL && this.regions.region(code) === null);
    if (unknown.length > 0) throw new StaffError('invalid_scope', `Unknown region code(s): ${unknown.join(', ')}.`, 'regionCodes');
  }

  /** A case worker marks themselves (un)available, e.g. before leave; automatic assignment follows. */
  async setAvailability(actor: Actor, available: boolean): Promise<CaseWorker> {
    await this.caseWorkers.update(actor.id, { available });
    await this.audit.record({ actor, action: 'user.availability_changed', details: { available } });
    return this.caseWorkers.findOneByOrFail({ id: actor.id });
  }

  /** Creates the contract's demo accounts (password "demo") when they do not exist. Never called in production. */
  async seedDemoAccounts(regionCode: string): Promise<void> {
    const accounts: NewCaseWorker[] = [
      ...DEMO_TEAMS.map((team) => ({ username: `demo-${team}`, password: 'demo', role: 'case_worker' as const, regionCodes: [regionCode], teams: [team] })),
      { username: 'demo-coordinator', password: 'demo', role: 'coordinator', regionCodes: [regionCode], teams: [...DEMO_TEAMS] },
      { username: 'demo-admin', password: 'demo', role: 'admin', regionCodes: [], teams: [] },
    ];
    let created = 0;
    for (const account of accounts) {
      if (await this.caseWorkers.existsBy({ username: account.username })) continue;
      await this.create(account);
      created += 1;
    }
    if (created > 0) this.logger.log(`Demo mode: created ${created} demo accounts for ${regionCode}`);
  }
}
