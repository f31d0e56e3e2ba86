/**
 * Serves the fixture pages under their real hostnames, offline: each
 * tests/fixtures/pages/<site>--<case>/source.html answers at the URL in its expected.json.
 * It is also a plain HTTP proxy (absolute-URI requests), which is how Firefox reaches it,
 * and it records every request (with its Cookie and Referer headers) so tests can prove the
 * extension itself sends none, or sends one without them. Images on the fixture hosts get a
 * neutral SVG placeholder, except under FIXTURE_PNG_PATH: a real PNG (FIXTURE_PNG); everything
 * else is a 404.
 */
import { deflateSync } from 'node:zlib';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { connect, type AddressInfo } from 'node:net';
import { join } from 'node:path';

export const FIXTURES_DIR = join(import.meta.dirname, '../fixtures/pages');

/** A fixture folder's expected.json: what cleaning its source.html must give. */
export interface ExpectedPage {
  url: string;
  isArticle: boolean;
  title: string | null;
  lead: string | null;
  byline: string | null;
  publishedAt: string | null;
  siteName: string;
  paragraphs: string[];
  figures: { src: string; caption: string }[];
  absent: string[];
  /** The rule that must clean the page and whether it is a fallback (lib/clean/sites/choice.ts). */
  rule?: { id: string; fallback: 'family' | 'generic' | null };
  /**
   * Known gaps of the generic path on an outlet's page: field → why it misses. Asserted to be
   * still missing, so the fixture says so when the generic path learns it (then drop the gap).
   */
  gaps?: Partial<Record<'lead' | 'byline' | 'publishedAt' | 'absent', string>>;
}

export interface FixturePage {
  folder: string;
  url: string;
  html: string;
  expected: ExpectedPage;
}

export function loadFixtures(): FixturePage[] {
  return readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const expected = JSON.parse(
        readFileSync(join(FIXTURES_DIR, d.name, 'expected.json'), 'utf8'),
      ) as FixturePage['expected'];
      return {
        folder: d.name,
        url: expected.url,
        html: readFileSync(join(FIXTURES_DIR, d.name, 'source.html'), 'utf8'),
        expected,
      };
    });
}

const PLACEHOLDER = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="450" viewBox="0 0 800 450"><rect width="800" height="450" fill="#d9d4c7"/><text x="400" y="235" font-family="sans-serif" font-size="28" text-anchor="middle" fill="#6b665c">ảnh minh hoạ (fixture)</text></svg>`;

/** A real PNG of `width`×`height` (a two-colour stripe pattern), encoded here: CRC-32, zlib, no dependency. */
export function makePng(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      rows.set(((x >> 3) + (y >> 3)) % 2 ? [163, 38, 42] : [47, 107, 58], y * (width * 3 + 1) + 1 + x * 3);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Paths under this prefix, on a fixture host, answer FIXTURE_PNG (image/png, not cached). */
export const FIXTURE_PNG_PATH = '/__png/';
export const FIXTURE_PNG_SIZE = { width: 64, height: 40 };
export const FIXTURE_PNG = makePng(FIXTURE_PNG_SIZE.width, FIXTURE_PNG_SIZE.height);

export interface RecordedServerRequest {
  host: string;
  path: string;
  at: number;
  /** The request's Cookie and Referer headers, when it had them. */
  cookie?: string;
  referer?: string;
}

export interface FixtureServer {
  /** Plain HTTP, and the HTTP proxy (Firefox). */
  port: number;
  /** HTTPS with the self-signed test certificate (tests/support/certs). */
  tlsPort: number;
  hosts: string[];
  requests: RecordedServerRequest[];
  /** Add or replace a page at a URL (tests of hostile pages). */
  route(url: string, html: string): void;
  close(): Promise<void>;
}

export async function startFixtureServer(extraPages: { url: string; html: string }[] = []): Promise<FixtureServer> {
  const pages = new Map<string, string>();
  const key = (host: string, path: string) =>
    `${host
      .replace(/^www\./, '')
      .replace(/:\d+$/, '')
      .toLowerCase()}${path.replace(/[?#].*$/, '')}`;
  /** Serve `html` at `url`, replacing what answered there (a test that changes a page on purpose). */
  const route = (url: string, html: string) => {
    const u = new URL(url);
    pages.set(key(u.host, u.pathname), html);
  };
  for (const page of [...loadFixtures(), ...extraPages]) {
    // one page per address: a second one would silently replace the first in every test that opens it
    const u = new URL(page.url);
    if (pages.has(key(u.host, u.pathname)))
      throw new Error(`two fixture pages answer at ${page.url}: give each its own address`);
    route(page.url, page.html);
  }
  const requests: FixtureServer['requests'] = [];
  /** A fixture host or a subdomain of one (image CDNs such as mediafile.vietnamplus.vn). */
  const ours = (host: string) => {
    const h = host
      .replace(/:\d+$/, '')
      .replace(/^www\./, '')
      .toLowerCase();
    return [...pages.keys()].some((k) => {
      const pageHost = k.split('/')[0]!;
      return h === pageHost || h.endsWith(`.${pageHost}`);
    });
  };

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    let host = req.headers.host ?? '';
    let path = req.url ?? '/';
    if (/^https?:\/\//.test(path)) {
      const u = new URL(path); // proxy form: GET http://antv.gov.vn/… HTTP/1.1
      host = u.host;
      path = u.pathname + u.search;
    }
    const { cookie, referer } = req.headers;
    requests.push({ host, path, at: Date.now(), ...(cookie ? { cookie } : {}), ...(referer ? { referer } : {}) });
    const html = pages.get(key(host, path));
    if (path.startsWith(FIXTURE_PNG_PATH) && ours(host)) {
      res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' });
      res.end(FIXTURE_PNG);
    } else if (html !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(html);
    } else if (/\.(?:jpe?g|png|gif|webp|svg)(?:$|\?)/i.test(path) && ours(host)) {
      res.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'max-age=3600' });
      res.end(PLACEHOLDER);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found (offline fixture server)');
    }
  };
  const certs = join(import.meta.dirname, './certs');
  const tls = createTlsServer(
    { key: readFileSync(join(certs, 'key.pem')), cert: readFileSync(join(certs, 'cert.pem')) },
    handler,
  );
  await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
  const tlsPort = (tls.address() as AddressInfo).port;

  const server: Server = createServer(handler);
  const sockets = new Set<import('node:net').Socket>(); // incl. CONNECT tunnels, which close() would wait for
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // CONNECT (https through the proxy): only fixture hosts, tunnelled to the local TLS server.
  server.on('connect', (req, socket, head) => {
    const host = (req.url ?? '')
      .replace(/:\d+$/, '')
      .replace(/^www\./, '')
      .toLowerCase();
    requests.push({ host, path: 'CONNECT', at: Date.now() });
    if (!ours(host)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(tlsPort, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const hosts = [...new Set([...pages.keys()].map((k) => k.split('/')[0]!))];
  return {
    port,
    tlsPort,
    hosts,
    requests,
    route,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
      tls.closeAllConnections();
      await Promise.all([new Promise((r) => server.close(r)), new Promise((r) => tls.close(r))]);
    },
  };
}
