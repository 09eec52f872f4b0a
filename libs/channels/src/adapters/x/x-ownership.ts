import { textAt, xReason } from '../../platform-call.js';
import { askIdentity, refusal, type Ownership, type OwnershipProver } from '../../ownership/account-ownership.js';
import type { TwitterCredentialsDto } from './x-credentials.js';
import type { XSettings } from './x-settings.js';

/** An X account: `GET /2/users/me` with the user token is that user. */
export class XOwnership implements OwnershipProver<TwitterCredentialsDto> {
  constructor(
    private readonly settings: XSettings,
    private readonly timeoutMs: number,
  ) {}

  async prove(credentials: TwitterCredentialsDto): Promise<Ownership> {
    const url = `${this.settings.X_API_BASE_URL.replace(/\/$/, '')}/2/users/me`;
    const answer = await askIdentity(
      url,
      { headers: { authorization: `Bearer ${credentials.access_token}` } },
      this.timeoutMs,
    );
    if (answer.kind !== 'answered') return answer;
    const { status, body } = answer;
    const id = textAt(body, 'data', 'id');
    if (status === 200 && id === credentials.user_id) return { kind: 'owned' };
    if (status === 200) {
      return {
        kind: 'not_owned',
        reason: `the token belongs to X user ${id || 'unknown'}, not ${credentials.user_id}`,
      };
    }
    return refusal(answer, xReason(status, body));
  }
}
