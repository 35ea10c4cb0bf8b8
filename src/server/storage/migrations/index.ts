import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './0001-initial.js';
import * as passages from './0002-passages.js';
import * as outboxWebhooks from './0003-outbox-webhooks.js';
import * as subscriptions from './0004-subscriptions.js';
import * as accounts from './0005-accounts.js';
import * as signInReturnStaff from './0006-sign-in-return-staff.js';
import * as reactionsMentionsAvatars from './0007-reactions-mentions-avatars.js';
import * as mailQuotas from './0008-mail-quotas.js';
import * as voteNetworks from './0009-vote-networks.js';

/** Every migration, in order. A new migration is one new file and one line here. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-passages': passages,
  '0003-outbox-webhooks': outboxWebhooks,
  '0004-subscriptions': subscriptions,
  '0005-accounts': accounts,
  '0006-sign-in-return-staff': signInReturnStaff,
  '0007-reactions-mentions-avatars': reactionsMentionsAvatars,
  '0008-mail-quotas': mailQuotas,
  '0009-vote-networks': voteNetworks,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
