import { VERIFY_CHECK_LABELS, type VerifyCheck, type VerifyProblem, type VerifySection } from '../../../shared/domain';

const SCOPES: Record<VerifyCheck, string> = {
  authenticity: '每个文件的 SHA-256、登记大小、格式、页数与图片尺寸与文件一致',
  integrity: '每条记录都有文件、每个文件都有记录、件号连续无缺号、题名等必填项齐全',
  usability: '每个文件用真正的读取程序按其格式打开（PDF 解析、图片解码、Office 与文本读出、音视频逐包读取）；本机无法打开检查的标为“未能检查”',
  security: '加密文件、带宏的 Office 文件、含脚本或启动动作的 PDF、不安全的压缩包',
};

/** One summary per DA/T 70 heading, in the standard's order. */
export function buildSections(problems: VerifyProblem[], files: number, materials: number): VerifySection[] {
  return (['authenticity', 'integrity', 'usability', 'security'] as const).map((check) => {
    const mine = problems.filter((p) => p.check === check);
    return {
      check,
      label: VERIFY_CHECK_LABELS[check],
      scope: SCOPES[check],
      checked: check === 'integrity' ? files + materials : files,
      errors: mine.filter((p) => p.severity === 'error').length,
      warnings: mine.filter((p) => p.severity === 'warning').length,
    };
  });
}
