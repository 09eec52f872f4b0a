import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Agent deletion, the kinds of operations (provision, update, deprovision), and the per-agent audit trail. */
export class AgentLifecycle1764432000000 implements MigrationInterface {
  name = 'AgentLifecycle1764432000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "agents" DROP CONSTRAINT "chk_agents_status"`);
    await db.query(`
      ALTER TABLE "agents" ADD CONSTRAINT "chk_agents_status" CHECK ("status" IN
        ('provisioning', 'active', 'partially_active', 'failed', 'paused', 'stopped', 'deleting', 'deleted'))`);
    await db.query(`ALTER TABLE "agents" ADD "deleted_at" TIMESTAMP WITH TIME ZONE`);
    await db.query(
      `ALTER TABLE "provisioning_operations" ADD "kind" character varying(16) NOT NULL DEFAULT 'provision'`,
    );
    await db.query(`
      ALTER TABLE "provisioning_operations" ADD CONSTRAINT "chk_provisioning_operations_kind"
        CHECK ("kind" IN ('provision', 'update', 'deprovision'))`);
    await db.query(`
      CREATE TABLE "agent_events" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "agent_id" uuid NOT NULL,
        "action" character varying(32) NOT NULL,
        "from_status" character varying(32),
        "to_status" character varying(32),
        "actor" character varying(200) NOT NULL,
        "request_id" character varying(128),
        "details" jsonb NOT NULL DEFAULT '{}',
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_agent_events" PRIMARY KEY ("id"),
        CONSTRAINT "fk_agent_events_agent" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX "idx_agent_events_agent_created" ON "agent_events" ("agent_id", "created_at")`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "agent_events"`);
    await db.query(`ALTER TABLE "provisioning_operations" DROP CONSTRAINT "chk_provisioning_operations_kind"`);
    await db.query(`ALTER TABLE "provisioning_operations" DROP COLUMN "kind"`);
    await db.query(`ALTER TABLE "agents" DROP COLUMN "deleted_at"`);
    await db.query(`ALTER TABLE "agents" DROP CONSTRAINT "chk_agents_status"`);
    await db.query(`
      ALTER TABLE "agents" ADD CONSTRAINT "chk_agents_status"
        CHECK ("status" IN ('provisioning', 'active', 'partially_active', 'failed', 'paused', 'stopped'))`);
  }
}
