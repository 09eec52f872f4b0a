import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Erasure and retention: the record of each customer erasure (its work outside Postgres done or not), BRIN indexes
 * on the creation time of the tables retention prunes by age, and the indexes its cascades need. Rows are appended in
 * time order, so a block range index finds the old ones in a few pages at almost no cost to inserts (a B-tree would
 * be paid on every webhook).
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
      await db.query(`CREATE INDEX "idx_${table}_created_brin" ON "${table}" USING brin ("created_at")`);
    }
    // Deleting an old event deletes its deliveries, and deleting a customer looks for identities first seen as it:
    // without these, each would scan the whole other table.
    await db.query(`CREATE INDEX "idx_event_deliveries_event" ON "event_deliveries" ("event_id")`);
    await db.query(
      `CREATE INDEX "idx_customer_identities_first_customer" ON "customer_identities" ("first_customer_id")`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX "idx_customer_identities_first_customer"`);
    await db.query(`DROP INDEX "idx_event_deliveries_event"`);
    for (const table of RETAINED_TABLES) await db.query(`DROP INDEX "idx_${table}_created_brin"`);
    await db.query(`DROP TABLE "customer_erasures"`);
  }
}

/** The tables retention prunes by age (RETENTION_*_DAYS). */
const RETAINED_TABLES = ['conversation_messages', 'events', 'agent_events', 'customers'];
