import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { SignUpPage } from "../fixtures/org-pages";

test.describe("console: sign-up", () => {
  test("a new person signs up, lands in their own organization, and the same email cannot sign up twice", async ({ page }) => {
    const tag = randomBytes(4).toString("hex");
    const person = { name: `Sam Signup ${tag}`, email: `sam-${tag}@e2e.example`, password: `correct horse ${tag}` };

    await page.goto("/login");
    await page.getByRole("link", { name: "Create an account" }).click();
    const signup = new SignUpPage(page);
    await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
    // The password rule is shown before anyone types.
    await expect(page.getByText(/At least 8 characters/)).toBeVisible();

    // A too-short password is refused next to the field; what was typed stays.
    await signup.signUp({ ...person, password: "short" });
    await expect(page.getByLabel("Password", { exact: true })).toHaveAccessibleDescription(/Password must be at least 8 characters/);
    await expect(page.getByLabel("Name")).toHaveValue(person.name);
    await expect(page.getByLabel("Email")).toHaveValue(person.email);
    await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("aria-invalid", "true");

    await signup.signUp(person);
    await page.waitForURL(/\/o\/org_[^/]+\/workspaces/);
    await expect(page.getByRole("table", { name: "Workspaces" }).getByRole("link", { name: "My Workspace" })).toBeVisible();
    await expect(page.getByRole("banner").getByRole("button", { name: /^Organization:/ })).toContainText(`${person.name}'s Organization`);

    // Signed out, the same address (in other letter case) cannot make a second account, and the
    // page does not say the address is taken: it asks to check the inbox, where a mail explains.
    await page.context().clearCookies();
    await signup.goto();
    await signup.signUp({ ...person, email: person.email.toUpperCase(), name: "Someone Else", password: "a different password" });
    await expect(page.getByRole("status").getByText("Check your inbox")).toBeVisible();
    await expect(page.getByText(/taken|cannot be used|already (has|exists|registered)/i)).toHaveCount(0);
    await expect(page).toHaveURL(/\/signup$/);
    await expect(page.getByRole("link", { name: "Go to sign in" })).toBeVisible();
  });
});
