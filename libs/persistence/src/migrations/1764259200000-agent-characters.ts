import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Versioned ElizaOS characters of agents. */
export class AgentCharacters1764259200000 implements MigrationInterface {
  name = 'AgentCharacters1764259200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "agent_characters" (
        "agent_id" uuid NOT NULL,
        "version" integer NOT NULL,
        "character" jsonb NOT NULL,
        "content_hash" character(64) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_agent_characters" PRIMARY KEY ("agent_id", "version"),
        CONSTRAINT "fk_agent_characters_agent" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE CASCADE
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "agent_characters"`);
  }
}
