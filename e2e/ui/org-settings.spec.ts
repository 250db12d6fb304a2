import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { hydrated } from "../fixtures/hydration";
import { world } from "../fixtures/world";
import { LoginPage } from "../fixtures/pages";
import { OrgSettingsPage } from "../fixtures/org-pages";
import { newPerson, type Person } from "../fixtures/people";

async function api(page: import("@playwright/test").Page, token: string, method: "POST" | "PATCH", url: string, data: unknown) {
  const res = await page.request.fetch(url, { method, headers: { authorization: `Bearer ${token}` }, data });
  expect(res.ok(), `${method} ${url} → ${res.status()} ${await res.text()}`).toBeTruthy();
  return res.json();
}

test.describe("console: organization settings", () => {
  test("the owner renames the organization, manages its members and hands it on", async ({ page }) => {
    // Many steps, and three people made through the CLI: more than the default 30 s on a busy machine.
    test.slow();
    const { admin } = world();
    const suffix = randomBytes(3).toString("hex");
    // A fresh organization owned by the admin, so the shared "E2E Corp" stays as other specs expect.
    const org = await api(page, admin.token, "POST", "/api/v1/organizations", { title: `Settings Co ${suffix}` });
    const orgId: string = org.organization_id;
    const rita: Person = newPerson("rita", "Rita Removed");
    const tess: Person = newPerson("tess", "Tess Transfer");
    const nora: Person = newPerson("nora", "Nora Newcomer");
    for (const p of [rita, tess]) await api(page, admin.token, "POST", `/api/v1/organizations/${orgId}/users`, { email: p.email });

    await new LoginPage(page).signIn(admin.email, admin.password);
    const settings = new OrgSettingsPage(page);
    await settings.goto(orgId);
    await expect(page.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "Settings" })).toHaveAttribute("aria-current", "page");

    // Rename: saved through the server action and shown in the header's switcher.
    const renamed = `Renamed Co ${suffix}`;
    await settings.rename(renamed);
    await expect(page.getByText("Organization saved")).toBeVisible();
    await expect(settings.orgSwitcher()).toContainText(renamed);
    await page.reload();
    await expect(settings.titleInput()).toHaveValue(renamed);

    // Add an existing account; an address without an account is refused with the API's reason.
    let dialog = await settings.addMember(`nobody-${suffix}@e2e.example`);
    await expect(dialog.getByText(/No account uses nobody-.*invite them to a workspace instead/)).toBeVisible();
    await expect(dialog.getByLabel("Email")).toHaveValue(`nobody-${suffix}@e2e.example`);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    dialog = await settings.addMember(nora.email);
    await expect(dialog).toBeHidden();
    await expect(settings.row(nora.email)).toContainText("Organization Member");

    // Change her organization roles.
    await settings.setRoles("Nora Newcomer", { check: ["Organization Admin"], uncheck: ["Organization Member"] });
    await expect(settings.row(nora.email).getByRole("list")).toHaveText("Organization Admin");

    // Remove another member (the dialog explains the workspace memberships go too).
    await settings.remove("Rita Removed");
    await expect(settings.row(rita.email)).toHaveCount(0);

    // The owner's row says why it cannot be removed or demoted, before any click.
    const ownerRow = settings.row(admin.email);
    await expect(ownerRow).toContainText("Owner");
    await expect(settings.removeButton("Ada Admin")).toHaveAttribute("aria-disabled", "true");
    await expect(settings.removeButton("Ada Admin")).toHaveAccessibleDescription(/The owner cannot be removed/);
    await expect(page.getByRole("button", { name: "Change roles of Ada Admin" })).toHaveAccessibleDescription(/always keeps Organization Admin/);
    await settings.removeButton("Ada Admin").hover();
    await expect(page.getByRole("tooltip", { name: /The owner cannot be removed/ })).toBeVisible();
    await settings.removeButton("Ada Admin").click({ force: true });
    await expect(page.getByRole("dialog")).toHaveCount(0);

    // Transfer ownership to Tess: the owner marker moves and the admin can no longer transfer.
    await settings.transferTo("tess", "Tess Transfer");
    await expect(page.getByText("Ownership transferred")).toBeVisible();
    await expect(settings.owner()).toContainText(tess.email);
    await expect(settings.row(tess.email)).toContainText("Owner");
    await expect(settings.row(tess.email)).toContainText("Organization Admin");
    await expect(settings.row(admin.email)).not.toContainText("Owner");
    await expect(settings.removeButton("Tess Transfer")).toHaveAttribute("aria-disabled", "true");
    await expect(settings.transferButton()).toHaveAttribute("aria-disabled", "true");
    await expect(page.getByText(`Only the owner, Tess Transfer (${tess.email}), can transfer ownership.`)).toBeAttached();
  });

  test("a plain member sees the settings read-only, each control naming its permission", async ({ page }) => {
    const { viewer, orgId } = world();
    await new LoginPage(page).signIn(viewer.email, viewer.password);
    await page.goto(`/o/${orgId}/workspaces`);
    await hydrated(page);
    await page.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "Settings" }).click();
    const settings = new OrgSettingsPage(page);
    await expect(page.getByRole("heading", { name: "Organization settings" })).toBeVisible();

    await expect(settings.titleInput()).toHaveValue("E2E Corp");
    await expect(settings.titleInput()).toHaveAttribute("readonly", "");
    await expect(settings.saveButton()).toHaveAttribute("aria-disabled", "true");
    await expect(settings.saveButton()).toHaveAccessibleDescription("Only organization admins can change the organization's details.");
    await expect(page.getByText("Only organization admins can change the organization's details.", { exact: true })).toBeAttached();
    await expect(settings.addMemberButton()).toHaveAttribute("aria-disabled", "true");
    await expect(settings.addMemberButton()).toHaveAccessibleDescription("Only organization admins can manage organization members.");
    await expect(page.getByText("Only organization admins can manage organization members.").first()).toBeAttached();
    await expect(settings.row(viewer.email)).toContainText("Organization Member");
    await expect(settings.row(world().admin.email)).toContainText("Owner");
    await expect(settings.transferButton()).toHaveAttribute("aria-disabled", "true");

    // Clicking a gated control does nothing; the server refuses the change when asked directly.
    await settings.addMemberButton().click({ force: true });
    await expect(page.getByRole("dialog")).toHaveCount(0);
    const res = await page.request.patch(`/api/v1/organizations/${orgId}`, {
      headers: { authorization: `Bearer ${viewer.token}` },
      data: { title: "Taken Over" },
    });
    expect(res.status()).toBe(403);
  });
});
