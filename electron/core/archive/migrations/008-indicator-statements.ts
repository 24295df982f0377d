// Migration 8: the 网上申报 category a clerk sets on a material (below), and the 结论性说明 per indicator of a dossier — the unit's own statement (≤ 500
// characters) of how it meets the standard, printed on the indicator's 测评材料提交表. Apart from
// self_evaluation because a statement may stand on a category too, and a category has no score.
export const sql = `
CREATE TABLE indicator_statement (
  dossier_id    INTEGER NOT NULL REFERENCES dossier(id) ON DELETE CASCADE,
  indicator_id  INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
  statement     TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  PRIMARY KEY (dossier_id, indicator_id)
);
CREATE INDEX indicator_statement_by_indicator ON indicator_statement(indicator_id);

-- 网上申报 category chosen by the clerk for one material; without a row the category follows
-- from the material's kind (shared/domain/materials.ts defaultOnlineCategory).
CREATE TABLE material_online_category (
  material_id  INTEGER PRIMARY KEY REFERENCES material(id) ON DELETE CASCADE,
  category     TEXT NOT NULL CHECK (category IN ('规范文件','情况说明','实景图片','统计表格','音视频'))
);
`;
