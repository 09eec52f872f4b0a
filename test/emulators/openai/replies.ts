import type { ChatReplier } from './types.js';

/** Every default reply starts with this, so a test can tell an emulated answer at a glance. */
export const DEFAULT_REPLY_PREFIX = 'OpenAI emulator reply to: ';

/** The default replier: DEFAULT_REPLY_PREFIX followed by the last user message (or '' when there is none). */
export const defaultReplier: ChatReplier = ({ messages }) => {
  const lastUser = [...messages].reverse().find((m) => m.role === 'user');
  return `${DEFAULT_REPLY_PREFIX}${lastUser?.content ?? ''}`;
};
