import type { VerifyReport } from '../domain';
import { noArgs, returns } from './define';

export const integrityApi = {
  'integrity.verify': returns<VerifyReport>()(noArgs),
} as const;
