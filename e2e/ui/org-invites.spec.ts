import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations } from "../fixtures/audit";
import { api } from "../fixtures/member-pages";
import { OrgSettingsPage } from "../fixtures/org-pages";
import { LoginPage } from "../fixtures/pages";
import { createWorkspaceViaApi } from "../fixtures/workspace-pages";
import { world } from "../fixtures/world";

test.describe("console: pending invitations in organization settings", () => {
  test("an org admin sees invitations across workspaces, revokes one there, and cannot change one in a disabled workspace", async ({ page }) => {
    test.slow();
    const { admin } = world();
    const suffix = randomBytes(3).toString("hex");
    const org = await api<{ organization_id: string }>(page, admin.token, "POST", "/api/v1/organizations", { title: `Invites Co ${suffix}` });
    const orgId = org.organization_id;
    const live = await createWorkspaceViaApi(page.request, admin.token, orgId, `Live ${suffix}`);
    const frozen = await createWorkspaceViaApi(page.request, admin.token, orgId, `Frozen ${suffix}`);
    const ada = `ada-${suffix}@e2e.example`;
    const bob = `bob-${suffix}@e2e.example`;
    await api(page, admin.token, "POST", `/api/v1/organizations/${orgId}/workspaces/${live}/invites`, { emails: [ada], roles: ["workspace-editor"] });
    await api(page, admin.token, "POST", `/api/v1/organizations/${orgId}/workspaces/${frozen}/invites`, { emails: [bob], roles: ["workspace-editor"] });
    await api(page, admin.token, "POST", `/api/v1/organizations/${orgId}/workspaces/${frozen}:disable`, { reason: "USER_INITIATED", comment: "e2e" });

    await new LoginPage(page).signIn(admin.email, admin.password);
    await new OrgSettingsPage(page).goto(orgId);
    const section = page.getByRole("region", { name: "Pending invitations" });
    const table = section.getByRole("table", { name: "Pending invitations" });
    const adaRow = table.getByRole("row").filter({ hasText: ada });
    const bobRow = table.getByRole("row").filter({ hasText: bob });
    await expect(adaRow).toContainText("Workspace Editor");
    await expect(adaRow.getByRole("link", { name: `Live ${suffix}` })).toHaveAttribute("href", `/o/${orgId}/workspaces/${live}/invites`);
    await expect(bobRow.getByRole("link", { name: `Frozen ${suffix}` })).toBeVisible();
    await expectNoSeriousViolations(page, "org settings pending invitations", "section[aria-labelledby='pending-invites-heading']");

    // The disabled workspace's invitation cannot change, and the control says why.
    const frozenRevoke = bobRow.getByRole("button", { name: `Revoke invitation to ${bob}` });
    await expect(frozenRevoke).toHaveAttribute("aria-disabled", "true");
    await expect(frozenRevoke).toHaveAccessibleDescription(/This workspace is disabled/);

    // Revoke from here: confirmed, gone from the list, and revoked in the workspace too.
    await adaRow.getByRole("button", { name: `Revoke invitation to ${ada}` }).click();
    const dialog = page.getByRole("dialog", { name: `Revoke the invitation to ${ada}?` });
    await dialog.getByRole("button", { name: "Revoke invitation" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`Invitation to ${ada} revoked`)).toBeVisible();
    await expect(adaRow).toHaveCount(0);
    await expect(bobRow).toHaveCount(1);
    const pending = await api<{ invitations: { email: string }[] }>(page, admin.token, "GET", `/api/v1/organizations/${orgId}/workspaces/${live}/invites`);
    expect(pending.invitations.map((i) => i.email)).not.toContain(ada);
  });

  test("pages through the pending invitations with keyset tokens in the URL, and shows custom roles by their title", async ({ page }) => {
    test.slow();
    const { admin } = world();
    const suffix = randomBytes(3).toString("hex");
    const org = await api<{ organization_id: string }>(page, admin.token, "POST", "/api/v1/organizations", { title: `Paged Invites ${suffix}` });
    const orgId = org.organization_id;
    const ws = await createWorkspaceViaApi(page.request, admin.token, orgId, `Many ${suffix}`);
    const role = await api<{ role_id: string }>(page, admin.token, "POST", `/api/v1/organizations/${orgId}/workspaces/${ws}/roles`, {
      title: `Auditor ${suffix}`,
      permissions: ["read:Workspace", "read:Member"],
    });
    const emails = Array.from({ length: 27 }, (_, i) => `paged-${String(i).padStart(2, "0")}-${suffix}@e2e.example`);
    await api(page, admin.token, "POST", `/api/v1/organizations/${orgId}/workspaces/${ws}/invites`, { emails, roles: [role.role_id] });

    await new LoginPage(page).signIn(admin.email, admin.password);
    await new OrgSettingsPage(page).goto(orgId);
    const section = page.getByRole("region", { name: "Pending invitations" });
    const rows = section.getByRole("table", { name: "Pending invitations" }).getByRole("row");
    await expect(rows).toHaveCount(26);
    await expect(rows.nth(1)).toContainText(`Auditor ${suffix}`);
    await expect(rows.nth(1)).not.toContainText(role.role_id);
    const nav = section.getByRole("navigation", { name: "Pending invitations pagination" });
    await expect(nav).toContainText("Showing 1–25");
    await nav.getByRole("button", { name: /next/i }).click();
    await expect(rows).toHaveCount(3);
    await expect(page).toHaveURL(/[?&]invites_page=/);
    await expect(nav).toContainText("Showing 26–27");
    const seen = new Set<string>();
    for (const text of await rows.allInnerTexts()) for (const e of emails) if (text.includes(e)) seen.add(e);
    await nav.getByRole("button", { name: /previous/i }).click();
    await expect(rows).toHaveCount(26);
    for (const text of await rows.allInnerTexts()) for (const e of emails) if (text.includes(e)) seen.add(e);
    expect(seen.size).toBe(27);
  });
});
