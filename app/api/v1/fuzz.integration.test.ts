// Property-based fuzzing of every operation of the registry through its REST route (in-process).
// Each operation starts from its shared scenario (a valid request in a tenant of its own) and
// fast-check mutates it: fields of wrong types, missing and unknown fields, hostile text (NUL,
// lone surrogates, bidi controls, RTL, emoji, 100k characters), huge arrays, deep nesting, bodies
// that are not objects, not JSON, not UTF-8, over 1 MiB or of another content type; AIP-160
// filters nested past the limit, forged, tampered and replayed page tokens, bad update masks and
// etags, hostile path ids and headers. Whatever is sent, the answer is never 5xx; a refusal is a
// well-formed rpcStatus, and a refused change writes nothing (every table compared).
//
// FUZZ_RUNS sets the cases per operation (default 8 in CI), FUZZ_SEED the seed (fixed by
// default, so a failure is reproduced by running again); the total is printed at the end.

import fc from "fast-check";
import type { ZodType } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, type ApiResponse, type CallOptions } from "@/lib/testing/api-client";
import { snapshotTables } from "@/lib/testing/db-snapshot";
import { makeOrg, makeToken, makeUser, makeWorkspace, type TestUser } from "@/lib/testing/factories";
import { makeTenant, NOT_FOR_TOKENS, SCENARIOS, scenarioCoverage, urlOf, withInvitation, withMember, withRole, type Scenario, type Tenant } from "@/lib/testing/operation-scenarios";
import { validateRpcStatus } from "@/lib/testing/rpc";
import { OPERATIONS } from "@/lib/operations";
import { pathParamNames, type Operation } from "@/lib/operations/operation";
import { encode } from "next-auth/jwt";
import { db } from "@/lib/db";

process.env.RATE_LIMIT_API_PER_MINUTE = "1000000";
process.env.NEXTAUTH_SECRET ??= "fuzz-suite-session-secret";

const RUNS = Number(process.env.FUZZ_RUNS ?? 8);
const SEED = Number(process.env.FUZZ_SEED ?? 20261204);
let total = 0;

// ---- hostile values -------------------------------------------------------------------------

const HUGE = "x".repeat(100_000);
const HOSTILE_TEXT = [
  "a\u0000b", "\u0000", "x\ud800y", "\udc00", "\ud83d", "evil\u202Etxt.exe", "a\u2066b\u2069", "\u200F\u200E", "a\u001bb", "a\u0085b",
  "\u007f", "שלום עולם", "مرحبا", "👩🏽‍💻🏳️‍🌈", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "e\u0301\u0301\u0301", "\uFEFF", "\uFFFF", "", " ", "   ", "\t\n\r",
  "null", "undefined", "NaN", "-1", "1e309", "<script>alert(1)</script>", "' OR 1=1 --", "\"; DROP TABLE workspaces; --", "${jndi:x}",
  "%00", "%ED%A0%80", "../../etc/passwd", "__proto__", "ws_0123456789abcdefghijkl", "org_0123456789abcdefghijkl", "usr_zzzzzzzzzzzzzzzzzzzz",
  HUGE, "é".repeat(300), "😀".repeat(300),
];

const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_TEXT).chain((h) => fc.string({ maxLength: 8 }).map((s) => `${s}${h}${s}`)) },
);

function deep(levels: number, leaf: unknown, asArray = false): unknown {
  let v = leaf;
  for (let i = 0; i < levels; i++) v = asArray ? [v] : { a: v };
  return v;
}

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.constantFrom(0, -1, 2 ** 31, 2 ** 53 + 1, -0, 1.5, Number.MAX_VALUE),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    Array.from({ length: 5000 }, (_, i) => `item${i}`),
    Array.from({ length: 2000 }, () => ({ workspace: { title: "t" } })),
    deep(2000, "x"),
    deep(2000, 1, true),
    [HUGE, HUGE],
    {},
    [],
    [null],
  ),
);

// ---- AIP-160 filters, order_by, masks, page tokens ---------------------------------------------

const FILTER_FIELDS = ["title", "state", "email", "search", "display_name", "create_time", "update_time", "kind", "to", "status", "action", "roles", "unknown_field", "title.x", ""];
const filterTerm = fc
  .tuple(fc.constantFrom(...FILTER_FIELDS), fc.constantFrom("=", "!=", ":", "<", ">", "<=", ">=", "==", "~", ""), fc.oneof(hostileString, fc.constantFrom("ACTIVE", "2026-01-01T00:00:00Z", "*", "prod")), fc.boolean())
  .map(([f, op, v, quoted]) => `${f} ${op} ${quoted ? JSON.stringify(v) : v}`);
const { filter: filterExpr } = fc.letrec<{ filter: string }>((tie) => ({
  filter: fc.oneof(
    { depthSize: "small", maxDepth: 8, withCrossShrink: true },
    filterTerm,
    fc.tuple(tie("filter"), fc.constantFrom(" AND ", " OR ", " ", " and ", ","), tie("filter")).map(([a, j, b]) => `${a}${j}${b}`),
    tie("filter").map((f) => `(${f})`),
    tie("filter").map((f) => `NOT ${f}`),
    tie("filter").map((f) => `-${f}`),
  ),
}));
const filterValue = fc.oneof(
  filterExpr,
  hostileString,
  fc.integer({ min: 20, max: 3000 }).map((n) => `${"(".repeat(n)}title = "a"${")".repeat(n)}`),
  fc.integer({ min: 20, max: 600 }).map((n) => `${"NOT ".repeat(n)}title = "a"`),
  fc.integer({ min: 2, max: 400 }).map((n) => Array.from({ length: n }, (_, i) => `title = "t${i}"`).join(" OR ")),
  fc.constantFrom("(", ")", "\"", "title = \"unterminated", "AND", "OR OR", ":", "= =", "title =", "title = \"a\" AND"),
);
const orderValue = fc.oneof(
  hostileString,
  fc.array(fc.tuple(fc.constantFrom(...FILTER_FIELDS, "id", "name"), fc.constantFrom("", " desc", " asc", " DESC", " up")), { maxLength: 6 }).map((parts) => parts.map(([f, d]) => f + d).join(",")),
  fc.constantFrom(",", "title,,", "title desc desc", " title", "title desc, title"),
);
const maskValue = fc.oneof(
  hostileString,
  fc.array(fc.constantFrom("title", "description", "name", "create_time", "etag", "state", "general", "general.time_zone", "general.nope", "data_policy", "*", "", "a.b.c.d", "configuration.domain", "permissions", "roles", "display_name"), { maxLength: 6 }).map((p) => p.join(",")),
);
const etagValue = fc.oneof(hostileString, fc.constantFrom('W/"0"', 'W/"-1"', 'W/"99999999999999999999"', '"1"', "*", 'W/"1", W/"2"', "W/", 'W/"a"'));

/** Real page tokens of lists in another tenant, for replays on other lists and parents. */
const realPageTokens: string[] = [];
function tampered(token: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constant(token),
    fc.nat({ max: Math.max(token.length - 1, 0) }).map((i) => token.slice(0, i) + (token[i] === "A" ? "B" : "A") + token.slice(i + 1)),
    fc.nat({ max: token.length }).map((i) => token.slice(0, i)),
    fc.constant(`${token}${token}`),
    fc.constant(Buffer.from(Buffer.from(token, "base64url").toString("latin1").replace(/\d/g, "9"), "latin1").toString("base64url")),
  );
}
const pageTokenValue = fc.oneof(
  hostileString,
  fc.base64String({ maxLength: 200 }),
  fc.jsonValue({ maxDepth: 2 }).map((v) => Buffer.from(JSON.stringify(v)).toString("base64url")),
  fc.constant("A".repeat(5000)),
  fc.constant(null).chain(() => (realPageTokens.length ? fc.constantFrom(...realPageTokens).chain(tampered) : fc.constant("none"))),
);

// ---- mutations of a request ----------------------------------------------------------------------

interface Case {
  label: string;
  params: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** JSON value to send, or raw bytes/text. */
  body?: unknown;
  raw?: string | Uint8Array<ArrayBuffer>;
  /** The path as sent, when a mutation writes it itself (malformed escapes). */
  rawPath?: string;
}

function schemaKeys(schema: ZodType | undefined): string[] {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

function stringLeaves(value: unknown, at: string[] = []): string[][] {
  if (typeof value === "string") return [at];
  if (!value || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...at, k]));
}

function setAt(value: unknown, path: string[], leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string, unknown>;
  copy[path[0]] = setAt(copy[path[0]], path.slice(1), leaf);
  return copy;
}

const INVALID_UTF8 = [
  new Uint8Array([0x7b, 0x22, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
  new Uint8Array([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]),
  new Uint8Array([0xc0, 0xaf]),
];
const OVERSIZED = `{"title":"${"a".repeat(1024 * 1024)}"}`;
const RAW_BODIES = ["{", "}", "{\"a\":}", "[]", "[1,2]", "\"text\"", "42", "null", "true", "{\"title\":\"a\"}{}", "\u0000", "{\"__proto__\":{\"admin\":true}}", " ", "{'single':'quotes'}"];
const CONTENT_TYPES = ["text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/json; charset=latin1", "application/jsonx", "", "*/*", "application/merge-patch+json", "image/png"];
// A header is bytes: text beyond Latin-1 arrives as its UTF-8 bytes read one by one (as Node's
// HTTP server hands them on), and no control character survives the HTTP parser.
const asHeaderBytes = (v: string) => Buffer.from(v, "utf8").toString("latin1").replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, "");
const HEADER_VALUES = fc
  .oneof(fc.string({ unit: "binary", maxLength: 40 }), fc.constantFrom("x".repeat(300), "ключ", "é", "W/\"1\"", "", " ", "\t", "1.2.3.4, 5.6.7.8", "unknown", "::1"), hostileString)
  .map(asHeaderBytes);

function mutations(op: Operation, base: Scenario): fc.Arbitrary<Case> {
  const start = (label: string): Case => ({ label, params: { ...base.raw.params }, query: { ...base.raw.query }, headers: {}, body: base.raw.body ?? {} });
  const hasBody = op.method !== "GET";
  const fields = [...new Set([...Object.keys((base.raw.body as object) ?? {}), ...schemaKeys(op.body)])];
  const queryKeys = [...new Set([...schemaKeys(op.query), "filter", "order_by", "page_size", "page_token", "update_mask", "etag", "show_deleted", "unknown_param", "$filter", "page_size[]"])];
  const names = pathParamNames(op.path);
  const arbs: fc.Arbitrary<Case>[] = [];

  // Query parameters: each kind with the values that hurt it.
  const queryValue = (key: string): fc.Arbitrary<string> =>
    key === "filter"
      ? filterValue
      : key === "order_by"
        ? orderValue
        : key === "update_mask"
          ? maskValue
          : key === "page_token"
            ? pageTokenValue
            : key === "etag"
              ? etagValue
              : key === "page_size"
                ? fc.oneof(fc.integer().map(String), fc.constantFrom("-1", "0", "1e9", "99999999999999999999", "1.5", "0x10", " 5", "five", "", "NaN", "Infinity"), hostileString)
                : hostileString;
  arbs.push(
    fc
      .array(fc.constantFrom(...queryKeys).chain((k) => queryValue(k).map((v) => [k, v] as const)), { minLength: 1, maxLength: 4 })
      .map((pairs) => ({ ...start(`query ${pairs.map(([k]) => k).join(",")}`), query: { ...base.raw.query, ...Object.fromEntries(pairs) } })),
  );
  // Path ids: hostile values, percent-encoded as a client would (or written raw when they cannot be).
  if (names.length) {
    arbs.push(
      fc.tuple(fc.constantFrom(...names), fc.oneof(hostileString, fc.constantFrom("%ED%A0%80", "%ZZ", "%00", "%C0%AF", ".", "%2F..%2F", "a%2Fb", "%252F"))).map(([name, value]) => {
        const c = start(`path {${name}}`);
        let encoded: string;
        try {
          // Escapes as written; "." as written too (URL parsing drops the segment: a shorter path).
          encoded = /%[0-9A-Z]{2}|^\.$/.test(value) ? value : encodeURIComponent(value);
        } catch {
          encoded = "%ED%A0%80"; // a lone surrogate cannot be encoded; send the bytes it would be
        }
        c.rawPath = urlOf(op.path, { ...c.params, [name]: "\u0001" }).replace(encodeURIComponent("\u0001"), encoded);
        return c;
      }),
    );
  }
  // Headers the API reads.
  arbs.push(
    fc.tuple(fc.constantFrom("if-match", "idempotency-key", "x-request-id", "content-type", "accept", "origin", "x-forwarded-for"), HEADER_VALUES).map(([h, v]) => ({ ...start(`header ${h}`), headers: { [h]: v } })),
  );
  if (hasBody) {
    if (fields.length) {
      arbs.push(fc.tuple(fc.constantFrom(...fields), anyValue).map(([f, v]) => ({ ...start(`field ${f} (wrong type or value)`), body: { ...(base.raw.body as object), [f]: v } })));
      arbs.push(
        fc.constantFrom(...fields).map((f) => {
          const body = { ...(base.raw.body as Record<string, unknown>) };
          delete body[f];
          return { ...start(`missing ${f}`), body };
        }),
      );
    }
    arbs.push(
      fc
        .tuple(fc.oneof(fc.constantFrom("name", "create_time", "etag", "id", "owner", "__proto__", "constructor", "admin", "organization_id", "x".repeat(1000)), fc.string({ maxLength: 12 })), anyValue)
        // A computed key makes even "__proto__" an own property, sent as JSON like any other.
        .map(([k, v]) => ({ ...start(`unknown field ${k.slice(0, 20)}`), body: { ...(base.raw.body as object), [k]: v } })),
    );
    const leaves = stringLeaves(base.raw.body);
    if (leaves.length) {
      arbs.push(fc.tuple(fc.constantFrom(...leaves), hostileString).map(([path, v]) => ({ ...start(`text at ${path.join(".")}`), body: setAt(base.raw.body, path, v) })));
    }
    arbs.push(fc.oneof(anyValue, fc.constantFrom<unknown>([base.raw.body], "body", 1, null)).map((body) => ({ ...start("body not an object"), body })));
    arbs.push(
      fc.tuple(fc.oneof(fc.constantFrom<string | Uint8Array<ArrayBuffer>>(...RAW_BODIES, ...INVALID_UTF8, OVERSIZED)), fc.constantFrom("application/json", ...CONTENT_TYPES)).map(([raw, type]) => ({
        ...start(`raw body with ${type || "no content type"}`),
        body: undefined,
        raw,
        headers: { "content-type": type },
      })),
    );
    arbs.push(fc.constantFrom(...CONTENT_TYPES).map((type) => ({ ...start(`valid JSON as ${type || "no content type"}`), body: undefined, raw: JSON.stringify(base.raw.body ?? {}), headers: { "content-type": type } })));
  }
  return fc.oneof(...arbs);
}

// ---- running a case -------------------------------------------------------------------------------

const sessions = new Map<string, Record<string, string>>();
const tokens = new Map<string, string>();

async function credentialsFor(op: Operation, user: TestUser): Promise<Pick<CallOptions, "token" | "headers">> {
  if (NOT_FOR_TOKENS.has(op.id)) {
    if (!sessions.has(user.id)) {
      const { credentialVersion } = await (await db()).user.findUniqueOrThrow({ where: { id: user.id }, select: { credentialVersion: true } });
      const jwt = await encode({ token: { sub: user.id, cv: credentialVersion }, secret: process.env.NEXTAUTH_SECRET! });
      sessions.set(user.id, { cookie: `next-auth.session-token=${jwt}`, origin: "http://localhost", "sec-fetch-site": "same-origin" });
    }
    return { headers: sessions.get(user.id) };
  }
  if (!tokens.has(user.id)) tokens.set(user.id, await makeToken(user));
  return { token: tokens.get(user.id) };
}

async function send(op: Operation, c: Case, auth: Pick<CallOptions, "token" | "headers">): Promise<ApiResponse> {
  const url = c.rawPath ? `${c.rawPath}${Object.keys(c.query).length ? `?${new URLSearchParams(c.query)}` : ""}` : urlOf(op.path, c.params, c.query);
  const headers = { ...auth.headers, ...c.headers };
  if (op.method === "GET") return call(op.method, url, { token: auth.token, headers });
  if (c.raw !== undefined) return call(op.method, url, { token: auth.token, headers, rawBody: c.raw });
  return call(op.method, url, { token: auth.token, headers, rawBody: JSON.stringify(c.body) ?? "" });
}

let owner: TestUser;
let readTenant: Tenant;
const tenants = new Map<string, Tenant>();

beforeAll(async () => {
  owner = await makeUser("Fuzz Owner");
  // The tenants, built a few at a time before any case runs (a case compares every table).
  readTenant = await makeTenant("Fuzz Owner", owner);
  const changing = OPERATIONS.filter((o) => o.method !== "GET");
  for (let i = 0; i < changing.length; i += 3) {
    await Promise.all(changing.slice(i, i + 3).map(async (op) => tenants.set(op.id, await makeTenant("Fuzz Owner", owner))));
  }
  // Real page tokens of another tenant's lists (two of everything), to replay and tamper with.
  const other = await makeTenant("Fuzz Token Source");
  await makeWorkspace(other.owner, other.orgId);
  await makeOrg(other.owner);
  await Promise.all([withMember(other, true), withRole(other), withRole(other), withInvitation(other), withInvitation(other)]);
  const auth = { token: await makeToken(other.owner) };
  for (const op of OPERATIONS.filter((o) => o.method === "GET" && schemaKeys(o.query).includes("page_token"))) {
    const { raw } = await SCENARIOS[op.id](other);
    const res = await call("GET", urlOf(op.path, raw.params, { page_size: "1" }), auth);
    if (typeof res.body?.next_page_token === "string" && res.body.next_page_token) realPageTokens.push(res.body.next_page_token);
  }
});

afterAll(() => {
  console.log(`fuzz: ${total} cases over ${OPERATIONS.length} operations (FUZZ_RUNS=${RUNS} per operation, FUZZ_SEED=${SEED})`);
});

describe("fuzzing every operation of the registry", () => {
  it("has a scenario for every operation, and real page tokens to replay", () => {
    expect(scenarioCoverage()).toEqual({ missing: [], stale: [] });
    expect(realPageTokens.length).toBeGreaterThan(0);
  });

  it.each(OPERATIONS.map((op) => [op.id, op] as const))("%s: never 5xx, refusals are rpcStatus and write nothing", { timeout: 120_000 }, async (_id, op) => {
    // Each change in an organization of its own (one owner for all: a change the fuzzer lets
    // through cannot spoil another operation's fixtures); reads share one.
    const base = await SCENARIOS[op.id](op.method === "GET" ? readTenant : tenants.get(op.id)!);
    const auth = await credentialsFor(op, base.caller);
    const changes = op.method !== "GET";
    await fc.assert(
      fc.asyncProperty(mutations(op, base), async (c) => {
        total++;
        const before = changes ? await snapshotTables() : undefined;
        const res = await send(op, c, auth);
        const context = `${op.id} ${c.label}: ${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`;
        expect(res.status, context).toBeLessThan(500);
        expect(res.headers.get("x-request-id"), context).toBeTruthy();
        if (res.status >= 400) {
          validateRpcStatus(res);
          if (before) {
            const after = await snapshotTables();
            // With an Idempotency-Key, the refusal itself is recorded to be replayed (API.md §1).
            if (c.headers["idempotency-key"] !== undefined) {
              delete before.idempotency_keys;
              delete after.idempotency_keys;
            }
            expect(after, `${context}: a refused request wrote`).toEqual(before);
          }
        }
      }),
      { numRuns: RUNS, seed: SEED ^ hash(op.id), endOnFailure: true },
    );
  });
});

function hash(s: string): number {
  let h = 0;
  for (const ch of s) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}
