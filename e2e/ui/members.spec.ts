import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { world } from "../fixtures/world";
import { LoginPage } from "../fixtures/pages";
import { newPerson, tokenFor } from "../fixtures/people";
import { MembersPage, RolesPage, api } from "../fixtures/member-pages";
import { choose } from "../fixtures/select";
import { rewriteNextAction } from "../fixtures/server-action";

const unique = (label: string) => `${label} ${randomBytes(3).toString("hex")}`;

test.describe("console: workspace members", () => {
  // Each test makes its own people through the operator CLI and signs in more than once.
  test.slow();

  test("an admin adds an org member, changes their role, and the member then sees only what the role allows", async ({ page, browser }) => {
    const { admin, orgId, hiddenWorkspaceId } = world();
    const ws = await api<{ workspace_id: string }>(page, admin.token, "POST", `/api/v1/organizations/${orgId}/workspaces`, { title: unique("Members E2E") });
    const person = newPerson("member", "Mira Member");
    await api(page, admin.token, "POST", `/api/v1/organizations/${orgId}/users`, { email: person.email });

    await new LoginPage(page).signIn(admin.email, admin.password);
    const members = new MembersPage(page);
    await members.goto(orgId, ws.workspace_id);
    // The creator (an org admin) is listed with both scopes.
    await expect(members.roles(admin.email).getByText("Workspace Admin")).toBeVisible();
    await expect(members.roles(admin.email).getByText("Organization Admin")).toBeVisible();

    await members.add(person.email, ["Workspace Admin"]);
    await expect(page.getByText("Member added")).toBeVisible();
    await expect(members.roles(person.email).getByText("Workspace Admin")).toBeVisible();

    await members.changeRoles(person.email, ["Workspace Viewer"]);
    await expect(page.getByText("Roles updated")).toBeVisible();
    await expect(members.roles(person.email).getByText("Workspace Viewer")).toBeVisible();
    await expect(members.roles(person.email).getByText("Workspace Admin")).toHaveCount(0);

    // Filters live in the URL and narrow the table.
    await page.getByRole("searchbox", { name: /search members/i }).fill("Mira");
    await expect(page).toHaveURL(/q=Mira/);
    await expect(members.row(admin.email)).toHaveCount(0);
    await expect(members.row(person.email)).toBeVisible();
    await page.getByRole("searchbox", { name: /search members/i }).fill("");
    await choose(page, "Access", "Via organization");
    await expect(page).toHaveURL(/scope=organization/);
    await expect(members.row(person.email)).toHaveCount(0);
    await expect(members.row(admin.email)).toBeVisible();
    await choose(page, "Access", "Any");
    await choose(page, "Role", "Workspace Viewer");
    await expect(page).toHaveURL(/role=workspace-viewer/);
    await expect(members.row(admin.email)).toHaveCount(0);
    await expect(members.row(person.email)).toBeVisible();

    // Every member shows when they were added (the full date on hover), the list its total, and
    // the Member and Added headers sort on the server (order_by in the URL).
    await choose(page, "Role", "All roles");
    await expect(members.row(person.email).locator("time")).toHaveAttribute("title", /\d/);
    await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText("of 2");
    const table = page.getByRole("table", { name: "Members" });
    await table.getByRole("button", { name: "Member", exact: true }).click();
    await expect(page).toHaveURL(/order_by=display_name(&|$)/);
    await expect(table.getByRole("columnheader", { name: "Member", exact: true })).toHaveAttribute("aria-sort", "ascending");
    // Ada Admin before Mira Member.
    await expect(table.getByRole("row").nth(1)).toHaveAttribute("data-member-email", admin.email);
    await table.getByRole("button", { name: "Added", exact: true }).click();
    // Newest first, the list's default, which the URL leaves out.
    await expect(page).not.toHaveURL(/order_by=/);
    await expect(table.getByRole("columnheader", { name: "Added", exact: true })).toHaveAttribute("aria-sort", "descending");

    // Last active: "Never" for someone who has not used the product yet, a relative time for the
    // admin who is using it; one switch in the header (not a Tab stop per row) shows every row's
    // full date and time, and screen readers get the full date either way.
    const headers = await table.getByRole("columnheader").allInnerTexts();
    const lastActiveColumn = headers.findIndex((h) => h.startsWith("Last active"));
    expect(lastActiveColumn).toBeGreaterThan(0);
    const lastActive = (email: string) => members.row(email).locator("td, th").nth(lastActiveColumn);
    await expect(lastActive(person.email)).toHaveText("Never");
    await expect(lastActive(admin.email).locator("time")).toHaveText(/ago|just now/);
    await expect(lastActive(admin.email).locator("time")).not.toHaveAttribute("tabindex", /.*/);
    const exactTimes = table.getByRole("button", { name: "Exact times" });
    await exactTimes.focus();
    await page.keyboard.press("Enter");
    await expect(exactTimes).toHaveAttribute("aria-pressed", "true");
    await expect(lastActive(admin.email).locator("time")).toHaveText(/\d{4}.*\d{1,2}:\d\d/);
    await expect(lastActive(person.email)).toHaveText("Never");

    // The member, in a browser of their own, sees a viewer's page.
    const context = await browser.newContext();
    const memberPage = await context.newPage();
    await new LoginPage(memberPage).signIn(person.email, person.password);
    const theirs = new MembersPage(memberPage);
    await theirs.goto(orgId, ws.workspace_id);
    await expect(theirs.row(admin.email)).toBeVisible();
    await expect(theirs.addButton()).toHaveAttribute("aria-disabled", "true");
    await expect(theirs.addButton()).toHaveAccessibleDescription("Only workspace admins can add members.");
    const changeOwn = theirs.row(person.email).getByRole("button", { name: /^Change roles of/ });
    await expect(changeOwn).toHaveAttribute("aria-disabled", "true");
    await expect(changeOwn).toHaveAccessibleDescription("Only workspace admins can change members' roles.");
    // Leaving is their own choice: no permission needed.
    await expect(theirs.leaveButton(person.email)).not.toHaveAttribute("aria-disabled", "true");
    // Org admins' rows are managed at organization level.
    await expect(theirs.roles(admin.email).getByText("Workspace Admin")).toBeVisible();
    const other = await memberPage.goto(`/o/${orgId}/workspaces/${hiddenWorkspaceId}/members`);
    expect(other?.status()).toBe(404);

    // The member leaves; the admin's table no longer lists them.
    await theirs.goto(orgId, ws.workspace_id);
    await theirs.leaveButton(person.email).click();
    const confirm = memberPage.getByRole("dialog", { name: "Leave workspace?" });
    await confirm.getByRole("button", { name: "Leave workspace" }).click();
    await expect(memberPage).toHaveURL(new RegExp(`/o/${orgId}/workspaces$`));
    await context.close();

    await members.goto(orgId, ws.workspace_id);
    await expect(members.row(person.email)).toHaveCount(0);
  });

  test("the workspace's only admin cannot leave or drop the admin role, and is told why before trying", async ({ page }) => {
    const owner = newPerson("solo", "Sol Only");
    const token = tokenFor(owner.email);
    const org = await api<{ organization_id: string }>(page, token, "POST", "/api/v1/organizations", { title: unique("Solo Org") });
    const ws = await api<{ workspace_id: string }>(page, token, "POST", `/api/v1/organizations/${org.organization_id}/workspaces`, { title: "Solo WS" });
    const helper = newPerson("helper", "Hal Helper");
    await api(page, token, "POST", `/api/v1/organizations/${org.organization_id}/users`, { email: helper.email });
    await api(page, token, "POST", `/api/v1/organizations/${org.organization_id}/workspaces/${ws.workspace_id}/users`, {
      user_id: helper.id,
      roles: ["workspace-viewer"],
    });
    // Every organization made through the API keeps its owner as organization admin, who covers
    // every workspace; the rule bites only in an organization without one (imported data), so the
    // owner's organization role is lowered directly, as the domain's integration tests do.
    const db = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
    await db.connect();
    await db.query(`UPDATE organization_members SET roles = $1 WHERE organization_id = $2 AND user_id = $3`, [
      ["org-member"],
      org.organization_id,
      owner.id,
    ]);
    await db.end();

    await new LoginPage(page).signIn(owner.email, owner.password);
    const members = new MembersPage(page);
    await members.goto(org.organization_id, ws.workspace_id);
    await expect(members.row(owner.email).getByText("Only admin", { exact: true })).toBeVisible();
    const leave = members.leaveButton(owner.email);
    await expect(leave).toHaveAttribute("aria-disabled", "true");
    await expect(leave).toHaveAccessibleDescription(/^You are this workspace's only admin/);
    // Clicking anyway does nothing.
    await leave.click({ force: true });
    await expect(page.getByRole("dialog")).toHaveCount(0);

    // Their admin role cannot be unchecked, and says why; the helper can still be removed.
    const dialog = await members.openChangeRoles(owner.email);
    const adminBox = dialog.getByRole("checkbox", { name: /^Workspace Admin/ });
    await expect(adminBox).toBeChecked();
    await expect(adminBox).toBeDisabled();
    await expect(dialog.getByText(/only admin, so Workspace Admin cannot be taken away/)).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(members.removeButton(helper.email)).not.toHaveAttribute("aria-disabled", "true");

    // The server holds the same line when asked directly.
    const res = await page.request.delete(`/api/v1/organizations/${org.organization_id}/workspaces/${ws.workspace_id}/users/${owner.id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status()).toBe(400);
    expect((await res.json()).details[0].reason).toBe("LAST_WORKSPACE_ADMIN");

    // Once the helper is an admin too, the owner may step down.
    await members.changeRoles(helper.email, ["Workspace Admin"]);
    await expect(members.row(owner.email).getByText("Only admin", { exact: true })).toHaveCount(0);
    await expect(leave).not.toHaveAttribute("aria-disabled", "true");
  });

  test("a custom role is built with the permission matrix, assigned, and cannot be deleted while assigned", async ({ page, browser }) => {
    const { admin, orgId } = world();
    const ws = await api<{ workspace_id: string }>(page, admin.token, "POST", `/api/v1/organizations/${orgId}/workspaces`, { title: unique("Roles E2E") });
    const person = newPerson("manager", "Max Manager");
    await api(page, admin.token, "POST", `/api/v1/organizations/${orgId}/users`, { email: person.email });
    await api(page, admin.token, "POST", `/api/v1/organizations/${orgId}/workspaces/${ws.workspace_id}/users`, { user_id: person.id, roles: ["workspace-viewer"] });

    await new LoginPage(page).signIn(admin.email, admin.password);
    const roles = new RolesPage(page);
    await roles.goto(orgId, ws.workspace_id);
    // Built-in roles are listed read-only with their permissions.
    const viewer = roles.builtInRole("Workspace Viewer");
    await expect(viewer.getByRole("list", { name: "Permissions of Workspace Viewer" }).getByText("read:Member", { exact: true })).toBeVisible();
    await expect(viewer.getByRole("button")).toHaveCount(0);

    const title = unique("Member Manager");
    await roles.create(title, "Adds people and changes their roles", ["read:Workspace", "read:Member", "read:Role", "create:Member", "update:Member"]);
    await expect(page.getByText("Role created")).toBeVisible();
    const role = roles.customRole(title);
    await expect(role.getByText("Not assigned to anyone")).toBeVisible();
    await expect(role.getByRole("list", { name: `Permissions of ${title}` }).getByRole("listitem")).toHaveCount(5);

    // Edit: the matrix opens with the role's permissions ticked.
    await role.getByRole("button", { name: `Edit ${title}` }).click();
    const edit = page.getByRole("dialog", { name: "Edit role" });
    await expect(edit.getByRole("checkbox", { name: "create:Member", exact: true })).toBeChecked();
    await edit.getByRole("checkbox", { name: "read:Invitation", exact: true }).check();
    await edit.getByRole("button", { name: "Save role" }).click();
    await expect(page.getByText("Role saved")).toBeVisible();
    await expect(role.getByRole("list", { name: `Permissions of ${title}` }).getByRole("listitem")).toHaveCount(6);

    // Assign it on the Members tab.
    const members = new MembersPage(page);
    await members.goto(orgId, ws.workspace_id);
    await members.changeRoles(person.email, [title]);
    await expect(members.roles(person.email).getByText(title)).toBeVisible();

    // Back on Roles: the count shows, and delete is refused before the click, naming it.
    await roles.goto(orgId, ws.workspace_id);
    await expect(role.getByText("Assigned to 1 member", { exact: true })).toBeVisible();
    const del = role.getByRole("button", { name: `Delete ${title}` });
    await expect(del).toHaveAttribute("aria-disabled", "true");
    await expect(del).toHaveAccessibleDescription("Assigned to 1 member. Give them other roles before deleting it.");
    const roleId = (
      await api<{ roles: { role_id: string; title: string }[] }>(page, admin.token, "GET", `/api/v1/organizations/${orgId}/workspaces/${ws.workspace_id}/roles`)
    ).roles.find((r) => r.title === title)!.role_id;
    const refused = await page.request.delete(`/api/v1/organizations/${orgId}/workspaces/${ws.workspace_id}/roles/${roleId}`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(refused.status()).toBe(400);
    expect((await refused.json()).message).toContain("1 member");

    // The manager may add members, but not with roles above their own.
    const context = await browser.newContext();
    const theirPage = await context.newPage();
    await new LoginPage(theirPage).signIn(person.email, person.password);
    const theirs = new MembersPage(theirPage);
    await theirs.goto(orgId, ws.workspace_id);
    await theirs.addButton().click();
    const dialog = theirPage.getByRole("dialog", { name: "Add member" });
    const adminBox = dialog.getByRole("checkbox", { name: /^Workspace Admin/ });
    await expect(adminBox).toBeDisabled();
    await expect(adminBox).toHaveAccessibleDescription(/^You cannot grant this role/);
    await expect(dialog.getByRole("checkbox", { name: new RegExp(`^${title}`) })).toBeEnabled();
    await context.close();

    // Once nobody holds it, it can be deleted.
    await members.goto(orgId, ws.workspace_id);
    await members.changeRoles(person.email, ["Workspace Viewer"]);
    await roles.goto(orgId, ws.workspace_id);
    await expect(role.getByText("Not assigned to anyone")).toBeVisible();
    await role.getByRole("button", { name: `Delete ${title}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete role" }).click();
    await expect(page.getByText("Role deleted")).toBeVisible();
    await expect(role).toHaveCount(0);
  });

  test("New role checks with the API's schema before sending, and shows a title already taken under Title", async ({ page }) => {
    const { admin, orgId } = world();
    const ws = await api<{ workspace_id: string }>(page, admin.token, "POST", `/api/v1/organizations/${orgId}/workspaces`, { title: unique("Role Form") });
    const title = unique("Taken Role");
    await api(page, admin.token, "POST", `/api/v1/organizations/${orgId}/workspaces/${ws.workspace_id}/roles`, { title, permissions: ["read:Member"] });
    await new LoginPage(page).signIn(admin.email, admin.password);
    await new RolesPage(page).goto(orgId, ws.workspace_id);

    // No permission ticked is said under the matrix before anything is sent; a title another role
    // holds passes the browser's checks and is the server's refusal, shown under Title.
    const newRole = page.getByRole("button", { name: "New role" });
    await newRole.click();
    const again = page.getByRole("dialog", { name: "New role" });
    await expect(again.getByLabel("Title")).toBeFocused();
    await again.getByLabel("Title").fill(title);
    await again.getByRole("button", { name: "Create role" }).click();
    await expect(again.getByRole("group", { name: "Permissions" })).toHaveAccessibleDescription(/Permissions needs at least one permission/);
    await again.getByRole("checkbox", { name: "read:Member", exact: true }).check();
    await again.getByRole("button", { name: "Create role" }).click();
    await expect(again.getByLabel("Title")).toHaveAccessibleDescription(/already exists in this workspace/);
    await expect(again.getByLabel("Title")).toBeFocused();
    await expect(again.getByRole("alert")).toHaveCount(0);
    await page.keyboard.press("Escape");
    await expect(newRole).toBeFocused();
  });

  test("Add member, Change roles and the bulk change put the server's refusal of the roles under the roles", async ({ page }) => {
    const { admin, orgId } = world();
    const ws = await api<{ workspace_id: string }>(page, admin.token, "POST", `/api/v1/organizations/${orgId}/workspaces`, { title: unique("Member Forms") });
    const [joiner, member] = [newPerson("joiner", "Jo Joiner"), newPerson("held", "Hal Held")];
    for (const p of [joiner, member]) await api(page, admin.token, "POST", `/api/v1/organizations/${orgId}/users`, { email: p.email });
    await api(page, admin.token, "POST", `/api/v1/organizations/${orgId}/workspaces/${ws.workspace_id}/users`, { user_id: member.id, roles: ["workspace-viewer"] });
    await new LoginPage(page).signIn(admin.email, admin.password);
    const members = new MembersPage(page);
    await members.goto(orgId, ws.workspace_id);
    // Each rewrite below puts a role id the schema refuses (blank) into the request after the
    // browser's check passed: the server's violation of `roles.0` is shown under the roles.
    const blankRole = (at: number) => (args: unknown[]) => {
      const body = args[at] as { roles?: string[] } | undefined;
      return body?.roles ? [...args.slice(0, at), { ...body, roles: [" "] }] : undefined;
    };

    // Add member: nothing picked is said under Person (focused) before anything is sent.
    await members.addButton().click();
    const add = page.getByRole("dialog", { name: "Add member" });
    const person = add.getByLabel("Person");
    await expect(person).toBeFocused();
    await add.getByRole("button", { name: "Add member" }).click();
    await expect(person).toHaveAccessibleDescription("Choose the person to add.");
    await expect(person).toBeFocused();
    await person.fill(joiner.email);
    await add.getByRole("radio", { name: new RegExp(joiner.email.replace(/[.]/g, "\\.")) }).check();
    await rewriteNextAction(page, blankRole(2));
    await add.getByRole("button", { name: "Add member" }).click();
    await expect(add.getByRole("group", { name: "Roles" })).toHaveAccessibleDescription("A role id is empty");
    await expect(add.getByRole("group", { name: "Roles" })).toBeFocused();
    await expect(add.getByRole("alert")).toHaveCount(0);
    await page.keyboard.press("Escape");
    await expect(members.addButton()).toBeFocused();
    await expect(members.row(joiner.email)).toHaveCount(0);

    // Change roles of one member.
    const roles = await members.openChangeRoles(member.email);
    await roles.getByRole("checkbox", { name: /^Workspace Viewer/ }).uncheck();
    await roles.getByRole("button", { name: "Save roles" }).click();
    await expect(roles.getByRole("group", { name: "Workspace roles" })).toHaveAccessibleDescription(/^Choose at least one role/);
    await roles.getByRole("checkbox", { name: /^Workspace Editor/ }).check();
    await expect(roles.getByRole("group", { name: "Workspace roles" })).not.toHaveAccessibleDescription(/Choose at least one role/);
    await rewriteNextAction(page, blankRole(3));
    await roles.getByRole("button", { name: "Save roles" }).click();
    await expect(roles.getByRole("group", { name: "Workspace roles" })).toHaveAccessibleDescription("A role id is empty");
    await page.keyboard.press("Escape");
    await expect(members.row(member.email).getByRole("button", { name: /^Change roles of/ })).toBeFocused();

    // The same through the bulk dialog: the row says the refusal, and the roles say what it was about.
    await page.getByRole("checkbox", { name: `Select ${member.name}` }).check();
    await page.getByRole("region", { name: "Selected members" }).getByRole("button", { name: "Change roles…" }).click();
    const bulk = page.getByRole("dialog", { name: "Change roles of 1 member" });
    await bulk.getByRole("button", { name: "Save roles" }).click();
    await expect(bulk.getByRole("group", { name: "Workspace roles" })).toHaveAccessibleDescription(/^Choose at least one role\. To take all access away, remove the members instead/);
    await bulk.getByRole("checkbox", { name: /^Workspace Editor/ }).check();
    await rewriteNextAction(page, blankRole(3));
    await bulk.getByRole("button", { name: "Save roles" }).click();
    await expect(bulk.locator(`[data-bulk-member="${member.email}"]`)).toContainText("a role id is empty");
    await expect(bulk.getByRole("group", { name: "Workspace roles" })).toHaveAccessibleDescription("A role id is empty");
    await page.keyboard.press("Escape");
    await expect(bulk).toBeHidden();
    await expect(members.roles(member.email).getByText("Workspace Viewer")).toBeVisible();
  });

  test("a disabled workspace shows its member and role controls disabled, with the reason", async ({ page }) => {
    const { admin, orgId } = world();
    const ws = await api<{ workspace_id: string }>(page, admin.token, "POST", `/api/v1/organizations/${orgId}/workspaces`, { title: unique("Disabled E2E") });
    await api(page, admin.token, "POST", `/api/v1/organizations/${orgId}/workspaces/${ws.workspace_id}:disable`, { reason: "USER_INITIATED", comment: "e2e" });
    await new LoginPage(page).signIn(admin.email, admin.password);
    const members = new MembersPage(page);
    await members.goto(orgId, ws.workspace_id);
    await expect(page.getByRole("note")).toContainText("This workspace is disabled");
    await expect(members.addButton()).toHaveAttribute("aria-disabled", "true");
    await expect(members.addButton()).toHaveAccessibleDescription(/workspace is disabled/);
    await expect(members.row(admin.email).getByRole("button", { name: /^Change roles of/ })).toHaveAttribute("aria-disabled", "true");
    const roles = new RolesPage(page);
    await roles.goto(orgId, ws.workspace_id);
    await expect(page.getByRole("button", { name: "New role" })).toHaveAttribute("aria-disabled", "true");
  });

  // Regression (issue 14): at 1440 px the pinned Actions column lay over the "Exact times" switch
  // in the Last active header until the table was scrolled sideways, so a click on it hit the
  // Actions column instead.
  test("every header control of the members table is visible and takes a click at 1440 and 375 px", async ({ page }) => {
    const { admin, orgId } = world();
    const ws = await api<{ workspace_id: string }>(page, admin.token, "POST", `/api/v1/organizations/${orgId}/workspaces`, { title: unique("Header controls") });
    const person = newPerson("header", "Wilhelmina Featherstonehaugh-Cholmondeley");
    await api(page, admin.token, "POST", `/api/v1/organizations/${orgId}/users`, { email: person.email });
    await api(page, admin.token, "POST", `/api/v1/organizations/${orgId}/workspaces/${ws.workspace_id}/users`, {
      user_id: person.id,
      roles: ["workspace-viewer", "workspace-editor"],
    });
    await new LoginPage(page).signIn(admin.email, admin.password);
    const members = new MembersPage(page);
    const table = members.table();
    const controls = [
      table.getByRole("checkbox", { name: "Select every member on this page" }),
      table.getByRole("button", { name: "Member", exact: true }),
      table.getByRole("button", { name: "Added", exact: true }),
      table.getByRole("button", { name: "Exact times" }),
    ];
    /** What a click at the middle of the control lands on is the control itself. */
    const takesClicks = (control: (typeof controls)[number]) =>
      control.evaluate((el) => {
        const b = el.getBoundingClientRect();
        const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
        return hit !== null && (hit === el || el.contains(hit));
      });

    await page.setViewportSize({ width: 1440, height: 900 });
    await members.goto(orgId, ws.workspace_id);
    await expect(members.row(person.email)).toBeVisible();
    // Before any scrolling: each control is in view and nothing lies over it.
    for (const control of controls) {
      await expect(control).toBeInViewport();
      expect(await takesClicks(control), `${control} takes a click at 1440 px`).toBe(true);
    }
    await table.getByRole("button", { name: "Exact times" }).click();
    await expect(table.getByRole("button", { name: "Exact times" })).toHaveAttribute("aria-pressed", "true");

    // At 375 px the table scrolls inside its card: brought into view (as focus or a click does),
    // each control is clear of the pinned Actions column.
    await page.setViewportSize({ width: 375, height: 800 });
    await members.goto(orgId, ws.workspace_id);
    await expect(members.row(person.email)).toBeVisible();
    for (const control of controls) {
      await control.focus();
      expect(await takesClicks(control), `${control} takes a click at 375 px once focused`).toBe(true);
      await control.click({ trial: true });
    }
    await table.getByRole("button", { name: "Exact times" }).click();
    await expect(table.getByRole("button", { name: "Exact times" })).toHaveAttribute("aria-pressed", "true");
  });
});
