// Rate limits (API.md §1, RESOURCE_EXHAUSTED): in process memory by default, in Redis when
// REDIS_URL is set so that every instance counts against the same budget. What is limited:
//   - every API caller (token, or user on a session): RATE_LIMIT_API_PER_MINUTE requests a minute
//   - sign-in failures per account and per IP, with exponential back-off per account
//   - sign-ups per IP
//   - invitations (counted per invited address) per IP and per organization
//   - "Forgot password?" per IP, and per account with exponential back-off
// A refused request is 429 with Retry-After and the RateLimit-Limit/-Remaining/-Reset headers
// (draft-ietf-httpapi-ratelimit-headers); a served API request carries the RateLimit-* headers too. If Redis is unreachable, an in-memory limiter per
// instance takes over (fail closed to the local budget, never open).

import "server-only";
import { createHash } from "node:crypto";
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { normalizeEmail } from "../schemas/common";
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
    /** Invited addresses (not requests: one request may invite 100) per IP and per organization. */
    inviteIp: { points: envInt("RATE_LIMIT_INVITES_IP_PER_HOUR", 500), duration: 60 * 60 },
    inviteOrg: { points: envInt("RATE_LIMIT_INVITES_ORG_PER_HOUR", 1000), duration: 60 * 60 },
    passwordResetIp: { points: envInt("RATE_LIMIT_PASSWORD_RESET_IP_PER_HOUR", 20), duration: 60 * 60 },
  } satisfies Record<string, LimitSpec>;
}

/**
 * A run of events for one account (wrong passwords, reset requests) answered with exponential
 * back-off: the first `free` events pass, then the account waits base, 2×base, 4×base … up to
 * `maxSeconds`. The run is counted over `windowSeconds`.
 */
export interface BackoffSpec {
  name: string;
  free: number;
  baseSeconds: number;
  maxSeconds: number;
  windowSeconds: number;
}

/** Consecutive wrong passwords an account gets before the back-off starts. */
export const FREE_SIGN_IN_FAILURES = 5;
/** The longest back-off, in seconds. */
export const MAX_SIGN_IN_BACKOFF_SECONDS = 15 * 60;

export const SIGN_IN_BACKOFF: BackoffSpec = {
  name: "signInAccount",
  free: FREE_SIGN_IN_FAILURES,
  baseSeconds: 1,
  maxSeconds: MAX_SIGN_IN_BACKOFF_SECONDS,
  windowSeconds: 24 * 60 * 60,
};

/** Reset links per account: three at once, then one a minute, two, four … at most one an hour. */
export const PASSWORD_RESET_BACKOFF: BackoffSpec = {
  name: "passwordResetAccount",
  free: 3,
  baseSeconds: 60,
  maxSeconds: 60 * 60,
  windowSeconds: 24 * 60 * 60,
};

/** Seconds an account waits after the `count`-th event of its run. */
export function backoffSeconds(spec: BackoffSpec, count: number): number {
  if (count < spec.free) return 0;
  return Math.min(spec.baseSeconds * 2 ** (count - spec.free), spec.maxSeconds);
}

/** Seconds an account waits after its `failures`-th failure in a row: 1, 2, 4, … up to the cap. */
export function signInBackoffSeconds(failures: number): number {
  return backoffSeconds(SIGN_IN_BACKOFF, failures);
}

/**
 * The limiter's key for an account: a digest, so the store holds no email addresses. Unknown
 * emails are counted the same way, so a back-off does not tell them from real accounts.
 */
export function accountKey(email: string): string {
  return createHash("sha256").update(normalizeEmail(email)).digest("base64url");
}

export function memoryStore(prefix = "wsa"): RateLimitStore {
  const made = new Map<string, RateLimiterAbstract>();
  return {
    limiter(name, spec) {
      // Keyed by the spec too: a limit changed in the environment takes effect with a new limiter.
      const id = `${name}:${spec.points}:${spec.duration}`;
      let l = made.get(id);
      if (!l) made.set(id, (l = new RateLimiterMemory({ keyPrefix: `${prefix}:${name}`, ...spec })));
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
      const id = `${name}:${spec.points}:${spec.duration}`;
      let l = made.get(id);
      if (!l) {
        l = new RateLimiterRedis({
          storeClient: client,
          keyPrefix: `${prefix}:${name}`,
          rejectIfRedisNotReady: true,
          insuranceLimiter: insurance.limiter(name, spec),
          ...spec,
        });
        made.set(id, l);
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

const globalStore = globalThis as unknown as { __wsaRateLimitStore?: RateLimitStore; __wsaRateLimitRedis?: Redis };

/** The process's store: Redis when REDIS_URL is set, memory otherwise. */
export function defaultStore(): RateLimitStore {
  if (!globalStore.__wsaRateLimitStore) {
    const url = process.env.REDIS_URL;
    if (url) globalStore.__wsaRateLimitRedis = redisClient(url);
    globalStore.__wsaRateLimitStore = globalStore.__wsaRateLimitRedis ? redisStore(globalStore.__wsaRateLimitRedis) : memoryStore();
  }
  return globalStore.__wsaRateLimitStore;
}

/**
 * At server start (lib/server-start.ts, from instrumentation.ts): opens the Redis connection before the first request.
 * Until it is ready every limiter answers from its in-memory insurance, i.e. per instance; with
 * the connection opened lazily, each instance's first requests escaped the shared budget.
 */
export async function openRateLimitStore(timeoutMs = 3000): Promise<void> {
  defaultStore();
  const client = globalStore.__wsaRateLimitRedis;
  if (!client || client.status === "ready") return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    client.once("ready", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
  /** The window's length, for RateLimit-Policy. */
  windowSeconds?: number;
}

export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  return {
    "ratelimit-limit": String(state.limit),
    "ratelimit-remaining": String(Math.max(0, state.remaining)),
    "ratelimit-reset": String(Math.max(0, state.resetSeconds)),
    ...(state.windowSeconds ? { "ratelimit-policy": `${state.limit};w=${state.windowSeconds}` } : {}),
  };
}

/** A wait in words, for the messages people read: "12 seconds", "4 minutes". */
export function waitInWords(seconds: number): string {
  return seconds < 90 ? `${seconds} second${seconds === 1 ? "" : "s"}` : `${Math.ceil(seconds / 60)} minutes`;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

export function rateLimited(message: string, state: RateLimitState, reason = "RATE_LIMITED"): ApiError {
  return new ApiError("RESOURCE_EXHAUSTED", message, {
    reason,
    metadata: { retry_after_seconds: String(state.resetSeconds) },
    headers: { "retry-after": String(state.resetSeconds), ...rateLimitHeaders(state) },
  });
}

// By shape as well as by class: in the built server the Redis limiter's rejection is not always
// an instance of the RateLimiterRes this module imported (the package ends up in two chunks),
// and a refused request then answered 500 instead of 429.
function isLimitRes(value: unknown): value is RateLimiterRes {
  if (value instanceof RateLimiterRes) return true;
  const v = value as Partial<RateLimiterRes> | null;
  return !!v && typeof v === "object" && !(v instanceof Error) && typeof v.msBeforeNext === "number" && typeof v.remainingPoints === "number";
}

/**
 * Spends one point of `name` for `key`; over the limit it throws 429 RESOURCE_EXHAUSTED. A store
 * error other than the limit (Redis down with no insurance) is not a reason to refuse service:
 * it is rethrown for the caller's error mapping.
 */
export async function consume(
  name: keyof ReturnType<typeof limitSpecs>,
  key: string,
  store = defaultStore(),
  message?: string,
  points = 1,
): Promise<RateLimitState> {
  const spec = limitSpecs()[name];
  try {
    const res = await store.limiter(name, spec).consume(key || "unknown", points);
    return { limit: spec.points, remaining: res.remainingPoints, resetSeconds: seconds(res.msBeforeNext), windowSeconds: spec.duration };
  } catch (error) {
    if (!isLimitRes(error)) throw error;
    const state = { limit: spec.points, remaining: 0, resetSeconds: seconds(error.msBeforeNext), windowSeconds: spec.duration };
    throw rateLimited(`${message ?? "Too many requests."} Try again in ${waitInWords(state.resetSeconds)}.`, state);
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

/**
 * Invitations to `addresses` addresses from one IP into one organization. Requests with no
 * client address (the CLI, scripts) are counted for the organization only.
 */
export async function limitInvitations(ip: string, organizationId: string, addresses: number, store = defaultStore()): Promise<void> {
  const n = Math.max(1, addresses);
  if (ip) await consume("inviteIp", ip, store, "Too many invitations from this address.", n);
  await consume("inviteOrg", organizationId, store, "Too many invitations in this organization.", n);
}

const blockSpec = (b: BackoffSpec): LimitSpec => ({ points: 1, duration: b.maxSeconds });

/** Seconds the account must still wait in the back-off `b`, or 0. */
export async function backoffWait(b: BackoffSpec, account: string, store = defaultStore()): Promise<number> {
  const block = await store.limiter(`${b.name}Block`, blockSpec(b)).get(account);
  return block && block.consumedPoints > 1 ? seconds(block.msBeforeNext) : 0;
}

/** Counts one more event of the account's run and blocks it for the back-off reached; returns that back-off. */
export async function recordBackoff(b: BackoffSpec, account: string, store = defaultStore()): Promise<number> {
  const counted = await store.limiter(b.name, { points: 1_000_000, duration: b.windowSeconds }).penalty(account, 1);
  const wait = backoffSeconds(b, counted.consumedPoints);
  if (wait > 0) await store.limiter(`${b.name}Block`, blockSpec(b)).block(account, wait);
  return wait;
}

export async function clearBackoff(b: BackoffSpec, account: string, store = defaultStore()): Promise<void> {
  await Promise.all([
    store.limiter(b.name, { points: 1_000_000, duration: b.windowSeconds }).delete(account),
    store.limiter(`${b.name}Block`, blockSpec(b)).delete(account),
  ]);
}

/** Why a sign-in is refused before its password is looked at: seconds to wait, or 0. */
export async function signInWait(account: string, ip: string, store = defaultStore()): Promise<number> {
  const specs = limitSpecs();
  const [accountWait, ipCount] = await Promise.all([
    backoffWait(SIGN_IN_BACKOFF, account, store),
    store.limiter("signInIp", specs.signInIp).get(ip || "unknown"),
  ]);
  let wait = accountWait;
  if (ipCount && ipCount.consumedPoints >= specs.signInIp.points) wait = Math.max(wait, seconds(ipCount.msBeforeNext));
  return wait;
}

/**
 * Records a refused sign-in (wrong password, or tried while waiting): counts it for the account
 * and the IP, and blocks the account for the back-off its run of failures has reached. Returns
 * the seconds the account must now wait.
 */
export async function recordSignInFailure(account: string, ip: string, store = defaultStore()): Promise<number> {
  await store.limiter("signInIp", limitSpecs().signInIp).penalty(ip || "unknown", 1);
  return recordBackoff(SIGN_IN_BACKOFF, account, store);
}

/** How often at most the owner of an account under sign-in back-off is told about it. */
export const SIGN_IN_ALERT_WINDOW_SECONDS = 60 * 60;

/**
 * True for the first call in a lockout window of the account (shared by every instance on one
 * store): the caller then mails the account's owner, once per window rather than per attempt.
 */
export async function claimSignInAlert(account: string, store = defaultStore()): Promise<boolean> {
  try {
    await store.limiter("signInAlert", { points: 1, duration: SIGN_IN_ALERT_WINDOW_SECONDS }).consume(account);
    return true;
  } catch (error) {
    if (isLimitRes(error)) return false;
    throw error;
  }
}

/** A successful sign-in ends the account's run of failures and its lockout window (the IP's count stays). */
export async function recordSignInSuccess(account: string, store = defaultStore()): Promise<void> {
  await Promise.all([
    clearBackoff(SIGN_IN_BACKOFF, account, store),
    store.limiter("signInAlert", { points: 1, duration: SIGN_IN_ALERT_WINDOW_SECONDS }).delete(account),
  ]);
}

/**
 * "Forgot password?": per IP, and per account (by address, whether or not it has an account, so
 * the answer tells nothing) with exponential back-off. Throws 429 with the wait.
 */
export async function limitPasswordReset(email: string, ip: string, store = defaultStore()): Promise<void> {
  if (ip) await consume("passwordResetIp", ip, store, "Too many password reset requests from this address.");
  const account = accountKey(email);
  const wait = await backoffWait(PASSWORD_RESET_BACKOFF, account, store);
  if (wait > 0) {
    throw rateLimited(`A reset link was sent to this address moments ago. Try again in ${waitInWords(wait)}.`, {
      limit: PASSWORD_RESET_BACKOFF.free,
      remaining: 0,
      resetSeconds: wait,
    });
  }
  await recordBackoff(PASSWORD_RESET_BACKOFF, account, store);
}
