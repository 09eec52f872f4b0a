import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AwsConnectWorkerEnv } from '@voca/config';
import { CONNECT_CHANNELS } from '@voca/contracts';
import { InjectMetric } from '@voca/observability';
import { AgentChannelStore } from '@voca/persistence';
import { readableError } from '@voca/provisioning';
import type { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { AgentConnectChannels, HEALED_AGENT_STATUSES, knownRefs } from '../channels/agent-connect-channels.js';
import { CONNECT_DRIFT_TOTAL } from './drift-metrics.js';

export interface DriftAuditReport {
  audited: number;
  drifted: number;
  healed: number;
  failed: number;
}

/**
 * Finds cloud drift before a caller does: compares what the engine recorded for agents on Amazon Connect (the
 * instance, voice Lambda, contact flow, hours, numbers) with what AWS has, and provisions again any agent whose
 * resources vanished. When that fails, the agent's active Connect channels are marked `failed` with what vanished,
 * why it could not be re-created and what the operator can do. Each run takes the agents compared longest ago.
 */
@Injectable()
export class ConnectDriftAudit {
  private readonly logger = new Logger(ConnectDriftAudit.name);

  constructor(
    private readonly channels: AgentConnectChannels,
    private readonly store: AgentChannelStore,
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: ConfigService<AwsConnectWorkerEnv, true>,
    @InjectMetric(CONNECT_DRIFT_TOTAL) private readonly drift: Counter<'outcome'>,
  ) {}

  async run(requestId: string): Promise<DriftAuditReport> {
    const report: DriftAuditReport = { audited: 0, drifted: 0, healed: 0, failed: 0 };
    this.channels.forgetVerified();
    for (const agentId of await this.agentsToAudit()) {
      const vanished = await this.channels.vanished(knownRefs(await this.channels.rowsOf(agentId)));
      report.audited += 1;
      if (vanished.length === 0) {
        await this.store.markCloudChecked(agentId, CONNECT_CHANNELS);
        continue;
      }
      report.drifted += 1;
      this.logger.warn(
        { agentId, vanished, requestId },
        'Connect resources vanished from AWS; provisioning them again',
      );
      try {
        await this.channels.heal(agentId, async (detail) =>
          this.logger.log({ agentId, detail, requestId }, 'healing drift'),
        );
        report.healed += 1;
        this.drift.inc({ outcome: 'healed' });
        // A replaced instance or Lambda serves every agent: the next agents are compared with AWS afresh.
        this.channels.forgetVerified();
      } catch (error) {
        report.failed += 1;
        this.drift.inc({ outcome: 'failed' });
        const reason = `${vanished.join(', ')} vanished from AWS and could not be re-created (${readableError(error)}); fix the cause, then update the agent (PUT) to provision it again`;
        this.logger.error(
          { agentId, vanished, requestId, error: readableError(error) },
          'could not heal Connect drift',
        );
        await this.store.markVanished(agentId, CONNECT_CHANNELS, reason);
      }
    }
    if (report.drifted) this.logger.log({ ...report, requestId }, 'Connect drift audit done');
    return report;
  }

  /** Agents with active Connect channels on an instance of this worker's region, compared longest ago first. */
  private async agentsToAudit(): Promise<string[]> {
    const rows: { agent_id: string }[] = await this.db.query(
      `SELECT c.agent_id FROM agent_channels c
         JOIN agents a ON a.id = c.agent_id
         JOIN connect_instances i ON i.instance_id = c.provider_refs->>'instanceId' AND i.region = $1
        WHERE c.channel = ANY($2) AND c.status = 'active' AND a.status = ANY($3)
        GROUP BY c.agent_id
        ORDER BY min(c.cloud_checked_at) ASC NULLS FIRST
        LIMIT $4`,
      [
        this.config.get('AWS_REGION', { infer: true }),
        [...CONNECT_CHANNELS],
        HEALED_AGENT_STATUSES,
        this.config.get('CONNECT_AUDIT_BATCH', { infer: true }),
      ],
    );
    return rows.map((row) => row.agent_id);
  }
}
