import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A recorded Connect instance that AWS no longer has is kept, marked `vanished`, beside the one that replaces it. */
export class ConnectInstanceVanished1764691200000 implements MigrationInterface {
  name = 'ConnectInstanceVanished1764691200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "connect_instances" DROP CONSTRAINT "chk_connect_instances_status"`);
    await db.query(
      `ALTER TABLE "connect_instances" ADD CONSTRAINT "chk_connect_instances_status" CHECK ("status" IN ('creating', 'active', 'failed', 'vanished'))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM "connect_instances" WHERE "status" = 'vanished'`);
    await db.query(`ALTER TABLE "connect_instances" DROP CONSTRAINT "chk_connect_instances_status"`);
    await db.query(
      `ALTER TABLE "connect_instances" ADD CONSTRAINT "chk_connect_instances_status" CHECK ("status" IN ('creating', 'active', 'failed'))`,
    );
  }
}
