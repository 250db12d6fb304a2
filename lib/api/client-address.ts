// Who is on the other end of the connection, and what our public origin is. Forwarding headers
// (X-Forwarded-For, X-Forwarded-Host, Forwarded, X-Real-IP) are written by whoever sends the
// request, so they count only when TRUST_PROXY names the proxies that set them:
//   unset (or "false"/"0")  forwarding headers are ignored: the client is the connection's peer
//   a hop count ("1", "2")  that many proxies stand in front: the client is that many addresses
//                           from the right of [X-Forwarded-For…, peer]
//   a list of addresses or CIDRs ("10.0.0.0/8, 127.0.0.1", also "loopback", "private",
//                           "linklocal")  the rightmost address that is not a trusted proxy
//
// Next.js gives route handlers and server actions no socket, but it fills `X-Forwarded-For` with
// the peer address when the request arrives without one. proxy.ts (which runs before every
// route) therefore moves the client-sent header aside into FORWARDED_CHAIN_HEADER (only when
// TRUST_PROXY is set; otherwise drops it) and deletes the original, so that what handlers find in
// `X-Forwarded-For` is the peer Next saw, and the chain is what the nearest proxy sent.

import { BlockList, isIP } from "node:net";
import type { HeaderReader } from "./http";

export const FORWARDED_CHAIN_HEADER = "x-wsa-forwarded-for";

/** Client-sent headers that describe a hop; proxy.ts drops them unless TRUST_PROXY trusts proxies. */
export const FORWARDING_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded", "x-real-ip"] as const;

export type TrustProxy = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "list"; list: BlockList; text: string };

const NAMED_RANGES: Record<string, [string, number][]> = {
  loopback: [["127.0.0.0", 8], ["::1", 128]],
  private: [["10.0.0.0", 8], ["172.16.0.0", 12], ["192.168.0.0", 16], ["fc00::", 7]],
  linklocal: [["169.254.0.0", 16], ["fe80::", 10]],
};

/** Parses TRUST_PROXY; a malformed value throws (a typo must not silently trust everyone or no one). */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const textValue = (value ?? "").trim();
  if (textValue === "" || textValue === "false" || textValue === "0") return { kind: "none" };
  if (/^\d+$/.test(textValue)) {
    const hops = Number(textValue);
    if (hops > 64) throw new Error(`TRUST_PROXY: ${hops} hops is not plausible`);
    return { kind: "hops", hops };
  }
  const list = new BlockList();
  for (const raw of textValue.split(",")) {
    const entry = raw.trim().toLowerCase();
    if (entry === "") continue;
    if (Object.hasOwn(NAMED_RANGES, entry)) {
      for (const [net, prefix] of NAMED_RANGES[entry]) list.addSubnet(net, prefix, isIP(net) === 6 ? "ipv6" : "ipv4");
      continue;
    }
    const [address, prefixText, extra] = entry.split("/");
    const family = isIP(address);
    if (!family || extra !== undefined) throw new Error(`TRUST_PROXY: '${raw.trim()}' is not an IP address, a CIDR range, loopback, private or linklocal`);
    const type = family === 6 ? "ipv6" : "ipv4";
    if (prefixText === undefined) {
      list.addAddress(address, type);
    } else {
      const prefix = /^\d+$/.test(prefixText) ? Number(prefixText) : NaN;
      if (!(prefix >= 0 && prefix <= (family === 6 ? 128 : 32))) throw new Error(`TRUST_PROXY: '${raw.trim()}' has a bad prefix length`);
      list.addSubnet(address, prefix, type);
    }
  }
  return { kind: "list", list, text: textValue };
}

let cached: { value: string | undefined; trust: TrustProxy } | undefined;

/** The deployment's TRUST_PROXY, parsed once per value. */
export function trustProxy(): TrustProxy {
  const value = process.env.TRUST_PROXY;
  if (!cached || cached.value !== value) cached = { value, trust: parseTrustProxy(value) };
  return cached.trust;
}

/** An address as written in a forwarding header (`1.2.3.4:80`, `[::1]:80`, `::ffff:1.2.3.4`) in canonical form, or undefined. */
export function normalizeAddress(raw: string): string | undefined {
  let s = raw.trim();
  if (s.startsWith("[")) {
    const end = s.indexOf("]");
    if (end < 0) return undefined;
    s = s.slice(1, end);
  } else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(s)) {
    s = s.slice(0, s.lastIndexOf(":"));
  }
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(s);
  if (mapped) s = mapped[1];
  return isIP(s) ? s.toLowerCase() : undefined;
}

function isTrusted(trust: TrustProxy & { kind: "list" }, address: string): boolean {
  return trust.list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/**
 * The standard rule: walk [chain…, peer] from the right past trusted proxies; the first address
 * that is not one is the client. Without trusted proxies the peer is the client. An entry that
 * is not an address ends the walk (nobody trustworthy wrote it), as does the chain's left end.
 */
export function resolveClientAddress(peer: string | undefined, chain: readonly string[], trust: TrustProxy): string {
  const peerAddress = peer === undefined ? undefined : normalizeAddress(peer);
  if (trust.kind === "none" || peerAddress === undefined) return peerAddress ?? "";
  const hops = [peerAddress, ...chain.map((c) => normalizeAddress(c)).reverse()];
  let i = 0;
  if (trust.kind === "hops") {
    i = Math.min(trust.hops, hops.length - 1);
    for (let j = 1; j <= i; j++) if (hops[j] === undefined) return hops[j - 1] ?? "";
    return hops[i] ?? "";
  }
  while (i < hops.length - 1 && isTrusted(trust, hops[i]!)) {
    if (hops[i + 1] === undefined) return hops[i]!;
    i++;
  }
  return hops[i] ?? "";
}

const splitList = (value: string | null) => (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);

/**
 * The client's IP for audit entries and rate limits, from headers as proxy.ts leaves them: the
 * peer in X-Forwarded-For (Next writes it from the socket) and, with TRUST_PROXY set, the chain
 * the nearest proxy sent in FORWARDED_CHAIN_HEADER. `remoteAddress`, when the caller knows the
 * socket (a custom server, a test), takes the peer's place.
 */
export function clientIp(source: { headers: HeaderReader } | HeaderReader, remoteAddress?: string): string {
  const headers = "get" in source ? source : source.headers;
  const peer = remoteAddress ?? splitList(headers.get("x-forwarded-for")).at(-1);
  return resolveClientAddress(peer, splitList(headers.get(FORWARDED_CHAIN_HEADER)), trustProxy()).slice(0, 64);
}

/**
 * What proxy.ts does to every request's headers before a route sees them: client-sent
 * forwarding headers are dropped, so Next fills X-Forwarded-For from the socket and
 * X-Forwarded-Host from Host; with TRUST_PROXY set, the X-Forwarded-For chain is kept aside for
 * `clientIp` and the proxy's X-Forwarded-Host/Proto are kept.
 */
export function sanitizeForwardingHeaders(headers: Headers, trust: TrustProxy = trustProxy()): Headers {
  const out = new Headers(headers);
  sanitizeForwardingHeadersInPlace(out, trust);
  return out;
}

/** Headers a request's handling may change: Web `Headers`, or the node edge's own (lib/operations/node-edge). */
export interface MutableHeaders extends HeaderReader {
  set(name: string, value: string): void;
  delete(name: string): void;
}

/** `sanitizeForwardingHeaders` on `headers` itself. */
export function sanitizeForwardingHeadersInPlace(headers: MutableHeaders, trust: TrustProxy = trustProxy()): void {
  const chain = headers.get("x-forwarded-for");
  headers.delete(FORWARDED_CHAIN_HEADER);
  if (trust.kind === "none") {
    for (const name of FORWARDING_HEADERS) headers.delete(name);
  } else {
    headers.delete("x-forwarded-for");
    if (chain) headers.set(FORWARDED_CHAIN_HEADER, chain);
  }
}

/**
 * The public origin (`https://admin.example.com`) from NEXTAUTH_URL, the one place the
 * deployment states it; undefined when it is unset or not a URL.
 */
export function publicOrigin(): string | undefined {
  const url = process.env.NEXTAUTH_URL;
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * Whether a state-changing request comes from our own pages (CSRF): Origin is compared with the
 * public origin (NEXTAUTH_URL), never with Host or X-Forwarded-Host, which the sender writes. A
 * browser always sends Origin on a cross-origin change; without one, only a fetch the browser
 * itself labels same-origin passes. Sec-Fetch-Site cannot vouch for a foreign Origin.
 */
export function isSameOriginRequest(headers: HeaderReader, requestUrl?: string): boolean {
  const site = headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") return false;
  const origin = headers.get("origin");
  if (origin === null || origin === "null") return site === "same-origin";
  const expected = expectedOrigin(headers, requestUrl);
  try {
    return expected !== undefined && new URL(origin).origin === expected;
  } catch {
    return false;
  }
}

/**
 * The origin requests must come from: NEXTAUTH_URL's, or (unset, as in `next dev`) the Host the
 * request was sent to. Never X-Forwarded-Host: a client can write it.
 */
export function expectedOrigin(headers: HeaderReader, requestUrl?: string): string | undefined {
  const configured = publicOrigin();
  if (configured) return configured;
  const host = headers.get("host");
  if (host) {
    const proto = requestUrl ? new URL(requestUrl).protocol : "http:";
    return `${proto}//${host}`;
  }
  return requestUrl ? new URL(requestUrl).origin : undefined;
}
