/**
 * Public face of the Amazon Connect + AWS Lambda emulator for tests:
 *
 * ```ts
 * const aws = await AwsEmulator.start({ instanceActivationMs: 50 });
 * const connect = new ConnectClient({ endpoint: aws.url, region: 'us-east-1', credentials: { accessKeyId: 'test',
 * secretAccessKey: 'test' } });
 * ```
 */
export { AwsEmulator } from './aws-emulator.js';
export type { AwsEmulatorOptions } from './options.js';
export type { AwsFault } from './faults.js';
export { AWS_FAULTS } from './faults.js';
export type { AwsCall, AwsInventory } from './inventory.js';
