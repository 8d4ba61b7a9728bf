import { DEMO_PASSWORD, expect, signInViaApi, test } from "./fixtures";
import { expectAccessible } from "./support/axe";

const DATE_TIME = /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/;

test.describe("account management", () => {
  test.use({ role: "admin" });

  test("an admin adds an account, changes its role, disables, enables and resets its password", async ({
    usersPage,
    baseURL,
    playwright,
  }) => {
    const email = `sam-${Date.now()}@dealer.test`;
    const sessionOf = async (password: string) => {
      const context = await playwright.request.newContext({
        baseURL,
        storageState: await signInViaApi(baseURL!, email, password),
      });
      return context;
    };

    await usersPage.goto();
    await usersPage.addUser({ email, name: "Sam Salesperson", role: "Staff", password: "first-password-1" });
    await expect(usersPage.row(email).getByLabel(`Role for ${email}`)).toHaveValue("staff");

    const sam = await sessionOf("first-password-1");
    expect((await (await sam.get("/api/auth/session")).json()).user).toMatchObject({
      email,
      role: "staff",
      name: "Sam Salesperson",
    });

    // A role change applies at the account's next request, without signing in again.
    await usersPage.changeRole(email, "Viewer");
    expect((await (await sam.get("/api/auth/session")).json()).user.role).toBe("viewer");

    // Disabling ends the account's sessions at once and stops new ones.
    await usersPage.disable(email);
    expect((await sam.get("/api/auth/session")).status()).toBe(401);
    const refused = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL! } });
    expect(
      (await refused.post("/api/auth/sign-in", { data: { email, password: "first-password-1" } })).status(),
    ).toBe(401);

    await usersPage.enable(email);
    await usersPage.resetPassword(email, "second-password-2");
    expect(
      (await refused.post("/api/auth/sign-in", { data: { email, password: "first-password-1" } })).status(),
    ).toBe(401);
    expect(
      (await refused.post("/api/auth/sign-in", { data: { email, password: "second-password-2" } })).status(),
    ).toBe(200);
    await Promise.all([sam.dispose(), refused.dispose()]);

    await test.info().attach("users page", {
      body: await usersPage.page.screenshot({ fullPage: true }),
      contentType: "image/png",
    });
  });

  test("the add form explains what is wrong, including an email already in use", async ({
    usersPage,
    page,
  }) => {
    await usersPage.goto();
    await page.getByRole("button", { name: "Add user" }).click();
    const dialog = page.getByRole("dialog", { name: "Add user" });
    await dialog.getByLabel("Email").fill("staff@demo.local");
    await dialog.getByLabel("Password").fill("short");
    await dialog.getByRole("button", { name: "Add user" }).click();
    await expect(dialog.getByText("Use at least 12 characters")).toBeVisible();
    await dialog.getByLabel("Password").fill("long-enough-password");
    await dialog.getByRole("button", { name: "Add user" }).click();
    await expect(dialog.getByText("Already in use")).toBeVisible();
    await expect(dialog.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page, "the add-user dialog with its field errors");
  });

  test("the accounts page passes axe", async ({ usersPage, page }) => {
    await usersPage.goto();
    await expectAccessible(page, "the accounts page");
  });

  test("an admin can't demote or disable their own account", async ({ usersPage, page, api }) => {
    await usersPage.goto();
    await expect(page.getByLabel("Role for admin@demo.local")).toBeDisabled();
    await expect(page.getByRole("button", { name: "Disable admin@demo.local" })).toBeDisabled();
    const me = (await (await api.get("/api/auth/session")).json()).user;
    const response = await api.patch(`/api/users/${me.id}`, { data: { disabled: true } });
    expect(response.status()).toBe(409);
  });

  test("the audit log shows who did what, newest first, in dd/mm/yyyy HH:mm", async ({
    page,
    api,
    apiAs,
  }) => {
    // A failed sign-in is logged with nobody signed in: its row reads "signed out".
    const anonymous = await apiAs(undefined);
    const refused = await anonymous.post("/api/auth/sign-in", {
      data: { email: "nobody@dealer.test", password: "not-a-password" },
      // Its own address, so the sign-in throttle's count from other specs can't turn this into a 429.
      headers: { "X-Forwarded-For": "203.0.113.94" },
    });
    expect(refused.status()).toBe(401);
    const email = `audited-${Date.now()}@dealer.test`;
    expect(
      (
        await api.post("/api/users", { data: { email, role: "viewer", password: DEMO_PASSWORD.repeat(2) } })
      ).status(),
    ).toBe(201);

    await page.goto("/settings/audit");
    const table = page.getByRole("table", { name: "Audit log entries" });
    const newest = table.getByRole("row").nth(1);
    await expect(newest).toContainText("user.create");
    await expect(newest).toContainText("admin@demo.local");
    await expect(newest).toContainText(email);
    await expect(newest.getByRole("cell").first()).toHaveText(DATE_TIME);
    await expect(table).toContainText("auth.sign_in");
    await expect(table.getByRole("row").filter({ hasText: "nobody@dealer.test" }).first()).toContainText(
      "signed out",
    );
    await expectAccessible(page, "the audit log, with a signed-out row");
  });

  test("the audit log's page and page size live in the URL, so a reload and Back keep them", async ({
    page,
    api,
  }) => {
    // An account created and renamed 49 times: at least 50 entries, two full pages of 25.
    const email = `renamed-${Date.now()}@dealer.test`;
    const created = await api.post("/api/users", {
      data: { email, role: "viewer", password: DEMO_PASSWORD.repeat(2) },
    });
    expect(created.status()).toBe(201);
    const { user } = await created.json();
    for (let n = 1; n < 50; n++) {
      const renamed = await api.patch(`/api/users/${user.id}`, { data: { name: `Renamed ${n}` } });
      expect(renamed.status()).toBe(200);
    }

    await page.goto("/settings/audit?size=25");
    const table = page.getByRole("table", { name: "Audit log entries" });
    const pager = page.getByRole("navigation", { name: "Pagination" });
    await expect(pager.getByLabel("Rows per page")).toHaveValue("25");
    await expect(pager).toContainText(/Showing 1–25 of [\d,]+ entries/);
    await expect(table.getByRole("row")).toHaveCount(26);

    await pager.getByRole("button", { name: "Next" }).click();
    await expect(page).toHaveURL(/\/settings\/audit\?page=2&size=25$/);
    await expect(pager).toContainText(/Showing 26–50 of/);
    await page.reload();
    await expect(pager).toContainText(/Showing 26–50 of/);

    await page.goBack();
    await expect(page).toHaveURL(/\/settings\/audit\?size=25$/);
    await expect(pager).toContainText(/Showing 1–25 of/);

    // 50 a page is the log's default, so the plain address shows it.
    await pager.getByLabel("Rows per page").selectOption("50");
    await expect(page).toHaveURL(/\/settings\/audit$/);
    await expect(table.getByRole("row")).toHaveCount(51);
  });
});

for (const role of ["staff", "viewer"] as const) {
  test.describe(`as ${role}`, () => {
    test.use({ role });

    test("the settings pages don't exist", async ({ page, shell }) => {
      await page.goto("/customers");
      await expect(shell.navLink("Users")).toHaveCount(0);
      for (const path of ["/settings/users", "/settings/audit"]) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(404);
        await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
      }
    });
  });
}
