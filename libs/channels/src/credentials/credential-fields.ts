import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';

/**
 * Field decorators the channels' credential DTOs share. This folder is the one part of @voca/channels the contracts
 * read (`@voca/channels/credentials`), so it imports nothing of the engine's own.
 */

/**
 * Meta's ids (WhatsApp phone number and business account, Page, Instagram account), X's and Telegram's user ids are
 * decimal numbers. Nothing else may pass: the ids are put into API paths (`..` would walk them).
 */
const PLATFORM_ID = /^[1-9]\d{0,31}$/;

/** A platform's numeric id, required or not. */
export function PlatformId(docs: { example: string; description?: string }, optional = false): PropertyDecorator {
  return applyDecorators(
    optional ? ApiPropertyOptional(docs) : ApiProperty(docs),
    ...(optional ? [IsOptional()] : []),
    IsString(),
    Matches(PLATFORM_ID, { message: '$property must be the numeric id the platform shows (digits only)' }),
  );
}

/** A token the platform issued: stored encrypted, never returned. Printable ASCII, as every platform issues them. */
export function SecretToken(description: string, pattern = /^[\x21-\x7e]{8,4096}$/): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ description: `${description}; stored encrypted, never returned`, writeOnly: true }),
    IsString(),
    Matches(pattern, { message: '$property must be the token the platform issued (8 to 4096 printable characters)' }),
  );
}
