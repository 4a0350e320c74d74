// The lossless JSON reader: exactly what JSON.parse accepts, exact 64-bit ids, and only the parts
// asked for built, while the rest is still checked.
import { describe, expect, it } from 'vitest';
import type { Snapshot, Unit } from '../../src/core/snapshot.js';
import { releaseMemory } from '../../src/common/gc.js';
import {
  ElementMemo,
  MAX_MAPPED_ELEMENTS,
  parseJsonLossless,
  readJson,
  toIdString,
  type Keep,
} from '../../src/http/json.js';
import {
  DEPLOY_ORDER_FIELDS,
  MACHINE_FIELDS,
  toDeployOrderRead,
} from '../../src/providers/yunxiao/normalize.js';
import { readDeployOrder } from '../../src/providers/yunxiao/openapi.js';
import { DeployEngine } from '../../sim/yunxiao/engine.js';
import { machines, scenario } from '../../sim/yunxiao/index.js';
import { stringify } from '../../sim/yunxiao/raw-json.js';
import { orderView } from '../../sim/yunxiao/views.js';

/** The reference: JSON.parse, with 16+ digit integer tokens as their source text (V8's source access). */
function reference(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown, context?: { source?: string }) =>
    typeof value === 'number' && context?.source !== undefined && /^-?\d{16,}$/.test(context.source)
      ? context.source
      : value,
  );
}

const bytes = (text: string): Buffer => Buffer.from(text);

/**
 * The order as the plain way would build it: the whole tree first, then each machine mapped by the
 * map DEPLOY_ORDER_FIELDS names. The reader, pruning as it goes, must build exactly this.
 */
function wholeTreeOrder(tree: unknown): Snapshot {
  const machineOf = (
    DEPLOY_ORDER_FIELDS as { deployMachineInfo: { deployMachines: [Keep, (e: unknown) => Unit] } }
  ).deployMachineInfo.deployMachines[1];
  const info = (tree as { deployMachineInfo?: { deployMachines?: unknown } } | null)?.deployMachineInfo;
  const list = info?.deployMachines;
  if (!Array.isArray(list)) return toDeployOrderRead(tree);
  const mapped = list.map(machineOf);
  return toDeployOrderRead({ ...(tree as object), deployMachineInfo: { ...info, deployMachines: mapped } });
}

/** A small deterministic generator (mulberry32): the fuzz cases are the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function orderBytes(n: number, deployOrderId = '9007199254740993'): Buffer {
  const s = scenario({ deployOrderId, batches: [machines(n, 1), machines(n, 2)] });
  const engine = new DeployEngine(s);
  engine.advance();
  return Buffer.from(stringify(orderView(s, engine)));
}

describe('readJson: the whole value, losslessly', () => {
  it('a bare id is a whole answer (CreatePipelineRun answers one)', () => {
    expect(parseJsonLossless('9007199254740993')).toBe('9007199254740993');
    expect(parseJsonLossless(' \n9007199254740993 \n')).toBe('9007199254740993');
    expect(parseJsonLossless('[9007199254740993]')).toEqual(['9007199254740993']);
  });

  it('integers of 16+ digits become exact strings, negative ones too; the rest stays numbers', () => {
    expect(
      parseJsonLossless(
        '{"a":9007199254740993,"b":[-18446744073709551615],"c":1234567890123456,"d":123456789012345}',
      ),
    ).toEqual({
      a: '9007199254740993',
      b: ['-18446744073709551615'],
      c: '1234567890123456',
      d: 123456789012345,
    });
  });

  it('digits inside strings, decimals and exponents are left as JSON.parse reads them', () => {
    const text =
      '{"log":"order:9007199254740993, next [12345678901234567]","q":"say \\"9007199254740993\\"",' +
      '"d":0.12345678901234567,"e":1e-12345678901234567,"f":1234567890123456.5,"g":-0,"h":1E+2,"n":42}';
    const value = parseJsonLossless(text) as Record<string, unknown>;
    expect(value).toEqual(JSON.parse(text));
    expect(Object.is(value['g'], -0)).toBe(true);
  });

  it('decodes escapes and UTF-8 text as JSON.parse does', () => {
    const text = JSON.stringify({ 取消部署: '继续 \u0000\t\n"\\/ 🚀', a: '\ud800x', [`k${'é'}`]: 'é' });
    expect(readJson(bytes(text)).value).toEqual(JSON.parse(text));
    expect(parseJsonLossless('"\\u53d6\\u6d88"')).toBe('取消');
  });

  it('`__proto__` is an own property, as with JSON.parse, never the prototype', () => {
    const value = parseJsonLossless('{"__proto__":{"polluted":true},"a":1}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'a']);
    expect(value).toEqual(JSON.parse('{"__proto__":{"polluted":true},"a":1}'));
  });

  it('a UTF-8 byte order mark is skipped, as TextDecoder does', () => {
    expect(readJson(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes('{"a":1}')])).value).toEqual({
      a: 1,
    });
  });

  it('the text has the long ids quoted, parses to the same value, and its pieces are that text', () => {
    const read = readJson(bytes(' {"a":[9007199254740993, {"b": -9007199254740995}],"c":"x"} \n'));
    expect(read.text()).toBe('{"a":["9007199254740993", {"b": "-9007199254740995"}],"c":"x"}');
    expect(JSON.parse(read.text())).toEqual(read.value);
    expect(Buffer.concat(read.bytes()).toString()).toBe(read.text());
    expect(read.isObject).toBe(true);
  });
});

describe('readJson: refuses exactly what JSON.parse refuses', () => {
  const bad = [
    '',
    ' ',
    '{',
    '{"a":1',
    '{"a":1,}',
    '[1,]',
    '[,1]',
    '{"a" 1}',
    '{a:1}',
    "{'a':1}",
    '{"a":01}',
    '{"a":-}',
    '{"a":1.}',
    '{"a":.5}',
    '{"a":1e}',
    '{"a":+1}',
    '{"a":0x10}',
    '{"a":tru}',
    '{"a":nul}',
    '{"a":True}',
    '{"a":"\\x41"}',
    '{"a":"\\u12G4"}',
    '{"a":"tab\there"}',
    '{"a":"unterminated}',
    '{"a":1}{"b":2}',
    '{"a":1} x',
    '[1 2]',
    '{"a":1 "b":2}',
    '{"a":[1,{"b":2]}',
    '"abc',
    'NaN',
    '-Infinity',
    '<html>12345678901234567</html>',
  ];
  it.each(bad)('%j', (text) => {
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    expect(() => readJson(bytes(text))).toThrow(SyntaxError);
    // ...also where the bad part would be skipped, not built
    expect(() => readJson(bytes(`{"x":${text}}`), { y: true })).toThrow(SyntaxError);
  });

  it('nesting deeper than any answer is refused with a SyntaxError, not a stack overflow', () => {
    expect(() => readJson(bytes('['.repeat(100_000) + ']'.repeat(100_000)))).toThrow(/nested deeper/);
  });

  it('fuzz: 3,000 mutations of a deploy order, read whole and pruned, agree with JSON.parse', () => {
    const base = orderBytes(3).toString('latin1');
    const rnd = random(20261130);
    const alphabet = '{}[]":,\\-+.0123456789eEtrufalsnx \t\n\u0001';
    let accepted = 0;
    for (let i = 0; i < 3000; i++) {
      const chars = [...base];
      for (let k = 1 + Math.floor(rnd() * 3); k > 0; k--) {
        const at = Math.floor(rnd() * chars.length);
        const op = rnd();
        const ch = alphabet[Math.floor(rnd() * alphabet.length)]!;
        if (op < 0.4) chars[at] = ch;
        else if (op < 0.7) chars.splice(at, 1);
        else chars.splice(at, 0, ch);
      }
      const text = chars.join('');
      let expected: unknown;
      let ok = true;
      try {
        expected = reference(text);
      } catch {
        ok = false;
      }
      const whole = (): unknown => readJson(Buffer.from(text, 'latin1')).value;
      const pruned = (): unknown => readJson(Buffer.from(text, 'latin1'), DEPLOY_ORDER_FIELDS).value;
      if (ok) {
        accepted++;
        expect(whole(), text).toEqual(expected);
        // pruned, the model is the model of the whole value (or the same shape complaint)
        const outcome = (f: () => unknown): unknown => {
          try {
            return f();
          } catch (err) {
            return (err as Error).name;
          }
        };
        expect(
          outcome(() => toDeployOrderRead(pruned())),
          text,
        ).toEqual(outcome(() => wholeTreeOrder(expected)));
      } else {
        expect(whole, text).toThrow(SyntaxError);
        expect(pruned, text).toThrow(SyntaxError);
      }
    }
    // both kinds were exercised
    expect(accepted).toBeGreaterThan(100);
    expect(accepted).toBeLessThan(2900);
  });
});

describe('readJson: builds only what is asked for', () => {
  const text =
    '{"keep":{"a":1,"b":[1,2],"skip":{"deep":[9007199254740993]}},"skip":[{"x":1}],"list":[{"a":1,"b":2},{"a":3}],"n":9007199254740995}';

  it('named keys of objects, each element of arrays; long ids anywhere are still quoted in the text', () => {
    const keep: Keep = { keep: { a: true, b: true }, list: [{ a: true }], n: true };
    const read = readJson(bytes(text), keep);
    expect(read.value).toEqual({
      keep: { a: 1, b: [1, 2] },
      list: [{ a: 1 }, { a: 3 }],
      n: '9007199254740995',
    });
    expect(JSON.parse(read.text())).toEqual(reference(text));
  });

  it('a value of another kind than described is built whole', () => {
    expect(
      readJson(bytes('{"keep":[1,{"a":2}],"list":{"a":1}}'), { keep: { a: true }, list: [true] }).value,
    ).toEqual({
      keep: [1, { a: 2 }],
      list: { a: 1 },
    });
  });

  it('keys written with escapes are matched by their meaning; the last of duplicate keys wins', () => {
    expect(
      readJson(bytes('{"st\\u0061tus":"Running","status":"Success","other":1}'), { status: true }).value,
    ).toEqual({
      status: 'Success',
    });
    expect(readJson(bytes('{"st\\u0061tus":"Running"}'), { status: true }).value).toEqual({
      status: 'Running',
    });
  });

  it('a kept `__proto__` key is an own property; non-ASCII keys are matched by their text', () => {
    const v = readJson(bytes('{"\\u005f_proto__":{"polluted":1}}'), { ['__proto__']: true }).value as object;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(['__proto__']);
    expect(
      readJson(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]), { '\ufffd': true }).value,
    ).toEqual({
      '\ufffd': 1,
    });
    expect(readJson(bytes('{"名称":"部署","x":1}'), { 名称: true }).value).toEqual({ 名称: '部署' });
  });

  it('many long ids make many pieces, and the report still takes them', () => {
    const text = `{"m":[${Array.from({ length: 40_000 }, () => '12345678901234567').join(',')}]}`;
    const read = readJson(bytes(text));
    expect(read.bytes().length).toBe(4 * 40_000 + 1);
    expect(JSON.parse(Buffer.concat(read.bytes()).toString())).toEqual(read.value);
  });

  it('member(): a top-level member as it came, ids quoted, whether it was built or skipped', () => {
    const text = '{"requestId":9007199254740991,"data":{"id":9007199254740993,"n":[1, 2]},"tail":"x"}';
    for (const keep of [true, { requestId: true }, { data: { n: true } }] as Keep[]) {
      const read = readJson(bytes(text), keep);
      expect(read.member('data')?.text()).toBe('{"id":"9007199254740993","n":[1, 2]}');
      expect(read.member('data')?.isObject).toBe(true);
      expect(read.member('requestId')?.text()).toBe('"9007199254740991"');
      expect(read.member('tail')?.isObject).toBe(false);
      expect(read.member('missing')).toBeUndefined();
    }
    expect(readJson(bytes('[{"data":1}]')).member('data')).toBeUndefined();
  });

  it('[keep, map]: each element handed to map as soon as it is built', () => {
    const seen: unknown[] = [];
    const read = readJson(bytes('{"list":[{"a":1,"b":2},{"a":3}]}'), {
      list: [{ a: true }, (e) => (seen.push(e), (e as { a: number }).a * 10)],
    });
    expect(read.value).toEqual({ list: [10, 30] });
    expect(seen).toEqual([{ a: 1 }, { a: 3 }]);
  });

  it('a deploy order read with DEPLOY_ORDER_FIELDS is the snapshot of the whole answer', () => {
    const body = orderBytes(40);
    const { snapshot, raw } = readDeployOrder(body);
    expect(snapshot).toEqual(wholeTreeOrder(reference(body.toString())));
    expect(snapshot.id).toBe('9007199254740993');
    expect(snapshot.units).toHaveLength(80);
    expect(JSON.parse(raw.text())).toEqual(reference(body.toString()));
  });
});

describe('toIdString', () => {
  it.each([
    ['9007199254740993', '9007199254740993'],
    [44178813, '44178813'],
    [0, '0'],
    [9007199254740993n, '9007199254740993'],
    [-5, undefined],
    ['-5', undefined],
    [' 12', undefined],
    ['', undefined],
    [1.5, undefined],
    [2 ** 60, undefined],
    [-1n, undefined],
    [true, undefined],
    [null, undefined],
    [undefined, undefined],
  ])('%s -> %s', (v, out) => expect(toIdString(v)).toBe(out));
});

describe('readJson with an ElementMemo: unchanged elements are not read again', () => {
  const KEEP = {
    list: [{ id: true, status: true, big: true }, (e: unknown) => ({ ...(e as object), mapped: true })],
  } as const;
  const TUPLE = KEEP.list as unknown as Keep;
  const doc = (rows: string[]): Buffer => Buffer.from(`{"head":1,"list":[${rows.join(',')}],"tail":[1,2]}`);
  const row = (id: number, status: string, big = '9007199254740993'): string =>
    `{"id":${id},"status":"${status}","big":${big},"other":{"x":[1,2,3]}}`;

  it('the same value as a read without it; the unchanged elements are the very same objects', () => {
    const memo = new ElementMemo(TUPLE);
    const a = doc([row(1, 'Running'), row(2, 'Running'), row(3, 'Queued')]);
    const first = readJson(a, KEEP as unknown as Keep, memo).value as { list: object[] };
    // element 2 changes (and grows), so element 3 sits further on: still found, and reused
    const b = doc([
      row(1, 'Running'),
      row(2, 'Succeeded', '9007199254740995'),
      row(3, 'Queued'),
      row(4, 'Queued'),
    ]);
    const second = readJson(b, KEEP as unknown as Keep, memo);
    expect(second.value).toEqual(readJson(b, KEEP as unknown as Keep).value);
    const list = (second.value as { list: object[] }).list;
    expect(list[0]).toBe(first.list[0]);
    expect(list[1]).not.toBe(first.list[1]);
    expect(list[1]).toMatchObject({ status: 'Succeeded', big: '9007199254740995', mapped: true });
    expect(list[2]).toBe(first.list[2]);
    expect(list[3]).toMatchObject({ id: 4 });
    // the long integers of reused elements are still quoted where they now sit
    expect(JSON.parse(second.text())).toEqual(reference(b.toString()));
  });

  it('a later read compares with the last one that succeeded, never with a failed one', () => {
    const memo = new ElementMemo(TUPLE);
    const a = doc([row(1, 'Running'), row(2, 'Running')]);
    const first = readJson(a, KEEP as unknown as Keep, memo).value as { list: object[] };
    expect(() =>
      readJson(
        Buffer.from(`${doc([row(1, 'Running'), row(2, 'Failed')]).toString()}x`),
        KEEP as unknown as Keep,
        memo,
      ),
    ).toThrow(SyntaxError);
    const c = doc([row(1, 'Running'), row(2, 'Failed')]);
    const third = readJson(c, KEEP as unknown as Keep, memo).value as { list: Array<{ status: string }> };
    expect(third.list[0]).toBe(first.list[0]);
    expect(third.list[1]?.status).toBe('Failed');
  });

  it('keeps no bytes of the last read: its buffer can be read into again', () => {
    const memo = new ElementMemo(TUPLE);
    const rows = [row(1, 'Running'), row(2, 'Running'), row(3, 'Queued')];
    const buffer = doc(rows);
    const first = readJson(buffer, KEEP as unknown as Keep, memo).value as { list: object[] };
    // the next answer, of the same length, written over the last one (as the order's buffer is)
    const next = doc([row(1, 'Running'), row(2, 'Failing'), row(3, 'Queued')]);
    expect(next.length).toBe(buffer.length);
    next.copy(buffer);
    const second = readJson(buffer, KEEP as unknown as Keep, memo).value as { list: object[] };
    expect(second).toEqual(readJson(next, KEEP as unknown as Keep).value);
    expect(second.list[1]).toMatchObject({ status: 'Failing' });
    expect(second.list[0]).toBe(first.list[0]);
    expect(second.list[2]).toBe(first.list[2]);
  });

  it.each([true, false])(
    'after an element that cannot be mapped (memo: %s), the rest is only checked: map is not called again',
    (withMemo) => {
      let calls = 0;
      const machineOnly = (e: unknown): unknown => {
        calls++;
        if (!e || typeof e !== 'object') throw new Error('not a machine');
        return e;
      };
      const tuple = [{ id: true }, machineOnly] as const;
      const keep = { list: tuple } as unknown as Keep;
      const memo = withMemo ? new ElementMemo(tuple as unknown as Keep) : undefined;
      readJson(Buffer.from('{"list":[{"id":1}]}'), keep, memo);
      calls = 0;
      // a hostile answer of many tiny elements: refused after one map call, not one per element
      expect(() => readJson(Buffer.from(`{"list":[${'0,'.repeat(99_999)}0]}`), keep, memo)).toThrow(
        'not a machine',
      );
      expect(calls).toBe(1);
      // and still checked to the end: bad JSON after the failure is what is said
      expect(() => readJson(Buffer.from('{"list":[0,{"id":1},x]}'), keep, memo)).toThrow(SyntaxError);
    },
  );

  it('a mapped array longer than any real answer is refused, after that many map calls at most', () => {
    let calls = 0;
    const tuple = [true, (e: unknown) => (calls++, e)] as const;
    const keep = { list: tuple } as unknown as Keep;
    const list = (n: number): Buffer => Buffer.from(`{"list":[${'{},'.repeat(n - 1)}{}]}`);
    for (const memo of [undefined, new ElementMemo(tuple as unknown as Keep)]) {
      calls = 0;
      expect(
        (readJson(list(MAX_MAPPED_ELEMENTS), keep, memo).value as { list: unknown[] }).list,
      ).toHaveLength(MAX_MAPPED_ELEMENTS);
      calls = 0;
      expect(() => readJson(list(MAX_MAPPED_ELEMENTS + 1), keep, memo)).toThrow(/more than 200,000 elements/);
      expect(calls).toBeLessThanOrEqual(MAX_MAPPED_ELEMENTS);
      // still checked to the end: bad JSON after the limit is what is said
      expect(() => readJson(Buffer.from(`${list(MAX_MAPPED_ELEMENTS + 1).toString()}x`), keep, memo)).toThrow(
        SyntaxError,
      );
    }
  });

  it('lets go of what a much longer answer (read or refused) grew it to', () => {
    const tuple = [true, (e: unknown) => e] as const;
    const keep = { list: tuple } as unknown as Keep;
    const list = (n: number, tail = ''): Buffer => Buffer.from(`{"list":[${'0,'.repeat(n - 1)}0]}${tail}`);
    const external = (): number => (releaseMemory(), process.memoryUsage().arrayBuffers);
    const memo = new ElementMemo(tuple as unknown as Keep);
    // room for 150,000 elements: 262,144 lengths and digests, ~9 MiB a record
    for (const big of [list(150_000), list(150_000, 'x')]) {
      readJson(list(1), keep, memo);
      try {
        readJson(big, keep, memo);
      } catch {
        // the refused one grew the record it wrote into all the same
      }
      const grown = external();
      readJson(list(1), keep, memo);
      readJson(list(1), keep, memo);
      expect(grown - external()).toBeGreaterThan(8 * 2 ** 20);
    }
  });

  it('bytes that match a remembered element but break the JSON after it are refused as a whole', () => {
    const memo = new ElementMemo(TUPLE);
    readJson(doc([row(1, 'Running'), row(2, 'Running')]), KEEP as unknown as Keep, memo);
    const broken = Buffer.from(`{"head":1,"list":[${row(1, 'Running')} ${row(2, 'Running')}]}`);
    expect(() => readJson(broken, KEEP as unknown as Keep, memo)).toThrow(/expected , or \]/);
  });

  it('map is given what it made of the element at the same place last time, only when its bytes changed', () => {
    const seen: unknown[] = [];
    const tuple = [
      { id: true, status: true },
      (e: unknown, before?: unknown) => (seen.push(before), e),
    ] as const;
    const keep = { list: tuple } as unknown as Keep;
    const memo = new ElementMemo(tuple as unknown as Keep);
    const first = readJson(doc([row(1, 'Running'), row(2, 'Running')]), keep, memo).value as {
      list: object[];
    };
    expect(seen).toEqual([undefined, undefined]);
    seen.length = 0;
    readJson(doc([row(1, 'Running'), row(2, 'Failed'), row(3, 'Queued')]), keep, memo);
    // element 1 is reused (map not called), element 2 changed, element 3 is new
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBe(first.list[1]);
    expect(seen[1]).toBeUndefined();
  });

  it('keeps up with an array that grows past its room, shrinks, and grows again', () => {
    const memo = new ElementMemo(TUPLE);
    const rows = (n: number, status: (i: number) => string): string[] =>
      Array.from({ length: n }, (_, i) => row(i, status(i)));
    for (const [n, status] of [
      [200, () => 'Running'],
      [10, (i: number) => (i % 2 ? 'Running' : 'Failed')],
      [300, (i: number) => (i % 3 ? 'Running' : 'Queued')],
      [300, () => 'Running'],
    ] as const) {
      const bytes = doc(rows(n, status));
      const read = readJson(bytes, KEEP as unknown as Keep, memo);
      expect(read.value).toEqual(readJson(bytes, KEEP as unknown as Keep).value);
      expect(JSON.parse(read.text())).toEqual(reference(bytes.toString()));
    }
  });

  it('a deploy order read twice: same snapshot as without a memo, unchanged machines reused, changed ones keep their names', () => {
    const memo = new ElementMemo(MACHINE_FIELDS);
    const s = scenario({ batches: [machines(50, 1)] });
    const engine = new DeployEngine(s);
    engine.advance();
    const one = readDeployOrder(Buffer.from(stringify(orderView(s, engine))), memo).snapshot;
    engine.advance();
    const bytes = Buffer.from(stringify(orderView(s, engine)));
    const two = readDeployOrder(bytes, memo).snapshot;
    expect(two).toEqual(readDeployOrder(bytes).snapshot);
    const reused = two.units.filter((u, i) => u === one.units[i]).length;
    const changed = two.units.filter(
      (u, i) => u.status !== one.units[i]?.status || u.updateTime !== one.units[i]?.updateTime,
    ).length;
    expect(reused).toBe(two.units.length - changed);
    // a changed machine's unit holds what did not change of its last one (its host name), not a copy
    expect(changed).toBeGreaterThan(0);
    for (const [i, u] of two.units.entries()) expect(u.extra).toBe(one.units[i]!.extra);
  });
});
