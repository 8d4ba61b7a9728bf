import { CsvFileError } from "@/lib/csv/csv-file-error";

/** Why a workbook can't be read, said as the wizard shows it: what happened and what to do. */

export const passwordProtected = () =>
  new CsvFileError(
    "password-protected",
    "This workbook is protected with a password, so it can't be read here. Open it in Excel with its password, choose File › Info › Protect Workbook › Encrypt with Password, clear the password and save; then drop the file here again.",
  );

export const damagedWorkbook = () =>
  new CsvFileError(
    "damaged-workbook",
    "This Excel file is damaged or incomplete, so it can't be read. Open it in Excel and save it again (or export it again from your system), then drop the new file here.",
  );

export const notAWorkbook = () =>
  new CsvFileError(
    "binary-file",
    "This zip file isn't an Excel workbook. Drop the .xlsx, .xls or .csv export itself.",
  );

export const emptyWorkbook = () =>
  new CsvFileError("empty-file", "This workbook is empty: none of its sheets has anything in it.");

export const workbookTooLarge = () =>
  new CsvFileError(
    "file-too-large",
    "This workbook unpacks to more than can be read here. In Excel, save it as CSV UTF-8 and drop that file instead, or split the export by date range.",
  );
