import { beforeAll, describe, expect, it } from "vitest";
import { api } from "@/lib/testing/api-client";
import { addMember, makeOrg, makeToken, makeUser, makeWorkspace } from "@/lib/testing/factories";
import { kognitosValidator } from "@/lib/testing/kognitos-schemas";
import { parseCsv } from "@/lib/console/csv";

let org: string;
let ws: string;
let token: string;
let viewerToken: string;
let strangerToken: string;
const prefs = () => `/api/v1/organizations/${org}/workspaces/${ws}/preferences`;

beforeAll(async () => {
  const owner = await makeUser("Prefs Route Owner");
  org = (await makeOrg(owner)).organization_id;
  ws = (await makeWorkspace(owner, org)).workspace_id;
  token = await makeToken(owner);
  const viewer = await makeUser("Prefs Route Viewer");
  await addMember(viewer.id, org, ["org-member"], { id: ws, roles: ["workspace-viewer"] });
  viewerToken = await makeToken(viewer);
  const stranger = await makeUser("Prefs Route Stranger");
  await makeOrg(stranger);
  strangerToken = await makeToken(stranger);
});

describe("preferences over HTTP", () => {
  it("GET answers a Kognitos v1WorkspacePreferences body with an ETag header", async () => {
    const res = await api.get(prefs(), { token });
    expect(res.status).toBe(200);
    expect(kognitosValidator("GetWorkspacePreferences")(res.body)).toBe(true);
    expect(res.headers.get("etag")).toBe(res.body.etag);
    expect(res.body.effective_general.sources.time_zone).toBe("DEFAULT");
  });

  it("PATCH with update_mask and If-Match; a stale If-Match is 409 ABORTED; a bad value is 400 naming the field", async () => {
    const first = await api.get(prefs(), { token });
    const ok = await api.patch(`${prefs()}?update_mask=general.time_zone,general.decimal_places`, {
      token,
      headers: { "if-match": first.body.etag },
      body: { general: { time_zone: "Europe/Zurich", decimal_places: 3 } },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.effective_general).toMatchObject({ time_zone: "Europe/Zurich", decimal_places: 3, sources: { time_zone: "WORKSPACE" } });
    const stale = await api.patch(prefs(), { token, headers: { "if-match": first.body.etag }, body: { general: { time_zone: "UTC" } } });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe(10);
    const bad = await api.patch(prefs(), { token, body: { general: { decimal_places: 12 } } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.details)).toContain("general.decimal_places");
    const badMask = await api.patch(`${prefs()}?update_mask=general.colour`, { token, body: {} });
    expect(badMask.status).toBe(400);
  });

  it("the organization's defaults reach the workspace at once", async () => {
    const res = await api.patch(`/api/v1/organizations/${org}/preferences`, { token, body: { general: { date_format: "DATE_FORMAT_DD_MM_YYYY_DOT" } } });
    expect(res.status).toBe(200);
    const got = await api.get(`/api/v1/organizations/${org}/preferences`, { token });
    expect(got.body.general.date_format).toBe("DATE_FORMAT_DD_MM_YYYY_DOT");
    const wsPrefs = await api.get(prefs(), { token });
    expect(wsPrefs.body.effective_general).toMatchObject({ date_format: "DATE_FORMAT_DD_MM_YYYY_DOT", sources: { date_format: "ORGANIZATION" } });
  });

  it("a viewer reads but cannot change; another tenant gets 404", async () => {
    expect((await api.get(prefs(), { token: viewerToken })).status).toBe(200);
    expect((await api.patch(prefs(), { token: viewerToken, body: { general: { time_zone: "UTC" } } })).status).toBe(403);
    expect((await api.get(prefs(), { token: strangerToken })).status).toBe(404);
    expect((await api.patch(`/api/v1/organizations/${org}/preferences`, { token: viewerToken, body: { general: { time_zone: "UTC" } } })).status).toBe(403);
  });
});

describe("audit logs over HTTP", () => {
  it("lists the organization's and the workspace's entries, newest first, and refuses non-admins", async () => {
    const orgLog = await api.get(`/api/v1/organizations/${org}/audit-logs?page_size=2`, { token });
    expect(orgLog.status).toBe(200);
    expect(orgLog.body.audit_logs).toHaveLength(2);
    expect(orgLog.body.next_page_token).not.toBe("");
    const next = await api.get(`/api/v1/organizations/${org}/audit-logs?page_size=2&page_token=${encodeURIComponent(orgLog.body.next_page_token)}`, { token });
    expect(next.status).toBe(200);
    expect(next.body.audit_logs[0].create_time <= orgLog.body.audit_logs[1].create_time).toBe(true);
    const wsLog = await api.get(`/api/v1/organizations/${org}/workspaces/${ws}/audit-logs?filter=${encodeURIComponent('action = "preferences.update"')}`, { token });
    expect(wsLog.status).toBe(200);
    expect(wsLog.body.audit_logs.map((e: { action: string }) => e.action)).toEqual(["preferences.update"]);
    expect((await api.get(`/api/v1/organizations/${org}/audit-logs`, { token: viewerToken })).status).toBe(403);
    expect((await api.get(`/api/v1/organizations/${org}/workspaces/${ws}/audit-logs`, { token: viewerToken })).status).toBe(403);
    expect((await api.get(`/api/v1/organizations/${org}/audit-logs`, { token: strangerToken })).status).toBe(404);
    expect((await api.get(`/api/v1/organizations/${org}/audit-logs?filter=${encodeURIComponent("nope = 1")}`, { token })).status).toBe(400);
  });

  it("exports a filtered range as CSV, and has no way to change or delete entries", async () => {
    const res = await api.get(`/api/v1/organizations/${org}/audit-logs:export?filter=${encodeURIComponent('action = "organization_preferences.update"')}`, { token });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain("attachment");
    const rows = parseCsv(res.body as string).rows;
    expect(rows[0][1]).toBe("action");
    expect(rows.slice(1).map((r) => r[1])).toEqual(["organization_preferences.update"]);
    const wsExport = await api.get(`/api/v1/organizations/${org}/workspaces/${ws}/audit-logs:export`, { token });
    expect(wsExport.status).toBe(200);
    expect(parseCsv(wsExport.body as string).rows.length).toBeGreaterThan(1);
    expect((await api.delete(`/api/v1/organizations/${org}/audit-logs`, { token })).status).toBe(405);
    expect((await api.post(`/api/v1/organizations/${org}/audit-logs`, { token, body: {} })).status).toBe(405);
  });
});
