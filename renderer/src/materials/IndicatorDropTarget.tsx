import { useEffect, useRef } from 'react';
import type { Indicator } from '../../../shared/domain';
import { useReportError } from '../common/useReportError';
import { usePlatform } from '../platformContext';
import { draggedMaterials, MATERIALS_MIME } from './dragMaterials';
import type { AddTarget } from './useAddMaterials';
import { useBulkDone } from './useBulkDone';

interface Props {
  dossierId: number;
  indicators: Indicator[];
  /** Files dropped from the desktop onto a node are added and filed under it. */
  onFiles: (target: AddTarget, files: File[]) => void;
  onLinked: () => void;
}

const NODE = '[data-testid^="indicator-node-"]';
const HOVER_STYLE = 'dossier-drop-hover';

/**
 * Drop materials (rows dragged from the list) or files onto an indicator in the tree to file
 * them there. Listens on the document and finds the node under the pointer, so the tree itself
 * needs no drag code.
 */
export function IndicatorDropTarget({ dossierId, indicators, onFiles, onLinked }: Props) {
  const { api } = usePlatform();
  const reportError = useReportError();
  const done = useBulkDone(dossierId, onLinked);
  const latest = useRef({ dossierId, indicators, onFiles, onLinked, done });
  latest.current = { dossierId, indicators, onFiles, onLinked, done };

  useEffect(() => {
    const nodeAt = (target: EventTarget | null): { el: HTMLElement; indicator: Indicator } | null => {
      const el = target instanceof Element ? (target.closest(NODE) as HTMLElement | null) : null;
      if (!el) return null;
      const code = el.dataset.testid!.slice('indicator-node-'.length);
      const indicator = latest.current.indicators.find((i) => i.code === code);
      return indicator ? { el, indicator } : null;
    };
    const carries = (dt: DataTransfer | null) => !!dt && (dt.types.includes(MATERIALS_MIME) || dt.types.includes('Files'));
    let hovered: HTMLElement | null = null;
    const setHover = (el: HTMLElement | null) => {
      if (hovered === el) return;
      hovered?.classList.remove(HOVER_STYLE);
      hovered?.style.removeProperty('outline');
      hovered = el;
      el?.classList.add(HOVER_STYLE);
      el?.style.setProperty('outline', '2px dashed #1677ff');
    };
    const onDragOver = (e: DragEvent) => {
      const hit = nodeAt(e.target);
      if (!hit || !carries(e.dataTransfer)) return setHover(null);
      e.preventDefault();
      e.stopPropagation();
      e.dataTransfer!.dropEffect = e.dataTransfer!.types.includes('Files') ? 'copy' : 'link';
      setHover(hit.el);
    };
    const onDrop = (e: DragEvent) => {
      const hit = nodeAt(e.target);
      setHover(null);
      if (!hit || !e.dataTransfer) return;
      e.preventDefault();
      e.stopPropagation();
      const { indicator } = hit;
      const ids = draggedMaterials(e.dataTransfer);
      if (ids && ids.length > 0) {
        api['materials.linkMany']({ materialIds: ids, indicatorId: indicator.id })
          .then(() => {
            latest.current.done(`已将 ${ids.length} 份材料归入「${indicator.code} ${indicator.title}」`);
            latest.current.onLinked();
          })
          .catch((err: unknown) => reportError(err, '归入指标失败'));
        return;
      }
      const files = [...e.dataTransfer.files];
      if (files.length > 0) {
        const { dossierId: id } = latest.current;
        latest.current.onFiles({ dossierId: id, indicatorId: indicator.id, label: `${indicator.code} ${indicator.title}` }, files);
      }
    };
    const onLeave = () => setHover(null);
    document.addEventListener('dragover', onDragOver, true);
    document.addEventListener('drop', onDrop, true);
    document.addEventListener('dragend', onLeave, true);
    return () => {
      document.removeEventListener('dragover', onDragOver, true);
      document.removeEventListener('drop', onDrop, true);
      document.removeEventListener('dragend', onLeave, true);
    };
  }, [api, reportError]);

  return null;
}
