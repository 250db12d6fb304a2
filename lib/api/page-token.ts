// Signed, opaque page tokens (AIP-158). A token carries the keyset cursor of the last row served
// and a digest of the query it belongs to (parent, filter, order), all under an HMAC, so a token
// reused with other parameters, another parent or edited by hand is rejected.

import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { invalidPageToken } from "./errors";
import { serverSecret } from "../secrets";

export type CursorValue = string | number | boolean | null;

interface TokenPayload {
  /** digest of the query the token belongs to */
  q: string;
  /** keyset values of the last row served */
  k: CursorValue[];
}

function sign(data: string): Buffer {
  return createHmac("sha256", serverSecret("page-token")).update(data).digest();
}

const invalidToken = invalidPageToken;

/** A stable digest of everything a page token must be bound to. */
export function queryDigest(parts: readonly string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("base64url").slice(0, 22);
}

export function encodePageToken(digest: string, keys: CursorValue[]): string {
  const body = Buffer.from(JSON.stringify({ q: digest, k: keys } satisfies TokenPayload)).toString("base64url");
  return `${body}.${sign(body).toString("base64url")}`;
}

export function decodePageToken(token: string, digest: string): CursorValue[] {
  if (token.length > 4096) throw invalidToken();
  const dot = token.indexOf(".");
  if (dot <= 0) throw invalidToken();
  const body = token.slice(0, dot);
  let mac: Buffer;
  try {
    mac = Buffer.from(token.slice(dot + 1), "base64url");
  } catch {
    throw invalidToken();
  }
  const expected = sign(body);
  if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) throw invalidToken();
  let payload: TokenPayload;
  try {
    payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as TokenPayload;
  } catch {
    throw invalidToken();
  }
  if (payload.q !== digest || !Array.isArray(payload.k)) throw invalidToken();
  return payload.k;
}
