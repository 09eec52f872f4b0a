import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * Length in characters as Postgres counts them (code points). class-validator's @Length ignores some characters
 * (variation selectors), so a value it accepts could still overflow a varchar column.
 */
export function Length(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'codePointLength',
      constraints: [min, max],
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return false;
          const length = [...value].length;
          return length >= min && length <= max;
        },
        defaultMessage: (args) =>
          `${args?.property} must be ${min > 0 ? `between ${min} and ${max}` : `at most ${max}`} characters long`,
      },
    },
    options,
  );
}
