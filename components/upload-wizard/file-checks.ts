import { ACCEPTED_FILE_EXTENSIONS, CsvFileError, assertFileSize } from "@/lib/csv";

/** What is wrong with a picked or dropped file before it is read, if anything. */
export function fileProblem(file: { name: string; size: number }, maxBytes: number): string | undefined {
  const extension = file.name.slice(file.name.lastIndexOf(".")).toLowerCase();
  if (!(ACCEPTED_FILE_EXTENSIONS as readonly string[]).includes(extension)) {
    return `"${file.name}" isn't a CSV file or an Excel workbook. Choose a .csv, .tsv, .txt, .xlsx or .xls export from your dealer management system.`;
  }
  try {
    assertFileSize(file.size, maxBytes);
  } catch (error) {
    if (error instanceof CsvFileError) return error.message;
    throw error;
  }
  return undefined;
}
