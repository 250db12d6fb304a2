// Signed, opaque page tokens (AIP-158). A token carries the keyset cursor of the last row served
// and a digest of the query it belongs to (parent, filter, order), all under an HMAC, so a token
// reused with other parameters, another parent or edited by hand is rejected.

import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { invalidPageToken } from "./errors";
import { serverSecret } from "../secrets";

export type CursorValue = string | number | boolean | null;

/** A list's AIP-158 `total_size` as counted on its first page; `estimate` above the exact limit. */
export interface TotalSize {
  value: number;
  estimate: boolean;
}

interface TokenPayload {
  /** digest of the query the token belongs to */
  q: string;
  /** keyset values of the last row served */
  k: CursorValue[];
  /** total_size counted on the first page, carried so later pages count nothing */
  t?: number;
  /** 1: `t` is an estimate */
  e?: 1;
}

function sign(data: string): Buffer {
  return createHmac("sha256", serverSecret("page-token")).update(data).digest();
}

const invalidToken = invalidPageToken;

/** A stable digest of everything a page token must be bound to. */
export function queryDigest(parts: readonly string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("base64url").slice(0, 22);
}

export function encodePageToken(digest: string, keys: CursorValue[], total?: TotalSize): string {
  const payload: TokenPayload = { q: digest, k: keys };
  if (total) {
    payload.t = total.value;
    if (total.estimate) payload.e = 1;
  }
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${sign(body).toString("base64url")}`;
}

export function decodePageToken(token: string, digest: string): CursorValue[] {
  return readPageToken(token, digest).keys;
}

/** The token's cursor and the total it carries (tokens of lists without total_size carry none). */
export function readPageToken(token: string, digest: string): { keys: CursorValue[]; total: TotalSize | undefined } {
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
  const total = Number.isSafeInteger(payload.t) && payload.t! >= 0 ? { value: payload.t!, estimate: payload.e === 1 } : undefined;
  return { keys: payload.k, total };
}
