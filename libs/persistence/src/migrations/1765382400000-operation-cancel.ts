import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An operation can be asked to stop, and ends `cancelled`. */
export class OperationCancel1765382400000 implements MigrationInterface {
  name = 'OperationCancel1765382400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "provisioning_operations" ADD "cancel_requested_at" TIMESTAMP WITH TIME ZONE`);
    await db.query(`ALTER TABLE "provisioning_operations" DROP CONSTRAINT "chk_provisioning_operations_status"`);
    await db.query(
      `ALTER TABLE "provisioning_operations" ADD CONSTRAINT "chk_provisioning_operations_status"
        CHECK ("status" IN ('queued', 'in_progress', 'completed', 'failed', 'partially_completed', 'cancelled'))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`UPDATE "provisioning_operations" SET "status" = 'failed' WHERE "status" = 'cancelled'`);
    await db.query(`ALTER TABLE "provisioning_operations" DROP CONSTRAINT "chk_provisioning_operations_status"`);
    await db.query(
      `ALTER TABLE "provisioning_operations" ADD CONSTRAINT "chk_provisioning_operations_status"
        CHECK ("status" IN ('queued', 'in_progress', 'completed', 'failed', 'partially_completed'))`,
    );
    await db.query(`ALTER TABLE "provisioning_operations" DROP COLUMN "cancel_requested_at"`);
  }
}
