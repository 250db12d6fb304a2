import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { world } from "../fixtures/world";
import { LoginPage } from "../fixtures/pages";
import { newPerson } from "../fixtures/people";
import { RolesPage, api } from "../fixtures/member-pages";

const unique = (label: string) => `${label} ${randomBytes(3).toString("hex")}`;

test.describe("console: role editor", () => {
  // Each test makes its own people through the operator CLI.
  test.slow();

  // Regression (issue 14): a permission the user may not grant said why only in a hover `title`
  // on a disabled checkbox, which a keyboard user could neither reach nor read.
  test("a permission the user does not hold says why in words, on keyboard focus, and cannot be ticked; one they hold says what it allows on focus and can be", async ({ page }) => {
    const { admin, orgId } = world();
    const ws = await api<{ workspace_id: string }>(page, admin.token, "POST", `/api/v1/organizations/${orgId}/workspaces`, { title: unique("Role editor E2E") });
    const base = `/api/v1/organizations/${orgId}/workspaces/${ws.workspace_id}`;
    const editor = await api<{ role_id: string }>(page, admin.token, "POST", `${base}/roles`, {
      title: unique("Role editor"),
      permissions: ["read:Workspace", "read:Member", "read:Role", "create:Role"],
    });
    const person = newPerson("roles", "Rhea Roles");
    await api(page, admin.token, "POST", `/api/v1/organizations/${orgId}/users`, { email: person.email });
    await api(page, admin.token, "POST", `${base}/users`, { user_id: person.id, roles: [editor.role_id] });

    await new LoginPage(page).signIn(person.email, person.password);
    const roles = new RolesPage(page);
    await roles.goto(orgId, ws.workspace_id);
    await page.getByRole("button", { name: "New role" }).click();
    const dialog = page.getByRole("dialog", { name: "New role" });
    await expect(dialog).toBeVisible();

    const reason = "You do not hold delete:Workspace, so you cannot grant it.";
    const blocked = dialog.getByRole("checkbox", { name: "delete:Workspace", exact: true });
    await expect(blocked).toHaveAttribute("aria-disabled", "true");
    await expect(blocked).toHaveAccessibleDescription(reason);

    // On keyboard focus the reason shows beside it, and Space does not tick it.
    const held = dialog.getByRole("checkbox", { name: "read:Member", exact: true });
    await expect(held).not.toHaveAttribute("aria-disabled");
    await blocked.focus();
    await expect(blocked).toBeFocused();
    await expect(page.getByRole("tooltip")).toContainText(reason);
    await page.keyboard.press("Space");
    await expect(blocked).not.toBeChecked();

    // A permission they hold says what it allows on keyboard focus too, not in a hover `title`,
    // and is ticked as usual, by keyboard too.
    await held.focus();
    const allows = await held.evaluate((el) => document.getElementById(el.getAttribute("aria-describedby") ?? "")?.textContent ?? "");
    expect(allows.length).toBeGreaterThan(10);
    await expect(held).toHaveAccessibleDescription(allows);
    await expect(held).not.toHaveAttribute("title");
    await expect(page.getByRole("tooltip")).toHaveText(allows);
    await page.keyboard.press("Space");
    await expect(held).toBeChecked();
  });

  // Regression: a role card's permissions said what they allow only in a hover `title` per chip.
  test("a role card's permissions say what each allows in a disclosure opened by keyboard", async ({ page }) => {
    const { admin, orgId } = world();
    const ws = await api<{ workspace_id: string }>(page, admin.token, "POST", `/api/v1/organizations/${orgId}/workspaces`, { title: unique("Role cards E2E") });
    const catalog = await api<{ permissions: { permission: string; description: string }[] }>(page, admin.token, "GET", "/api/v1/permissions");
    const readMember = catalog.permissions.find((p) => p.permission === "read:Member")!.description;

    await new LoginPage(page).signIn(admin.email, admin.password);
    const roles = new RolesPage(page);
    await roles.goto(orgId, ws.workspace_id);
    const viewer = roles.builtInRole("Workspace Viewer");
    await expect(viewer.getByRole("listitem").filter({ hasText: "read:Member" }).first()).not.toHaveAttribute("title");
    const definitions = viewer.getByRole("definition");
    await expect(definitions.first()).toBeHidden();

    await viewer.getByText("What Workspace Viewer allows").focus();
    await page.keyboard.press("Enter");
    const term = viewer.getByRole("term").filter({ hasText: /^read:Member$/ });
    await expect(term).toBeVisible();
    await expect(term.locator("xpath=following-sibling::dd[1]")).toHaveText(readMember);
    await expect(viewer.getByRole("term")).toHaveCount(await viewer.getByRole("list", { name: "Permissions of Workspace Viewer" }).getByRole("listitem").count());
  });
});
