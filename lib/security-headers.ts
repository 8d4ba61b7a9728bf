/**
 * The security headers, defined once: next.config.ts sends them on every
 * response, and proxy.ts gives each page a Content-Security-Policy with that
 * page's own nonce in place of the one here. Plain TypeScript without
 * `server-only` or settings, because next.config.ts loads it outside React:
 * each caller says whether this is a development server.
 */

/**
 * Scripts only from this origin, plus, on a page, inline scripts carrying the
 * page's nonce: the App Router streams its page data in inline <script> tags,
 * and Next adds the nonce it finds in this header to each of them. No
 * 'strict-dynamic': it would switch off 'self', which the CSV pipeline's Web
 * Worker needs to load its chunks. Dev mode (`next dev`) also needs eval and
 * the hot-reload websocket.
 */
export function contentSecurityPolicy(nonce?: string, isDev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self'${nonce ? ` 'nonce-${nonce}'` : ""}${isDev ? " 'unsafe-eval'" : ""}`,
    // Next and the toast library set inline style attributes, which a nonce cannot cover.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${isDev ? " ws:" : ""}`,
    // The CSV pipeline runs in a Web Worker.
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A fresh, unguessable nonce for one page response. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/** Every response's headers; `isDev` as for contentSecurityPolicy. */
export const securityHeaders = (isDev: boolean) => [
  { key: "Content-Security-Policy", value: contentSecurityPolicy(undefined, isDev) },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // For browsers that predate frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];

/**
 * For responses over https: `next start` speaks plain http behind a TLS proxy,
 * which says so in X-Forwarded-Proto. No includeSubDomains: the dashboard
 * cannot speak for the dealership's other hosts.
 */
export const strictTransportSecurity = { key: "Strict-Transport-Security", value: "max-age=31536000" };

/** API answers are about one account at one moment: no browser or proxy may keep them. */
export const apiCacheControl = { key: "Cache-Control", value: "no-store" };
