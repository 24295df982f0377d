import type { FailedFile } from '../../shared/domain';

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Every failed file with its reason goes to stderr, whatever the output format. */
export function printFailures(failed: FailedFile[]): void {
  for (const f of failed) process.stderr.write(`失败：${f.path}：${f.reason}\n`);
}

/** Exit status for the whole command: 1 when anything failed. */
export class ExitStatus {
  code = 0;
  fail(): void {
    this.code = 1;
  }
}
