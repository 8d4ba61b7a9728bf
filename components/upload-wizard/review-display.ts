import type { ReviewedRow, RowProblem } from "@/lib/csv";

const ROW_PREFIX = /^Row \d+(?:, |: )/;

/** A problem as the review table shows it, beside its row number: `column "Date Sold": "31/02/2022" is not a real date`. */
export function problemText(problem: RowProblem): string {
  return problem.message.replace(ROW_PREFIX, "");
}

export type CellTone = "error" | "warning" | undefined;

/** How a cell is marked: by the worst problem naming its column. */
export function cellTone(row: ReviewedRow, columnIndex: number): CellTone {
  let tone: CellTone;
  for (const problem of row.problems) {
    if (problem.columnIndex !== columnIndex) continue;
    if (problem.severity === "error") return "error";
    tone = "warning";
  }
  return tone;
}

/** The row's already-monitored problem, which the table shows as a link to the customer. */
export function monitoredProblemOf(row: ReviewedRow): RowProblem | undefined {
  return row.monitoredBy && row.problems.find((problem) => problem.code === "already-monitored");
}

export function rowStatusLabel(row: ReviewedRow): string {
  if (!row.sent) {
    const onlyMonitored =
      monitoredProblemOf(row) !== undefined &&
      row.problems.every((problem) => problem.severity !== "error" || problem.code === "already-monitored");
    return onlyMonitored ? "Already monitored" : "Not sent";
  }
  return row.status === "warning" ? "Sent, check" : "Sent";
}
