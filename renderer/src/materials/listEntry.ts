import type { Material, MaterialKind } from '../../../shared/domain';

/** A row of the list whose record is still on its way. */
export interface PendingMaterial {
  id: number;
  kind: MaterialKind;
  pending: true;
}

export type ListEntry = Material | PendingMaterial;

export const isPending = (entry: ListEntry): entry is PendingMaterial => 'pending' in entry;
