// A static file server for e2e tests and hosting checks: serves a folder (normally the built `dist/`) on
// 127.0.0.1 at a random port, under a configurable base path, optionally with a Content-Security-Policy
// header, plus extra in-memory files (e.g. a trace for `?url=`). node:http only, no dependencies.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

export const STRICT_CSP = "default-src 'self'; script-src 'self'; worker-src 'self' blob:; connect-src 'self'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServerOptions {
  /** Folder to serve. */
  readonly root: string;
  /** URL path the folder appears under, e.g. '/tools/tracelens/'. Default '/'. */
  readonly basePath?: string;
  /** Sent as Content-Security-Policy on every response when set. */
  readonly csp?: string;
  /** Extra files by URL path (absolute, e.g. '/data/trace.json'), served before the folder. */
  readonly extraFiles?: ReadonlyMap<string, Uint8Array | string>;
  /** Answers by URL path written by the test itself (a download sent slowly, in parts), before the rest. */
  readonly routes?: ReadonlyMap<string, (req: IncomingMessage, res: ServerResponse) => void>;
}

export interface StaticServer {
  /** Origin, e.g. 'http://127.0.0.1:40123'. */
  readonly origin: string;
  /** Origin + base path: where the app's index.html is. */
  readonly appUrl: string;
  /** Every path requested, in order (tests check what the page fetched). */
  readonly requests: string[];
  close(): Promise<void>;
}

function normalizeBase(basePath = '/'): string {
  const withLead = basePath.startsWith('/') ? basePath : `/${basePath}`;
  return withLead.endsWith('/') ? withLead : `${withLead}/`;
}

export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const root = resolve(options.root);
  const base = normalizeBase(options.basePath);
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    requests.push(req.url ?? '/');
    const headers: Record<string, string> = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
    if (options.csp) headers['Content-Security-Policy'] = options.csp;
    const route = options.routes?.get(path);
    if (route) {
      route(req, res);
      return;
    }
    const extra = options.extraFiles?.get(path);
    if (extra !== undefined) {
      res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' });
      res.end(extra);
      return;
    }
    if (!path.startsWith(base)) {
      res.writeHead(404, headers).end('not found');
      return;
    }
    let rel = path.slice(base.length);
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(root, rel));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403, headers).end('forbidden');
      return;
    }
    stat(file).then(
      (s) => {
        if (!s.isFile()) throw new Error('not a file');
        res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': String(s.size) });
        createReadStream(file).pipe(res);
      },
      () => res.writeHead(404, headers).end('not found'),
    ).catch(() => res.writeHead(404, headers).end('not found'));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    appUrl: `${origin}${base}`,
    requests,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
