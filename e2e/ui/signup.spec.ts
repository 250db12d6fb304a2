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
    await expect(page.getByText("The password needs at least 8 characters.")).toBeVisible();
    await expect(page.getByLabel("Name")).toHaveValue(person.name);
    await expect(page.getByLabel("Email")).toHaveValue(person.email);
    await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("aria-invalid", "true");

    await signup.signUp(person);
    await page.waitForURL(/\/o\/org_[^/]+\/workspaces/);
    await expect(page.getByRole("table", { name: "Workspaces" }).getByRole("link", { name: "My Workspace" })).toBeVisible();
    await expect(page.getByRole("banner").getByRole("button", { name: /^Organization:/ })).toContainText(`${person.name}'s Organization`);

    // Signed out, the same address (in other letter case) cannot make a second account. The
    // answer neither echoes the address nor says more than sign-in would.
    await page.context().clearCookies();
    await signup.goto();
    await signup.signUp({ ...person, email: person.email.toUpperCase(), name: "Someone Else" });
    const error = page.getByText("This email cannot be used for a new account. If it is yours, sign in instead.");
    await expect(error).toBeVisible();
    await expect(page.getByRole("link", { name: "Go to sign in" })).toBeVisible();
    await expect(page).toHaveURL(/\/signup$/);
    await expect(page.getByLabel("Email")).toHaveValue(person.email.toUpperCase());
    await expect(page.getByLabel("Name")).toHaveValue("Someone Else");
    await expect(page.getByRole("link", { name: "Sign in", exact: true })).toHaveAttribute("href", "/login");
  });
});
