export interface VerifyProblem {
  check: 'authenticity' | 'integrity' | 'usability' | 'security';
  materialId: number | null;
  sha256: string | null;
  message: string;
}

export interface VerifyReport {
  ok: boolean;
  filesChecked: number;
  problems: VerifyProblem[];
}
