/**
 * The folder's lock, for servers that ignore conditional requests (./remote.ts): each client
 * writes `locks/<clientId>.json` = { clientId, until } with a lease on the **server's** clock (its
 * Date header: the computers' own clocks may disagree). A client syncs only when no other client
 * holds a live lease; when two write their locks at once, the smaller clientId keeps it and the
 * other backs off ('busy', retried later). A lease left by a client that died runs out by itself.
 */
import { SyncError } from './errors';
import type { Remote } from './remote';

export const LOCKS_DIR = 'locks';
/** Long enough for a batch of writes; renewed while a sync runs (renewIfDue). */
export const LEASE_MS = 5 * 60_000;

interface LockFile {
  clientId: string;
  until: string;
}

const lockPath = (clientId: string) => `${LOCKS_DIR}/${clientId}.json`;

function readLock(text: string): LockFile | null {
  try {
    const v = JSON.parse(text) as Partial<LockFile>;
    return typeof v.clientId === 'string' && typeof v.until === 'string' && !Number.isNaN(Date.parse(v.until))
      ? { clientId: v.clientId, until: v.until }
      : null;
  } catch {
    return null;
  }
}

export class FolderLock {
  private until = 0;

  constructor(
    private readonly remote: Remote,
    private readonly clientId: string,
  ) {}

  /** The server's time now (from its last answer's Date header; a listing refreshes it). */
  private serverNow(): number {
    return (this.remote.serverDate ?? new Date()).getTime();
  }

  /** Other clients' live leases. */
  private async others(): Promise<LockFile[]> {
    const files = await this.remote.list(LOCKS_DIR);
    const now = this.serverNow();
    const out: LockFile[] = [];
    for (const name of files.keys()) {
      if (name === `${this.clientId}.json` || !name.endsWith('.json')) continue;
      const got = await this.remote.read(`${LOCKS_DIR}/${name}`);
      const lock = got ? readLock(got.text) : null;
      if (lock && Date.parse(lock.until) > now) out.push(lock);
    }
    return out;
  }

  private async writeLease(): Promise<void> {
    this.until = this.serverNow() + LEASE_MS;
    const body = JSON.stringify({ clientId: this.clientId, until: new Date(this.until).toISOString() });
    await this.remote.client.putFileContents(`/${lockPath(this.clientId)}`, body, { overwrite: true });
  }

  async acquire(): Promise<void> {
    const busy = () => new SyncError('busy', 'Another computer is syncing with this folder');
    if ((await this.others()).length > 0) throw busy();
    await this.writeLease();
    const contenders = await this.others();
    if (contenders.some((c) => c.clientId < this.clientId)) {
      await this.release();
      throw busy();
    }
  }

  /** Renew the lease when less than half of it is left. */
  async renewIfDue(): Promise<void> {
    if (this.until - this.serverNow() < LEASE_MS / 2) await this.writeLease();
  }

  async release(): Promise<void> {
    await this.remote.remove(lockPath(this.clientId), null).catch(() => undefined);
  }
}
