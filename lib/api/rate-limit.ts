// Rate limits (API.md §1, RESOURCE_EXHAUSTED): in process memory by default, in Redis when
// REDIS_URL is set so that every instance counts against the same budget. What is limited:
//   - every API caller (token, or user on a session): RATE_LIMIT_API_PER_MINUTE requests a minute
//   - sign-in failures per account and per IP, with exponential back-off per account
//   - sign-ups per IP
// A refused request is 429 with Retry-After and the RateLimit-Limit/-Remaining/-Reset headers
// (draft-ietf-httpapi-ratelimit-headers). If Redis is unreachable, an in-memory limiter per
// instance takes over (fail closed to the local budget, never open).

import "server-only";
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { ApiError } from "./errors";

export interface LimitSpec {
  /** Points (requests, failures) allowed per window. */
  points: number;
  /** The window, in seconds. */
  duration: number;
  /** Once the points are spent, refuse for this many seconds (default: until the window ends). */
  blockDuration?: number;
}

export interface RateLimitStore {
  limiter(name: string, spec: LimitSpec): RateLimiterAbstract;
}

const envInt = (name: string, fallback: number) => {
  const raw = process.env[name];
  const n = raw === undefined || raw.trim() === "" ? NaN : Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

/** The limits, read from the environment each time a store builds its limiters. */
export function limitSpecs() {
  return {
    api: { points: envInt("RATE_LIMIT_API_PER_MINUTE", 600), duration: 60 },
    /** Failed sign-ins per IP: beyond these the IP waits out the rest of the window. */
    signInIp: { points: envInt("RATE_LIMIT_SIGNIN_IP_PER_15_MINUTES", 50), duration: 15 * 60 },
    /** Failed sign-ins per account, counted over a day; the back-off starts after the free ones. */
    signInAccount: { points: 1_000_000, duration: 24 * 60 * 60 },
    signUpIp: { points: envInt("RATE_LIMIT_SIGNUP_IP_PER_HOUR", 10), duration: 60 * 60 },
  } satisfies Record<string, LimitSpec>;
}

/** Consecutive wrong passwords an account gets before the back-off starts. */
export const FREE_SIGN_IN_FAILURES = 5;
/** The longest back-off, in seconds. */
export const MAX_SIGN_IN_BACKOFF_SECONDS = 15 * 60;

/** Seconds an account waits after its `failures`-th failure in a row: 1, 2, 4, … up to the cap. */
export function signInBackoffSeconds(failures: number): number {
  if (failures < FREE_SIGN_IN_FAILURES) return 0;
  return Math.min(2 ** (failures - FREE_SIGN_IN_FAILURES), MAX_SIGN_IN_BACKOFF_SECONDS);
}

export function memoryStore(prefix = "wsa"): RateLimitStore {
  const made = new Map<string, RateLimiterAbstract>();
  return {
    limiter(name, spec) {
      let l = made.get(name);
      if (!l) made.set(name, (l = new RateLimiterMemory({ keyPrefix: `${prefix}:${name}`, ...spec })));
      return l;
    },
  };
}

/** Limiters in Redis (shared by every instance on it), each insured by an in-memory one. */
export function redisStore(client: Redis, prefix = "wsa:rl"): RateLimitStore {
  const made = new Map<string, RateLimiterAbstract>();
  const insurance = memoryStore(`${prefix}:insurance`);
  return {
    limiter(name, spec) {
      let l = made.get(name);
      if (!l) {
        l = new RateLimiterRedis({
          storeClient: client,
          keyPrefix: `${prefix}:${name}`,
          rejectIfRedisNotReady: true,
          insuranceLimiter: insurance.limiter(name, spec),
          ...spec,
        });
        made.set(name, l);
      }
      return l;
    },
  };
}

export function redisClient(url: string): Redis {
  // No offline queue: a limiter call while Redis is down fails at once and the insurance
  // limiter answers, instead of requests hanging on a reconnect.
  return new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
}

const globalStore = globalThis as unknown as { __wsaRateLimitStore?: RateLimitStore };

/** The process's store: Redis when REDIS_URL is set, memory otherwise. */
export function defaultStore(): RateLimitStore {
  if (!globalStore.__wsaRateLimitStore) {
    const url = process.env.REDIS_URL;
    globalStore.__wsaRateLimitStore = url ? redisStore(redisClient(url)) : memoryStore();
  }
  return globalStore.__wsaRateLimitStore;
}

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
}

export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  return {
    "ratelimit-limit": String(state.limit),
    "ratelimit-remaining": String(Math.max(0, state.remaining)),
    "ratelimit-reset": String(Math.max(0, state.resetSeconds)),
  };
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

export function rateLimited(message: string, state: RateLimitState, reason = "RATE_LIMITED"): ApiError {
  return new ApiError("RESOURCE_EXHAUSTED", message, {
    reason,
    metadata: { retry_after_seconds: String(state.resetSeconds) },
    headers: { "retry-after": String(state.resetSeconds), ...rateLimitHeaders(state) },
  });
}

function isLimitRes(value: unknown): value is RateLimiterRes {
  return value instanceof RateLimiterRes;
}

/**
 * Spends one point of `name` for `key`; over the limit it throws 429 RESOURCE_EXHAUSTED. A store
 * error other than the limit (Redis down with no insurance) is not a reason to refuse service:
 * it is rethrown for the caller's error mapping.
 */
export async function consume(name: keyof ReturnType<typeof limitSpecs>, key: string, store = defaultStore(), message?: string): Promise<RateLimitState> {
  const spec = limitSpecs()[name];
  try {
    const res = await store.limiter(name, spec).consume(key || "unknown");
    return { limit: spec.points, remaining: res.remainingPoints, resetSeconds: seconds(res.msBeforeNext) };
  } catch (error) {
    if (!isLimitRes(error)) throw error;
    const state = { limit: spec.points, remaining: 0, resetSeconds: seconds(error.msBeforeNext) };
    throw rateLimited(`${message ?? "Too many requests."} Retry in ${state.resetSeconds} s.`, state);
  }
}

/**
 * The REST API's per-caller budget, for the request pipeline: call it once per authenticated
 * request. Keyed by token when the caller used one (each token its own budget), else by user.
 */
export function limitApiCaller(caller: { userId: string; token?: { tokenId: string } }, store = defaultStore()): Promise<RateLimitState> {
  const key = caller.token ? `token:${caller.token.tokenId}` : `user:${caller.userId}`;
  return consume("api", key, store, "Too many requests for this caller.");
}

/** Sign-ups from one IP. */
export function limitSignUp(ip: string, store = defaultStore()): Promise<RateLimitState> {
  return consume("signUpIp", ip, store, "Too many sign-ups from this address.");
}

/** Why a sign-in is refused before its password is looked at: seconds to wait, or 0. */
export async function signInWait(account: string, ip: string, store = defaultStore()): Promise<number> {
  const specs = limitSpecs();
  const [accountBlock, ipCount] = await Promise.all([
    store.limiter("signInAccountBlock", { points: 1, duration: MAX_SIGN_IN_BACKOFF_SECONDS }).get(account),
    store.limiter("signInIp", specs.signInIp).get(ip || "unknown"),
  ]);
  let wait = 0;
  if (accountBlock && accountBlock.consumedPoints > 1) wait = Math.max(wait, seconds(accountBlock.msBeforeNext));
  if (ipCount && ipCount.consumedPoints >= specs.signInIp.points) wait = Math.max(wait, seconds(ipCount.msBeforeNext));
  return wait;
}

/**
 * Records a refused sign-in (wrong password, or tried while waiting): counts it for the account
 * and the IP, and blocks the account for the back-off its run of failures has reached. Returns
 * the seconds the account must now wait.
 */
export async function recordSignInFailure(account: string, ip: string, store = defaultStore()): Promise<number> {
  const specs = limitSpecs();
  const ipLimiter = store.limiter("signInIp", specs.signInIp);
  await ipLimiter.penalty(ip || "unknown", 1);
  const counted = await store.limiter("signInAccount", specs.signInAccount).penalty(account, 1);
  const backoff = signInBackoffSeconds(counted.consumedPoints);
  if (backoff > 0) await store.limiter("signInAccountBlock", { points: 1, duration: MAX_SIGN_IN_BACKOFF_SECONDS }).block(account, backoff);
  return backoff;
}

/** A successful sign-in ends the account's run of failures (the IP's count stays). */
export async function recordSignInSuccess(account: string, store = defaultStore()): Promise<void> {
  await Promise.all([
    store.limiter("signInAccount", limitSpecs().signInAccount).delete(account),
    store.limiter("signInAccountBlock", { points: 1, duration: MAX_SIGN_IN_BACKOFF_SECONDS }).delete(account),
  ]);
}
