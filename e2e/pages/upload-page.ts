import { expect, type Locator, type Page } from "@playwright/test";

/** The progress page of one upload (all parts of its file) at /uploads/[uploadId]. */
export class UploadPage {
  readonly bar: Locator;
  readonly progress: Locator;
  readonly cancelButton: Locator;
  readonly confirmDialog: Locator;

  constructor(readonly page: Page) {
    this.progress = page.getByRole("region", { name: "Progress" });
    this.bar = this.progress.getByRole("progressbar");
    this.cancelButton = page.getByRole("button", { name: "Cancel upload" });
    this.confirmDialog = page.getByRole("dialog", { name: "Cancel this upload?" });
  }

  async goto(uploadId: string) {
    await this.page.goto(`/uploads/${uploadId}`);
    await expect(this.bar).toBeVisible();
  }

  /** The state shown beside the percentage: Queued, Processing, Complete, Cancelled or the connection problem. */
  state(name: string | RegExp): Locator {
    return this.progress.getByText(name, { exact: true });
  }

  /** The bar's announced percentage. */
  async percent(): Promise<number> {
    return Number(await this.bar.getAttribute("aria-valuenow"));
  }

  /** Waits until the bar has moved past `percent`, and returns where it got to. */
  async expectRisingPast(percent: number): Promise<number> {
    await expect
      .poll(() => this.percent(), { message: `the bar rises past ${percent}%` })
      .toBeGreaterThan(percent);
    return this.percent();
  }

  async cancel() {
    await this.cancelButton.click();
    await this.confirmDialog.getByRole("button", { name: "Cancel upload" }).click();
    await expect(this.confirmDialog).toBeHidden();
  }
}
