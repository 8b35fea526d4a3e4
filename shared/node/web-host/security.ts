// Node only.
// The loopback host's gatekeeping. Any web page the owner visits can send requests to
// 127.0.0.1, so: every API request must carry the per-launch token (which only our tab has,
// from the URL fragment); the Host header must name the loopback address and our port, which
// defeats DNS rebinding (evil.example resolving to 127.0.0.1 still sends Host: evil.example);
// and an Origin header, when sent, must be ours.

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';

import { CONTENT_SECURITY_POLICY } from '../../core/api/content-security-policy';

export { CONTENT_SECURITY_POLICY };

/** Sent with every response, static or API, success or error. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

export function applySecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

/** A fresh per-launch secret: 256 random bits, url-safe so it can sit in a URL fragment. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Compares the Authorization header with the token in constant time. Hashing both sides first
 * gives equal lengths, so neither the content nor the length of the token leaks through timing.
 */
export function bearerMatches(header: string | undefined, token: string): boolean {
  if (typeof header !== 'string') return false;
  const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header.trim());
  const given = match?.[1] ?? '';
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b) && given.length > 0;
}

/** The exact Host values this server answers to. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function hostAllowed(host: string | undefined, port: number): boolean {
  return typeof host === 'string' && allowedHosts(port).includes(host.toLowerCase());
}

/** No Origin (same-origin GETs, non-browser clients) is fine; a foreign one is not. */
export function originAllowed(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return allowedHosts(port).some((h) => origin.toLowerCase() === `http://${h}`);
}
