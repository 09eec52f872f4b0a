import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

/** The SMS channel's number: Amazon Connect's, so it has no adapter here, but its credentials sit with the rest. */
export class SmsNumberDto {
  @ApiProperty({
    example: 'arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-0123456789abcdef',
    description: 'An AWS End User Messaging SMS number with two-way SMS to Amazon Connect; imported into Connect',
  })
  @IsString()
  @Matches(/^arn:aws[a-z-]*:sms-voice:[a-z0-9-]+:\d{12}:phone-number\/[A-Za-z0-9_-]+$/, {
    message: 'source_phone_number_arn must be an End User Messaging SMS phone number ARN',
  })
  source_phone_number_arn: string;
}
