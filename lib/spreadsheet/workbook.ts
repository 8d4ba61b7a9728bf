/** A workbook opened for the upload wizard: its worksheets by name, each read into rows of text on demand. */
export interface Workbook {
  format: "xlsx" | "xls";
  /** The worksheets a person sees, in their order (hidden sheets and charts left out). */
  sheets: readonly string[];
  /** Every row of a sheet, blank ones included, so index + 1 is the row number Excel shows. */
  readSheet(index: number): Promise<string[][]>;
}
