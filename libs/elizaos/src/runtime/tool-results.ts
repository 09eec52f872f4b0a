import type { ToolOutcome } from '@voca/tools';

/** A tool's outcome as a model reads it: the backend's answer, or what happened instead, in the engine's words. */
export function toolResultText(outcome: ToolOutcome): string {
  switch (outcome.status) {
    case 'ok':
      return JSON.stringify(outcome.result ?? {});
    case 'awaiting_confirmation':
      return JSON.stringify({
        status: 'needs_confirmation',
        instruction:
          'Not done yet: tell the customer exactly what you will do and ask them to reply yes to confirm. It is done only after their yes.',
      });
    case 'declined':
      return JSON.stringify({ status: 'declined', instruction: 'The customer said no: it was not done.' });
    case 'invalid_arguments':
      return JSON.stringify({
        status: 'invalid_arguments',
        error: outcome.error,
        instruction: outcome.missing?.length
          ? `Ask the customer for: ${outcome.missing.join(', ')}.`
          : 'Correct the arguments, or ask the customer.',
      });
    case 'unknown':
      return JSON.stringify({
        status: 'unknown',
        instruction: 'It may or may not have been done: say a person will check and get back to them.',
      });
    default:
      return JSON.stringify({
        status: 'failed',
        error: outcome.error ?? outcome.status,
        instruction: 'Apologise that it could not be done now; offer a person. No technical details.',
      });
  }
}
