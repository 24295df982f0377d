// `dossier doctor` names the converter for legacy Office/WPS files, or the program to install.
import { describe, expect, it } from 'vitest';
import { runDossier } from '../helpers/cli';
import { soffice } from '../helpers/legacyOfficeFiles';

describe('dossier doctor', { timeout: 60_000 }, () => {
  it.skipIf(!soffice())('names LibreOffice and where it was found', async () => {
    const r = await runDossier(['doctor']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`旧版 Office/WPS 文件转换：LibreOffice（${soffice()}）`);
  });

  it('says to install LibreOffice when there is none', async () => {
    const r = await runDossier(['doctor'], { env: { DOSSIER_SOFFICE: 'none' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('未找到 LibreOffice，请安装 LibreOffice');
  });
});
