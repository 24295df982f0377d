// Migration 12: a video's or a recording's duration, resolution and codecs (JSON MediaInfo), read
// at import; '' for other files and for those stored before.
export const sql = `
ALTER TABLE blob ADD COLUMN media TEXT NOT NULL DEFAULT '';
`;
