import { describe, expect, it } from 'vitest';
import { reconnectDelay, redisConnectionOptions } from './redis-connection.js';

describe('redisConnectionOptions', () => {
  it('reads host, port, credentials, database and TLS from the URL', () => {
    expect(redisConnectionOptions('rediss://user:p%40ss@cache.internal:6380/2')).toEqual({
      retryStrategy: reconnectDelay,
      host: 'cache.internal',
      port: 6380,
      username: 'user',
      password: 'p@ss',
      db: 2,
      tls: {},
    });
    expect(redisConnectionOptions('redis://127.0.0.1')).toEqual({
      retryStrategy: reconnectDelay,
      host: '127.0.0.1',
      port: 6379,
      username: undefined,
      password: undefined,
      db: undefined,
      tls: undefined,
    });
  });

  it('tries Redis again quickly after losing it, never more than two seconds apart', () => {
    expect([1, 2, 4, 8, 100].map(reconnectDelay)).toEqual([250, 500, 1000, 2000, 2000]);
  });
});
