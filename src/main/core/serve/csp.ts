/**
 * The page's Content Security Policy: nothing but the app's own files, no remote origin, no
 * inline script, no plugins, no framing. index.html carries the same policy in a <meta>.
 * Images are data: only: under file:// an 'self' image could be file://host/share (SMB).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  'img-src data:',
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ')
