// Builds the run's world in the database the web server's command created and migrated (drops
// it at the end): users and tokens via the operator CLI, organizations and workspaces via the REST API,
// one membership fixture via SQL (the members API arrives with a later issue).

import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { FullConfig } from "@playwright/test";
import { WORLD_FILE, type World } from "./fixtures/world";

const dbUrl = () => process.env.E2E_DATABASE_URL!;

function cli(...args: string[]): string {
  const out = execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/cli.ts", ...args], {
    env: { ...process.env, DATABASE_URL: dbUrl() },
    encoding: "utf8",
  });
  return out.trim().split("\n").pop()!;
}

async function apiCall(baseURL: string, token: string, method: string, url: string, body?: unknown) {
  const res = await fetch(`${baseURL}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${JSON.stringify(json)}`);
  return json;
}

export default async function globalSetup(config: FullConfig) {
  const url = new URL(dbUrl());
  const name = url.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const baseURL = config.projects[0].use.baseURL!;
  // The web server's command created and migrated the run's database before serving; wait until
  // it answers.
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }

  const password = () => randomBytes(12).toString("base64url");
  const people = {
    admin: { email: "admin@e2e.example", password: password(), name: "Ada Admin" },
    viewer: { email: "viewer@e2e.example", password: password(), name: "Victor Viewer" },
    outsider: { email: "outsider@e2e.example", password: password(), name: "Olga Outsider" },
  };
  const ids: Record<string, string> = {};
  for (const [key, p] of Object.entries(people)) {
    // `--password=…` in one argument: a base64url password may start with "-", which parseArgs
    // reads as another option (the run's setup failed for about 1 password in 64).
    ids[key] = cli("user:create", "--email", p.email, "--name", p.name, `--password=${p.password}`);
  }
  const orgId = cli("org:create", "--title", "E2E Corp", "--owner", people.admin.email);
  const otherOrgId = cli("org:create", "--title", "Outsider LLC", "--owner", people.outsider.email);
  const tokens = {
    admin: cli("token:create", "--email", people.admin.email, "--name", "e2e"),
    viewer: cli("token:create", "--email", people.viewer.email, "--name", "e2e"),
    outsider: cli("token:create", "--email", people.outsider.email, "--name", "e2e"),
  };

  const shared = await apiCall(baseURL, tokens.admin, "POST", `/api/v1/organizations/${orgId}/workspaces`, { title: "Shared Research" });
  const hidden = await apiCall(baseURL, tokens.admin, "POST", `/api/v1/organizations/${orgId}/workspaces`, { title: "Board Room" });

  const db = new pg.Client({ connectionString: dbUrl() });
  await db.connect();
  await db.query(`INSERT INTO organization_members (organization_id, user_id, roles, update_time) VALUES ($1, $2, $3, now())`, [orgId, ids.viewer, ["org-member"]]);
  await db.query(`INSERT INTO workspace_members (workspace_id, user_id, roles, update_time) VALUES ($1, $2, $3, now())`, [shared.workspace_id, ids.viewer, ["workspace-viewer"]]);
  await db.query(`UPDATE organization_preferences SET members_can_create_workspaces = false WHERE organization_id = $1`, [orgId]);
  await db.end();

  const world: World = {
    orgId,
    otherOrgId,
    admin: { email: people.admin.email, password: people.admin.password, token: tokens.admin },
    viewer: { email: people.viewer.email, password: people.viewer.password, token: tokens.viewer },
    outsider: { email: people.outsider.email, password: people.outsider.password, token: tokens.outsider },
    viewerWorkspaceId: shared.workspace_id,
    hiddenWorkspaceId: hidden.workspace_id,
  };
  mkdirSync(path.dirname(WORLD_FILE), { recursive: true });
  writeFileSync(WORLD_FILE, JSON.stringify(world, null, 2));

  return async () => {
    const c = new pg.Client({ connectionString: admin.toString() });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  };
}
