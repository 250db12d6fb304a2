import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { auditDialog, expectNoSeriousViolations } from "../fixtures/audit";
import { hydrated } from "../fixtures/hydration";
import { LoginPage } from "../fixtures/pages";
import { newPerson } from "../fixtures/people";
import { world } from "../fixtures/world";

test.describe("console: delete and restore an organization", () => {
  test("the owner deletes after typing the name, finds it on the home page and restores it; an admin is told only the owner can", async ({ page, browser }) => {
    test.slow();
    const { admin } = world();
    // A person of this spec's own, so no shared user gains an organization.
    const coAdmin = newPerson("co-admin", "Cora Admin");
    const title = `Doomed Co ${randomBytes(3).toString("hex")}`;
    // A fresh organization owned by the admin (the shared one stays), with a second admin.
    const created = await page.request.post("/api/v1/organizations", { headers: { authorization: `Bearer ${admin.token}` }, data: { title } });
    expect(created.ok()).toBeTruthy();
    const orgId: string = (await created.json()).organization_id;
    const added = await page.request.post(`/api/v1/organizations/${orgId}/users`, {
      headers: { authorization: `Bearer ${admin.token}` },
      data: { email: coAdmin.email, roles: ["org-admin"] },
    });
    expect(added.ok(), await added.text()).toBeTruthy();

    // Another admin sees the button, disabled, with the reason in words reachable by keyboard.
    const other = await browser.newPage();
    await new LoginPage(other).signIn(coAdmin.email, coAdmin.password);
    await other.goto(`/o/${orgId}/settings`);
    await hydrated(other);
    const otherButton = other.getByRole("button", { name: "Delete organization…" });
    await expect(otherButton).toHaveAttribute("aria-disabled", "true");
    await expect(otherButton).toHaveAccessibleDescription(/Only the owner, .* can delete the organization\./);
    await other.close();

    await new LoginPage(page).signIn(admin.email, admin.password);
    await page.goto(`/o/${orgId}/settings`);
    await hydrated(page);
    const open = page.getByRole("button", { name: "Delete organization…" });
    await auditDialog(page, open, "Delete organization", "Delete organization");

    await open.click();
    const dialog = page.getByRole("dialog", { name: "Delete organization" });
    const confirm = dialog.getByRole("button", { name: "Delete organization" });
    await expect(confirm).toBeDisabled();
    await dialog.getByRole("textbox").fill(title.toLowerCase());
    await expect(confirm).toBeDisabled();
    await dialog.getByRole("textbox").fill(title);
    await confirm.click();

    // Home: the organization is listed as deleted, with its purge date, and nowhere else.
    await expect(page).toHaveURL(/\/\?home/);
    const row = page.getByTestId("deleted-org").filter({ hasText: title });
    await expect(row).toBeVisible();
    await expect(row).toContainText("Purged on");
    await expect(page.getByRole("navigation", { name: "Your organizations" }).getByRole("link", { name: title })).toHaveCount(0);
    await expectNoSeriousViolations(page, "home with a deleted organization");
    expect((await page.goto(`/o/${orgId}/workspaces`))?.status()).toBe(404);

    await page.goto("/?home");
    await hydrated(page);
    await page.getByRole("button", { name: `Restore ${title}` }).click();
    await expect(page).toHaveURL(new RegExp(`/o/${orgId}/workspaces`));
    await expect(page.getByRole("region", { name: /^Notifications/ }).getByText("Organization restored")).toBeVisible();
  });
});
