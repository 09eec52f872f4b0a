import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Media a customer sent (photos, voice notes, locations...), kept as references with the message. */
export class MessageMedia1765209600000 implements MigrationInterface {
  name = 'MessageMedia1765209600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "conversation_messages" ADD "media" jsonb`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "conversation_messages" DROP COLUMN "media"`);
  }
}
