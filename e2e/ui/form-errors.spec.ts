// Every form checks its input in the browser with the API's own schema, worded as the form labels
// its fields, and a field the server refuses (INVALID_ARGUMENT with a field violation) is marked
// on that field: its message is the field's accessible description, not a note above the form.
// The server's answers are provoked by changing the request on its way (tamperNextAction), as a
// client that skips the browser's checks would send it.

import { randomBytes } from "node:crypto";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { hydrated } from "../fixtures/hydration";
import { api } from "../fixtures/member-pages";
import { OrgSettingsPage } from "../fixtures/org-pages";
import { linkFromOutbox } from "../fixtures/outbox";
import { LoginPage } from "../fixtures/pages";
import { newPerson } from "../fixtures/people";
import { choose } from "../fixtures/select";
import { tamperNextAction } from "../fixtures/tamper";
import { world } from "../fixtures/world";

const tag = () => randomBytes(3).toString("hex");
const BEL = "\u0007";
const CONTROL = /must not contain the control character U\+0007/;

/** The field shows `message` as its error: described by it and marked invalid. */
async function expectFieldError(field: Locator, message: RegExp | string) {
  await expect(field).toHaveAccessibleDescription(message instanceof RegExp ? message : new RegExp(message));
  await expect(field).toHaveAttribute("aria-invalid", "true");
}

/** Submits with `from` changed to `to` on the wire, and checks the change was sent. */
async function submitTampered(page: Page, from: string, to: string, submit: Locator) {
  const tamper = await tamperNextAction(page, from, to);
  await submit.click();
  await expect.poll(tamper.tampered).toBe(true);
}

test.describe("forms: shared schemas in the browser, server field errors on their fields", () => {
  test.slow();

  test("signed out: sign-in, sign-up, forgot and reset password", async ({ page }) => {
    // Sign-in checks the address with the API's schema before anything is sent.
    await page.goto("/login");
    await hydrated(page);
    await page.getByLabel("Email").fill("not-an-address");
    await page.getByLabel("Password", { exact: true }).fill("whatever it is");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expectFieldError(page.getByLabel("Email"), "Email is not a valid address");
    await expect(page.getByLabel("Email")).toBeFocused();

    // Sign-up: the schema's words for display_name are the form's ("Name").
    await page.goto("/signup");
    await hydrated(page);
    await page.getByRole("button", { name: "Create account" }).click();
    await expectFieldError(page.getByLabel("Name"), "Name is required");
    await expectFieldError(page.getByLabel("Password", { exact: true }), /Password must be at least 8 characters/);
    const name = `Tamper ${tag()}`;
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Email").fill(`tamper-${tag()}@e2e.example`);
    await page.getByLabel("Password", { exact: true }).fill(`tamper password ${tag()}`);
    await submitTampered(page, name, `${name}${BEL}`, page.getByRole("button", { name: "Create account" }));
    await expectFieldError(page.getByLabel("Name"), /Name must not contain the control character U\+0007/);
    // Nothing repeated above the form (Next's route announcer is an alert of its own, outside it).
    await expect(page.locator("form").getByRole("alert")).toHaveCount(0);
    await expect(page).toHaveURL(/\/signup$/);

    await page.goto("/forgot-password");
    await hydrated(page);
    const email = `reset-${tag()}@e2e.example`;
    await page.getByLabel("Email").fill(email);
    await submitTampered(page, email, `${BEL}${email}`, page.getByRole("button", { name: "Send me a reset link" }));
    await expectFieldError(page.getByLabel("Email"), /Email must not contain the control character U\+0007/);
    await expect(page.getByRole("status")).toHaveCount(0);

    // The password is checked before the link: any token shows where a refused password goes.
    await page.goto(`/reset-password/${tag()}`);
    await hydrated(page);
    const password = page.getByLabel("New password");
    await password.fill("short");
    await page.getByRole("button", { name: "Set new password" }).click();
    await expectFieldError(password, /New password must be at least 8 characters/);
    await expect(page.getByRole("button", { name: "Show password" })).toBeVisible();
    const chosen = `long enough ${tag()}`;
    await password.fill(chosen);
    await submitTampered(page, chosen, `${chosen}${BEL}`, page.getByRole("button", { name: "Set new password" }));
    await expectFieldError(password, /New password must not contain the control character U\+0007/);
  });

  test("an invitation's sign-up puts a refused name under Name", async ({ page, browser }) => {
    const { admin, orgId, viewerWorkspaceId } = world();
    const email = `invitee-${tag()}@e2e.example`;
    await api(page, admin.token, "POST", `/api/v1/organizations/${orgId}/workspaces/${viewerWorkspaceId}/invites`, { emails: [email], roles: ["workspace-viewer"] });
    const link = await linkFromOutbox(email, "invite");
    // Signed out, in a context of its own: the admin's session stays out of it.
    const invitee = await (await browser.newContext()).newPage();
    try {
      await Promise.all([invitee.goto(link), hydrated(invitee)]);
      await expect(invitee.getByLabel("Name")).toBeFocused();
      const name = `Ivy ${tag()}`;
      await invitee.getByLabel("Name").fill(name);
      await invitee.getByLabel("Password", { exact: true }).fill("short");
      await invitee.getByRole("button", { name: "Create account and join" }).click();
      await expectFieldError(invitee.getByLabel("Password", { exact: true }), /Password must be at least 8 characters/);
      await invitee.getByLabel("Password", { exact: true }).fill(`invitee password ${tag()}`);
      await submitTampered(invitee, name, `${BEL}${name}`, invitee.getByRole("button", { name: "Create account and join" }));
      await expectFieldError(invitee.getByLabel("Name"), /Name must not contain the control character U\+0007/);
      await expect(invitee).toHaveURL(new RegExp(link));
    } finally {
      await invitee.context().close();
    }
  });

  test("organization forms: create, rename, add a member, change roles, transfer ownership", async ({ page }) => {
    const { admin } = world();
    const org = await api<{ organization_id: string }>(page, admin.token, "POST", "/api/v1/organizations", { title: `Forms Co ${tag()}` });
    const orgId = org.organization_id;
    const nora = newPerson("nora-forms", "Nora Forms");
    await api(page, admin.token, "POST", `/api/v1/organizations/${orgId}/users`, { email: nora.email });
    await new LoginPage(page).signIn(admin.email, admin.password);

    // Regression (issue 14): the new organization's name error said "Title is required".
    await page.goto("/?new");
    await hydrated(page);
    const newName = page.getByLabel("Organization name");
    await page.getByRole("button", { name: "Create organization" }).click();
    await expectFieldError(newName, "Organization name is required");
    const title = `Tampered Co ${tag()}`;
    await newName.fill(title);
    await submitTampered(page, title, `${title}${BEL}`, page.getByRole("button", { name: "Create organization" }));
    await expectFieldError(newName, /Organization name must not contain the control character U\+0007/);
    await expect(page).toHaveURL(/\/\?new$/);

    const settings = new OrgSettingsPage(page);
    await settings.goto(orgId);
    await settings.titleInput().fill("   ");
    await settings.saveButton().click();
    await expectFieldError(settings.titleInput(), "Organization name is required");
    const renamed = `Renamed ${tag()}`;
    await settings.titleInput().fill(renamed);
    await submitTampered(page, renamed, `${renamed}${BEL}`, settings.saveButton());
    await expectFieldError(settings.titleInput(), CONTROL);
    await expect(page.getByText("Organization saved")).toHaveCount(0);

    // Add member: the address the server refuses is marked on Email.
    await settings.addMemberButton().click();
    let dialog = page.getByRole("dialog", { name: "Add member" });
    await expect(dialog.getByLabel("Email")).toBeFocused();
    await dialog.getByLabel("Email").fill("nope");
    await dialog.getByRole("button", { name: "Add member" }).click();
    await expectFieldError(dialog.getByLabel("Email"), "Email is not a valid address");
    const someone = `someone-${tag()}@e2e.example`;
    await dialog.getByLabel("Email").fill(someone);
    await submitTampered(page, someone, `${someone}${BEL}`, dialog.getByRole("button", { name: "Add member" }));
    await expectFieldError(dialog.getByLabel("Email"), /Email must not contain the control character U\+0007/);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(settings.addMemberButton()).toBeFocused();

    // Change roles: no role at all is refused under the roles.
    await page.getByRole("button", { name: "Change roles of Nora Forms" }).click();
    dialog = page.getByRole("dialog", { name: "Change organization roles" });
    const roles = dialog.getByRole("group", { name: "Organization roles" });
    await dialog.getByRole("checkbox", { name: /Organization Member/ }).uncheck();
    await dialog.getByRole("button", { name: "Save roles" }).click();
    await expect(roles).toHaveAccessibleDescription(/Organization roles needs at least one role/);
    await dialog.getByRole("checkbox", { name: /Organization Member/ }).check();
    await submitTampered(page, "org-member", "", dialog.getByRole("button", { name: "Save roles" }));
    await expect(roles).toHaveAccessibleDescription(/A role id is empty/);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();

    // Transfer ownership: a refused choice goes back to the list, marked there.
    await settings.transferButton().click();
    dialog = page.getByRole("dialog", { name: "Transfer ownership" });
    const owner = dialog.getByRole("group", { name: "New owner" });
    await dialog.getByRole("button", { name: "Continue" }).click();
    await expect(owner).toHaveAccessibleDescription("New owner is required");
    await dialog.getByRole("radio", { name: /Nora Forms/ }).check();
    await dialog.getByRole("button", { name: "Continue" }).click();
    await submitTampered(page, nora.id, "", dialog.getByRole("button", { name: "Transfer ownership" }));
    await expect(owner).toHaveAccessibleDescription("New owner is required");
    await expect(dialog.getByRole("radio", { name: /Nora Forms/ })).toBeChecked();
    await expect(page.getByText("Ownership transferred")).toHaveCount(0);
  });

  test("a new token: Radix selects, and a refused name under Name", async ({ page }) => {
    const { admin } = world();
    await new LoginPage(page).signIn(admin.email, admin.password);
    await page.goto("/settings/tokens");
    await hydrated(page);
    await page.getByRole("button", { name: "New token" }).click();
    const dialog = page.getByRole("dialog", { name: "New personal access token" });
    await dialog.getByRole("button", { name: "Create token" }).click();
    await expectFieldError(dialog.getByLabel("Name"), "Name is required");
    await choose(page, "Organization", "E2E Corp");
    await choose(page, "Expires", "On a date…");
    await dialog.getByRole("button", { name: "Create token" }).click();
    await expectFieldError(dialog.getByLabel("Last day"), "Choose the day the token stops working");
    await choose(page, "Expires", "30 days");
    await dialog.getByLabel("Only the workspaces chosen here").check();
    await dialog.getByRole("button", { name: "Create token" }).click();
    await expect(dialog.getByRole("group", { name: "Workspaces" })).toHaveAccessibleDescription("Choose at least one workspace, or allow all");
    await dialog.getByLabel("Every workspace I can reach in this organization").check();
    // Near its 128-character limit the name shows a counter instead of stopping silently.
    await dialog.getByLabel("Name").fill("x".repeat(120));
    await expect(dialog.getByTestId("character-count")).toHaveText("120 / 128 characters");
    const name = `Tamper token ${tag()}`;
    await dialog.getByLabel("Name").fill(name);
    await submitTampered(page, name, `${name}${BEL}`, dialog.getByRole("button", { name: "Create token" }));
    await expectFieldError(dialog.getByLabel("Name"), /Name must not contain the control character U\+0007/);
    await expect(dialog.getByText("This is the only time the token is shown")).toHaveCount(0);
  });
});
