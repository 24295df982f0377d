import fs from 'node:fs';
import path from 'node:path';
import type { TemplateInfo } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';

const TEMPLATE_DIR = 'indicator-systems';

/** Bundled sample indicator systems: resources/indicator-systems/<id>.(csv|xlsx|docx). */
export function listTemplates(resourcesDir: string): TemplateInfo[] {
  const dir = path.join(resourcesDir, TEMPLATE_DIR);
  const files = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  return files
    .filter((f) => /\.(csv|xlsx|docx)$/i.test(f))
    .sort((a, b) => a.localeCompare(b, 'zh-CN'))
    .map((f) => ({ id: f, name: path.basename(f, path.extname(f)) }));
}

export function templatePath(resourcesDir: string, templateId: string): string {
  const known = listTemplates(resourcesDir).find((t) => t.id === templateId);
  if (!known) throw new ApiError('not_found', `没有名为“${templateId}”的内置测评体系`);
  return path.join(resourcesDir, TEMPLATE_DIR, known.id);
}
