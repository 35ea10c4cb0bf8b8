/**
 * account.js, loaded by app.js on first need (interface: ../shared/account.ts): signing in by magic link inside the
 * embed, who is signed in and signing out, and the "new replies to this comment" subscription form under a comment.
 */
import type { AccountWindow } from '../shared/account.js';
import { setKit } from '../shared/kit.js';
import { createAccount } from './account.js';

(window as AccountWindow).__parleyAccount = (kit, host) => {
  setKit(kit);
  return createAccount(host);
};
