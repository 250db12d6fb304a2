// workspaces:batchCreate with `validate_only: true` (AIP-163): every check of the real call runs
// and the answer gives each request's verdict, while nothing at all is written. These tests pin
// the exact verdicts, so any rewrite of batch-create (set-based inserts…) must keep them, and
// that the preview agrees with what the real call then does.

import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { api } from "@/lib/testing/api-client";
import { addMember, makeOrg, makeToken, makeUser, makeWorkspace, type TestUser } from "@/lib/testing/factories";
import { snapshotTables } from "@/lib/testing/db-snapshot";
import { errorInfo, expectRpcError, violatedFields } from "@/lib/testing/rpc";

let owner: TestUser;
let orgId: string;
let token: string;

beforeAll(async () => {
  owner = await makeUser("Vera Validate");
  orgId = (await makeOrg(owner, "Dry Runs")).organization_id;
  token = await makeToken(owner);
});

const batchUrl = (org = orgId) => `/api/v1/organizations/${org}/workspaces:batchCreate`;

/** Every row of every table (lib/testing/db-snapshot): "nothing written" means nothing at all. */
const footprint = snapshotTables;

describe("POST …/workspaces:batchCreate with validate_only", () => {
  it("answers every request's verdict, all violations of every row, and writes nothing", async () => {
    await makeWorkspace(owner, orgId, { title: "Taken Title" });
    const deleted = await makeWorkspace(owner, orgId, { title: "Freed Title" });
    expect((await api.delete(`/api/v1/organizations/${orgId}/workspaces/${deleted.workspace_id}`, { token })).status).toBe(204);
    const colleague = await makeUser("Col League");
    await addMember(colleague.id, orgId, ["org-member"]);

    const before = await footprint();
    const res = await api.post(batchUrl(), {
      token,
      body: {
        validate_only: true,
        requests: [
          { workspace: { title: "Fresh" }, members: [{ email: colleague.email, roles: ["workspace-editor"] }, { email: "new@example.test", roles: ["workspace-viewer"] }] },
          { workspace: { title: "taken title" } },
          { workspace: { title: "FRESH" } },
          {
            workspace: { title: "Taken Title", configuration: { domain: "acme.example" } },
            members: [
              { email: "ok@acme.example", roles: ["workspace-viewer"] },
              { email: "evil@other.example", roles: ["workspace-viewer"] },
              { email: colleague.email, roles: ["workspace-viewer"] },
            ],
          },
          { workspace: { title: "Freed Title" } },
        ],
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      workspaces: [],
      validation: {
        valid: false,
        requests: [
          {
            index: 0,
            title: "Fresh",
            valid: true,
            violations: [],
            members: [
              { email: colleague.email, outcome: "ADD_MEMBER" },
              { email: "new@example.test", outcome: "INVITE" },
            ],
          },
          {
            index: 1,
            title: "taken title",
            valid: false,
            violations: [
              {
                field: "requests[1].workspace.title",
                code: "ALREADY_EXISTS",
                reason: "WORKSPACE_TITLE_TAKEN",
                description: 'A workspace titled "taken title" already exists in this organization.',
              },
            ],
            members: [],
          },
          {
            index: 2,
            title: "FRESH",
            valid: false,
            violations: [
              {
                field: "requests[2].workspace.title",
                code: "ALREADY_EXISTS",
                reason: "WORKSPACE_TITLE_TAKEN",
                description: 'Repeats the title "FRESH" of request 1 in this batch.',
              },
            ],
            members: [],
          },
          {
            index: 3,
            title: "Taken Title",
            valid: false,
            // Every violation of the row, in the order the real call ranks them.
            violations: [
              {
                field: "requests[3].workspace.title",
                code: "ALREADY_EXISTS",
                reason: "WORKSPACE_TITLE_TAKEN",
                description: 'Repeats the title "Taken Title" of request 2 in this batch.',
              },
              {
                field: "requests[3].workspace.title",
                code: "ALREADY_EXISTS",
                reason: "WORKSPACE_TITLE_TAKEN",
                description: 'A workspace titled "Taken Title" already exists in this organization.',
              },
              {
                field: "requests[3].members[1].email",
                code: "INVALID_ARGUMENT",
                reason: "EMAIL_OUTSIDE_DOMAIN",
                description: "evil@other.example is outside the workspace's domain acme.example and is not an organization member, so cannot be invited.",
              },
            ],
            // An organization member of another domain is added, not invited: the domain rule does not apply.
            members: [
              { email: "ok@acme.example", outcome: "INVITE" },
              { email: "evil@other.example", outcome: "INVITE" },
              { email: colleague.email, outcome: "ADD_MEMBER" },
            ],
          },
          // A soft-deleted workspace frees its title.
          { index: 4, title: "Freed Title", valid: true, violations: [], members: [] },
        ],
      },
    });
    expect(await footprint()).toEqual(before);
  });

  it("says valid for a batch the real call then creates exactly as previewed", async () => {
    const colleague = await makeUser("Pre View");
    await addMember(colleague.id, orgId, ["org-member"]);
    const requests = [
      { workspace: { title: "Preview A" }, members: [{ email: colleague.email, roles: ["workspace-admin"] }, { email: "invitee@example.test", roles: ["workspace-viewer"] }] },
      { workspace: { title: "Preview B" } },
    ];
    const before = await footprint();
    const dry = await api.post(batchUrl(), { token, body: { validate_only: true, requests } });
    expect(dry.status).toBe(200);
    expect(dry.body.validation.valid).toBe(true);
    expect(dry.body.validation.requests.map((r: { valid: boolean }) => r.valid)).toEqual([true, true]);
    expect(await footprint()).toEqual(before);

    const real = await api.post(batchUrl(), { token, body: { requests } });
    expect(real.status, JSON.stringify(real.body)).toBe(200);
    expect(real.body.validation).toBeUndefined();
    expect(real.body.workspaces.map((w: { title: string }) => w.title)).toEqual(["Preview A", "Preview B"]);
    const prisma = await db();
    const a = real.body.workspaces[0].workspace_id;
    expect((await prisma.workspaceMember.findMany({ where: { workspaceId: a, userId: colleague.id } })).map((m) => m.roles)).toEqual([["workspace-admin"]]);
    expect((await prisma.invitation.findMany({ where: { workspaceId: a } })).map((i) => i.email)).toEqual(["invitee@example.test"]);

    // Now every title is taken: the same preview says so for each row.
    const again = await api.post(batchUrl(), { token, body: { validate_only: true, requests } });
    expect(again.body.validation.requests.map((r: { violations: { reason: string }[] }) => r.violations.map((v) => v.reason))).toEqual([
      ["WORKSPACE_TITLE_TAKEN"],
      ["WORKSPACE_TITLE_TAKEN"],
    ]);
  });

  it("applies the template's domain to the preview, and refuses a template the caller cannot see or clone as the real call does", async () => {
    const template = await makeWorkspace(owner, orgId, { title: "Dry template", configuration: { domain: "tpl.example" } });
    const withTemplate = await api.post(batchUrl(), {
      token,
      body: {
        validate_only: true,
        template_workspace_id: template.workspace_id,
        requests: [
          { workspace: { title: "Tpl 1" }, members: [{ email: "a@tpl.example", roles: ["workspace-viewer"] }, { email: "b@elsewhere.example", roles: ["workspace-viewer"] }] },
          { workspace: { title: "Tpl 2", configuration: { domain: "" } }, members: [{ email: "b@elsewhere.example", roles: ["workspace-viewer"] }] },
        ],
      },
    });
    expect(withTemplate.status).toBe(200);
    const verdicts = withTemplate.body.validation.requests;
    expect(verdicts[0].violations.map((v: { field: string; reason: string }) => [v.field, v.reason])).toEqual([["requests[0].members[1].email", "EMAIL_OUTSIDE_DOMAIN"]]);
    expect(verdicts[1]).toMatchObject({ valid: true, violations: [] });

    const other = await makeUser("Foreign Owner");
    const foreign = await makeWorkspace(other, (await makeOrg(other)).organization_id);
    const viewer = await makeUser("Dry Viewer");
    await addMember(viewer.id, orgId, ["org-member"], { id: template.workspace_id, roles: ["workspace-viewer"] });
    const viewerToken = await makeToken(viewer);

    const before = await footprint();
    const hidden = await api.post(batchUrl(), { token, body: { validate_only: true, template_workspace_id: foreign.workspace_id, requests: [{ workspace: { title: "H" } }] } });
    expectRpcError(hidden, 404, 5, "WORKSPACE_NOT_FOUND");
    const denied = await api.post(batchUrl(), {
      token: viewerToken,
      body: { validate_only: true, template_workspace_id: template.workspace_id, requests: [{ workspace: { title: "D" } }] },
    });
    expectRpcError(denied, 403, 7, "PERMISSION_DENIED");
    expect(errorInfo(denied.body)?.metadata.permission).toBe("clone:Workspace");
    expect(await footprint()).toEqual(before);
  });

  it("needs create:Workspace and a well-formed body, like the real call", async () => {
    const readOnly = await makeToken(owner, { access: "READ_ONLY" });
    expectRpcError(await api.post(batchUrl(), { token: readOnly, body: { validate_only: true, requests: [{ workspace: { title: "RO" } }] } }), 403, 7, "TOKEN_READ_ONLY");
    const bad = await api.post(batchUrl(), { token, body: { validate_only: true, requests: [{ workspace: { title: "ok" } }, { workspace: { title: " " } }] } });
    expectRpcError(bad, 400, 3, "INVALID_ARGUMENT");
    expect(violatedFields(bad.body)).toEqual(["requests[1].workspace.title"]);
    const notBool = await api.post(batchUrl(), { token, body: { validate_only: "yes", requests: [{ workspace: { title: "ok" } }] } });
    expect(violatedFields(notBool.body)).toEqual(["validate_only"]);
  });
});

describe("POST …/workspaces:batchCreate (the real call's choice among several violations)", () => {
  // Regression: with two titles already taken, the real call named whichever row the database
  // returned first; it now names the lowest row, and a repeated title outranks a taken one,
  // which outranks a domain violation (the order validate_only lists them in).
  it("reports the first violation by kind, then by row", async () => {
    await makeWorkspace(owner, orgId, { title: "Order One" });
    await makeWorkspace(owner, orgId, { title: "Order Two" });
    const before = await footprint();
    const twoTaken = await api.post(batchUrl(), { token, body: { requests: [{ workspace: { title: "x1" } }, { workspace: { title: "order two" } }, { workspace: { title: "order one" } }] } });
    expectRpcError(twoTaken, 409, 6, "WORKSPACE_TITLE_TAKEN");
    expect(violatedFields(twoTaken.body)).toEqual(["requests[1].workspace.title"]);

    const mixed = await api.post(batchUrl(), {
      token,
      body: {
        requests: [
          { workspace: { title: "m0", configuration: { domain: "acme.example" } }, members: [{ email: "z@zzz.example", roles: ["workspace-viewer"] }] },
          { workspace: { title: "Order One" } },
          { workspace: { title: "m2" } },
          { workspace: { title: "M2" } },
        ],
      },
    });
    expectRpcError(mixed, 409, 6, "WORKSPACE_TITLE_TAKEN");
    expect(violatedFields(mixed.body)).toEqual(["requests[3].workspace.title"]);

    const takenAndDomain = await api.post(batchUrl(), {
      token,
      body: { requests: [{ workspace: { title: "d0", configuration: { domain: "acme.example" } }, members: [{ email: "z@zzz.example", roles: ["workspace-viewer"] }] }, { workspace: { title: "Order One" } }] },
    });
    expect(violatedFields(takenAndDomain.body)).toEqual(["requests[1].workspace.title"]);
    expect(await footprint()).toEqual(before);
  });
});
