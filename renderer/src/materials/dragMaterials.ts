/** Materials dragged from the list carry their ids under this type (files carry Files). */
export const MATERIALS_MIME = 'application/x-dossier-materials';

export function setDraggedMaterials(dt: DataTransfer, ids: number[]): void {
  dt.setData(MATERIALS_MIME, JSON.stringify(ids));
  dt.setData('text/plain', `${ids.length} 份材料`);
  dt.effectAllowed = 'link';
}

export function draggedMaterials(dt: DataTransfer): number[] | null {
  const raw = dt.getData(MATERIALS_MIME);
  if (!raw) return null;
  try {
    const ids = JSON.parse(raw) as unknown;
    return Array.isArray(ids) ? ids.filter((x): x is number => typeof x === 'number') : null;
  } catch {
    return null;
  }
}
