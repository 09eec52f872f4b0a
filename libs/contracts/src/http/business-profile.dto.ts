import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsObject,
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsNumber,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUrl,
  IsIn,
  Matches,
  ValidateBy,
  type ValidationArguments,
  Min,
  ValidateNested,
} from 'class-validator';
import { Length } from '../text/text-length.js';

/** How the agent speaks: the seed's `character_config`. */
export class CharacterConfigDto {
  @ApiPropertyOptional({ example: 'warm, patient and knowledgeable about sleep' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  personality?: string;

  @ApiPropertyOptional({ example: 'friendly', description: 'e.g. friendly, professional, formal, casual' })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  tone?: string;

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
}

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

/** What the agent knows about the business: the seed's `context`. */
export class BusinessContextDto {
  @ApiPropertyOptional({ type: [ProductDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ProductDto)
  products?: ProductDto[];

  @ApiPropertyOptional({ example: ['organic cotton bedding', 'hypoallergenic pillows'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  specialties?: string[];

  @ApiPropertyOptional({ example: 'Monday to Saturday, 9 AM - 6 PM EST' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  store_hours?: string;

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

  @ApiPropertyOptional({ example: 'https://cozycomfort.example' })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  website?: string;

  @ApiPropertyOptional({ example: ['All sheets are OEKO-TEX certified.'], description: 'Facts the agent may quote' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @Length(1, 4000, { each: true })
  knowledge_base?: string[];

  @ApiPropertyOptional({ type: [FaqDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => FaqDto)
  faqs?: FaqDto[];
}
