import { expect, type Locator, type Page } from "@playwright/test";

/** The new-customer form at /customers/new. */
export class NewCustomerPage {
  readonly form: Locator;
  readonly submit: Locator;
  readonly addField: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole("form", { name: "New customer" });
    this.submit = this.form.getByRole("button", { name: "Add customer" });
    this.addField = this.form.getByRole("button", { name: "Add field" });
  }

  async goto() {
    await this.page.goto("/customers/new");
    await expect(this.form).toBeVisible();
  }

  field(label: string): Locator {
    return this.form.getByLabel(label, { exact: true });
  }

  async addAdditionalField(name: string, value: string) {
    await this.addField.click();
    await this.form
      .getByRole("textbox", { name: /^Name of additional field/ })
      .last()
      .fill(name);
    await this.form
      .getByRole("textbox", { name: /^Value of additional field/ })
      .last()
      .fill(value);
  }
}
