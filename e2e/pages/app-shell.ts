import { expect, type Locator, type Page } from "@playwright/test";

/** The dashboard frame around every signed-in page: navigation, who is signed in, sign out. */
export class AppShell {
  readonly nav: Locator;
  readonly header: Locator;
  readonly signOutButton: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole("navigation", { name: "Main" });
    this.header = page.getByRole("banner");
    this.signOutButton = page.getByRole("button", { name: "Sign out" });
  }

  navLink(label: string): Locator {
    return this.nav.getByRole("link", { name: label, exact: true });
  }

  async expectSignedInAs(email: string, roleLabel: string) {
    await expect(this.header.getByText(email)).toBeVisible();
    await expect(this.header.getByText(roleLabel, { exact: true })).toBeVisible();
  }

  async signOut() {
    await this.signOutButton.click();
    await expect(this.page).toHaveURL(/\/sign-in$/);
  }
}
