// Idempotency-Key (API.md §1, as Stripe and Bird): a POST, PATCH or DELETE sent again with the
// same key by the same caller within 24 h gets the first answer back instead of running twice.
// The key row is claimed before the handler runs, so a concurrent duplicate sees it in flight.

import "server-only";
import { createHash } from "node:crypto";
import { db } from "../db";
import { ApiError } from "./errors";

const TTL_MS = 24 * 60 * 60 * 1000;
// A claim with no answer after this long belongs to a request that died with its process
// (SIGKILL, crash) or lost the database before it could release the key: the next request with
// the key takes the claim over, instead of being refused as "in flight" for the key's 24 hours.
const inFlightLeaseMs = () => Number(process.env.IDEMPOTENCY_LEASE_MS ?? 60_000);
const REPLAYED_HEADERS = ["location", "content-type", "etag"];

export function idempotencyKeyOf(req: Request): string | undefined {
  const key = req.headers.get("idempotency-key");
  if (key === null) return undefined;
  if (key.length < 1 || key.length > 255 || !/^[\x21-\x7e]+$/.test(key)) {
    throw new ApiError("INVALID_ARGUMENT", "Idempotency-Key must be 1–255 visible ASCII characters.", {
      reason: "INVALID_IDEMPOTENCY_KEY",
      fieldViolations: [{ field: "Idempotency-Key", description: "1–255 visible ASCII characters" }],
    });
  }
  return key;
}

export function requestFingerprint(method: string, url: string, body: string): string {
  const u = new URL(url);
  return createHash("sha256").update(`${method}\n${u.pathname}${u.search}\n${body}`).digest("hex");
}

type Claim = { kind: "claimed" } | { kind: "replay"; response: Response };

/** Claims the key for this request, or returns the stored answer, or throws ABORTED (409). */
export async function claimIdempotencyKey(callerKey: string, key: string, method: string, url: string, fingerprint: string): Promise<Claim> {
  const prisma = await db();
  const now = new Date();
  for (let attempt = 0; attempt < 2; attempt++) {
    const inserted = await prisma.idempotencyKey.createMany({
      data: [{ callerKey, key, method, path: new URL(url).pathname, requestHash: fingerprint, expireTime: new Date(now.getTime() + TTL_MS) }],
      skipDuplicates: true,
    });
    if (inserted.count === 1) return { kind: "claimed" };
    const existing = await prisma.idempotencyKey.findUnique({ where: { callerKey_key: { callerKey, key } } });
    if (!existing) continue;
    if (existing.expireTime <= now) {
      await prisma.idempotencyKey.deleteMany({ where: { callerKey, key, expireTime: { lte: now } } });
      continue;
    }
    if (existing.requestHash !== fingerprint) {
      throw new ApiError("ABORTED", "This Idempotency-Key was already used with a different request.", { reason: "IDEMPOTENCY_KEY_REUSED" });
    }
    if (existing.responseStatus == null && existing.createdAt.getTime() <= now.getTime() - inFlightLeaseMs()) {
      const taken = await prisma.idempotencyKey.updateMany({
        where: { callerKey, key, responseStatus: null, createdAt: existing.createdAt },
        data: { createdAt: now },
      });
      if (taken.count === 1) return { kind: "claimed" };
      continue;
    }
    if (existing.responseStatus == null) {
      throw new ApiError("ABORTED", "A request with this Idempotency-Key is still being processed.", { reason: "IDEMPOTENCY_KEY_IN_USE" });
    }
    const headers = new Headers((existing.responseHeaders as Record<string, string> | null) ?? {});
    headers.set("idempotency-replay", "true");
    return {
      kind: "replay",
      response: new Response(existing.responseBody && existing.responseStatus !== 204 ? existing.responseBody : null, {
        status: existing.responseStatus,
        headers,
      }),
    };
  }
  throw new ApiError("ABORTED", "Could not claim the Idempotency-Key; retry.", { reason: "IDEMPOTENCY_KEY_IN_USE" });
}

/** Stores the answer (below 500) for replays; a 5xx releases the key so a retry runs again. */
export async function completeIdempotencyKey(callerKey: string, key: string, response: Response): Promise<Response> {
  const prisma = await db();
  if (response.status >= 500) {
    await prisma.idempotencyKey.deleteMany({ where: { callerKey, key } });
    return response;
  }
  const body = await response.clone().text();
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const v = response.headers.get(name);
    if (v) headers[name] = v;
  }
  await prisma.idempotencyKey.update({
    where: { callerKey_key: { callerKey, key } },
    data: { responseStatus: response.status, responseBody: body, responseHeaders: headers, completedAt: new Date() },
  });
  return response;
}

/** Releases a claimed key when the handler failed before producing an answer to store. */
export async function releaseIdempotencyKey(callerKey: string, key: string): Promise<void> {
  const prisma = await db();
  await prisma.idempotencyKey.deleteMany({ where: { callerKey, key, responseStatus: null } });
}
