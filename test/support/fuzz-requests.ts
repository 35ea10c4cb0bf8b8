/**
 * Valid requests for every route of Parley's OpenAPI document, and how to put a (mutated) one on the wire.
 * The fuzz suite (test/hostile/fuzz.test.ts) starts from these, so a new route is fuzzed as soon as it is documented.
 */

/** One operation of the OpenAPI document. */
export interface Route {
  method: string;
  /** The path template, e.g. `/api/v1/comments/{id}/vote`. */
  path: string;
  query: Array<{ name: string; required: boolean; schema: JsonSchema }>;
  pathParams: string[];
  body: JsonSchema | undefined;
}

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  const?: unknown;
  default?: unknown;
  minimum?: number;
  minLength?: number;
  minItems?: number;
  format?: string;
};

/** A request before it is sent: everything a mutation may touch. Query values are already percent-encoded. */
export interface FuzzRequest {
  method: string;
  path: string;
  pathParams: Record<string, string>;
  query: Array<[string, string]>;
  headers: Record<string, string>;
  /** A JSON value to send, or raw bytes (`rawBody`), or nothing. */
  body?: unknown;
  rawBody?: Buffer;
  contentType?: string | undefined;
}

/** The routes of an OpenAPI 3 document (`app.swagger()`). */
export function routesOf(doc: { paths: Record<string, Record<string, any>> }): Route[] {
  const routes: Route[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const params: Array<{ in: string; name: string; required?: boolean; schema: JsonSchema }> = op.parameters ?? [];
      routes.push({
        method: method.toUpperCase(),
        path,
        query: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, required: !!p.required, schema: p.schema })),
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        body: op.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return routes;
}

/** Values that make a field valid on the test app, by field name (see `FuzzFixture`). */
export type KnownValues = Record<string, unknown>;

/** A value the schema accepts: the known value for its name, else the simplest one the schema allows. */
export function validValue(schema: JsonSchema | undefined, name: string | undefined, known: KnownValues): unknown {
  if (name !== undefined && name in known) return known[name];
  if (!schema) return 'a';
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const alt = schema.anyOf ?? schema.oneOf;
  if (alt?.length) return validValue(alt[0], name, known);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      // Required fields, and the optional ones the fixture knows a value for (a guest's author, a title…).
      for (const key of Object.keys(schema.properties ?? {})) {
        if (schema.required?.includes(key) || key in known) out[key] = validValue(schema.properties?.[key], key, known);
      }
      return out;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => validValue(schema.items, undefined, known));
    case 'integer':
    case 'number':
      return schema.minimum ?? 0;
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return schema.format === 'email' ? 'ada@example.org' : 'a'.repeat(Math.max(1, schema.minLength ?? 1));
  }
}

/** The valid request for a route, with the headers the fixture says it needs. */
export function baseRequest(route: Route, known: KnownValues, headers: Record<string, string>): FuzzRequest {
  const pathParams = Object.fromEntries(route.pathParams.map((p) => [p, String(validValue(undefined, p, known))]));
  const query: Array<[string, string]> = [];
  for (const q of route.query) {
    if (!q.required && !(q.name in known)) continue;
    const v = validValue(q.schema, q.name, known);
    query.push([q.name, encodeWtf8(String(v))]);
  }
  const req: FuzzRequest = { method: route.method, path: route.path, pathParams, query, headers: { ...headers } };
  if (route.body) {
    req.body = validValue(route.body, undefined, known);
    req.contentType = 'application/json';
  }
  return req;
}

/**
 * Percent-encodes a JavaScript string as a client would put it in a URL: UTF-8, and a lone surrogate as the three
 * bytes of its code unit (WTF-8), which is what reaches a server from clients that do not check (encodeURIComponent throws).
 */
export function encodeWtf8(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const isHigh = c >= 0xd800 && c <= 0xdbff;
    const next = s.charCodeAt(i + 1);
    if (isHigh && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(s[i]! + s[i + 1]!);
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else {
      out += encodeURIComponent(s[i]!);
    }
  }
  return out;
}

/** The request line's target: the path with its parameters filled in, and the query string as given. */
export function targetOf(req: FuzzRequest): string {
  const path = req.path.replace(/\{(\w+)\}/g, (_, name: string) => req.pathParams[name] ?? '');
  return req.query.length ? `${path}?${req.query.map(([k, v]) => `${encodeWtf8(k)}=${v}`).join('&')}` : path;
}

/** The body bytes and the headers to send them with. */
export function wireOf(req: FuzzRequest): { target: string; headers: Record<string, string>; body: Buffer | undefined } {
  const headers = { ...req.headers };
  let body: Buffer | undefined;
  if (req.rawBody) body = req.rawBody;
  else if (req.body !== undefined) body = Buffer.from(JSON.stringify(req.body), 'utf8');
  if (req.contentType !== undefined) headers['content-type'] = req.contentType;
  if (body) headers['content-length'] = String(body.length);
  return { target: targetOf(req), headers, body };
}
