import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mailboxOf, mailDomainOf } from './mailbox.js';

test('sub-addresses and case are one mailbox', () => {
  for (const a of ['victim@example.org', 'Victim@Example.org', 'victim+1@example.org', 'victim+news+x@example.org']) {
    assert.equal(mailboxOf(a), 'victim@example.org', a);
  }
});

test('dots are dropped only where the provider ignores them (Gmail)', () => {
  assert.equal(mailboxOf('v.i.c.tim+2@gmail.com'), 'victim@gmail.com');
  assert.equal(mailboxOf('victim@googlemail.com'), 'victim@gmail.com');
  assert.equal(mailboxOf('first.last@example.org'), 'first.last@example.org');
  assert.notEqual(mailboxOf('first.last@example.org'), mailboxOf('firstlast@example.org'));
});

test('a leading + is part of the name; the domain is the part after the last @', () => {
  assert.equal(mailboxOf('+x@example.org'), '+x@example.org');
  assert.equal(mailDomainOf('Ada@Mail.Example.ORG'), 'mail.example.org');
});
