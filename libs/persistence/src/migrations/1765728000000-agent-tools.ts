import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The backend's functions an agent may call (its tools), and every call the agent made of them, with its turn. */
export class AgentTools1765728000000 implements MigrationInterface {
  name = 'AgentTools1765728000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "agent_tools" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "agent_id" uuid NOT NULL,
        "vendor_id" character varying(64) NOT NULL,
        "name" character varying(64) NOT NULL,
        "description" text NOT NULL,
        "parameters" jsonb NOT NULL,
        "url" character varying(2048) NOT NULL,
        "timeout_ms" integer NOT NULL,
        "channels" text array,
        "requires_confirmation" boolean NOT NULL DEFAULT false,
        "handoff_on_failure" boolean NOT NULL DEFAULT false,
        "intent" character varying(32),
        "secret_ciphertext" text NOT NULL,
        "created_by" character varying(200) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_agent_tools" PRIMARY KEY ("id"),
        CONSTRAINT "fk_agent_tools_agent" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE CASCADE
      )`);
    await db.query(`CREATE UNIQUE INDEX "uq_agent_tools_agent_name" ON "agent_tools" ("agent_id", "name")`);
    await db.query(`
      CREATE TABLE "tool_calls" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "agent_id" uuid NOT NULL,
        "customer_id" uuid NOT NULL,
        "message_id" uuid NOT NULL,
        "resolved_by_message_id" uuid,
        "tool_id" uuid,
        "tool_name" character varying(64) NOT NULL,
        "channel" character varying(16) NOT NULL,
        "arguments" jsonb NOT NULL,
        "missing" text array,
        "status" character varying(32) NOT NULL,
        "idempotency_key" character varying(200) NOT NULL,
        "latency_ms" integer,
        "response_bytes" integer,
        "http_status" integer,
        "result" jsonb,
        "error" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_tool_calls" PRIMARY KEY ("id"),
        CONSTRAINT "fk_tool_calls_message" FOREIGN KEY ("message_id")
          REFERENCES "conversation_messages"("id") ON DELETE CASCADE,
        CONSTRAINT "fk_tool_calls_resolved_by" FOREIGN KEY ("resolved_by_message_id")
          REFERENCES "conversation_messages"("id") ON DELETE CASCADE,
        CONSTRAINT "fk_tool_calls_tool" FOREIGN KEY ("tool_id") REFERENCES "agent_tools"("id") ON DELETE SET NULL
      )`);
    await db.query(`CREATE INDEX "idx_tool_calls_customer" ON "tool_calls" ("agent_id", "customer_id", "created_at")`);
    await db.query(`CREATE INDEX "idx_tool_calls_message" ON "tool_calls" ("message_id")`);
    // Deleting a message (erasure, retention) looks its confirmed calls up by it, through the foreign key.
    await db.query(
      `CREATE INDEX "idx_tool_calls_resolved_by" ON "tool_calls" ("resolved_by_message_id")
        WHERE "resolved_by_message_id" IS NOT NULL`,
    );
    await db.query(`CREATE UNIQUE INDEX "uq_tool_calls_idempotency_key" ON "tool_calls" ("idempotency_key")`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "tool_calls"`);
    await db.query(`DROP TABLE "agent_tools"`);
  }
}
