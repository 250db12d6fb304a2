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
});
