import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Agents, their channels and context, provisioning operations with their steps, and idempotency keys. */
export class Foundation1764086400000 implements MigrationInterface {
  name = 'Foundation1764086400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "agents" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "vendor_id" character varying(64) NOT NULL,
        "name" character varying(120) NOT NULL,
        "description" text,
        "business_type" character varying(20) NOT NULL,
        "status" character varying(32) NOT NULL DEFAULT 'provisioning',
        "character_config" jsonb NOT NULL DEFAULT '{}',
        "context" jsonb NOT NULL DEFAULT '{}',
        "version" integer NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "chk_agents_business_type" CHECK ("business_type" IN ('retail', 'microfinance', 'other')),
        CONSTRAINT "chk_agents_status" CHECK ("status" IN ('provisioning', 'active', 'partially_active', 'failed')),
        CONSTRAINT "pk_agents" PRIMARY KEY ("id")
      )`);
    await db.query(`CREATE INDEX "idx_agents_vendor_created" ON "agents" ("vendor_id", "created_at")`);

    await db.query(`
      CREATE TABLE "agent_channels" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "agent_id" uuid NOT NULL,
        "channel" character varying(16) NOT NULL,
        "status" character varying(32) NOT NULL DEFAULT 'pending',
        "external_account_id" character varying(128),
        "credentials_ciphertext" text,
        "phone_number" character varying(32),
        "aws_connect_instance_id" character varying(256),
        "elizaos_agent_id" uuid,
        "webhook_url" text,
        "provider_refs" jsonb NOT NULL DEFAULT '{}',
        "error" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "uq_agent_channels_agent_channel" UNIQUE ("agent_id", "channel"),
        CONSTRAINT "chk_agent_channels_status"
          CHECK ("status" IN ('pending', 'active', 'failed', 'pending_configuration')),
        CONSTRAINT "pk_agent_channels" PRIMARY KEY ("id"),
        CONSTRAINT "fk_agent_channels_agent" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE CASCADE
      )`);
    await db.query(`
      CREATE UNIQUE INDEX "uq_agent_channels_external_account" ON "agent_channels" ("channel", "external_account_id")
      WHERE "external_account_id" IS NOT NULL`);

    await db.query(`
      CREATE TABLE "agent_contexts" (
        "agent_id" uuid NOT NULL,
        "business_profile" jsonb NOT NULL,
        "facts" jsonb NOT NULL,
        "profile_version" integer NOT NULL DEFAULT '1',
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_agent_contexts" PRIMARY KEY ("agent_id"),
        CONSTRAINT "fk_agent_contexts_agent" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE CASCADE
      )`);

    await db.query(`
      CREATE TABLE "provisioning_operations" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "agent_id" uuid NOT NULL,
        "vendor_id" character varying(64) NOT NULL,
        "status" character varying(32) NOT NULL DEFAULT 'queued',
        "error" text,
        "result" jsonb,
        "request_id" character varying(128) NOT NULL,
        "enqueued_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "started_at" TIMESTAMP WITH TIME ZONE,
        "finished_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "chk_provisioning_operations_status"
          CHECK ("status" IN ('queued', 'in_progress', 'completed', 'failed', 'partially_completed')),
        CONSTRAINT "pk_provisioning_operations" PRIMARY KEY ("id"),
        CONSTRAINT "fk_provisioning_operations_agent" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE CASCADE
      )`);
    await db.query(
      `CREATE INDEX "idx_provisioning_operations_agent" ON "provisioning_operations" ("agent_id", "created_at")`,
    );
    await db.query(`
      CREATE INDEX "idx_provisioning_operations_unenqueued" ON "provisioning_operations" ("created_at")
      WHERE "enqueued_at" IS NULL`);

    await db.query(`
      CREATE TABLE "provisioning_steps" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "operation_id" uuid NOT NULL,
        "name" character varying(32) NOT NULL,
        "position" smallint NOT NULL,
        "channels" jsonb NOT NULL DEFAULT '[]',
        "status" character varying(16) NOT NULL DEFAULT 'pending',
        "attempts" integer NOT NULL DEFAULT '0',
        "max_attempts" integer NOT NULL,
        "started_at" TIMESTAMP WITH TIME ZONE,
        "finished_at" TIMESTAMP WITH TIME ZONE,
        "error" text,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "uq_provisioning_steps_operation_name" UNIQUE ("operation_id", "name"),
        CONSTRAINT "chk_provisioning_steps_status"
          CHECK ("status" IN ('pending', 'running', 'retrying', 'completed', 'failed')),
        CONSTRAINT "pk_provisioning_steps" PRIMARY KEY ("id"),
        CONSTRAINT "fk_provisioning_steps_operation" FOREIGN KEY ("operation_id")
          REFERENCES "provisioning_operations"("id") ON DELETE CASCADE
      )`);

    await db.query(`
      CREATE TABLE "idempotency_keys" (
        "vendor_id" character varying(64) NOT NULL,
        "key" character varying(255) NOT NULL,
        "request_hash" character(64) NOT NULL,
        "operation_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_idempotency_keys" PRIMARY KEY ("vendor_id", "key"),
        CONSTRAINT "fk_idempotency_keys_operation" FOREIGN KEY ("operation_id")
          REFERENCES "provisioning_operations"("id") ON DELETE CASCADE
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "idempotency_keys"`);
    await db.query(`DROP TABLE "provisioning_steps"`);
    await db.query(`DROP TABLE "provisioning_operations"`);
    await db.query(`DROP TABLE "agent_contexts"`);
    await db.query(`DROP TABLE "agent_channels"`);
    await db.query(`DROP TABLE "agents"`);
  }
}
