import { expect, type Locator, type Page } from "@playwright/test";

/** The register of uploads at /uploads. */
export class UploadsPage {
  readonly table: Locator;
  readonly trackButton: Locator;
  readonly trackDialog: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole("table", { name: "Uploads, newest first" });
    this.trackButton = page.getByRole("button", { name: "Track an upload by id" });
    this.trackDialog = page.getByRole("dialog", { name: "Track an upload by id" });
  }

  async goto() {
    await this.page.goto("/uploads");
    await expect(this.table).toHaveAttribute("aria-busy", "false");
  }

  /** The register line whose name links to the upload. */
  row(name: string): Locator {
    return this.table
      .locator("tbody > tr")
      .filter({ has: this.page.getByRole("link", { name, exact: true }) });
  }

  /** The register line of an upload, by its id (names can repeat). */
  rowOf(uploadId: string): Locator {
    return this.table
      .locator("tbody > tr")
      .filter({ has: this.page.locator(`a[href="/uploads/${uploadId}"]`) });
  }

  async track(uploadId: string) {
    await this.trackButton.click();
    await this.trackDialog.getByLabel("Upload ID").fill(uploadId);
    await this.trackDialog.getByRole("button", { name: "Track upload" }).click();
  }
}
