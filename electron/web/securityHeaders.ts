// Headers every browser-mode answer carries: no framing, no referrer, no sniffing, nothing
// readable by another origin.
import { PAGE_CSP } from '../../shared/transport';

const common = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-resource-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
} as const;

const csp = {
  /** The app page (index.html). */
  page: PAGE_CSP,
  /** Scripts, styles, JSON answers: nothing runs or loads from them. */
  data: "default-src 'none'; frame-ancestors 'none'",
  /** A stored original opened in its own tab: shown, never scripted. */
  file: "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'",
} as const;

export function securityHeaders(kind: keyof typeof csp): Record<string, string> {
  return { ...common, 'content-security-policy': csp[kind] };
}
