import type { ToolBody, ToolCreatedView, ToolView } from '@voca/contracts';
import { EXAMPLE_IDS } from '../http/api-docs.js';

/**
 * The spec's store (Cozy Comfort Bedding) lets its agent look up an order, as the OpenAPI description and the README
 * show it: the customer gives the number, the backend answers the order's status.
 */
export const ORDER_STATUS_TOOL = {
  name: 'order_status',
  description: 'Looks up an order of the store by its number: its status, carrier and expected delivery date.',
  parameters: {
    type: 'object',
    properties: {
      order_number: { type: 'string', pattern: '^[0-9]{4,10}$', description: 'The order number, e.g. 10423' },
    },
    required: ['order_number'],
    additionalProperties: false,
  },
  url: 'https://backend.example.com/voca/tools/order_status',
  timeout_ms: 2000,
  channels: ['whatsapp', 'instagram', 'facebook', 'twitter', 'voice'],
} satisfies ToolBody;

export const ORDER_STATUS_TOOL_VIEW = {
  id: EXAMPLE_IDS.tool,
  agent_id: EXAMPLE_IDS.agent,
  ...ORDER_STATUS_TOOL,
  requires_confirmation: false,
  handoff_on_failure: false,
  intent: 'order_status',
  created_at: '2025-12-15T10:04:12.000Z',
  updated_at: '2025-12-15T10:04:12.000Z',
} satisfies ToolView;

export const ORDER_STATUS_TOOL_CREATED = {
  ...ORDER_STATUS_TOOL_VIEW,
  signing_secret: 'whsec_Jx3Yp0QeVb6mT2rK9sLw4nA8dF1gH5jZ7cU0oI2eR6y',
} satisfies ToolCreatedView;
