import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateDatabase } from '@voca/persistence';
import { freePort } from './app-processes.js';

/** The binaries of the newest Postgres installed from Debian's packages. */
function postgresBin(name: string): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((version) => join(root, version, 'bin', name)).find((path) => existsSync(path));
  if (!found) throw new Error(`no Postgres ${name} under ${root}`);
  return found;
}

/** Postgres refuses to run as root: as root, the cluster belongs to the `postgres` user and runs as it. */
function asClusterOwner(command: string, args: string[]): void {
  const runAsOwner = process.getuid?.() === 0;
  execFileSync(runAsOwner ? 'runuser' : command, runAsOwner ? ['-u', 'postgres', '--', command, ...args] : args, {
    stdio: 'ignore',
  });
}

/**
 * A Postgres cluster of the test's own, on a port of its own, that the test may stop and start, with the engine's
 * database migrated. The shared Postgres of the other tests is never touched.
 */
export class PrivatePostgres {
  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  static async start(database = 'voca_chaos'): Promise<PrivatePostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'voca-pg-'));
    if (process.getuid?.() === 0) {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
      chownSync(dir, uid, gid);
    }
    asClusterOwner(postgresBin('initdb'), ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync']);
    const cluster = new PrivatePostgres(await freePort(), dir);
    cluster.resume();
    await migrateDatabase(cluster.urlOf(database));
    return cluster;
  }

  urlOf(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** Starts the cluster (again) on the same port and data, and waits until it accepts connections. */
  resume(): void {
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.dir} -c fsync=off`;
    asClusterOwner(postgresBin('pg_ctl'), [
      '-D',
      join(this.dir, 'data'),
      '-o',
      options,
      '-l',
      join(this.dir, 'log'),
      '-w',
      'start',
    ]);
  }

  /** Stops the server at once, as a crash would: no checkpoint, every connection cut. */
  crash(): void {
    asClusterOwner(postgresBin('pg_ctl'), ['-D', join(this.dir, 'data'), '-m', 'immediate', '-w', 'stop']);
  }

  stop(): void {
    try {
      this.crash();
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}
