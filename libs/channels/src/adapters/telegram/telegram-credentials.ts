import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

/** A bot token as @BotFather issues it: the bot's numeric id, a colon, and 30 or more letters, digits, `_` or `-`. */
export const BOT_TOKEN = /^([1-9]\d{0,19}):[A-Za-z0-9_-]{30,100}$/;

export class TelegramCredentialsDto {
  @ApiProperty({
    description:
      "The bot's token from @BotFather (`<bot id>:<secret>`); the bot id routes inbound messages. Stored encrypted, never returned",
    example: '7012345678:AAH3k9fJq2LmN8pQ4rS6tU1vW5xY7zA0bCd',
    writeOnly: true,
  })
  @IsString()
  @Matches(BOT_TOKEN, { message: "$property must be the bot's token from @BotFather (<bot id>:<secret>)" })
  bot_token: string;
}

/** The bot's id: the part of its token before the colon. */
export function botIdOf(token: string | undefined): string | undefined {
  return token === undefined ? undefined : BOT_TOKEN.exec(token)?.[1];
}
