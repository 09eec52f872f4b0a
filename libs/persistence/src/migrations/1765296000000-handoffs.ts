import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Conversations waiting for a person, and who wrote a reply (a person's name, when not the agent). */
export class Handoffs1765296000000 implements MigrationInterface {
  name = 'Handoffs1765296000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "handoffs" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "agent_id" uuid NOT NULL,
        "vendor_id" character varying(64) NOT NULL,
        "customer_id" uuid NOT NULL,
        "channel" character varying(16) NOT NULL,
        "kind" character varying(16) NOT NULL,
        "message_id" uuid NOT NULL,
        "reason" text NOT NULL,
        "state" character varying(16) NOT NULL DEFAULT 'open',
        "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "resolved_at" TIMESTAMP WITH TIME ZONE,
        "resolved_by" character varying(200),
        CONSTRAINT "pk_handoffs" PRIMARY KEY ("id"),
        CONSTRAINT "chk_handoffs_state" CHECK ("state" IN ('open', 'resolved')),
        CONSTRAINT "chk_handoffs_kind" CHECK ("kind" IN ('handoff', 'follow_up')),
        CONSTRAINT "fk_handoffs_agent" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE CASCADE,
        CONSTRAINT "fk_handoffs_customer" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE
      )`);
    await db.query(
      `CREATE UNIQUE INDEX "uq_handoffs_open_customer" ON "handoffs" ("customer_id") WHERE "state" = 'open'`,
    );
    await db.query(`CREATE INDEX "idx_handoffs_vendor_state_opened" ON "handoffs" ("vendor_id", "state", "opened_at")`);
    await db.query(`CREATE INDEX "idx_handoffs_agent_state_opened" ON "handoffs" ("agent_id", "state", "opened_at")`);
    await db.query(`ALTER TABLE "conversation_messages" ADD "author" character varying(200)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "conversation_messages" DROP COLUMN "author"`);
    await db.query(`DROP TABLE "handoffs"`);
  }
}
