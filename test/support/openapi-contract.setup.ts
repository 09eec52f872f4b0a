import { afterAll, afterEach } from 'vitest';
import { enableContractChecks, takeMismatches } from './openapi-contract.js';

/**
 * The e2e tier's contract check (see openapi-contract.ts): every answer a test gets from a gateway must be one its
 * OpenAPI document describes. A test that got one it does not fails, listing each; answers got in a file's last
 * hooks fail the file.
 */
enableContractChecks();

function failOnMismatches(): void {
  const mismatches = takeMismatches();
  if (mismatches.length > 0) {
    throw new Error(
      `${mismatches.length} answer(s) the OpenAPI document does not describe:\n${mismatches.map((m) => `  ${m}`).join('\n')}`,
    );
  }
}

afterEach(failOnMismatches);
afterAll(failOnMismatches);
