import { NOT_SENT_PROBLEM_HEADER } from "@/lib/csv/column-mapping";
import { fileBaseName } from "@/lib/csv/decode";
import { writeCsv } from "@/lib/csv/formulae";
import { isSent, reviewedRow, type Review } from "@/lib/csv/review";

/** "June sales.csv" → "June sales - rows not sent.csv": the download sits beside the original and says what it is. */
export function notSentFileName(fileName: string): string {
  return `${fileBaseName(fileName) || "upload"} - rows not sent.csv`;
}

/**
 * The rows that are not sent, with their cells as they stand (edits included) under the
 * original header, plus a `problem` column saying why, written as every CSV of the
 * dashboard is (formula-looking cells neutralised). Once fixed, it can be dropped again:
 * the mapper ignores the problem column and the wizard restores the neutralised cells.
 */
export function notSentCsv(review: Review): string {
  const notSent: { cells: readonly string[]; reasons: string }[] = [];
  let width = review.headers.length;
  for (let row = 0; row < review.rows.length; row++) {
    if (isSent(review, row)) continue;
    const { cells, problems } = reviewedRow(review, row);
    const errors = problems.filter((problem) => problem.severity === "error");
    notSent.push({ cells, reasons: errors.map((problem) => problem.message).join("; ") });
    width = Math.max(width, cells.length);
  }
  const padding = (length: number) => Array<string>(width - length).fill("");
  const header = [...review.headers, ...padding(review.headers.length), NOT_SENT_PROBLEM_HEADER];
  const rows = notSent.map(({ cells, reasons }) => [...cells, ...padding(cells.length), reasons]);
  return writeCsv([header, ...rows]);
}
