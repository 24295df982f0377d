// Browser mode's access check. The printed URL carries the token once: that first page load sets
// an HttpOnly cookie and redirects to the URL without it, so the token never sits in the address
// bar, the history, or an <img> or download URL. Scripts and tests may send the token header.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import { TOKEN_HEADER } from '../../shared/transport';

export interface BridgeSession {
  /** The request carries the token header or the session cookie. */
  authenticated(req: http.IncomingMessage): boolean;
  /** The token in a page URL's query: none given, the right one, or a wrong one. */
  pageToken(url: URL): 'none' | 'valid' | 'wrong';
  /** Set-Cookie for a page load that brought the right token. */
  setCookie(): string;
}

function sameSecret(given: string, expected: Buffer): boolean {
  const g = Buffer.from(given);
  return g.length === expected.length && timingSafeEqual(g, expected);
}

export function createSession(token: string, port: number): BridgeSession {
  const expectedToken = Buffer.from(token);
  // A value of its own, so the token itself never travels in a header the browser repeats.
  const secret = randomBytes(32).toString('base64url');
  const expectedSecret = Buffer.from(secret);
  // Cookies are not told apart by port: the name keeps two servers on one machine apart.
  const name = `dossier_session_${port}`;

  const cookieValues = (req: http.IncomingMessage): string[] =>
    String(req.headers.cookie ?? '')
      .split(';')
      .map((part) => part.trim())
      .filter((part) => part.startsWith(`${name}=`))
      .map((part) => part.slice(name.length + 1));

  return {
    authenticated: (req) => {
      const header = req.headers[TOKEN_HEADER];
      if (typeof header === 'string' && header !== '') return sameSecret(header, expectedToken);
      return cookieValues(req).some((value) => sameSecret(value, expectedSecret));
    },
    pageToken: (url) => {
      const given = url.searchParams.get('token');
      if (given === null) return 'none';
      return sameSecret(given, expectedToken) ? 'valid' : 'wrong';
    },
    // Host-only (no Domain), for the whole site, gone when the browser closes.
    setCookie: () => `${name}=${secret}; Path=/; HttpOnly; SameSite=Strict`,
  };
}
