export interface ExportResult {
  outDir: string;
  pdfPath: string | null;
  xlsxPath: string | null;
  folderPath: string | null;
  pageCount: number;
  materialCount: number;
  /** Materials shown as a placeholder page instead of their content, with the reason. */
  notices: { title: string; reason: string }[];
}
