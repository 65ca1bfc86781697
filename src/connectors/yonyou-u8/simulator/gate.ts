import { randomUUID } from 'node:crypto';
import { ANSWERS, type U8Answer } from './answers.ts';

/** Who may call the simulated relay: one app (key + secret), its caller account and one enterprise. */
export interface GateAccounts {
  readonly fromAccount: string;
  readonly toAccount: string;
  readonly appKey: string;
  readonly appSecret: string;
}

/** The demo app (a loopback simulator's well-known credentials, like a demo user's password). */
export const DEFAULT_ACCOUNTS: GateAccounts = {
  fromAccount: 'finbridge',
  toAccount: 'demo_ent',
  appKey: 'opa4f1b2c3d4e5f6a7b8',
  appSecret: '8c1e5a9d2b7f4e0c6a3d9b1f5e7c2a40',
};

type Query = Readonly<Record<string, string | undefined>>;

/**
 * Tokens (B1) and trade ids (B2): a token lives `ttlS` seconds from issue; a trade id belongs to the
 * token's app and is used by one write — a second write with it gets the first one's answer back.
 */
export class Gate {
  private readonly tokens = new Map<string, number>();
  private readonly trades = new Map<string, U8Answer | null>();
  readonly accounts: GateAccounts;
  private readonly ttlMs: number;
  private readonly now: () => Date;

  constructor(accounts: GateAccounts, ttlS: number, now: () => Date) {
    this.accounts = accounts;
    this.ttlMs = ttlS * 1000;
    this.now = now;
  }

  issueToken(q: Query): U8Answer {
    const { fromAccount, appKey, appSecret } = this.accounts;
    if (q['from_account'] !== fromAccount) return ANSWERS.badAccount('from_account');
    if (q['app_key'] !== appKey || q['app_secret'] !== appSecret) return ANSWERS.badApp();
    const id = randomUUID().replace(/-/g, '');
    this.tokens.set(id, this.now().getTime() + this.ttlMs);
    return { errcode: '0', errmsg: '', token: { id, appKey, expiresIn: this.ttlMs / 1000 } };
  }

  /** Null when the call may proceed, else the refusal. `toAccount` is only required on business calls. */
  check(q: Query, business: boolean): U8Answer | null {
    const { fromAccount, toAccount, appKey } = this.accounts;
    for (const name of business
      ? ['from_account', 'to_account', 'app_key', 'token']
      : ['from_account', 'app_key', 'token'])
      if (q[name] === undefined || q[name] === '') return ANSWERS.missing(name);
    if (q['from_account'] !== fromAccount) return ANSWERS.badAccount('from_account');
    if (business && q['to_account'] !== toAccount) return ANSWERS.badAccount('to_account');
    if (q['app_key'] !== appKey) return ANSWERS.badApp();
    const expires = this.tokens.get(q['token'] ?? '');
    if (expires === undefined) return ANSWERS.tokenInvalid();
    if (this.now().getTime() >= expires) return ANSWERS.tokenExpired();
    return null;
  }

  /** Forgets every token at once (as a relay restart would), so the next call meets an expired one. */
  expireTokens(): void {
    for (const id of this.tokens.keys()) this.tokens.set(id, 0);
  }

  issueTradeId(): U8Answer {
    const id = randomUUID();
    this.trades.set(id, null);
    return { errcode: '0', errmsg: '', trade: { id } };
  }

  /** `fresh` for an unused trade id, the earlier answer for a used one, or the refusal. */
  useTradeId(id: string | undefined): { fresh: true } | { fresh: false; answer: U8Answer } {
    if (id === undefined || id === '') return { fresh: false, answer: ANSWERS.missing('tradeid') };
    if (!this.trades.has(id)) return { fresh: false, answer: ANSWERS.tradeIdInvalid() };
    const earlier = this.trades.get(id);
    return earlier === null || earlier === undefined ? { fresh: true } : { fresh: false, answer: earlier };
  }

  /** Records the answer a write with this trade id got. */
  settle(id: string, answer: U8Answer): void {
    this.trades.set(id, answer);
  }
}
