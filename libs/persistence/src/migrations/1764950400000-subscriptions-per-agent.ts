import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One subscription row per agent and account, not per account: two agents on one WhatsApp Business Account (or one
 * Page) each hold the subscription, and it is undone on the platform only when the last of them lets it go.
 */
export class SubscriptionsPerAgent1764950400000 implements MigrationInterface {
  name = 'SubscriptionsPerAgent1764950400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "platform_subscriptions" DROP CONSTRAINT "uq_platform_subscriptions_account"`);
    await db.query(
      `ALTER TABLE "platform_subscriptions" ADD CONSTRAINT "uq_platform_subscriptions_agent_account" UNIQUE ("agent_id", "channel", "account_id")`,
    );
    await db.query(
      `CREATE INDEX "idx_platform_subscriptions_account" ON "platform_subscriptions" ("channel", "account_id")`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX "idx_platform_subscriptions_account"`);
    await db.query(`ALTER TABLE "platform_subscriptions" DROP CONSTRAINT "uq_platform_subscriptions_agent_account"`);
    // Back to one row per account: the newest holder keeps it.
    await db.query(
      `DELETE FROM "platform_subscriptions" p USING "platform_subscriptions" q
        WHERE p.channel = q.channel AND p.account_id = q.account_id AND p.created_at < q.created_at`,
    );
    await db.query(
      `ALTER TABLE "platform_subscriptions" ADD CONSTRAINT "uq_platform_subscriptions_account" UNIQUE ("channel", "account_id")`,
    );
  }
}
