import fc from 'fast-check';

/**
 * Inputs for the fuzz suite, shaped by a procedure's zod schema so generated values get past the
 * outer checks and reach the services — where the 500s were — with hostile leaves mixed in.
 */

/** Strings that broke PD Desk once or might: NUL, lone surrogates, far dates, 1 MB, markup. */
export const HOSTILE_STRINGS = [
  'a\u0000b',
  '\u0000',
  'x\ud800y',
  '\udfff',
  '9999-12-31',
  '0001-01-01',
  '2026-02-30',
  'x'.repeat(1_000_000),
  "'; drop table cases; --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
];

/** Ordinary values a form would send, so other fields pass and the hostile one is what is tested. */
const PLAIN_STRINGS = [
  '2026-11-25',
  '2026-01-12',
  'ivanova@mail.ru',
  'Иванова Мария Петровна',
  'Причина изменения записи',
  'ВХ-2026-0001',
  'test-password-2026',
  '1',
];

export const HOSTILE_NUMBERS = [2 ** 31, 2 ** 31 - 1, Number.MAX_SAFE_INTEGER, -1, 0, 1.5, 1e300];

const anyString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PLAIN_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);
const anyNumber = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 4 }) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  { weight: 1, arbitrary: fc.integer({ min: 1900, max: 2101 }) },
);

/** Arbitrary JSON, deep objects included: what a hand-made request could carry. */
export const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.integer({ min: 50, max: 2000 }).map((depth) => {
    let value: unknown = 'leaf';
    for (let i = 0; i < depth; i++) value = { a: value };
    return value;
  }),
);

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** A value for one zod (v4) schema: its own shape most of the time, anything now and then. */
export function arbitraryFor(schema: unknown, depth = 0): fc.Arbitrary<unknown> {
  if (schema === undefined) return fc.constant(undefined);
  const shaped = shapedFor(defOf(schema), depth);
  return fc.oneof({ weight: 12, arbitrary: shaped }, { weight: 1, arbitrary: depth > 3 ? anyString : anyJson });
}

function shapedFor(def: Def, depth: number): fc.Arbitrary<unknown> {
  switch (def.type) {
    case 'string':
      return anyString;
    case 'number':
    case 'int':
      return anyNumber;
    case 'bigint':
      return fc.bigInt();
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return fc.oneof(
        { weight: 4, arbitrary: arbitraryFor(def.innerType, depth + 1) },
        { weight: 1, arbitrary: fc.constantFrom(undefined, null) },
      );
    case 'pipe':
      return arbitraryFor(def.in, depth + 1);
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map((option) => arbitraryFor(option, depth + 1)));
    case 'array':
      return fc.array(arbitraryFor(def.element, depth + 1), { maxLength: 4 });
    case 'tuple':
      return fc.tuple(...(def.items as unknown[]).map((item) => arbitraryFor(item, depth + 1)));
    case 'record':
      return fc.dictionary(anyString, arbitraryFor(def.valueType, depth + 1), { maxKeys: 3 });
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const fields = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, arbitraryFor(v, depth + 1)]));
      return fc.record(fields, { requiredKeys: [] });
    }
    case 'lazy':
      return depth > 6 ? fc.constant(null) : arbitraryFor((def.getter as () => unknown)(), depth + 1);
    default:
      return anyJson;
  }
}
