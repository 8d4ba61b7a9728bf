/** Why a whole file can't be used; `message` is written for the person who dropped it. */
export type CsvFileProblem =
  | "empty-file"
  | "binary-file"
  | "file-too-large"
  | "no-data-rows"
  | "password-protected"
  | "damaged-workbook";

export class CsvFileError extends Error {
  readonly problem: CsvFileProblem;

  constructor(problem: CsvFileProblem, message: string) {
    super(message);
    this.name = "CsvFileError";
    this.problem = problem;
  }
}
