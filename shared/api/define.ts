// Building blocks for the per-capability method tables in this folder.
import { z } from 'zod';

z.config(z.locales.zhCN());

/** One entry per method: the argument schema, and the result type carried as a phantom. */
export function returns<O>() {
  return <I extends z.ZodType>(input: I): { input: I; output: O } => ({ input, output: undefined as O });
}

export const id = z.number().int().positive();
export const text = (max: number) => z.string().trim().max(max);
export const noArgs = z.object({}).strict();
export const absPath = z.string().min(1, '路径不能为空').max(4096);
export const dossierRef = z.object({ dossierId: id }).strict();

export { z };
