import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

/**
 * Query strings and path parameters arrive as text and are coerced to the schema's types ("20" → 20,
 * a single url → [url]); JSON bodies are not: `"body": 42` is an error, not the comment "42".
 */
export function installValidators(app: FastifyInstance): void {
  const common = { removeAdditional: false, useDefaults: true, allErrors: false, strict: false } as const;
  const coercing = new Ajv({ ...common, coerceTypes: 'array' });
  const exact = new Ajv({ ...common, coerceTypes: false });
  addFormats.default(coercing);
  addFormats.default(exact);
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? exact : coercing).compile(schema) as ReturnType<Ajv['compile']>,
  );
}
