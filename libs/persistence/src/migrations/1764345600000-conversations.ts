import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Customers, their identities per channel, and every message of every conversation; paused and stopped agents. */
export class Conversations1764345600000 implements MigrationInterface {
  name = 'Conversations1764345600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "agents" DROP CONSTRAINT "chk_agents_status"`);
    await db.query(`
      ALTER TABLE "agents" ADD CONSTRAINT "chk_agents_status"
        CHECK ("status" IN ('provisioning', 'active', 'partially_active', 'failed', 'paused', 'stopped'))`);

    await db.query(`
      CREATE TABLE "customers" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "agent_id" uuid NOT NULL,
        "display_name" character varying(200),
        "phone_e164" character varying(20),
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_customers" PRIMARY KEY ("id"),
        CONSTRAINT "fk_customers_agent" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX "idx_customers_agent_created" ON "customers" ("agent_id", "created_at")`);

    await db.query(`
      CREATE TABLE "customer_identities" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "agent_id" uuid NOT NULL,
        "customer_id" uuid NOT NULL,
        "first_customer_id" uuid NOT NULL,
        "channel" character varying(16) NOT NULL,
        "external_id" character varying(128) NOT NULL,
        "phone_e164" character varying(20),
        "display_name" character varying(200),
        "linked" character varying(16) NOT NULL DEFAULT 'first_seen',
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "uq_customer_identities_agent_channel_external" UNIQUE ("agent_id", "channel", "external_id"),
        CONSTRAINT "chk_customer_identities_linked" CHECK ("linked" IN ('first_seen', 'phone', 'explicit')),
        CONSTRAINT "pk_customer_identities" PRIMARY KEY ("id"),
        CONSTRAINT "fk_customer_identities_agent" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE CASCADE,
        CONSTRAINT "fk_customer_identities_customer" FOREIGN KEY ("customer_id")
          REFERENCES "customers"("id") ON DELETE CASCADE,
        CONSTRAINT "fk_customer_identities_first_customer" FOREIGN KEY ("first_customer_id")
          REFERENCES "customers"("id") ON DELETE CASCADE
      )`);
    await db.query(`
      CREATE INDEX "idx_customer_identities_phone" ON "customer_identities" ("agent_id", "phone_e164")
      WHERE "phone_e164" IS NOT NULL`);
    await db.query(`CREATE INDEX "idx_customer_identities_customer" ON "customer_identities" ("customer_id")`);

    await db.query(`
      CREATE TABLE "conversation_messages" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "arrival" BIGSERIAL NOT NULL,
        "agent_id" uuid NOT NULL,
        "customer_id" uuid,
        "identity_id" uuid,
        "channel" character varying(16) NOT NULL,
        "direction" character varying(8) NOT NULL,
        "business_account_id" character varying(256) NOT NULL,
        "counterpart_id" character varying(128) NOT NULL,
        "counterpart_name" character varying(200),
        "counterpart_phone" character varying(20),
        "platform_message_id" character varying(255),
        "in_reply_to" uuid,
        "text" text NOT NULL,
        "status" character varying(24) NOT NULL,
        "handoff" boolean NOT NULL DEFAULT false,
        "reply_deadline_at" TIMESTAMP WITH TIME ZONE,
        "error" text,
        "sent_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "chk_conversation_messages_direction" CHECK ("direction" IN ('inbound', 'outbound')),
        CONSTRAINT "pk_conversation_messages" PRIMARY KEY ("id"),
        CONSTRAINT "fk_conversation_messages_agent" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE CASCADE,
        CONSTRAINT "fk_conversation_messages_customer" FOREIGN KEY ("customer_id")
          REFERENCES "customers"("id") ON DELETE SET NULL,
        CONSTRAINT "fk_conversation_messages_identity" FOREIGN KEY ("identity_id")
          REFERENCES "customer_identities"("id") ON DELETE SET NULL,
        CONSTRAINT "fk_conversation_messages_in_reply_to" FOREIGN KEY ("in_reply_to")
          REFERENCES "conversation_messages"("id") ON DELETE CASCADE
      )`);
    await db.query(
      `CREATE INDEX "idx_conversation_messages_customer" ON "conversation_messages" ("customer_id", "arrival")`,
    );
    await db.query(`
      CREATE INDEX "idx_conversation_messages_conversation"
      ON "conversation_messages" ("agent_id", "channel", "counterpart_id", "arrival")`);
    await db.query(`
      CREATE INDEX "idx_conversation_messages_outbound_platform_id" ON "conversation_messages" ("channel", "platform_message_id")
      WHERE "direction" = 'outbound' AND "platform_message_id" IS NOT NULL`);
    await db.query(`
      CREATE UNIQUE INDEX "uq_conversation_messages_reply" ON "conversation_messages" ("in_reply_to")
      WHERE "direction" = 'outbound'`);
    await db.query(`
      CREATE UNIQUE INDEX "uq_conversation_messages_inbound_platform_id" ON "conversation_messages" ("channel", "platform_message_id")
      WHERE "direction" = 'inbound'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "conversation_messages"`);
    await db.query(`DROP TABLE "customer_identities"`);
    await db.query(`DROP TABLE "customers"`);
    await db.query(`ALTER TABLE "agents" DROP CONSTRAINT "chk_agents_status"`);
    await db.query(`
      ALTER TABLE "agents" ADD CONSTRAINT "chk_agents_status"
        CHECK ("status" IN ('provisioning', 'active', 'partially_active', 'failed'))`);
  }
}
