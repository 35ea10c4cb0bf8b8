import fc from 'fast-check';
import { encodeWtf8, type FuzzRequest } from './fuzz-requests.js';

/**
 * fast-check arbitraries of what goes wrong in a request: wrong types, lengths, Unicode classes (NUL, lone surrogates,
 * bidi controls, 4-byte characters), huge and negative numbers, repeated query parameters, odd content types,
 * malformed cookies and headers. A mutation picks its target by index, modulo what the request has.
 */

/** Characters that break naive code: NUL and controls, lone surrogates, bidi controls, zero-width, 4-byte, combining. */
const nastyChar = fc.constantFrom(
  '\u0000', '\u0001', '\u001b', '\u007f', '\t', '\n', '\r', '\u0085', '\u00a0', '\u2028',
  '\ud800', '\udbff', '\udc00', '\udfff',
  '\u202e', '\u202d', '\u2066', '\u2067', '\u2069', '\u200e', '\u200f', '\u061c',
  '\u200b', '\u200d', '\ufeff', '\ufffe', '\uffff',
  '😀', '𝔸', '\u{10ffff}', '\u{e0001}', '👩‍👩‍👧',
  'e\u0301', '\u0300', 'ü', 'ß', 'İ', '\u3000',
  '<', '>', '"', "'", '&', '\\', '/', '%', '%00', '..', '*', '?', '#', '@', ':', ';', '=', ',', '{', '}', '[', ']', 'a', ' ',
);

/** Strings of those characters, any code points, and lengths at and beyond the usual limits. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: nastyChar, maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom('a', '😀', '\u0000', ' ', 'ü'), fc.constantFrom(0, 1, 32, 33, 63, 64, 65, 80, 81, 129, 500, 501, 2048, 2049, 5001, 10_001, 70_000))
      .map(([c, n]) => c.repeat(n)),
  },
  { weight: 1, arbitrary: fc.constantFrom('https://news.example.org/columns/first\u0000', 'javascript:alert(1)', 'https://evil.example/', '//news.example.org', 'https://news.example.org:99999/', 'https://user:pw@news.example.org/', 'http://[::1', 'news', '-1', '1e999', 'null', 'undefined', '__proto__', 'constructor') },
);

/** Numbers out of every range, of every kind JSON can carry. */
export const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(-1, 0, 0.5, -0.5, 1.5, 2, -2, 101, 501, -(2 ** 31), 2 ** 31, 2 ** 32, 2 ** 53 + 2, -(2 ** 53) - 2, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 1e21),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** Any JSON value of the wrong type or shape. */
export const nastyJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: nastyString },
  { weight: 2, arbitrary: nastyNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], [[]], { '': 1 }, { __proto__: { a: 1 } }, JSON.parse('{"__proto__":{"polluted":1}}'), { constructor: { prototype: { x: 1 } } }) },
  { weight: 1, arbitrary: fc.array(nastyString, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(nastyString, nastyString, { maxKeys: 3 }) },
);

/** Raw bodies that are not what they claim: broken JSON, other encodings, invalid UTF-8, deep nesting. */
const rawBodies = fc.oneof(
  fc.constantFrom('', ' ', '{', '}', '{"site":', 'null', '[]', '"x"', '1e999', '-0', 'NaN', '{"a":1}{"b":2}', '{"a":1,}', "{'a':1}", '\ufeff{}', '{"site":"news","site":"other"}', '[' .repeat(10_000) + ']'.repeat(10_000), '{"a":'.repeat(3000) + '1' + '}'.repeat(3000), 'site=news&url=x', '--x\r\nContent-Disposition: form-data; name="site"\r\n\r\nnews\r\n--x--\r\n'),
  fc.uint8Array({ maxLength: 40 }).map((bytes) => String.fromCharCode(...bytes)),
).map((s) => Buffer.from(s, 'latin1'));

/** Invalid UTF-8 and other byte sequences a JSON body may hold inside a string. */
const badBytesInJson = fc.constantFrom([0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0x00]);

const contentTypes = fc.constantFrom(
  undefined, '', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1',
  'application/json; charset=utf-16', 'application/json;charset=UTF-8', 'APPLICATION/JSON', 'application/jsonx', 'application/json, text/plain',
  'application/vnd.api+json', 'application/json; boundary=";"', ';', '*/*', 'application/', 'text/json', 'application/ld+json',
);

/** Header values Node can put on the wire: visible ASCII, Latin-1, tabs; awkward structure. */
const headerChar = fc.oneof(
  fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x80, max: 0xff }).map((c) => String.fromCharCode(c)),
  fc.constant('\t'),
);
const headerValue: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: headerChar, maxLength: 30 }),
  fc.constantFrom('', 'null', 'Bearer', 'Bearer ', 'Bearer  x', 'bearer x', 'Basic YTpi', 'ParleySSO', 'ParleySSO x', 'ParleySSO a.b.c', 'ParleySSO eyJhbGciOiJub25lIn0.e30.', 'ParleySSO e30.e30.e30',
    'https://news.example.org', 'https://news.example.org/', 'https://NEWS.example.org', 'https://news.example.org.evil.example', 'file://', 'same-origin', 'cross-site', 'none',
    '*', 'W/"x"', '"', '0', '-1', '99999999999999999999', 'x.1', 'abc.99999999999999999999', '1.2.3.4, 5.6.7.8', '::1', 'gzip, br, deflate', 'identity;q=0', 'text/event-stream'),
  fc.constantFrom(1000, 8000).map((n) => 'a'.repeat(n)),
);
const headerNames = fc.constantFrom('authorization', 'origin', 'referer', 'sec-fetch-site', 'x-parley-voter', 'x-parley-csrf', 'if-none-match', 'last-event-id', 'x-forwarded-for', 'x-request-id', 'accept', 'accept-encoding', 'content-encoding', 'user-agent', 'host', 'transfer-encoding-x', 'x-http-method-override');

const cookieValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('parley_session=', 'parley_session=%E0%A4%A', 'parley_session="unterminated', 'parley_session=a; parley_session=b', 'parley_session', '=', ';;;', '=;=;', 'parley_login=%', 'parley_login=%00',
    'parley_session=x'.padEnd(6000, 'x'), '$Version=1; parley_session=a', 'parley_session=\u00e9', 'parley_session=%ED%A0%80', 'a=b=c; parley_session==', '__proto__=1; constructor=2'),
  fc.string({ unit: headerChar, maxLength: 40 }).map((v) => `parley_session=${v}`),
  fc.string({ unit: headerChar, maxLength: 40 }),
);

/** Raw percent-encoded garbage for a query value or a path segment. */
const rawEncoded = fc.constantFrom('%', '%F', '%FF', '%E0%A4%A', '%00', '%ED%A0%80', '%C0%AF', '%2e%2e%2f', '%25', '+', '%20%20', '&', '=', '%0D%0A', '%EF%BB%BF');

export type Mutation = (req: FuzzRequest) => void;

const pick = <T>(list: T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);

/** Paths to every value inside a JSON body (objects and arrays), the body itself first. */
function pathsIn(value: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  const out = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsIn(v, [...at, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...pathsIn(v, [...at, k]));
  return out;
}

function setAt(root: unknown, path: Array<string | number>, value: unknown, remove: boolean): unknown {
  if (!path.length) return value;
  const copy: any = Array.isArray(root) ? [...root] : { ...(root as object) };
  const [head, ...rest] = path;
  if (!rest.length && remove) {
    if (Array.isArray(copy)) copy.splice(head as number, 1);
    else delete copy[head!];
  } else Object.defineProperty(copy, head!, { value: setAt(copy[head!], rest, value, remove), enumerable: true, writable: true, configurable: true });
  return copy;
}

const valueAt = (root: unknown, path: Array<string | number>): unknown => path.reduce<any>((v, k) => v?.[k], root);

/** A body field replaced, removed, added, or (strings) with nasty characters spliced in, so it may pass the schema. */
const bodyField: fc.Arbitrary<Mutation> = fc.tuple(fc.nat(), fc.constantFrom('replace', 'replace', 'splice', 'splice', 'remove', 'add'), nastyJson, nastyString).map(([i, how, value, key]) => (req) => {
  if (req.body === undefined) return;
  const paths = pathsIn(req.body);
  const path = pick(paths.length > 1 ? paths.slice(1) : paths, i)!;
  const old = valueAt(req.body, path);
  if (how === 'splice' && typeof old === 'string') {
    const at = i % (old.length + 1);
    req.body = setAt(req.body, path, old.slice(0, at) + key + old.slice(at), false);
  } else if (how === 'add') {
    const target = path.slice(0, -1);
    req.body = setAt(req.body, [...target, key], value, false);
  } else req.body = setAt(req.body, path, value, how === 'remove');
});

const wholeBody: fc.Arbitrary<Mutation> = fc.oneof(
  nastyJson.map((value) => (req: FuzzRequest) => void (req.body = value)),
  rawBodies.map((bytes) => (req: FuzzRequest) => void (req.rawBody = bytes)),
  fc.tuple(fc.nat(), badBytesInJson).map(([i, bytes]) => (req: FuzzRequest) => {
    const text = Buffer.from(JSON.stringify(req.body ?? {}), 'utf8');
    const quotes = [...text.keys()].filter((k) => text[k] === 0x22);
    const at = pick(quotes, i) ?? 0;
    req.rawBody = Buffer.concat([text.subarray(0, at + 1), Buffer.from(bytes), text.subarray(at + 1)]);
  }),
  fc.constant((req: FuzzRequest) => {
    req.body = undefined;
    req.rawBody = undefined;
  }),
);

const contentType: fc.Arbitrary<Mutation> = contentTypes.map((type) => (req) => void (req.contentType = type));

const queryParam: fc.Arbitrary<Mutation> = fc.tuple(
  fc.nat(),
  fc.constantFrom('replace', 'replace', 'splice', 'splice', 'raw', 'repeat', 'repeat-other', 'remove', 'add'),
  fc.oneof({ weight: 3, arbitrary: nastyString }, { weight: 1, arbitrary: nastyNumber.map(String) }),
  rawEncoded,
  fc.constantFrom('site', 'url', 'sort', 'limit', 'cursor', 'id', 'lastEventId', '__proto__', 'site[]', 'url[0]', ''),
).map(([i, how, value, raw, extra]) => (req) => {
  const at = req.query.length ? i % req.query.length : -1;
  const name = at >= 0 ? req.query[at]![0] : extra;
  switch (how) {
    case 'replace': if (at >= 0) req.query[at] = [name, encodeWtf8(value)]; else req.query.push([extra, encodeWtf8(value)]); break;
    case 'splice': if (at >= 0) req.query[at] = [name, `${req.query[at]![1]}${encodeWtf8(value)}`]; break;
    case 'raw': if (at >= 0) req.query[at] = [name, raw]; else req.query.push([extra, raw]); break;
    case 'repeat': if (at >= 0) req.query.push(req.query[at]!); break;
    case 'repeat-other': req.query.push([name, encodeWtf8(value)]); break;
    case 'remove': if (at >= 0) req.query.splice(at, 1); break;
    case 'add': req.query.push([extra, encodeWtf8(value)]); break;
  }
});

const pathParam: fc.Arbitrary<Mutation> = fc.oneof(
  nastyString.map((v) => encodeWtf8(v)),
  rawEncoded,
  fc.constantFrom('..', '.', '%2F', 'a/b', 'A', '0', 'zzzzzzzzzzzz', 'z'.repeat(33), '__proto__', 'constructor'),
).map((v) => (req: FuzzRequest) => {
  for (const k of Object.keys(req.pathParams)) req.pathParams[k] = v;
});

const header: fc.Arbitrary<Mutation> = fc.tuple(headerNames, headerValue, fc.boolean()).map(([name, value, remove]) => (req) => {
  if (remove) delete req.headers[name];
  else req.headers[name] = value;
});

const cookie: fc.Arbitrary<Mutation> = fc.tuple(cookieValue, fc.boolean()).map(([value, keep]) => (req) => {
  req.headers.cookie = keep && req.headers.cookie ? `${req.headers.cookie}; ${value}` : value;
});

/** One to three mutations of a request. */
export const mutations: fc.Arbitrary<Mutation[]> = fc.array(
  fc.oneof(
    { weight: 5, arbitrary: bodyField },
    { weight: 2, arbitrary: wholeBody },
    { weight: 2, arbitrary: contentType },
    { weight: 4, arbitrary: queryParam },
    { weight: 2, arbitrary: pathParam },
    { weight: 3, arbitrary: header },
    { weight: 2, arbitrary: cookie },
  ),
  { minLength: 1, maxLength: 3 },
);
