import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OPERATION_KINDS, OPERATION_STATUSES, type OperationKind, type OperationStatus } from '../statuses.js';

/** An operation as an agent's list shows it; its status route has the steps. */
export class OperationSummaryView {
  @ApiProperty({ format: 'uuid', example: '9b1e7c42-5a3d-4e8f-b6c1-2d4f8a0e7b13' })
  provisioning_id: string;

  @ApiProperty({ format: 'uuid', example: '3f2b9c1e-8d4a-4f6b-9a2e-1c7d5e0f4a21' })
  agent_id: string;

  @ApiProperty({ enum: OPERATION_KINDS, example: 'provision' })
  kind: OperationKind;

  @ApiProperty({ enum: OPERATION_STATUSES, example: 'partially_completed' })
  status: OperationStatus;

  @ApiProperty({ example: '2026-12-01T10:00:00.000Z' })
  created_at: string;

  @ApiPropertyOptional({ example: '2026-12-01T10:00:00.120Z' })
  started_at?: string;

  @ApiPropertyOptional({ example: '2026-12-01T10:00:04.870Z' })
  finished_at?: string;

  @ApiPropertyOptional({ example: 'aws_connect: no phone number is available in US' })
  error?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The operation this one retried' })
  retry_of?: string;

  @ApiProperty({ example: '/api/v1/provisioning/9b1e7c42-5a3d-4e8f-b6c1-2d4f8a0e7b13' })
  status_url: string;
}

export class OperationPageView {
  @ApiProperty({ type: [OperationSummaryView], description: 'Newest first' })
  items: OperationSummaryView[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `before` for the next (older) page' })
  next_cursor: string | null;
}
