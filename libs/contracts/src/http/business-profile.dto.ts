import { applyDecorators } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  getSchemaPath,
  type ApiPropertyOptions,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsObject,
  ArrayMaxSize,
  IsBoolean,
  IsArray,
  IsEmail,
  IsNumber,
  IsOptional,
  IsString,
  IsTimeZone,
  IsIn,
  Matches,
  ValidateBy,
  type ValidationArguments,
  Min,
  ValidateNested,
} from 'class-validator';
import { Length } from '../text/text-length.js';
import { VOICE_LANGUAGE_TAGS, VOICE_LANGUAGES, voiceLanguageTagOf } from '../voice-languages.js';
import { IsIdentifierOrObjectList, IsKnowledgeBase, IsWebsite } from './profile-validators.js';

export class ProductDto {
  @ApiProperty({ example: 'Egyptian Cotton Sheet Set' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ example: '600 thread count, queen and king sizes' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  description?: string;

  @ApiPropertyOptional({ example: 129.99 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  price?: number;
}

/** A product: an identifier as the spec writes it (`"bedding_sets"`, spoken "bedding sets") or an object. */
export type ProductEntry = string | ProductDto;
/** Named facts (`{"return_policy": "30-day returns"}`, the spec's form) or plain statements. */
export type KnowledgeBase = Record<string, string> | string[];

/*
 * `products`, `specialties` and `knowledge_base` may sit in `character_config` (as the spec has them) or in `context`
 * (the engine's earlier shape): the same field, validated the same way in both places.
 */

/** Identifiers (spoken as words) or {name, description, price} objects. */
function ProductsField(example: unknown[]): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: 'array',
      items: { oneOf: [{ type: 'string', example: 'bedding_sets' }, { $ref: getSchemaPath(ProductDto) }] },
      example,
      description:
        'Identifiers (spoken as words, "bedding_sets" as "bedding sets") or {name, description, price} objects',
    }),
    IsOptional(),
    IsIdentifierOrObjectList(ProductDto),
  );
}

function SpecialtiesField(example: string[]): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ example, description: 'Identifiers (spoken as words) or short phrases' }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(100),
    IsString({ each: true }),
    Length(1, 200, { each: true }),
  );
}

/** Named facts or statements. */
function KnowledgeBaseField(example: unknown): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      oneOf: [
        { type: 'object', additionalProperties: { type: 'string' } },
        { type: 'array', items: { type: 'string' } },
      ],
      example,
      description:
        'Named facts the agent can quote (return_policy, shipping_info, warranty_info and payment_info answer those questions; a bare file name is kept, not quoted), or statements',
    } as ApiPropertyOptions),
    IsOptional(),
    IsKnowledgeBase(),
  );
}

/**
 * Who the agent is and what it sells: the spec's `character_config` (`business_name`, `products`, `specialties`,
 * `tone`, `knowledge_base`) with the engine's optional extensions (`personality`, `language`, `response_style`,
 * `greeting`).
 */
@ApiExtraModels(ProductDto)
export class CharacterConfigDto {
  @ApiPropertyOptional({
    example: 'Cozy Comfort Bedding',
    description: 'The business the agent speaks for (default: the agent name)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  business_name?: string;

  @ProductsField(['bedding_sets', 'pillows', 'comforters', 'duvets'])
  products?: ProductEntry[];

  @SpecialtiesField(['bedding', 'home_decor', 'sleep_products'])
  specialties?: string[];

  @ApiPropertyOptional({ example: 'warm, patient and knowledgeable about sleep' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  personality?: string;

  @ApiPropertyOptional({
    example: 'friendly_helpful',
    description: 'friendly_helpful or professional_friendly (the spec), or free text such as warm, casual, formal',
  })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  tone?: string;

  @KnowledgeBaseField({
    product_catalog: 'bedding_products.json',
    return_policy: '30-day returns',
    shipping_info: 'Free shipping over $50',
  })
  knowledge_base?: KnowledgeBase;

  @ApiPropertyOptional({ example: 'en', description: 'BCP 47 language tag the agent answers in' })
  @IsOptional()
  @IsString()
  @Length(2, 35)
  language?: string;

  @ApiPropertyOptional({ example: 'concise' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  response_style?: string;

  @ApiPropertyOptional({ example: 'Hi! Welcome to Cozy Comfort Bedding. How can I help you sleep better today?' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  greeting?: string;

  @ApiPropertyOptional({
    example: 'Joanna',
    description: `The Amazon Polly voice the agent speaks with on the phone, one of its language's: ${Object.entries(
      VOICE_LANGUAGES,
    )
      .map(([tag, { voices }]) => `${tag}: ${voices.join(', ')}`)
      .join('; ')}. Absent, the first of its language's.`,
  })
  @IsOptional()
  @IsString()
  @IsVoiceOfLanguage()
  voice?: string;

  @ApiPropertyOptional({
    example: true,
    description:
      'Hand the customer to a person when they send a photo, voice note, video or file with no words (default: the agent answers itself)',
  })
  @IsOptional()
  @IsBoolean()
  media_handoff?: boolean;
}

export class PoliciesDto {
  @ApiPropertyOptional({ example: '30-day returns on unused items in their original packaging' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  returns?: string;

  @ApiPropertyOptional({ example: 'Free shipping on orders over $75; 3-5 business days' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  shipping?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  warranty?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  payment?: string;
}

export class ContactDto {
  @ApiPropertyOptional({ example: '+15551234567' })
  @IsOptional()
  @IsString()
  @Length(3, 40)
  phone?: string;

  @ApiPropertyOptional({ example: 'help@cozycomfort.example' })
  @IsOptional()
  @IsEmail()
  email?: string;

  @ApiPropertyOptional({ example: '12 Linen Lane, Portland, ME' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  address?: string;
}

export class FaqDto {
  @ApiProperty({ example: 'Do you ship internationally?' })
  @IsString()
  @Length(1, 500)
  question: string;

  @ApiProperty({ example: 'We ship to the US and Canada.' })
  @IsString()
  @Length(1, 2000)
  answer: string;
}

export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function AfterOpening() {
  return ValidateBy({
    name: 'afterOpening',
    validator: {
      validate: (close: unknown, args: ValidationArguments) => {
        const open = (args.object as { open?: unknown }).open;
        return typeof close !== 'string' || typeof open !== 'string' || close > open;
      },
      defaultMessage: () => 'close must be later than open',
    },
  });
}

/** One day's opening time; used to decide whether a caller can be transferred to a person. */
export class OpeningHoursDto {
  @ApiProperty({ enum: WEEKDAYS, example: 'MONDAY' })
  @IsIn(WEEKDAYS)
  day: Weekday;

  @ApiProperty({ example: '09:00', description: '24-hour HH:MM in the context timezone' })
  @Matches(CLOCK_TIME, { message: 'open must be a 24-hour time HH:MM' })
  open: string;

  @ApiProperty({ example: '18:00' })
  @Matches(CLOCK_TIME, { message: 'close must be a 24-hour time HH:MM' })
  @AfterOpening()
  close: string;
}

/**
 * What the agent knows about the business: the spec's `context` (`store_hours`, `contact_info`, `website`) with the
 * engine's optional extensions (products, opening hours with a time zone, policies, structured contact, FAQs...).
 */
@ApiExtraModels(ProductDto)
export class BusinessContextDto {
  @ProductsField([{ name: 'Egyptian Cotton Sheet Set', price: 129.99 }])
  products?: ProductEntry[];

  @SpecialtiesField(['organic cotton bedding', 'hypoallergenic pillows'])
  specialties?: string[];

  @ApiPropertyOptional({ example: '9 AM - 6 PM EST' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  store_hours?: string;

  @ApiPropertyOptional({ example: '+1-555-BEDDING', description: 'How customers reach the business, free text' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  contact_info?: string;

  @ApiPropertyOptional({ example: 'America/New_York', description: 'IANA time zone of the store hours' })
  @IsOptional()
  @IsTimeZone()
  timezone?: string;

  @ApiPropertyOptional({
    type: [OpeningHoursDto],
    description: 'Machine-readable opening hours (needs timezone); phone transfers to a person follow them',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(14)
  @ValidateNested({ each: true })
  @Type(() => OpeningHoursDto)
  opening_hours?: OpeningHoursDto[];

  @ApiPropertyOptional({ type: PoliciesDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PoliciesDto)
  policies?: PoliciesDto;

  @ApiPropertyOptional({ type: ContactDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ContactDto)
  contact?: ContactDto;

  @ApiPropertyOptional({ example: 'cozycomfort.com', description: 'A domain or an http(s) URL' })
  @IsOptional()
  @IsWebsite()
  website?: string;

  @KnowledgeBaseField(['All sheets are OEKO-TEX certified.'])
  knowledge_base?: KnowledgeBase;

  @ApiPropertyOptional({ type: [FaqDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => FaqDto)
  faqs?: FaqDto[];
}

/** A Polly voice of the agent's own language (`language` beside it, English when absent). */
function IsVoiceOfLanguage(): PropertyDecorator {
  return ValidateBy({
    name: 'voiceOfLanguage',
    validator: {
      validate(value: unknown, args: ValidationArguments): boolean {
        const tag = voiceLanguageTagOf((args.object as { language?: string }).language);
        return (
          typeof value !== 'string' ||
          (tag !== undefined && (VOICE_LANGUAGES[tag].voices as readonly string[]).includes(value))
        );
      },
      defaultMessage(args: ValidationArguments): string {
        const language = (args.object as { language?: string }).language ?? 'en';
        const tag = voiceLanguageTagOf(language);
        if (!tag)
          return `voice needs a language the engine speaks on the phone (${VOICE_LANGUAGE_TAGS.join(', ')}); ${language} is not one`;
        return `voice must be one of the ${VOICE_LANGUAGES[tag].locale} voices: ${VOICE_LANGUAGES[tag].voices.join(', ')}`;
      },
    },
  });
}
