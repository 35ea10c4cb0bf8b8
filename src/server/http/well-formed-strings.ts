import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../core/errors.js';

/**
 * One decision at the edge, for every string of every request (query, path parameters, JSON body): U+0000 and
 * lone UTF-16 surrogates are refused with 400 VALIDATION_FAILED, naming the field. PostgreSQL cannot store NUL in
 * text at all and SQLite would store it as-is; a lone surrogate cannot be encoded as UTF-8 and would be stored as
 * U+FFFD on one engine and kept on the other. Refusing both here keeps the engines identical and nothing half-written.
 * (Other control characters are cleaned where their field is validated: names, comment text.)
 */
export function refuseMalformedStrings(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    check(request.query, 'query');
    check(request.params, 'path');
    check(request.body, 'body');
  });
}

const MAX_DEPTH = 32;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function check(value: unknown, where: string, depth = 0): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) throw new DomainError('VALIDATION_FAILED', `Invalid ${where}: NUL characters (U+0000) are not accepted.`);
    if (LONE_SURROGATE.test(value)) throw new DomainError('VALIDATION_FAILED', `Invalid ${where}: the text is not well-formed Unicode (a lone surrogate).`);
    return;
  }
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (const item of value) check(item, where, depth + 1);
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    check(key, where, depth + 1);
    check(item, `${where} field "${key}"`, depth + 1);
  }
}
