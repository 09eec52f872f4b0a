import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The platform webhook subscriptions the engine made for agents' accounts, so that it can undo each of them. */
export class PlatformSubscriptions1764518400000 implements MigrationInterface {
  name = 'PlatformSubscriptions1764518400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "platform_subscriptions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "agent_id" uuid NOT NULL,
        "channel" character varying(16) NOT NULL,
        "account_id" character varying(128) NOT NULL,
        "credentials_ciphertext" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_platform_subscriptions" PRIMARY KEY ("id"),
        CONSTRAINT "uq_platform_subscriptions_account" UNIQUE ("channel", "account_id"),
        CONSTRAINT "fk_platform_subscriptions_agent" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX "idx_platform_subscriptions_agent" ON "platform_subscriptions" ("agent_id")`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "platform_subscriptions"`);
  }
}
