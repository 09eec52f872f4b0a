import { MAX_FLOW_CONTENT_LENGTH, MAX_LAMBDA_SECONDS, type FlowDocument } from './flow-language.js';

const FORBIDDEN_IDENTIFIER_CHARACTERS = /[%:()\\/=$,;[\]{}]/;

/**
 * Structural checks of a flow before it is sent: a start action that exists, unique and legal identifiers, every
 * transition pointing at an action that exists, Lambda waits within Connect's limit, and the size limit.
 * Returns the problems found (none means valid as far as structure goes).
 */
export function validateFlow(flow: FlowDocument): string[] {
  const problems: string[] = [];
  const identifiers = new Set<string>();
  for (const action of flow.Actions) {
    if (identifiers.has(action.Identifier)) problems.push(`identifier ${action.Identifier} is used twice`);
    identifiers.add(action.Identifier);
    if (action.Identifier.length > 50 || FORBIDDEN_IDENTIFIER_CHARACTERS.test(action.Identifier)) {
      problems.push(`identifier ${action.Identifier} is not allowed`);
    }
  }
  if (!identifiers.has(flow.StartAction)) problems.push(`StartAction ${flow.StartAction} is not an action`);
  for (const action of flow.Actions) {
    const { NextAction, Conditions = [], Errors = [] } = action.Transitions;
    const targets = [NextAction, ...Conditions.map((c) => c.NextAction), ...Errors.map((e) => e.NextAction)];
    for (const target of targets) {
      if (target !== undefined && !identifiers.has(target)) {
        problems.push(`${action.Identifier} goes to ${target}, which is not an action`);
      }
    }
    if (action.Type === 'InvokeLambdaFunction') {
      const seconds = Number(action.Parameters.InvocationTimeLimitSeconds);
      if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_LAMBDA_SECONDS) {
        problems.push(`${action.Identifier} waits ${action.Parameters.InvocationTimeLimitSeconds} s for its Lambda`);
      }
    }
  }
  if (JSON.stringify(flow).length > MAX_FLOW_CONTENT_LENGTH) problems.push('the flow is larger than Connect accepts');
  return problems;
}
