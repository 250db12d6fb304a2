// The yardstick of bench/http.ts: a bare `node:http` + `pg` server that answers
// GET /api/v1/organizations/{org}/workspaces exactly as the product does (same body, byte for
// byte, for the requests the bench sends): the personal access token checked by its hash, the
// organization membership, one page in the default order (`create_time desc`) with the creator
// joined, `total_size` as the product computes it (a count capped at 10,001, else the planner's
// estimate), and a next_page_token signed the same way.
// Anything else is 404. It is what a careful hand-written server costs, nothing more.
//
//   DATABASE_URL=… NEXTAUTH_SECRET=… PORT=… node bench/bare-server.mjs

import { createHash, createHmac } from "node:crypto";
import http from "node:http";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
const secret = process.env.NEXTAUTH_SECRET;
const pageKey = createHash("sha256").update(`page-token\u0000${secret}`).digest();
// Above this many live workspaces the product answers the planner's estimate, cached a minute
// (lib/api/total-size.ts); the bare server must answer the same bytes, so it follows the same rule.
const EXACT_LIMIT = 10_000;
const estimates = new Map();
const LIST = /^\/api\/v1\/organizations\/(org_[0-9A-Za-z]{20,64})\/workspaces$/;

const AUTH_SQL = `
  SELECT t.id, t.last_use_time, t.expire_time, t.revoke_time, t.organization_id AS token_org, t.workspace_ids,
         u.id AS user_id, m.roles
    FROM personal_access_tokens t
    JOIN users u ON u.id = t.user_id
    LEFT JOIN organization_members m ON m.organization_id = $2 AND m.user_id = t.user_id
   WHERE t.token_hash = $1`;

const PAGE_SQL = `
  SELECT w.id, w.organization_id, w.title, w.description, w.workspace_icon, w.workspace_icon_color, w.state,
         w.state_transitions, w.data_policy, w.domain, w.version, w.create_time, w.update_time, w.delete_time,
         w.purge_time, c.display_name AS creator_display_name, c.email AS creator_email
    FROM workspaces w LEFT JOIN users c ON c.id = w.creator_id
   WHERE w.organization_id = $1 AND w.delete_time IS NULL
   ORDER BY w.create_time DESC, w.id DESC
   LIMIT $2`;

const COUNT_SQL = `SELECT count(*)::int AS n FROM (SELECT 1 FROM workspaces w WHERE w.organization_id = $1 AND w.delete_time IS NULL LIMIT $2) s`;
const ESTIMATE_SQL = `EXPLAIN (FORMAT JSON) SELECT 1 FROM workspaces w WHERE w.organization_id = $1 AND w.delete_time IS NULL`;

async function totalOf(orgId, counted) {
  if (counted <= EXACT_LIMIT) return { value: counted, estimate: false };
  let cached = estimates.get(orgId);
  if (!cached || Date.now() - cached.at > 60_000) {
    const { rows } = await pool.query({ text: ESTIMATE_SQL, values: [orgId] });
    cached = { value: Math.round(rows[0]["QUERY PLAN"][0].Plan["Plan Rows"]), at: Date.now() };
    estimates.set(orgId, cached);
  }
  return { value: Math.max(cached.value, counted), estimate: true };
}

function send(res, status, body) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

function pageToken(digest, keys, total) {
  const body = Buffer.from(JSON.stringify({ q: digest, k: keys, t: total.value, ...(total.estimate ? { e: 1 } : {}) })).toString("base64url");
  return `${body}.${createHmac("sha256", pageKey).update(body).digest("base64url")}`;
}

function output(r) {
  return {
    name: `organizations/${r.organization_id}/workspaces/${r.id}`,
    workspace_id: r.id,
    title: r.title,
    description: r.description,
    workspace_icon: r.workspace_icon,
    workspace_icon_color: r.workspace_icon_color,
    state: r.state,
    state_transitions: r.state_transitions,
    data_policy: r.data_policy,
    configuration: { domain: r.domain },
    create_time: r.create_time.toISOString(),
    update_time: r.update_time.toISOString(),
    delete_time: r.delete_time?.toISOString() ?? null,
    purge_time: r.purge_time?.toISOString() ?? null,
    creator_display_name: r.creator_display_name ?? "",
    creator_email: r.creator_email ?? "",
    etag: `W/"${r.version}"`,
  };
}

async function list(req, res, orgId) {
  const m = /^(?:Bearer|AccessKey)\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "");
  if (!m) return send(res, 401, '{"error":"unauthenticated"}');
  const hash = createHash("sha256").update(m[1]).digest("hex");
  const { rows: auth } = await pool.query({ name: "auth", text: AUTH_SQL, values: [hash, orgId] });
  const t = auth[0];
  const now = new Date();
  if (!t || t.revoke_time || (t.expire_time && t.expire_time <= now)) return send(res, 401, '{"error":"unauthenticated"}');
  if (!t.roles || (t.token_org && t.token_org !== orgId) || t.workspace_ids.length) return send(res, 404, '{"error":"not found"}');
  if (!t.last_use_time || now - t.last_use_time > 60_000) {
    await pool.query({ name: "touch", text: "UPDATE personal_access_tokens SET last_use_time = $2 WHERE id = $1", values: [t.id, now] });
  }
  const url = new URL(req.url, "http://x");
  const size = Math.min(Number(url.searchParams.get("page_size") || 50), 1000);
  const [page, count] = await Promise.all([
    pool.query({ name: "page", text: PAGE_SQL, values: [orgId, size + 1] }),
    pool.query({ name: "count", text: COUNT_SQL, values: [orgId, EXACT_LIMIT + 1] }),
  ]);
  const total = await totalOf(orgId, count.rows[0].n);
  const rows = page.rows;
  let next = "";
  if (rows.length > size) {
    rows.length = size;
    const last = rows[size - 1];
    const digest = createHash("sha256")
      .update([`organizations/${orgId}/workspaces`, t.user_id, "", "", "create_time desc,id desc"].join("\u0000"))
      .digest("base64url")
      .slice(0, 22);
    next = pageToken(digest, [last.create_time.toISOString(), last.id], total);
  }
  const body = { workspaces: rows.map(output), next_page_token: next, total_size: total.value, ...(total.estimate ? { total_size_is_estimate: true } : {}) };
  send(res, 200, JSON.stringify(body));
}

http
  .createServer((req, res) => {
    const m = req.method === "GET" ? LIST.exec(req.url.split("?")[0]) : null;
    if (!m) return send(res, 404, '{"error":"not found"}');
    list(req, res, m[1]).catch((error) => {
      console.error(error);
      send(res, 500, '{"error":"internal"}');
    });
  })
  .listen(Number(process.env.PORT ?? 3120), "127.0.0.1", () => console.log("bare server ready"));
