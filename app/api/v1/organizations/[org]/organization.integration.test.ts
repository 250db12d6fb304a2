import { beforeAll, describe, expect, it } from "vitest";
import { api } from "@/lib/testing/api-client";
import { addMember, makeOrg, makeToken, makeUser, type TestUser } from "@/lib/testing/factories";
import { kognitosOperations } from "@/lib/testing/kognitos-schemas";
import { db } from "@/lib/db";

let owner: TestUser;
let ownerToken: string;

const PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

beforeAll(async () => {
  owner = await makeUser("Opal Owner");
  ownerToken = await makeToken(owner);
});

async function freshOrg(title = "Patchable Org") {
  return (await makeOrg(owner, title)).organization_id;
}

describe("GET /organizations/{org} and CurrentUserOrganizations", () => {
  it("answer with the v1Organization shape (the seed has no schema of its own for them)", async () => {
    // Seed 003 describes neither operation; this pins which ones it does describe for this slice.
    expect(kognitosOperations()).toEqual(expect.arrayContaining(["ListWorkspaceUsers", "ListWorkspaceRoles"]));
    expect(kognitosOperations()).not.toContain("GetOrganization");
    expect(kognitosOperations()).not.toContain("ListOrganizationUsers");
    const orgId = await freshOrg("Shape Org");
    const res = await api.get(`/api/v1/organizations/${orgId}`, { token: ownerToken });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(
      ["create_time", "logo_data_uri", "name", "organization_id", "owner_display_name", "owner_email", "title", "update_time"],
    );
  });
});

describe("PATCH /organizations/{org}", () => {
  it("updates the populated fields, or exactly the update mask's, and audits", async () => {
    const orgId = await freshOrg();
    const url = `/api/v1/organizations/${orgId}`;
    const res = await api.patch(url, { token: ownerToken, body: { title: "  Renamed  ", logo_data_uri: PNG, owner_email: "ignored@evil.test" } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: "Renamed", logo_data_uri: PNG, owner_email: owner.email });
    expect(Date.parse(res.body.update_time)).toBeGreaterThanOrEqual(Date.parse(res.body.create_time));

    const titleOnly = await api.patch(`${url}?update_mask=title`, { token: ownerToken, body: { title: "Masked", logo_data_uri: "" } });
    expect(titleOnly.body).toMatchObject({ title: "Masked", logo_data_uri: PNG });
    const clearLogo = await api.patch(`${url}?update_mask=logo_data_uri`, { token: ownerToken, body: {} });
    expect(clearLogo.body).toMatchObject({ title: "Masked", logo_data_uri: "" });

    const audit = await (await db()).auditLogEntry.findMany({ where: { organizationId: orgId, action: "organization.update" }, orderBy: { createdAt: "asc" } });
    expect(audit).toHaveLength(3);
    expect(audit[0].changes).toEqual({
      before: { title: "Patchable Org", logo_data_uri: "" },
      after: { title: "Renamed", logo_data_uri: `(image, ${PNG.length} characters)` },
    });
    // No change, no entry.
    await api.patch(url, { token: ownerToken, body: { title: "Masked" } });
    expect(await (await db()).auditLogEntry.count({ where: { organizationId: orgId, action: "organization.update" } })).toBe(3);
  });

  it("validates fields and masks", async () => {
    const orgId = await freshOrg();
    const url = `/api/v1/organizations/${orgId}`;
    const cases: [string, Record<string, unknown>, string][] = [
      [url, { title: "" }, "title"],
      [url, { title: "x".repeat(257) }, "title"],
      [url, { logo_data_uri: "https://example.test/logo.png" }, "logo_data_uri"],
      [url, { plan: "enterprise" }, "plan"],
      [`${url}?update_mask=title`, {}, "title"],
      [`${url}?update_mask=owner_email`, { title: "x" }, "update_mask"],
      [`${url}?update_mask=colour`, { title: "x" }, "update_mask"],
    ];
    for (const [path, body, field] of cases) {
      const res = await api.patch(path, { token: ownerToken, body });
      expect(res.status, `${path} ${JSON.stringify(body)}`).toBe(400);
      const violations = res.body.details.find((d: { "@type": string }) => d["@type"].endsWith("BadRequest"))?.field_violations ?? [];
      expect(violations.map((v: { field: string }) => v.field), `${path} ${JSON.stringify(body)}`).toContain(field);
    }
    expect((await api.get(url, { token: ownerToken })).body.title).toBe("Patchable Org");
  });

  it("needs update:Organization: members are refused, strangers do not find it", async () => {
    const orgId = await freshOrg();
    const member = await makeUser("Plain Member");
    await addMember(member.id, orgId, ["org-member"]);
    expect((await api.patch(`/api/v1/organizations/${orgId}`, { token: await makeToken(member), body: { title: "Mine" } })).status).toBe(403);
    const stranger = await makeUser("Stranger");
    expect((await api.patch(`/api/v1/organizations/${orgId}`, { token: await makeToken(stranger), body: { title: "Mine" } })).status).toBe(404);
  });

  it("answers unknown verbs with 404 and POST without a verb with 405", async () => {
    const orgId = await freshOrg();
    const verb = await api.post(`/api/v1/organizations/${orgId}:explode`, { token: ownerToken, body: {} });
    expect(verb.status).toBe(404);
    const get = await api.get(`/api/v1/organizations/${orgId}:transferOwnership`, { token: ownerToken });
    expect(get.status).toBe(404);
    const post = await api.post(`/api/v1/organizations/${orgId}`, { token: ownerToken, body: {} });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, PATCH, DELETE");
  });
});

describe("POST /organizations/{org}:transferOwnership", () => {
  it("hands the organization to a member, who becomes org admin; the old owner stays org admin", async () => {
    const orgId = await freshOrg("Handover");
    const heir = await makeUser("Hugo Heir");
    await addMember(heir.id, orgId, ["org-member"]);
    const res = await api.post(`/api/v1/organizations/${orgId}:transferOwnership`, { token: ownerToken, body: { user_id: heir.id } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ organization_id: orgId, owner_email: heir.email, owner_display_name: "Hugo Heir" });
    const prisma = await db();
    const roles = async (userId: string) =>
      (await prisma.organizationMember.findUniqueOrThrow({ where: { organizationId_userId: { organizationId: orgId, userId } } })).roles;
    expect(await roles(heir.id)).toEqual(["org-member", "org-admin"]);
    expect(await roles(owner.id)).toEqual(["org-admin"]);
    const audit = await prisma.auditLogEntry.findFirstOrThrow({ where: { organizationId: orgId, action: "organization.transfer_ownership" } });
    expect(audit.changes).toEqual({ before: { owner_id: owner.id }, after: { owner_id: heir.id }, granted_org_admin: true });

    // The former owner is now an ordinary org admin: the new owner may demote or remove them,
    // and they can no longer transfer ownership.
    const heirToken = await makeToken(heir);
    expect((await api.post(`/api/v1/organizations/${orgId}:transferOwnership`, { token: ownerToken, body: { user_id: owner.id } })).status).toBe(403);
    expect((await api.patch(`/api/v1/organizations/${orgId}/users/${owner.id}`, { token: heirToken, body: { roles: ["org-member"] } })).status).toBe(200);
    // …and the new owner is protected as the old one was.
    expect((await api.delete(`/api/v1/organizations/${orgId}/users/${heir.id}`, { token: heirToken })).body.details[0].reason).toBe("ORGANIZATION_OWNER");
  });

  it("is for the owner only; the new owner must be a member of the organization", async () => {
    const orgId = await freshOrg("Guarded Handover");
    const admin = await makeUser("Other Admin");
    await addMember(admin.id, orgId, ["org-admin"]);
    const member = await makeUser("Plain Member");
    await addMember(member.id, orgId, ["org-member"]);
    const byAdmin = await api.post(`/api/v1/organizations/${orgId}:transferOwnership`, { token: await makeToken(admin), body: { user_id: admin.id } });
    expect(byAdmin.status).toBe(403);
    expect(byAdmin.body.details[0].reason).toBe("NOT_ORGANIZATION_OWNER");
    expect((await api.post(`/api/v1/organizations/${orgId}:transferOwnership`, { token: await makeToken(member), body: { user_id: member.id } })).status).toBe(403);
    const stranger = await makeUser("Not A Member");
    const toStranger = await api.post(`/api/v1/organizations/${orgId}:transferOwnership`, { token: ownerToken, body: { user_id: stranger.id } });
    expect(toStranger.status).toBe(404);
    expect(toStranger.body.details[0].reason).toBe("USER_NOT_FOUND");
    expect((await api.post(`/api/v1/organizations/${orgId}:transferOwnership`, { token: ownerToken, body: {} })).status).toBe(400);
    expect((await api.post(`/api/v1/organizations/${orgId}:transferOwnership`, { token: await makeToken(stranger), body: { user_id: stranger.id } })).status).toBe(404);
    const readOnly = await makeToken(owner, { access: "READ_ONLY" });
    expect((await api.post(`/api/v1/organizations/${orgId}:transferOwnership`, { token: readOnly, body: { user_id: admin.id } })).status).toBe(403);
    const same = await api.post(`/api/v1/organizations/${orgId}:transferOwnership`, { token: ownerToken, body: { user_id: owner.id } });
    expect(same.status).toBe(200);
    expect(same.body.owner_email).toBe(owner.email);
    expect(await (await db()).auditLogEntry.count({ where: { organizationId: orgId, action: "organization.transfer_ownership" } })).toBe(0);
  });
});
