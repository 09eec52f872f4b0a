import { hostname } from 'node:os';
import { Injectable } from '@nestjs/common';
import { QueueName, type JobOf, type MessageReplyResult } from '@voca/contracts';
import { RuntimeHost } from '@voca/elizaos';
import { QueueConsumer, type JobHandlers } from '@voca/queue';
import type { Job } from 'bullmq';

const REPLICA = `${hostname()}#${process.pid}`;

/** Answers customer messages with the agent's runtime (queue `messages`); the reply is the job's result. */
@Injectable()
export class MessagesConsumer extends QueueConsumer<typeof QueueName.Messages> {
  protected readonly queue = QueueName.Messages;
  protected readonly handlers: JobHandlers<typeof QueueName.Messages> = {
    'message.reply': (job) => this.reply(job),
  };
  protected readonly defaultConcurrency = 10;

  constructor(private readonly host: RuntimeHost) {
    super();
  }

  private async reply(job: Job<JobOf<'message.reply'>>): Promise<MessageReplyResult> {
    const { agentId, channel, customer, text, media, messageId, history = [], replyBy } = job.data;
    const answer = await this.host.reply({
      agentId,
      channel,
      customer,
      text,
      media,
      messageId,
      history,
      ...(replyBy ? { replyBy: new Date(replyBy) } : {}),
    });
    this.logger.log(
      {
        agentId,
        channel,
        jobId: job.id,
        requestId: job.data.requestId,
        handoff: answer.handoff,
        characterVersion: answer.characterVersion,
        citations: answer.citations.length,
        toolCalls: answer.toolCalls,
      },
      'message answered',
    );
    return {
      reply: answer.text,
      handoff: answer.handoff,
      characterVersion: answer.characterVersion,
      ...(answer.citations.length > 0 ? { citations: answer.citations } : {}),
      ...(answer.toolCalls.length > 0 ? { toolCalls: answer.toolCalls } : {}),
      replica: REPLICA,
    };
  }
}
