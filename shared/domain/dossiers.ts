export interface Dossier {
  id: number;
  name: string;
  unit: string;
  period: string;
  systemId: number | null;
  inspectionDate: string | null;
  createdAt: string;
}
