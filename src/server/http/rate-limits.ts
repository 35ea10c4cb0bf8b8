import type { Config } from '../config/config.js';

/** Route options for per-client limits; the rate-limit plugin is registered only when RATE_LIMIT is on. */
export const writeLimit = (config: Config) => ({
  rateLimit: { max: config.rateLimitWrites, timeWindow: 60_000, groupId: 'writes' },
});

export const voteLimit = (config: Config) => ({
  rateLimit: { max: config.rateLimitVotes, timeWindow: 60_000, groupId: 'votes' },
});

/** Article-text hints (POST /api/v1/pages/hint): 10 an hour per client, whatever RATE_LIMIT_WRITES says. */
export const hintLimit = () => ({
  rateLimit: { max: 10, timeWindow: 3_600_000, groupId: 'hints' },
});
