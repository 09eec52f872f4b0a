import { eventSecretBinding, toolSecretBinding, type CredentialBinding, type CredentialCipher } from '@voca/secrets';
import type { DataSource } from 'typeorm';

interface SealedRow {
  id: string;
  sealed: string;
  agent_id?: string;
  channel?: string;
}

/** A column holding sealed secrets, and the binding each row's secret was sealed with. */
interface SealedColumn {
  table: string;
  column: string;
  bindingColumns: string;
  bindingOf(row: SealedRow): CredentialBinding;
}

const byAgentChannel = (row: SealedRow): CredentialBinding => ({ agentId: row.agent_id!, channel: row.channel! });

/** Every sealed secret the engine stores: platform credentials, the signing secrets of event endpoints and tools. */
const SEALED_COLUMNS: readonly SealedColumn[] = [
  {
    table: 'agent_channels',
    column: 'credentials_ciphertext',
    bindingColumns: ', agent_id, channel',
    bindingOf: byAgentChannel,
  },
  {
    table: 'platform_subscriptions',
    column: 'credentials_ciphertext',
    bindingColumns: ', agent_id, channel',
    bindingOf: byAgentChannel,
  },
  {
    table: 'event_endpoints',
    column: 'secret_ciphertext',
    bindingColumns: '',
    bindingOf: (row) => eventSecretBinding(row.id),
  },
  {
    table: 'agent_tools',
    column: 'secret_ciphertext',
    bindingColumns: '',
    bindingOf: (row) => toolSecretBinding(row.id),
  },
];
const BATCH = 200;

export interface ResealReport {
  resealed: number;
  /** Rows no key of the ring opens (sealed with a key that was dropped): left as they are, and named. */
  unreadable: { table: string; id: string }[];
}

/**
 * Re-seals every stored secret that is not sealed with the current key (an older key of the ring, or the format
 * before the ring), in batches; each row is replaced only if nobody changed it meanwhile. Safe to run while the
 * engine runs and to run again; afterwards the previous keys can be dropped from CREDENTIALS_PREVIOUS_KEYS.
 */
export async function resealCredentials(db: DataSource, cipher: CredentialCipher): Promise<ResealReport> {
  const report: ResealReport = { resealed: 0, unreadable: [] };
  for (const sealed of SEALED_COLUMNS) {
    const { table, column } = sealed;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: SealedRow[] = await db.query(
        `SELECT id, ${column} AS sealed${sealed.bindingColumns} FROM ${table}
          WHERE ${column} IS NOT NULL AND id > $1 ORDER BY id LIMIT $2`,
        [after, BATCH],
      );
      if (rows.length === 0) break;
      after = rows.at(-1)!.id;
      for (const row of rows) {
        if (cipher.isCurrent(row.sealed)) continue;
        const binding = sealed.bindingOf(row);
        let plain: object;
        try {
          plain = cipher.decrypt(row.sealed, binding);
        } catch {
          report.unreadable.push({ table, id: row.id });
          continue;
        }
        const [, changed] = await db.query(`UPDATE ${table} SET ${column} = $3 WHERE id = $1 AND ${column} = $2`, [
          row.id,
          row.sealed,
          cipher.encrypt(plain, binding),
        ]);
        if (changed) report.resealed += 1;
      }
    }
  }
  return report;
}
