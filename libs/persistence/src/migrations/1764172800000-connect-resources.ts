import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Amazon Connect instances the engine uses and the phone numbers it holds on them (assigned or pooled), and a
 * line per provisioning step saying what it is doing now.
 */
export class ConnectResources1764172800000 implements MigrationInterface {
  name = 'ConnectResources1764172800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "connect_instances" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "scope" character varying(120) NOT NULL,
        "region" character varying(32) NOT NULL,
        "alias" character varying(62) NOT NULL,
        "client_token" uuid NOT NULL,
        "instance_id" character varying(64),
        "instance_arn" character varying(256),
        "status" character varying(16) NOT NULL DEFAULT 'creating',
        "status_reason" text,
        "voice_lambda_arn" character varying(256),
        "voice_lambda_code_sha256" character varying(64),
        "basic_queue_arn" character varying(256),
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "uq_connect_instances_scope_region" UNIQUE ("scope", "region"),
        CONSTRAINT "chk_connect_instances_status" CHECK ("status" IN ('creating', 'active', 'failed')),
        CONSTRAINT "pk_connect_instances" PRIMARY KEY ("id")
      )`);
    await db.query(`
      CREATE TABLE "connect_phone_numbers" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "connect_instance_id" uuid NOT NULL,
        "client_token" uuid NOT NULL,
        "phone_number" character varying(32),
        "source_phone_number_arn" character varying(256),
        "phone_number_id" character varying(64),
        "phone_number_arn" character varying(256),
        "source" character varying(16) NOT NULL,
        "status" character varying(16) NOT NULL DEFAULT 'claiming',
        "agent_id" uuid,
        "channel" character varying(16),
        "pooled_at" TIMESTAMP WITH TIME ZONE,
        "error" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "chk_connect_phone_numbers_source" CHECK ("source" IN ('claimed', 'imported')),
        CONSTRAINT "chk_connect_phone_numbers_status" CHECK ("status" IN ('claiming', 'claimed', 'failed')),
        CONSTRAINT "pk_connect_phone_numbers" PRIMARY KEY ("id"),
        CONSTRAINT "fk_connect_phone_numbers_instance" FOREIGN KEY ("connect_instance_id")
          REFERENCES "connect_instances"("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_connect_phone_numbers_agent" FOREIGN KEY ("agent_id")
          REFERENCES "agents"("id") ON DELETE SET NULL
      )`);
    await db.query(
      `CREATE UNIQUE INDEX "uq_connect_phone_numbers_client_token" ON "connect_phone_numbers" ("client_token")`,
    );
    await db.query(`CREATE INDEX "idx_connect_phone_numbers_agent" ON "connect_phone_numbers" ("agent_id")`);
    await db.query(`
      CREATE INDEX "idx_connect_phone_numbers_pool" ON "connect_phone_numbers" ("connect_instance_id", "pooled_at")
      WHERE "agent_id" IS NULL AND "status" = 'claimed'`);
    await db.query(`ALTER TABLE "provisioning_steps" ADD "detail" text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "provisioning_steps" DROP COLUMN "detail"`);
    await db.query(`DROP TABLE "connect_phone_numbers"`);
    await db.query(`DROP TABLE "connect_instances"`);
  }
}
