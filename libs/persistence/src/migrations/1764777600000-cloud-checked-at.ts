import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When the Connect drift audit last compared a channel's recorded cloud resources with AWS (oldest go first). */
export class CloudCheckedAt1764777600000 implements MigrationInterface {
  name = 'CloudCheckedAt1764777600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "agent_channels" ADD "cloud_checked_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "agent_channels" DROP COLUMN "cloud_checked_at"`);
  }
}
