import { readFileSync } from 'node:fs';

/** The spec's request bodies, verbatim from test/fixtures/spec (a fresh copy per call). */
export function specExample(name: 'provision-request' | 'create-agent-request'): Record<string, any> {
  return JSON.parse(readFileSync(new URL(`../fixtures/spec/${name}.json`, import.meta.url), 'utf8'));
}
