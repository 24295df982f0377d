import { Alert, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';

const MAX_PAGES = 50;

/** The pages of a PDF drawn with pdf.js (no browser plugin needed), loaded on demand. */
export function PdfPages({ url }: { url: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ loading: boolean; error: string | null; pages: number; shown: number }>({
    loading: true,
    error: null,
    pages: 0,
    shown: 0,
  });

  useEffect(() => {
    let cancelled = false;
    let destroy: (() => void) | null = null;
    (async () => {
      // The legacy build carries polyfills for the features newer pdf.js expects of a browser.
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      const worker = (await import('pdfjs-dist/legacy/build/pdf.worker.min.mjs?url')).default;
      pdfjs.GlobalWorkerOptions.workerSrc = worker;
      const task = pdfjs.getDocument({ url, isEvalSupported: false });
      destroy = () => void task.destroy();
      const doc = await task.promise;
      const shown = Math.min(doc.numPages, MAX_PAGES);
      for (let n = 1; n <= shown && !cancelled; n += 1) {
        const page = await doc.getPage(n);
        const viewport = page.getViewport({ scale: 1.2 });
        const canvas = document.createElement('canvas');
        canvas.width = viewport.width;
        canvas.height = viewport.height;
        canvas.dataset.testid = 'pdf-page';
        canvas.style.cssText = 'display:block;max-width:100%;margin:0 auto 12px;box-shadow:0 1px 4px rgba(0,0,0,.2)';
        box.current?.appendChild(canvas);
        await page.render({ canvas, viewport }).promise;
      }
      if (!cancelled) setState({ loading: false, error: null, pages: doc.numPages, shown });
    })().catch((err: unknown) => {
      if (cancelled) return;
      const encrypted = err instanceof Error && err.name === 'PasswordException';
      const reason = err instanceof Error ? err.message : String(err);
      setState({ loading: false, error: encrypted ? '此 PDF 已加密，无法预览' : `PDF 无法预览：${reason}`, pages: 0, shown: 0 });
    });
    const el = box.current;
    return () => {
      cancelled = true;
      destroy?.();
      if (el) el.innerHTML = '';
    };
  }, [url]);

  return (
    <div data-testid="pdf-preview">
      {state.loading && <Spin description="正在打开 PDF…" />}
      {state.error && <Alert type="warning" showIcon title={state.error} />}
      {state.pages > state.shown && <Alert type="info" title={`共 ${state.pages} 页，预览前 ${state.shown} 页`} style={{ marginBottom: 8 }} />}
      <div ref={box} style={{ background: '#f0f0f0', padding: 12 }} />
    </div>
  );
}
