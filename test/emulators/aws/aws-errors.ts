/**
 * AWS error responses as the REST-JSON protocol carries them: an HTTP status, the `x-amzn-errortype` header naming
 * the error shape, and a JSON body with the message (plus any modelled members such as `problems`). The SDK reads
 * the header to pick the exception class, so `error.name` on the client side is the code used here.
 */

/**
 * HTTP status per error code, as modelled in @aws-sdk/client-connect, @aws-sdk/client-lambda and
 * @aws-sdk/client-lex-models-v2 (PreconditionFailedException is 412 in both Lambda and Lex).
 */
const STATUS: Record<string, number> = {
  // Amazon Connect
  AccessDeniedException: 403,
  DuplicateResourceException: 409,
  IdempotencyException: 409,
  InternalServiceException: 500,
  InvalidContactFlowException: 400,
  InvalidParameterException: 400,
  InvalidRequestException: 400,
  LimitExceededException: 429,
  ResourceConflictException: 409,
  ResourceInUseException: 409,
  ResourceNotFoundException: 404,
  ServiceQuotaExceededException: 402,
  ThrottlingException: 429,
  TooManyRequestsException: 429,
  // AWS Lambda (only the ones the emulator answers)
  InvalidParameterValueException: 400,
  PolicyLengthExceededException: 400,
  PreconditionFailedException: 412,
  RequestTooLargeException: 413,
  ServiceException: 500,
  // Amazon Lex V2 model building
  ConflictException: 409,
  InternalServerException: 500,
  ValidationException: 400,
  // Front door (signature, routing, body)
  InvalidSignatureException: 403,
  MissingAuthenticationTokenException: 403,
  SerializationException: 400,
  UnknownOperationException: 404,
};

export type ServiceName = 'connect' | 'lambda' | 'lex';

/** An AWS error the emulator answers with; throw it from any operation handler. */
export class AwsError extends Error {
  readonly status: number;

  constructor(
    readonly code: string,
    message: string,
    readonly members: Record<string, unknown> = {},
    status?: number,
  ) {
    super(message);
    this.name = code;
    this.status = status ?? STATUS[code] ?? 400;
  }
}

export function awsError(code: string, message: string, members: Record<string, unknown> = {}): AwsError {
  return new AwsError(code, message, members);
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/**
 * The wire form of an error. Connect and Lex answer `{"message": ...}`; Lambda adds `"Type": "User" | "Service"` as
 * the real service does. All carry the code in `x-amzn-errortype`.
 */
export function errorAnswer(error: AwsError, service: ServiceName): HttpAnswer {
  const body: Record<string, unknown> =
    service === 'lambda'
      ? { Type: error.status >= 500 ? 'Service' : 'User', message: error.message, ...error.members }
      : { message: error.message, ...error.members };
  return { status: error.status, headers: { 'x-amzn-errortype': error.code }, body };
}
