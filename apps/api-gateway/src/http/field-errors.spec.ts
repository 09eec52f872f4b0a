import { ProvisionAgentRequestDto } from '@voca/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
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
                  {
                    property: '0',
                    children: [{ property: 'price', constraints: { min: 'price must not be less than 0' } }],
                  },
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

describe('validationErrorBody of the profile lists', () => {
  const refused = (character_config: object) =>
    validationErrorBody(
      validateSync(
        plainToInstance(ProvisionAgentRequestDto, {
          agent_config: { name: 'Shop', business_type: 'retail', channels: ['sms'], character_config },
        }),
        { whitelist: true, forbidNonWhitelisted: true },
      ),
    );

  it('names the entry at fault inside a product list or a knowledge base by its path', () => {
    expect(refused({ products: ['pillows', { name: 'Duvet', price: -5 }] }).fields).toEqual([
      { field: 'agent_config.character_config.products.1.price', messages: ['price must not be less than 0'] },
    ]);
    expect(refused({ knowledge_base: { return_policy: 30 } }).fields).toEqual([
      { field: 'agent_config.character_config.knowledge_base.return_policy', messages: ['must be a string'] },
    ]);
    expect(refused({ knowledge_base: 'thirty days' }).fields[0]!.field).toBe(
      'agent_config.character_config.knowledge_base',
    );
  });
});
