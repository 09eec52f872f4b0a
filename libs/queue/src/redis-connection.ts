/** Where and how to reach Redis; accepted as is by ioredis, BullMQ and Nest's Redis transport. */
export interface RedisEndpoint {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db?: number;
  tls?: object;
}

/** Connection options from a redis:// or rediss:// URL (user, password, database number and TLS included). */
export function redisConnectionOptions(url: string): RedisEndpoint {
  const parsed = new URL(url);
  const db = parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : undefined;
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: Number.isInteger(db) ? db : undefined,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
  };
}
