import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Event callbacks to the backend: its endpoints, the events recorded with the changes they report, and their
 * deliveries.
 */
export class EventCallbacks1765036800000 implements MigrationInterface {
  name = 'EventCallbacks1765036800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "event_endpoints" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "vendor_id" character varying(64),
        "url" character varying(2048) NOT NULL,
        "event_types" text array NOT NULL,
        "description" character varying(200),
        "secret_ciphertext" text NOT NULL,
        "created_by" character varying(200) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_event_endpoints" PRIMARY KEY ("id")
      )`);
    await db.query(`CREATE INDEX "idx_event_endpoints_vendor" ON "event_endpoints" ("vendor_id")`);
    await db.query(`
      CREATE TABLE "events" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "seq" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "type" character varying(64) NOT NULL,
        "vendor_id" character varying(64) NOT NULL,
        "agent_id" uuid NOT NULL,
        "data" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_events" PRIMARY KEY ("id"),
        CONSTRAINT "fk_events_agent" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX "idx_events_agent_seq" ON "events" ("agent_id", "seq")`);
    await db.query(`
      CREATE TABLE "event_deliveries" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "endpoint_id" uuid NOT NULL,
        "event_id" uuid NOT NULL,
        "agent_id" uuid NOT NULL,
        "seq" bigint NOT NULL,
        "status" character varying(16) NOT NULL DEFAULT 'pending',
        "attempts" integer NOT NULL DEFAULT 0,
        "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "attempt_log" jsonb NOT NULL DEFAULT '[]',
        "delivered_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_event_deliveries" PRIMARY KEY ("id"),
        CONSTRAINT "uq_event_deliveries_endpoint_event" UNIQUE ("endpoint_id", "event_id"),
        CONSTRAINT "chk_event_deliveries_status" CHECK ("status" IN ('pending', 'delivered', 'failed')),
        CONSTRAINT "fk_event_deliveries_endpoint" FOREIGN KEY ("endpoint_id") REFERENCES "event_endpoints"("id") ON DELETE CASCADE,
        CONSTRAINT "fk_event_deliveries_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE
      )`);
    await db.query(
      `CREATE INDEX "idx_event_deliveries_due" ON "event_deliveries" ("next_attempt_at") WHERE "status" = 'pending'`,
    );
    await db.query(
      `CREATE INDEX "idx_event_deliveries_line" ON "event_deliveries" ("endpoint_id", "agent_id", "seq") WHERE "status" = 'pending'`,
    );
    await db.query(
      `CREATE INDEX "idx_event_deliveries_endpoint_created" ON "event_deliveries" ("endpoint_id", "created_at")`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "event_deliveries"`);
    await db.query(`DROP TABLE "events"`);
    await db.query(`DROP TABLE "event_endpoints"`);
  }
}
