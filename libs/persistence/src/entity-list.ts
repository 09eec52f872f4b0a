import { getMetadataArgsStorage } from 'typeorm';
import * as exported from './entities/index.js';

type EntityClass = abstract new (...args: never) => object;

/** Every `@Entity` class that entities/ exports, for the data source and Nest's repositories. */
export const ENTITIES: EntityClass[] = Object.values<unknown>(exported).filter(
  (value): value is EntityClass =>
    typeof value === 'function' && getMetadataArgsStorage().tables.some((table) => table.target === value),
);
