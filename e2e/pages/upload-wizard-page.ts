import { readFileSync } from "node:fs";
import { expect, type Download, type Locator, type Page } from "@playwright/test";
import Papa from "papaparse";
import { expectAccessible } from "../support/axe";

export const fixturePath = (name: string) => `e2e/data/${name}`;

export interface UploadWizardOptions {
  /**
   * Ask the customer index which of the file's cars are monitored already. Off by default,
   * and the check then answers that none is: specs send the same fixture files, so the
   * real answer would depend on which ran first. upload-wizard-monitored.spec.ts tests it.
   */
  checkAlreadyMonitored?: boolean;
}

/** The upload wizard at /uploads/new, step by step. */
export class UploadWizardPage {
  readonly fileInput: Locator;
  readonly dropZone: Locator;

  constructor(
    readonly page: Page,
    private readonly options: UploadWizardOptions = {},
  ) {
    this.fileInput = page.getByLabel("Choose a file");
    this.dropZone = page.getByTestId("file-drop-zone");
  }

  async goto() {
    if (!this.options.checkAlreadyMonitored) {
      await this.page.route("**/api/customers/already-monitored*", (route) =>
        route.fulfill({ json: { ready: true, matches: [] } }),
      );
    }
    await this.page.goto("/uploads/new");
    await this.expectStep("Choose the file");
  }

  async expectStep(heading: string) {
    const title = this.page.getByRole("heading", { level: 2, name: heading });
    await expect(title).toBeVisible({ timeout: 60_000 });
    return title;
  }

  /** Picks a fixture through the file input, as the "Choose a file" button does. */
  async pick(name: string) {
    await this.fileInput.setInputFiles(fixturePath(name));
  }

  /** Drops bytes on the drop zone with a real DataTransfer, as a drag from the desktop does. */
  async drop(name: string, bytes: Uint8Array = readFileSync(fixturePath(name))) {
    const dataTransfer = await this.page.evaluateHandle(
      ({ name, data }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(data)], name, { type: "text/csv" }));
        return transfer;
      },
      { name, data: [...bytes] },
    );
    for (const type of ["dragenter", "dragover", "drop"])
      await this.dropZone.dispatchEvent(type, { dataTransfer });
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole("button", { name, exact: typeof name === "string" });
  }

  /** The sheet select of a workbook with several sheets. */
  sheet(): Locator {
    return this.page.getByRole("combobox", { name: "Sheet", exact: true });
  }

  /** One problem of the "Fix a whole column" list, by its column and what is wrong. */
  problem(column: string, text: string | RegExp): Locator {
    return this.page
      .getByRole("region", { name: "Fix a whole column" })
      .getByRole("listitem")
      .filter({ hasText: column })
      .filter({ hasText: text });
  }

  /** Undoes an applied whole-column fix by what it says it did. */
  async undo(summary: string) {
    await this.page.getByRole("button", { name: `Undo: ${summary}`, exact: true }).click();
  }

  /** What the counts show, once they have settled on `expected`. */
  async expectCounts(expected: { rowsInFile: number; sent: number; notSent: number }) {
    await expect(this.page.getByTestId("rows-sent")).toHaveText(expected.sent.toLocaleString("en-AU"));
    expect(await this.expectCountsAddUp()).toEqual(expected);
  }

  targetOf(column: string): Locator {
    return this.page.getByRole("combobox", { name: `Send ${column} as`, exact: true });
  }

  async counts() {
    const read = async (testId: string) =>
      Number((await this.page.getByTestId(testId).innerText()).replace(/,/g, ""));
    return {
      rowsInFile: await read("rows-in-file"),
      sent: await read("rows-sent"),
      notSent: await read("rows-not-sent"),
    };
  }

  async expectCountsAddUp() {
    const counts = await this.counts();
    expect(counts.sent + counts.notSent, "rows in file = sent + not sent").toBe(counts.rowsInFile);
    return counts;
  }

  async show(filter: "All rows" | "With problems" | "Not sent" | "Already monitored") {
    // The radios are visually hidden inside their labels, as in any segmented control: click the label.
    const radio = this.page.getByRole("radio", { name: new RegExp(`^${filter} \\(`) });
    await this.page.locator("label", { has: radio }).click();
    await expect(radio).toBeChecked();
  }

  table(): Locator {
    return this.page.getByRole("table", { name: "Rows of the file" });
  }

  /** Fixes one cell with the keyboard: Enter opens it, Enter saves. */
  async fixCell(column: string, rowNumber: number, value: string) {
    const cell = this.page.getByRole("button", { name: new RegExp(`^Edit ${column} on row ${rowNumber}:`) });
    await cell.focus();
    await this.page.keyboard.press("Enter");
    const input = this.page.getByRole("textbox", { name: `${column} on row ${rowNumber}`, exact: true });
    await input.fill(value);
    await input.press("Enter");
    await expect(
      this.page.getByRole("button", { name: `Edit ${column} on row ${rowNumber}: ${value}`, exact: false }),
    ).toBeFocused();
  }

  /** The values of one column over the rows the table shows (all of them, for a small file). */
  async columnValues(column: string): Promise<string[]> {
    const cells = this.table().getByRole("button", { name: new RegExp(`^Edit ${column} on row \\d+:`) });
    return cells.evaluateAll((buttons) => buttons.map((button) => button.getAttribute("title") ?? ""));
  }

  /** Downloads the rows not sent and returns them parsed, header first. */
  async downloadNotSent(): Promise<{ download: Download; rows: string[][] }> {
    const [download] = await Promise.all([
      this.page.waitForEvent("download"),
      this.button(/^Download rows not sent/)
        .first()
        .click(),
    ]);
    const text = readFileSync(await download.path(), "utf8");
    expect(text.startsWith("\uFEFF"), "the file starts with a byte-order mark so Excel keeps accents").toBe(
      true,
    );
    const { data } = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
    return { download, rows: data };
  }

  /** No serious or critical axe violations in the step on screen. */
  async expectAccessible(step: string) {
    await expectAccessible(this.page, `axe on the ${step} step`);
  }

  async screenshot(name: string) {
    await this.page.screenshot({ path: `test-results/upload-wizard/${name}.png`, fullPage: true });
  }
}
