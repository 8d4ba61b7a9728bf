/** "march-service.csv" → "march-service - rows not sent.csv": the download sits beside the original and says what it is. */
export function notSentFileName(fileName: string): string {
  const base = fileName.replace(/\.(csv|tsv|txt)$/i, "");
  return `${base} - rows not sent.csv`;
}
