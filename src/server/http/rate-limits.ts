import type { Config } from '../config/config.js';

/** Route options for per-client limits; the rate-limit plugin is registered only when RATE_LIMIT is on. */
export const writeLimit = (config: Config) => ({
  rateLimit: { max: config.rateLimitWrites, timeWindow: 60_000, groupId: 'writes' },
});

export const voteLimit = (config: Config) => ({
  rateLimit: { max: config.rateLimitVotes, timeWindow: 60_000, groupId: 'votes' },
});
