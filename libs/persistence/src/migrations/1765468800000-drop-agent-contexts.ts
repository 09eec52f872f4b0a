import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `agent_contexts` held a copy of each agent's business profile and its facts that nothing read: turns take the
 * profile from `agents` and the agent's character, and the shared memory is the customers' own tables.
 */
export class DropAgentContexts1765468800000 implements MigrationInterface {
  name = 'DropAgentContexts1765468800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "agent_contexts"`);
  }

  /** Recreated empty: the copies were derived from `agents.business_profile`. */
  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "agent_contexts" (
        "agent_id" uuid NOT NULL,
        "business_profile" jsonb NOT NULL,
        "facts" jsonb NOT NULL,
        "profile_version" integer NOT NULL DEFAULT '1',
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_agent_contexts" PRIMARY KEY ("agent_id"),
        CONSTRAINT "fk_agent_contexts_agent" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE CASCADE
      )`);
  }
}
