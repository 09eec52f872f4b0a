/**
 * Amazon Connect's API rate: a token bucket per account and region, shared by every Connect operation and instance
 * (about 2 requests a second with a burst of 5 by default in AWS). A call that finds the bucket empty is answered
 * ThrottlingException and has no effect.
 */
export interface ApiRate {
  perSecond: number;
  burst: number;
}

export class ApiRateLimit {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly rate: ApiRate,
    private readonly now: () => number,
  ) {}

  /** Takes one token of the region's bucket; false when it is empty. */
  take(region: string): boolean {
    const now = this.now();
    const bucket = this.buckets.get(region) ?? { tokens: this.rate.burst, at: now };
    bucket.tokens = Math.min(this.rate.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.rate.perSecond);
    bucket.at = now;
    this.buckets.set(region, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  reset(): void {
    this.buckets.clear();
  }
}
