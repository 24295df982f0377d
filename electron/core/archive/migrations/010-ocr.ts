// Migration 10: OCR of scans and of photos that are documents (issue 14). The state is the
// content's (a blob read once serves every material holding it) and lives here, not in a
// job's memory, so reading resumes after a restart where it stopped: each page read is a row.
export const sql = `
-- 'none' (nothing to read), 'pending', 'done', 'failed' (ocr_error says why, in Chinese).
ALTER TABLE blob ADD COLUMN ocr_state TEXT NOT NULL DEFAULT 'none';
ALTER TABLE blob ADD COLUMN ocr_error TEXT NOT NULL DEFAULT '';
-- Until when (ms since 1970) a process is reading it: the app and the CLI may both have the
-- archive open, and each reads only what no other is reading.
ALTER TABLE blob ADD COLUMN ocr_claimed_until INTEGER NOT NULL DEFAULT 0;
-- The text layer the file had itself, kept apart so OCR text can be added to it (and taken off).
ALTER TABLE blob ADD COLUMN layer_text TEXT;
CREATE INDEX blob_ocr_pending ON blob(ocr_state) WHERE ocr_state = 'pending';

-- One page read by OCR: its text, and its lines as JSON [{t, x, y, w, h}] in fractions of the
-- page (0–1, from its top left), for the packet's invisible text layer.
CREATE TABLE blob_ocr_page (
  sha256 TEXT NOT NULL REFERENCES blob(sha256) ON DELETE CASCADE,
  page   INTEGER NOT NULL,
  text   TEXT NOT NULL,
  lines  TEXT NOT NULL,
  PRIMARY KEY (sha256, page)
);

-- A photo the clerk marked as a document (a 红头文件 photographed with a phone): read by OCR.
ALTER TABLE material ADD COLUMN is_document INTEGER NOT NULL DEFAULT 0;

-- PDFs stored before OCR whose text layer is next to empty (fewer than 10 characters a page)
-- are scans: read them in the background.
UPDATE blob SET ocr_state = 'pending'
  WHERE media_type = 'application/pdf' AND encrypted = 0 AND text_state = 'done'
    AND length(trim(body_text)) < 10 * max(coalesce(page_count, 1), 1);
`;
