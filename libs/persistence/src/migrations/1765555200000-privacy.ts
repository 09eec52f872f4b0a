import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Erasure and retention: the record of each customer erasure (its work outside Postgres done or not), an index on
 * the creation time of the tables retention prunes by age, and the indexes its cascades need. Retention deletes the
 * oldest rows in batches by walking the creation-time index: a scan without it (or with a BRIN index) starts over the
 * dead rows of every earlier batch until vacuum, so a million rows took 6 s a batch; the B-tree skips them (Postgres
 * marks the dead entries it passes), and its inserts, always at its right edge, are cheap.
 */
export class Privacy1765555200000 implements MigrationInterface {
  name = 'Privacy1765555200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "customer_erasures" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "agent_id" uuid NOT NULL,
        "customer_id" uuid NOT NULL,
        "message_ids" uuid array NOT NULL,
        "counts" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "completed_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "pk_customer_erasures" PRIMARY KEY ("id"),
        CONSTRAINT "fk_customer_erasures_agent" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE CASCADE
      )`);
    await db.query(
      `CREATE INDEX "idx_customer_erasures_pending" ON "customer_erasures" ("created_at") WHERE "completed_at" IS NULL`,
    );
    for (const table of RETAINED_TABLES) {
      await db.query(`CREATE INDEX "idx_${table}_created" ON "${table}" ("created_at")`);
    }
    // The foreign keys' own lookups when rows are deleted: an event's deliveries (cascade), identities first seen as
    // a customer, a message's reply (cascade), an identity's messages (set null), a customer's hand-offs (cascade).
    // Without them each row deleted scanned the whole other table: deleting an agent with a million messages had not
    // ended after 20 minutes.
    await db.query(`CREATE INDEX "idx_event_deliveries_event" ON "event_deliveries" ("event_id")`);
    await db.query(
      `CREATE INDEX "idx_customer_identities_first_customer" ON "customer_identities" ("first_customer_id")`,
    );
    await db.query(
      `CREATE INDEX "idx_conversation_messages_in_reply_to" ON "conversation_messages" ("in_reply_to")
        WHERE "in_reply_to" IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX "idx_conversation_messages_identity" ON "conversation_messages" ("identity_id")
        WHERE "identity_id" IS NOT NULL`,
    );
    await db.query(`CREATE INDEX "idx_handoffs_customer" ON "handoffs" ("customer_id")`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX "idx_handoffs_customer"`);
    await db.query(`DROP INDEX "idx_conversation_messages_identity"`);
    await db.query(`DROP INDEX "idx_conversation_messages_in_reply_to"`);
    await db.query(`DROP INDEX "idx_customer_identities_first_customer"`);
    await db.query(`DROP INDEX "idx_event_deliveries_event"`);
    for (const table of RETAINED_TABLES) await db.query(`DROP INDEX "idx_${table}_created"`);
    await db.query(`DROP TABLE "customer_erasures"`);
  }
}

/** The tables retention prunes by age (RETENTION_*_DAYS). */
const RETAINED_TABLES = ['conversation_messages', 'events', 'agent_events', 'customers'];
