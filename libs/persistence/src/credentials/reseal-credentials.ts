import type { CredentialCipher } from '@voca/secrets';
import type { DataSource } from 'typeorm';

/** Tables that hold sealed platform credentials, each row bound to its agent and channel. */
const SEALED_TABLES = ['agent_channels', 'platform_subscriptions'] as const;
const BATCH = 200;

export interface ResealReport {
  resealed: number;
  /** Rows no key of the ring opens (sealed with a key that was dropped): left as they are, and named. */
  unreadable: { table: string; id: string }[];
}

/**
 * Re-seals every stored credential that is not sealed with the current key (an older key of the ring, or the format
 * before the ring), in batches; each row is replaced only if nobody changed it meanwhile. Safe to run while the
 * engine runs and to run again; afterwards the previous keys can be dropped from CREDENTIALS_PREVIOUS_KEYS.
 */
export async function resealCredentials(db: DataSource, cipher: CredentialCipher): Promise<ResealReport> {
  const report: ResealReport = { resealed: 0, unreadable: [] };
  for (const table of SEALED_TABLES) {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: { id: string; agent_id: string; channel: string; credentials_ciphertext: string }[] = await db.query(
        `SELECT id, agent_id, channel, credentials_ciphertext FROM ${table}
          WHERE credentials_ciphertext IS NOT NULL AND id > $1 ORDER BY id LIMIT $2`,
        [after, BATCH],
      );
      if (rows.length === 0) break;
      after = rows.at(-1)!.id;
      for (const row of rows) {
        if (cipher.isCurrent(row.credentials_ciphertext)) continue;
        const binding = { agentId: row.agent_id, channel: row.channel };
        let plain: object;
        try {
          plain = cipher.decrypt(row.credentials_ciphertext, binding);
        } catch {
          report.unreadable.push({ table, id: row.id });
          continue;
        }
        const [, changed] = await db.query(
          `UPDATE ${table} SET credentials_ciphertext = $3 WHERE id = $1 AND credentials_ciphertext = $2`,
          [row.id, row.credentials_ciphertext, cipher.encrypt(plain, binding)],
        );
        if (changed) report.resealed += 1;
      }
    }
  }
  return report;
}
