// Idempotency-Key (API.md §1, as Stripe and Bird): a POST, PATCH or DELETE sent again with the
// same key by the same caller within 24 h gets the first answer back instead of running twice.
// The key row is claimed before the handler runs, so a concurrent duplicate sees it in flight.
//
// The stored answer can hold a secret handed out once (POST /me/tokens answers with the token), so
// it is kept sealed: AES-256-GCM under a key derived from the client's Idempotency-Key, and the
// row is found by a SHA-256 of that key. A dump of the table thus holds no usable answer; only a
// client that sends the key again can open it.

import "server-only";
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { db } from "../db";
import { ApiError } from "./errors";
import type { ApiReply, ApiRequest } from "./http";

const TTL_MS = 24 * 60 * 60 * 1000;
// A claim with no answer after this long belongs to a request that died with its process
// (SIGKILL, crash) or lost the database before it could release the key: the next request with
// the key takes the claim over, instead of being refused as "in flight" for the key's 24 hours.
const inFlightLeaseMs = () => Number(process.env.IDEMPOTENCY_LEASE_MS ?? 60_000);
const REPLAYED_HEADERS = ["location", "content-type", "etag"];

export function idempotencyKeyOf(req: ApiRequest): string | undefined {
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

/** How the row names a key: its digest, never the key itself (the key opens the stored answer). */
const digestOf = (key: string) => createHash("sha256").update(`idempotency-key\n${key}`).digest("hex");

function sealingKey(callerKey: string, key: string): Buffer {
  return Buffer.from(hkdfSync("sha256", key, callerKey, "idempotency-response-v1", 32));
}

const SEALED = "v1.";

export function sealResponseBody(callerKey: string, key: string, body: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealingKey(callerKey, key), iv);
  const data = Buffer.concat([cipher.update(body, "utf8"), cipher.final()]);
  return SEALED + Buffer.concat([iv, cipher.getAuthTag(), data]).toString("base64");
}

export function openResponseBody(callerKey: string, key: string, stored: string): string {
  if (!stored.startsWith(SEALED)) throw new Error("stored idempotent answer is not sealed");
  const raw = Buffer.from(stored.slice(SEALED.length), "base64");
  const decipher = createDecipheriv("aes-256-gcm", sealingKey(callerKey, key), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}

type Claim = { kind: "claimed" } | { kind: "replay"; reply: ApiReply };

/** Claims the key for this request, or returns the stored answer, or throws ABORTED (409). */
export async function claimIdempotencyKey(callerKey: string, clientKey: string, method: string, url: string, fingerprint: string): Promise<Claim> {
  const prisma = await db();
  const key = digestOf(clientKey);
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
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries((existing.responseHeaders as Record<string, string> | null) ?? {})) headers[name.toLowerCase()] = value;
    headers["idempotency-replay"] = "true";
    return {
      kind: "replay",
      reply: {
        status: existing.responseStatus,
        headers,
        text: existing.responseBody && existing.responseStatus !== 204 ? openResponseBody(callerKey, clientKey, existing.responseBody) : null,
      },
    };
  }
  throw new ApiError("ABORTED", "Could not claim the Idempotency-Key; retry.", { reason: "IDEMPOTENCY_KEY_IN_USE" });
}

/** Stores the answer (below 500) for replays; a 5xx releases the key so a retry runs again. */
export async function completeIdempotencyKey(callerKey: string, clientKey: string, response: ApiReply): Promise<ApiReply> {
  const prisma = await db();
  const key = digestOf(clientKey);
  if (response.status >= 500) {
    await prisma.idempotencyKey.deleteMany({ where: { callerKey, key } });
    return response;
  }
  let body = response.text ?? "";
  if (response.stream) {
    // A streamed answer is stored whole and still streamed to the client.
    const [client, copy] = response.stream.tee();
    response.stream = client;
    body = await new Response(copy).text();
  }
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const v = response.headers[name];
    if (v) headers[name] = v;
  }
  await prisma.idempotencyKey.update({
    where: { callerKey_key: { callerKey, key } },
    data: { responseStatus: response.status, responseBody: sealResponseBody(callerKey, clientKey, body), responseHeaders: headers, completedAt: new Date() },
  });
  return response;
}

/** Releases a claimed key when the handler failed before producing an answer to store. */
export async function releaseIdempotencyKey(callerKey: string, clientKey: string): Promise<void> {
  const prisma = await db();
  await prisma.idempotencyKey.deleteMany({ where: { callerKey, key: digestOf(clientKey), responseStatus: null } });
}
