// Runs anywhere (pure core).
// The one Content-Security-Policy of the app's pages. The Electron shell and the loopback web
// host send it as a header; renderer/index.html carries the same policy (minus frame-ancestors,
// which browsers ignore in a <meta>) and a test keeps the two in step.

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
