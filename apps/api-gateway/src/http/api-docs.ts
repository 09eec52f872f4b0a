import { applyDecorators } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtension,
  ApiOperation,
  ApiParam,
  ApiResponse,
  type ContentObject,
  type OpenAPIObject,
  type OperationObject,
} from '@nestjs/swagger';
import { ErrorView } from '@voca/contracts';

/** The ids the OpenAPI examples use, one per kind of object, so that the examples of related routes agree. */
export const EXAMPLE_IDS = {
  agent: '3f2b9c1e-8d4a-4f6b-9a2e-1c7d5e0f4a21',
  operation: '9b1e7c42-5a3d-4e8f-b6c1-2d4f8a0e7b13',
  customer: 'c4a8e2f1-7b3d-4c9e-8f1a-5e6d2b0c9a34',
  identity: 'e7d1c3b5-2f4a-4b8e-9c6d-1a3f5e7b9d02',
  'event endpoint': '5d2e8f14-9c3b-4a7e-b1d6-8e0f2a4c6b58',
  delivery: 'a81f4c27-3e6b-4d95-8c0a-7b2e9d1f5c36',
  handoff: 'b3e9d7a1-4c2f-4e8b-9a6d-0f1e2d3c4b5a',
  'audit entry': 'd2c4e6f8-1a3b-4c5d-8e7f-9a0b1c2d3e4f',
  tool: '7a4c1e9b-2d5f-4b8a-9e3c-6f0d1b2a5c47',
} as const;

/**
 * Documents a UUID path parameter, on a route or on every route of a controller, with what it answers for an id that
 * is not a UUID (400, see uuidParam) or names nothing the token may see (404; a route may describe its own).
 */
export function ApiIdParam(name: string, of: keyof typeof EXAMPLE_IDS) {
  return applyDecorators(
    ApiParam({ name, format: 'uuid', description: `The ${of}'s id`, example: EXAMPLE_IDS[of] }),
    ApiError(400, 'A parameter is not valid (named in `fields`), e.g. an id that is not a UUID'),
    ApiError(404, `No ${of} with this id that the token may see`),
  );
}

/**
 * An error answer, in the API's one error shape (ErrorView, see ApiExceptionFilter). Every error a route can answer
 * is documented with it: a client generated from the document knows each status and its body. A 429 or 503 may carry
 * Retry-After (RetryLaterException, a database away), and so may another status that says `retryAfter`.
 */
export function ApiError(
  status: number,
  description: string,
  options: { retryAfter?: boolean } = {},
): ClassDecorator & MethodDecorator {
  const retryAfter = options.retryAfter ?? (status === 429 || status === 503);
  return ApiResponse({
    status,
    description,
    type: ErrorView,
    ...(retryAfter
      ? {
          headers: {
            'Retry-After': {
              description: 'Seconds to wait before trying again',
              schema: { type: 'integer', example: 2 },
            },
          },
        }
      : {}),
  }) as ClassDecorator & MethodDecorator;
}

/** What any route can answer whatever it does: an unexpected error, or a database (or Redis) that cannot be reached. */
const UNEXPECTED = ApiError(500, 'An unexpected error; the log has it under its request_id');
const UNAVAILABLE = ApiError(
  503,
  'The engine cannot reach its database or Redis right now, or a dependency is not set',
);

/**
 * On a controller whose routes need the bearer token (every route not marked @PublicRoute()): the token, and the
 * errors the global guards and filter answer on any of its routes, so that no route repeats them.
 */
export function ApiBearerRoutes(): ClassDecorator {
  return applyDecorators(
    ApiBearerAuth(),
    ApiError(401, 'No bearer token, or one that is malformed, badly signed, expired or lives too long'),
    ApiError(403, 'The token grants neither the service role nor a vendor, or not this action'),
    ApiError(429, 'The token has used its RATE_LIMIT_PER_MINUTE requests this minute'),
    UNEXPECTED,
    UNAVAILABLE,
  );
}

/**
 * The operation of a public route (a platform webhook or handshake: no bearer token, the platform signs or the route
 * only answers a challenge): `security: []` says no token is needed. Its 503 is its own to describe (an unset secret,
 * messages that cannot be recorded): a decorator above would replace it.
 */
export function ApiPublicOperation(summary: string): MethodDecorator {
  return applyDecorators(ApiOperation({ summary, security: [] }), UNEXPECTED);
}

/**
 * On a route that reads a JSON body: the body parser's refusals (before any route runs) and the validation's, unless
 * the route describes its own 400 (then pass `badRequest`).
 */
export function ApiJsonBody(badRequest = 'The body is not valid JSON, or a field is not valid (named in `fields`)') {
  return applyDecorators(
    ApiError(400, badRequest),
    ApiError(413, 'The body is larger than HTTP_BODY_LIMIT'),
    ApiError(415, 'The body has a Content-Encoding or charset the API does not read'),
  );
}

/** Where ApiBodyAlsoAs leaves a route's other media types until withOtherBodyTypes moves them into its request body. */
const OTHER_BODY_TYPES = 'x-other-body-types';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * On a route whose body may also come in other media types, each with its own schema (ApiBody gives every media type
 * of a route the same one): e.g. a JSON body that may instead be a multipart/form-data upload. The document gets them
 * once made (withOtherBodyTypes, in configureGateway).
 */
export function ApiBodyAlsoAs(content: ContentObject): MethodDecorator {
  return ApiExtension(OTHER_BODY_TYPES, content);
}

/** Moves the media types ApiBodyAlsoAs set on operations into their request bodies. */
export function withOtherBodyTypes(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = path[method] as (OperationObject & { [OTHER_BODY_TYPES]?: ContentObject }) | undefined;
      const others = operation?.[OTHER_BODY_TYPES];
      if (!operation || !others) continue;
      delete operation[OTHER_BODY_TYPES];
      const body = operation.requestBody;
      if (body && 'content' in body) body.content = { ...body.content, ...others };
    }
  }
  return document;
}
