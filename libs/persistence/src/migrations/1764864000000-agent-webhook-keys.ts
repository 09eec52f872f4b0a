import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Which key version signs each agent's generic webhook (a rotation raises it, voiding the old key). */
export class AgentWebhookKeys1764864000000 implements MigrationInterface {
  name = 'AgentWebhookKeys1764864000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "agents" ADD "webhook_key_version" integer NOT NULL DEFAULT 1`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "agents" DROP COLUMN "webhook_key_version"`);
  }
}
