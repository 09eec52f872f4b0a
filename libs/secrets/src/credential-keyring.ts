import { CredentialCipher } from './credential-cipher.js';

interface KeyringSettings {
  CREDENTIALS_ENCRYPTION_KEY?: string;
  CREDENTIALS_PREVIOUS_KEYS?: string[];
}

/**
 * The app's credential keyring from its config: CREDENTIALS_ENCRYPTION_KEY seals, it and CREDENTIALS_PREVIOUS_KEYS
 * open.
 */
export function credentialCipherFrom(config: {
  get<K extends keyof KeyringSettings>(key: K, options: { infer: true }): KeyringSettings[K];
}): CredentialCipher {
  const current = config.get('CREDENTIALS_ENCRYPTION_KEY', { infer: true });
  if (!current) throw new Error('CREDENTIALS_ENCRYPTION_KEY is required');
  return new CredentialCipher(current, config.get('CREDENTIALS_PREVIOUS_KEYS', { infer: true }) ?? []);
}
