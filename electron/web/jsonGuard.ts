import { HttpError } from './httpError';

export interface JsonShapeLimits {
  /** Deepest nesting of objects and arrays. */
  maxDepth: number;
  /** Object keys in the whole document. */
  maxKeys: number;
}

/**
 * Checks a JSON body's nesting and key count on the raw bytes as they arrive, before
 * JSON.parse: a deep or key-stuffed body is refused after one linear pass, without building it.
 * JSON's structural characters are ASCII, so scanning UTF-8 bytes is exact.
 */
export class JsonShapeGuard {
  private depth = 0;
  private keys = 0;
  private inString = false;
  private escaped = false;

  constructor(private readonly limits: JsonShapeLimits) {}

  feed(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length; i += 1) {
      const b = chunk[i];
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (b === 0x5c) this.escaped = true;
        else if (b === 0x22) this.inString = false;
        continue;
      }
      if (b === 0x22) this.inString = true;
      else if (b === 0x7b || b === 0x5b) {
        this.depth += 1;
        if (this.depth > this.limits.maxDepth) {
          throw new HttpError(400, 'invalid_args', `请求内容嵌套过深（超过 ${this.limits.maxDepth} 层）`, {}, true);
        }
      } else if (b === 0x7d || b === 0x5d) this.depth -= 1;
      // In valid JSON a colon outside a string follows exactly one key.
      else if (b === 0x3a && ++this.keys > this.limits.maxKeys) {
        throw new HttpError(400, 'invalid_args', `请求内容的字段过多（超过 ${this.limits.maxKeys} 个）`, {}, true);
      }
    }
  }
}
