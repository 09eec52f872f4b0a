import { ApiParam } from '@nestjs/swagger';

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
} as const;

/** Documents a UUID path parameter, on a route or on every route of a controller. */
export function ApiIdParam(name: string, of: keyof typeof EXAMPLE_IDS): ClassDecorator & MethodDecorator {
  return ApiParam({ name, format: 'uuid', description: `The ${of}'s id`, example: EXAMPLE_IDS[of] });
}
