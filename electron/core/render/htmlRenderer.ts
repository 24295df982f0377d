/**
 * Turns HTML into PDF pages. Chromium does this best: in the app through a hidden window's
 * `printToPDF`, in the CLI and tests through playwright-core driving a system Chromium.
 */
export interface HtmlRenderer {
  /** Gets ready to render (starts the browser); throws with the reason when it cannot. */
  start(): Promise<void>;
  /** A4 PDF of a complete HTML document. */
  htmlToPdf(html: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** A started renderer, or why there is none, in words a clerk (or their IT person) can act on. */
export type RendererState = { renderer: HtmlRenderer; problem: null } | { renderer: null; problem: string };

/** What to install, or which setting points to a browser. */
export const RENDERER_HINT =
  '请安装 Microsoft Edge（Windows 10/11 已自带）、Google Chrome 或 Chromium；浏览器装在其他位置时，请把环境变量 DOSSIER_CHROMIUM 设为浏览器程序的完整路径。';

export const NO_BROWSER_FOUND = `本机未找到可用的浏览器（Microsoft Edge、Google Chrome 或 Chromium），无法把 Word 文档、OFD 公文、表格、文本和会议纪要转换为 PDF。${RENDERER_HINT}`;

/**
 * Start a renderer made by `create` (null: none on this machine). A failed start is logged with
 * its reason and described; it is not remembered, so installing a browser needs no restart.
 */
export async function startRenderer(create: () => Promise<HtmlRenderer | null>, log: (line: string) => void): Promise<RendererState> {
  let renderer: HtmlRenderer | null;
  try {
    renderer = await create();
  } catch (err) {
    log(`无法准备 PDF 转换：${reasonOf(err)}`);
    return { renderer: null, problem: `无法准备 PDF 转换：${reasonOf(err)}。${RENDERER_HINT}` };
  }
  if (!renderer) return { renderer: null, problem: NO_BROWSER_FOUND };
  try {
    await renderer.start();
    return { renderer, problem: null };
  } catch (err) {
    log(`用于转换 PDF 的浏览器启动失败：${reasonOf(err)}`);
    await renderer.close().catch(() => undefined);
    return { renderer: null, problem: `用于转换 PDF 的浏览器无法启动（${firstLine(reasonOf(err))}），无法把 Word 文档、OFD 公文、表格、文本和会议纪要转换为 PDF。${RENDERER_HINT}` };
  }
}

function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function firstLine(text: string): string {
  const line = text.split('\n').map((l) => l.trim()).find((l) => l !== '') ?? text;
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
