// Node only.
// The loopback web host: the same API as Electron's IPC, over HTTP, plus the built renderer.
// It listens on 127.0.0.1 only (never on the network), on a random free port unless told
// otherwise, and guards every request (see security.ts) before routing it.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiHandlers } from '../../core/api/contract';
import { API_PREFIX, TOKEN_FRAGMENT_KEY } from '../../core/api/http-protocol';
import { fail, UserFacingError } from '../../core/result';
import type { SourceRegistry } from '../sources/source-registry';
import { handleApi, sendJson } from './api-routes';
import { EventHub } from './event-hub';
import { applySecurityHeaders, hostAllowed, newToken, originAllowed } from './security';
import { serveStatic } from './static-files';
import type { ExportRegistry } from '../exports/export-registry';

export const LOOPBACK_HOST = '127.0.0.1';

export interface WebHostOptions {
  /** The built renderer (build/renderer/). */
  staticDir: string;
  handlers: ApiHandlers;
  /** Where browser uploads are registered. */
  sources: SourceRegistry;
  /** Files made for the owner to download (quality reports). */
  exports: ExportRegistry;
  /** 0 or absent: a random free port. */
  port?: number;
  /** Default: a fresh random token for this launch. */
  token?: string;
  /** Default: the registry's limit (4 GB). */
  maxUploadBytes?: number;
}

export interface WebHost {
  /** What to open: http://127.0.0.1:<port>/#token=<token>. */
  url: string;
  /** http://127.0.0.1:<port> */
  origin: string;
  port: number;
  token: string;
  /** Pushes an event to every connected tab (handlers do this through ctx.emit). */
  events: EventHub;
  close(): Promise<void>;
}

export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const token = opts.token ?? newToken();
  if (!/^[A-Za-z0-9_-]{16,256}$/.test(token)) {
    throw new UserFacingError('web-host.bad-token', 'The access key given to Mesh Desk must be 16 to 256 letters, digits, "-" or "_".');
  }
  const hub = new EventHub();
  let port = 0;
  const apiDeps = {
    handlers: opts.handlers,
    sources: opts.sources,
    exports: opts.exports,
    hub,
    token,
    maxUploadBytes: opts.maxUploadBytes ?? opts.sources.maxUploadBytes,
  };

  const server = createServer(
    // Uploads of large files may take minutes: no overall request deadline on loopback,
    // but a client must send its headers promptly.
    { requestTimeout: 0, headersTimeout: 30_000, keepAliveTimeout: 5_000 },
    (req, res) => {
      route(req, res).catch((e: unknown) => {
        if (!res.headersSent) {
          const detail = e instanceof Error ? e.message : String(e);
          sendJson(res, 500, fail('internal', `Mesh Desk hit an unexpected problem answering the page (${detail}). Reload the page and try again.`));
        } else {
          res.destroy();
        }
      });
    },
  );

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    applySecurityHeaders(res);
    // DNS rebinding: a foreign name that resolves to 127.0.0.1 still sends its own Host.
    if (!hostAllowed(req.headers.host, port)) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' });
      res.end('Misdirected request: Mesh Desk only answers to 127.0.0.1 and localhost.');
      return;
    }
    const rawUrl = req.url ?? '/';
    const query = rawUrl.indexOf('?');
    const pathname = query === -1 ? rawUrl : rawUrl.slice(0, query);
    const isApi = pathname === API_PREFIX || pathname.startsWith(`${API_PREFIX}/`);
    const origin = req.headers.origin;
    const crossSite = req.headers['sec-fetch-site'] === 'cross-site';
    if (!originAllowed(origin, port) || (isApi && crossSite)) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' });
      res.end('Forbidden: requests from other web sites are not accepted.');
      return;
    }
    if (isApi) {
      res.setHeader('Cache-Control', 'no-store');
      const search = new URLSearchParams(query === -1 ? '' : rawUrl.slice(query + 1));
      await handleApi(req, res, pathname, search, apiDeps);
      return;
    }
    await serveStatic(req, res, opts.staticDir);
  }

  await new Promise<void>((resolvePromise, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(
        e.code === 'EADDRINUSE' || e.code === 'EACCES'
          ? new UserFacingError(
              'web-host.port-in-use',
              `Mesh Desk could not use port ${opts.port} on this computer (${e.code === 'EACCES' ? 'not allowed' : 'already in use'}). Choose another port, or leave the port unset to pick a free one.`,
            )
          : e,
      );
    };
    const onListening = () => {
      server.off('error', onError);
      port = (server.address() as AddressInfo).port;
      resolvePromise();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen({ host: LOOPBACK_HOST, port: opts.port ?? 0, exclusive: true });
  });
  const origin = `http://${LOOPBACK_HOST}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/#${TOKEN_FRAGMENT_KEY}=${token}`,
    origin,
    port,
    token,
    events: hub,
    close() {
      closing ??= new Promise<void>((done) => {
        hub.close();
        server.close(() => done());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
