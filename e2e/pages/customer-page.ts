import { expect, type Locator, type Page } from "@playwright/test";

/** One customer at /customers/[id]: details, additional fields, sightings, and the edit and delete controls. */
export class CustomerPage {
  readonly heading: Locator;
  readonly details: Locator;
  readonly additionalFields: Locator;
  readonly editButton: Locator;
  readonly deleteButton: Locator;
  readonly editForm: Locator;
  readonly saveButton: Locator;
  readonly cancelButton: Locator;
  readonly confirmDialog: Locator;
  readonly backLink: Locator;
  readonly replaceVehicleButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.details = page.locator("section").filter({ has: page.getByRole("heading", { name: "Details" }) });
    this.additionalFields = page
      .locator("section")
      .filter({ has: page.getByRole("heading", { name: "Additional fields" }) });
    this.editButton = page.getByRole("button", { name: "Edit", exact: true });
    this.deleteButton = page.getByRole("button", { name: "Delete", exact: true });
    this.editForm = page.getByRole("form", { name: "Edit customer" });
    this.saveButton = this.editForm.getByRole("button", { name: "Save changes" });
    this.cancelButton = this.editForm.getByRole("button", { name: "Cancel" });
    this.confirmDialog = page.getByRole("dialog");
    this.backLink = page.getByRole("link", { name: "← Back to customers" });
    this.replaceVehicleButton = this.editForm.getByRole("button", { name: "Replace vehicle" });
  }

  async goto(customerId: string) {
    await this.page.goto(`/customers/${customerId}`);
    await expect(this.details).toBeVisible();
  }

  /** The value shown for a detail such as "External ID" or "Sale date". */
  detail(term: string): Locator {
    return this.details
      .locator("dl > div")
      .filter({ has: this.page.locator("dt", { hasText: new RegExp(`^${term}$`) }) })
      .locator("dd");
  }

  field(label: string): Locator {
    return this.editForm.getByLabel(label, { exact: true });
  }

  async edit(changes: Record<string, string>) {
    await this.editButton.click();
    for (const [label, value] of Object.entries(changes)) await this.field(label).fill(value);
    await this.saveButton.click();
  }
}
