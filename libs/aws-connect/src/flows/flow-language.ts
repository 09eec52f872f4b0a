/** The parts of Amazon Connect's Flow language (Version 2019-10-30) the engine generates. */
export interface FlowDocument {
  Version: '2019-10-30';
  StartAction: string;
  Actions: FlowAction[];
}

export interface FlowCondition {
  NextAction: string;
  Condition: { Operator: 'Equals'; Operands: string[] };
}

export interface FlowError {
  NextAction: string;
  ErrorType: string;
}

export interface FlowAction {
  Identifier: string;
  Type: string;
  Parameters: Record<string, unknown>;
  Transitions: {
    NextAction?: string;
    Conditions?: FlowCondition[];
    Errors?: FlowError[];
  };
}

/** Connect refuses flow content longer than this. */
export const MAX_FLOW_CONTENT_LENGTH = 256_000;
/** The longest a flow may wait for a Lambda. */
export const MAX_LAMBDA_SECONDS = 8;
