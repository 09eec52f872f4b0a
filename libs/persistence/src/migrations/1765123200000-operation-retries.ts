import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An operation that runs a failed one again names it. */
export class OperationRetries1765123200000 implements MigrationInterface {
  name = 'OperationRetries1765123200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "provisioning_operations" ADD "retry_of" uuid`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "provisioning_operations" DROP COLUMN "retry_of"`);
  }
}
