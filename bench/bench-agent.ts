/** The business every turn bench talks to (the engine's and ElizaOS's own), and what its customers ask. */
export const BENCH_AGENT_PROFILE = {
  name: 'Bench Bedding',
  business_type: 'retail' as const,
  character_config: { personality: 'helpful', tone: 'friendly' },
  context: { store_hours: 'Monday to Saturday, 9 AM - 6 PM EST' },
};

export const BENCH_CUSTOMER_TEXT = 'What time are you open?';
