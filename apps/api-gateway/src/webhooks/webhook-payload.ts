import { BadRequestException } from '@nestjs/common';
import { WebhookPayloadError } from '@voca/channels';

/** Runs a platform parser; a payload that is not the platform's documented shape is the sender's 400. */
export function parsePayload<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof WebhookPayloadError) throw new BadRequestException(error.message);
    throw error;
  }
}
