/**
 * Real WebDAV servers for the sync tests, started on 127.0.0.1 with a config of their own in a
 * temporary folder, never as a system service, and stopped by the test (`.ci/run` installs both
 * Debian packages):
 *  - `startWebdav`: Apache httpd with mod_dav_fs, the strict reference (it honours If-Match /
 *    If-None-Match and ETags); Basic authentication from an htpasswd file; `readOnly` for a share
 *    that refuses every write (a read-only team folder); `tls` for https with a certificate no
 *    browser trusts;
 *  - `startLenientWebdav`: `rclone serve webdav`, which ignores conditional headers — the servers
 *    the folder's lock (lib/sync/lock.ts) is for.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from './wait';

const APACHE = '/usr/sbin/apache2';
const MODULES = '/usr/lib/apache2/modules';

export interface WebdavServer {
  /** http://127.0.0.1:PORT/dav/ — the collection users point the extension at (trailing slash). */
  url: string;
  /** http://127.0.0.1:PORT */
  origin: string;
  user: string;
  password: string;
  /** The folder on disk behind `url`. */
  root: string;
  /** The server's files under `url`, as paths relative to it. */
  files(): string[];
  read(path: string): string;
  /** Requests the server has answered so far (from its log). */
  requestCount(): number;
  /** Those requests: Apache, "METHOD /path status depth" (its access log); rclone, "METHOD /path" (its INFO log). */
  requests(): string[];
  /** Give files written here straight to disk to the server's user (Apache runs as www-data under root). */
  adopt(): void;
  /** Stop the server (the files stay); `start` brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

export interface WebdavOptions {
  user?: string;
  password?: string;
  /** The server answers every write with 403 (a read-only share). */
  readOnly?: boolean;
  /**
   * Apache only: https with the fixture server's self-signed certificate (tests/support/certs,
   * made for the fixture hosts, not 127.0.0.1) — a certificate no browser that checks trusts.
   */
  tls?: boolean;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Answers anything at `url` (an OPTIONS request): the server is up. */
async function answers(url: string): Promise<boolean> {
  if (url.startsWith('https:')) return tlsAnswers(new URL(url));
  try {
    return (await fetch(url, { method: 'OPTIONS' })).status > 0;
  } catch {
    return false;
  }
}

/** Completes a TLS handshake at `url`, whatever the certificate (ours is self-signed). */
function tlsAnswers(url: URL): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tlsConnect({ host: url.hostname, port: Number(url.port), rejectUnauthorized: false }, () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** End a server's process (SIGTERM, then SIGKILL after 5 s) and wait until `url` no longer answers. */
async function endProcess(c: ChildProcess | undefined, url: string): Promise<void> {
  if (!c || c.exitCode !== null) return;
  const gone = new Promise((resolve) => c.once('exit', resolve));
  c.kill('SIGTERM');
  await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
  if (c.exitCode === null) c.kill('SIGKILL');
  await waitFor(async () => !(await answers(url)), `the server at ${url} stopped`, 10_000);
}

/** Apache refuses to serve as root: then the worker runs as www-data, which must own the files. */
const asRoot = process.getuid?.() === 0;

function walk(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

/** What both servers start from: the program checked, the login, a temporary folder, a free port. */
async function prepare(program: string, pkg: string, options: WebdavOptions) {
  if (!existsSync(program)) throw new Error(`${program} is missing: install Debian's ${pkg} package (.ci/run does)`);
  const dir = mkdtempSync(join(tmpdir(), `vietlao-${pkg}-`));
  const root = join(dir, 'dav');
  mkdirSync(root);
  return {
    user: options.user ?? 'analyst',
    password: options.password ?? 'app-password-1',
    dir,
    root,
    port: await freePort(),
  };
}

export async function startWebdav(options: WebdavOptions = {}): Promise<WebdavServer> {
  const { user, password, dir, root, port } = await prepare(APACHE, 'apache2', options);
  execFileSync('htpasswd', ['-bcB', join(dir, 'htpasswd'), user, password], { stdio: 'ignore' });
  // A read-only share: reads need a login, every other method is refused (403).
  const access = options.readOnly
    ? `<Limit GET HEAD OPTIONS PROPFIND>\n      Require valid-user\n    </Limit>\n    <LimitExcept GET HEAD OPTIONS PROPFIND>\n      Require all denied\n    </LimitExcept>`
    : 'Require valid-user';
  const modules = [
    'mpm_event',
    'authn_core',
    'authn_file',
    'authz_core',
    'authz_user',
    'auth_basic',
    'dav',
    'dav_fs',
    'mime',
    'headers',
    'alias',
    ...(options.tls ? ['ssl', 'socache_shmcb'] : []),
  ];
  const certs = join(import.meta.dirname, 'certs');
  const tls = options.tls
    ? [
        'SSLEngine on',
        `SSLCertificateFile "${join(certs, 'cert.pem')}"`,
        `SSLCertificateKeyFile "${join(certs, 'key.pem')}"`,
        `SSLSessionCache "shmcb:${dir}/ssl_scache(512000)"`,
      ]
    : [];
  writeFileSync(
    join(dir, 'httpd.conf'),
    [
      `ServerRoot "${dir}"`,
      `ServerName 127.0.0.1`,
      `Listen 127.0.0.1:${port}`,
      ...modules.map((m) => `LoadModule ${m}_module ${MODULES}/mod_${m}.so`),
      asRoot ? 'User www-data\nGroup www-data' : '',
      `PidFile "${dir}/httpd.pid"`,
      `DefaultRuntimeDir "${dir}"`,
      `Mutex file:${dir}`,
      `ErrorLog "${dir}/error.log"`,
      `LogLevel warn`,
      `LogFormat "%m %U %>s %{Depth}i" brief`,
      `CustomLog "${dir}/access.log" brief`,
      'TypesConfig /etc/mime.types',
      `DavLockDB "${dir}/davlock"`,
      ...tls,
      `DocumentRoot "${dir}/empty"`,
      `Alias /dav "${root}"`,
      `<Directory "${root}">`,
      `    Dav On`,
      `    AuthType Basic`,
      `    AuthName "VietLao test"`,
      `    AuthUserFile "${dir}/htpasswd"`,
      `    ${access}`,
      `</Directory>`,
    ].join('\n'),
  );
  mkdirSync(join(dir, 'empty'));
  if (asRoot) for (const path of [dir, root]) chownSync(path, 33, 33); // www-data

  let child: ChildProcess | undefined;
  const origin = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  const up = () => answers(`${origin}/dav/`);
  const start = async () => {
    if (child && child.exitCode === null) return; // running
    child = spawn(APACHE, ['-f', join(dir, 'httpd.conf'), '-DFOREGROUND'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<void>((resolve) => child!.once('exit', () => resolve()));
    await Promise.race([
      waitFor(up, `apache2 listening on ${origin}`, 15_000),
      exited.then(() => {
        const log = existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : '';
        throw new Error(`apache2 exited: ${stderr}${log}`);
      }),
    ]);
  };
  const stop = async () => {
    const c = child;
    child = undefined;
    await endProcess(c, `${origin}/dav/`);
  };
  await start();
  return {
    url: `${origin}/dav/`,
    origin,
    user,
    password,
    root,
    files: () => walk(root),
    read: (path) => readFileSync(join(root, path), 'utf8'),
    requests: () =>
      existsSync(join(dir, 'access.log')) ? readFileSync(join(dir, 'access.log'), 'utf8').split('\n').slice(0, -1) : [],
    requestCount: () =>
      existsSync(join(dir, 'access.log')) ? readFileSync(join(dir, 'access.log'), 'utf8').split('\n').length - 1 : 0,
    adopt: () => {
      if (asRoot) execFileSync('chown', ['-R', 'www-data:www-data', root]);
    },
    stop,
    start,
  };
}

const RCLONE = '/usr/bin/rclone';

/** `rclone serve webdav` on a folder of its own: accepts every write, whatever If-Match says. */
export async function startLenientWebdav(options: Omit<WebdavOptions, 'readOnly' | 'tls'> = {}): Promise<WebdavServer> {
  const { user, password, dir, root, port } = await prepare(RCLONE, 'rclone', options);
  const origin = `http://127.0.0.1:${port}`;
  const log = join(dir, 'requests.log');
  const logged = (): string[] =>
    existsSync(log)
      ? [...readFileSync(log, 'utf8').matchAll(/INFO {2}: (\/\S*): ([A-Z]+) from /g)].map((m) => `${m[2]} ${m[1]}`)
      : [];
  let child: ChildProcess | undefined;
  const up = () => answers(`${origin}/`);
  const start = async () => {
    if (child && child.exitCode === null) return; // running
    child = spawn(
      RCLONE,
      [
        'serve',
        'webdav',
        root,
        '--addr',
        `127.0.0.1:${port}`,
        '--user',
        user,
        '--pass',
        password,
        '--dir-cache-time',
        '0s',
        '--config',
        join(dir, 'rclone.conf'),
        '-v', // INFO: one "<path>: <METHOD> from <client>" line per request
        '--log-file',
        log,
      ],
      { stdio: 'ignore' },
    );
    await waitFor(up, `rclone listening on ${origin}`, 15_000);
  };
  const stop = async () => {
    const c = child;
    child = undefined;
    await endProcess(c, `${origin}/`);
  };
  await start();
  return {
    url: `${origin}/`,
    origin,
    user,
    password,
    root,
    files: () => walk(root),
    read: (path) => readFileSync(join(root, path), 'utf8'),
    requestCount: () => logged().length,
    requests: logged,
    adopt: () => undefined,
    stop,
    start,
  };
}

/** Stop the server and remove its folder. */
export async function removeWebdav(server: WebdavServer): Promise<void> {
  await server.stop();
  rmSync(join(server.root, '..'), { recursive: true, force: true });
}
