// Regression: client-sent forwarding headers were trusted — X-Forwarded-For became the audit IP,
// and X-Forwarded-Host: evil.example made Origin: http://evil.example pass the same-origin check.

import { afterEach, describe, expect, it } from "vitest";
import {
  FORWARDED_CHAIN_HEADER,
  clientIp,
  isSameOriginRequest,
  parseTrustProxy,
  resolveClientAddress,
  sanitizeForwardingHeaders,
} from "./client-address";

const saved = { TRUST_PROXY: process.env.TRUST_PROXY, NEXTAUTH_URL: process.env.NEXTAUTH_URL };
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe("parseTrustProxy", () => {
  it("reads unset, hop counts and lists; refuses typos", () => {
    expect(parseTrustProxy(undefined).kind).toBe("none");
    expect(parseTrustProxy("").kind).toBe("none");
    expect(parseTrustProxy("false").kind).toBe("none");
    expect(parseTrustProxy("2")).toEqual({ kind: "hops", hops: 2 });
    expect(parseTrustProxy("10.0.0.0/8, ::1, loopback").kind).toBe("list");
    expect(() => parseTrustProxy("10.0.0.300")).toThrow(/TRUST_PROXY/);
    expect(() => parseTrustProxy("10.0.0.0/33")).toThrow(/prefix/);
    expect(() => parseTrustProxy("true")).toThrow(/TRUST_PROXY/);
  });
});

describe("resolveClientAddress (rightmost untrusted)", () => {
  const none = parseTrustProxy(undefined);
  it("without TRUST_PROXY the peer is the client, whatever the chain says", () => {
    expect(resolveClientAddress("192.0.2.10", ["6.6.6.6"], none)).toBe("192.0.2.10");
    expect(resolveClientAddress("::ffff:127.0.0.1", [], none)).toBe("127.0.0.1");
  });

  it("a hop count skips that many addresses from the right", () => {
    const one = parseTrustProxy("1");
    expect(resolveClientAddress("10.0.0.2", ["6.6.6.6", "203.0.113.5"], one)).toBe("203.0.113.5");
    expect(resolveClientAddress("10.0.0.2", ["6.6.6.6", "203.0.113.5", "10.0.0.1"], parseTrustProxy("2"))).toBe("203.0.113.5");
    expect(resolveClientAddress("10.0.0.2", [], one)).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", ["203.0.113.5"], parseTrustProxy("5"))).toBe("203.0.113.5");
  });

  it("a list walks left past trusted proxies only", () => {
    const list = parseTrustProxy("10.0.0.0/8, 2001:db8::/32");
    expect(resolveClientAddress("10.0.0.2", ["6.6.6.6", "203.0.113.5", "10.1.1.1"], list)).toBe("203.0.113.5");
    // The peer itself is not a trusted proxy: its chain counts for nothing.
    expect(resolveClientAddress("198.51.100.1", ["6.6.6.6"], list)).toBe("198.51.100.1");
    expect(resolveClientAddress("2001:db8::1", ["[2001:db8::2]:443", "203.0.113.9:5000"], list)).toBe("203.0.113.9");
    // Garbage in the chain ends the walk at the last address a trusted proxy vouched for.
    expect(resolveClientAddress("10.0.0.2", ["203.0.113.5", "not-an-ip"], list)).toBe("10.0.0.2");
  });
});

describe("headers as proxy.ts leaves them", () => {
  it("without TRUST_PROXY: every forwarding header is dropped, so Next writes the socket's", () => {
    const h = sanitizeForwardingHeaders(
      new Headers({ "x-forwarded-for": "6.6.6.6", "x-forwarded-host": "evil.example", forwarded: "for=6.6.6.6", "x-real-ip": "6.6.6.6", [FORWARDED_CHAIN_HEADER]: "6.6.6.6", host: "app.example" }),
      parseTrustProxy(undefined),
    );
    for (const name of ["x-forwarded-for", "x-forwarded-host", "forwarded", "x-real-ip", FORWARDED_CHAIN_HEADER]) expect(h.get(name)).toBeNull();
    expect(h.get("host")).toBe("app.example");
  });

  it("with TRUST_PROXY: the chain is kept aside and the peer comes from Next", () => {
    process.env.TRUST_PROXY = "10.0.0.0/8";
    const h = sanitizeForwardingHeaders(new Headers({ "x-forwarded-for": "203.0.113.5, 10.0.0.3" }));
    expect(h.get("x-forwarded-for")).toBeNull();
    expect(h.get(FORWARDED_CHAIN_HEADER)).toBe("203.0.113.5, 10.0.0.3");
    h.set("x-forwarded-for", "10.0.0.2"); // what Next writes: the socket's peer
    expect(clientIp(h)).toBe("203.0.113.5");
    delete process.env.TRUST_PROXY;
    expect(clientIp(h)).toBe("10.0.0.2");
  });
});

describe("isSameOriginRequest", () => {
  const check = (headers: Record<string, string>) => isSameOriginRequest(new Headers({ host: "app.example", ...headers }), "http://app.example/api/v1/x");

  it("compares Origin with NEXTAUTH_URL's origin, never with X-Forwarded-Host", () => {
    process.env.NEXTAUTH_URL = "https://admin.example/";
    expect(check({ origin: "https://admin.example" })).toBe(true);
    expect(check({ origin: "http://evil.example", "x-forwarded-host": "evil.example" })).toBe(false);
    expect(check({ origin: "http://evil.example", host: "evil.example" })).toBe(false);
    expect(check({ origin: "http://admin.example" })).toBe(false);
  });

  it("Sec-Fetch-Site cannot vouch for a foreign Origin; no Origin passes only as same-origin", () => {
    process.env.NEXTAUTH_URL = "https://admin.example";
    expect(check({ origin: "http://evil.example", "sec-fetch-site": "none" })).toBe(false);
    expect(check({ origin: "http://evil.example", "sec-fetch-site": "same-origin" })).toBe(false);
    expect(check({ origin: "https://admin.example", "sec-fetch-site": "cross-site" })).toBe(false);
    expect(check({ origin: "https://admin.example", "sec-fetch-site": "same-site" })).toBe(false);
    expect(check({})).toBe(false);
    expect(check({ "sec-fetch-site": "none" })).toBe(false);
    expect(check({ origin: "null", "sec-fetch-site": "cross-site" })).toBe(false);
    expect(check({ "sec-fetch-site": "same-origin" })).toBe(true);
  });

  it("without NEXTAUTH_URL it falls back to the Host the request was sent to", () => {
    delete process.env.NEXTAUTH_URL;
    expect(check({ origin: "http://app.example" })).toBe(true);
    expect(check({ origin: "http://evil.example", "x-forwarded-host": "evil.example" })).toBe(false);
  });
});
