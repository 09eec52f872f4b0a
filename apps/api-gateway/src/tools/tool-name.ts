import { BadRequestException } from '@nestjs/common';
import { TOOL_NAME_PATTERN } from '@voca/contracts';
import { fieldError } from '../http/field-errors.js';

/** The `{name}` of a route: 400 naming `name` when it cannot be a tool's. */
export function toolNameParam(param: string): string {
  if (!TOOL_NAME_PATTERN.test(param))
    throw new BadRequestException(
      fieldError('name', "must be a tool's name: 1-64 lower-case letters, digits and _, starting with a letter"),
    );
  return param;
}
