import { QueueName, type MessageReplyJobData, type MessageReplyResult } from '@voca/contracts';
import { Queue, QueueEvents } from 'bullmq';
import { TEST_REDIS_URL } from './test-env.js';

/** Puts customer messages on the `messages` queue and waits for the agent's reply, as the message path will. */
export class MessageClient {
  private constructor(
    private readonly queue: Queue<MessageReplyJobData, MessageReplyResult>,
    private readonly events: QueueEvents,
  ) {}

  static async connect(prefix: string): Promise<MessageClient> {
    const connection = { url: TEST_REDIS_URL };
    const events = new QueueEvents(QueueName.Messages, { connection, prefix });
    await events.waitUntilReady();
    return new MessageClient(new Queue(QueueName.Messages, { connection, prefix }), events);
  }

  async ask(data: MessageReplyJobData, timeoutMs = 30_000): Promise<MessageReplyResult> {
    const job = await this.queue.add('message.reply', data, { attempts: 1 });
    return job.waitUntilFinished(this.events, timeoutMs);
  }

  async close(): Promise<void> {
    await this.queue.close();
    await this.events.close();
  }
}
