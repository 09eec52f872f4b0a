import type { ValidationError } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { validationErrorBody } from './field-errors.js';

describe('validationErrorBody', () => {
  it('names nested and array fields by their dotted path', () => {
    const errors: ValidationError[] = [
      {
        property: 'agent_config',
        children: [
          { property: 'channels', constraints: { arrayNotEmpty: 'channels should not be empty' }, children: [] },
          {
            property: 'context',
            children: [
              {
                property: 'products',
                children: [
                  { property: '0', children: [{ property: 'price', constraints: { min: 'price must not be less than 0' } }] },
                ],
              },
            ],
          },
        ],
      },
    ];
    expect(validationErrorBody(errors)).toEqual({
      message:
        'agent_config.channels: channels should not be empty | agent_config.context.products.0.price: price must not be less than 0',
      fields: [
        { field: 'agent_config.channels', messages: ['channels should not be empty'] },
        { field: 'agent_config.context.products.0.price', messages: ['price must not be less than 0'] },
      ],
    });
  });
});
