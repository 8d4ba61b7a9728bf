import { expect, type Locator, type Page } from "@playwright/test";

/** /settings/users: the admin's list of accounts. */
export class UsersPage {
  readonly heading: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Users", level: 1 });
    this.table = page.getByRole("table", { name: "Accounts" });
  }

  async goto() {
    await this.page.goto("/settings/users");
    await expect(this.heading).toBeVisible();
  }

  row(email: string): Locator {
    return this.table.getByRole("row").filter({ hasText: email });
  }

  async addUser(user: {
    email: string;
    name?: string;
    role: "Admin" | "Staff" | "Viewer";
    password: string;
  }) {
    await this.page.getByRole("button", { name: "Add user" }).click();
    const dialog = this.page.getByRole("dialog", { name: "Add user" });
    await dialog.getByLabel("Email").fill(user.email);
    if (user.name) await dialog.getByLabel("Name (optional)").fill(user.name);
    await dialog.getByLabel("Role").selectOption({ label: user.role });
    await dialog.getByLabel("Password").fill(user.password);
    await dialog.getByRole("button", { name: "Add user" }).click();
    await expect(dialog).toBeHidden();
    await expect(this.row(user.email)).toBeVisible();
  }

  async changeRole(email: string, role: "Admin" | "Staff" | "Viewer") {
    await this.page.getByLabel(`Role for ${email}`).selectOption({ label: role });
    await expect(this.page.getByText(`${email} is now ${role}`)).toBeVisible();
  }

  async disable(email: string) {
    await this.page.getByRole("button", { name: `Disable ${email}` }).click();
    await this.page
      .getByRole("alertdialog")
      .or(this.page.getByRole("dialog"))
      .getByRole("button", { name: "Disable account" })
      .click();
    await expect(this.row(email).getByText("Disabled")).toBeVisible();
  }

  async enable(email: string) {
    await this.page.getByRole("button", { name: `Enable ${email}` }).click();
    await expect(this.row(email).getByText("Active")).toBeVisible();
  }

  async resetPassword(email: string, password: string) {
    await this.page.getByRole("button", { name: `Reset password for ${email}` }).click();
    const dialog = this.page.getByRole("dialog", { name: "Reset password" });
    await dialog.getByLabel("New password").fill(password);
    await dialog.getByRole("button", { name: "Reset password" }).click();
    await expect(dialog).toBeHidden();
    await expect(this.page.getByText(`Password reset for ${email}`)).toBeVisible();
  }
}
