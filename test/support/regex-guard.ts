// What a function applies regular expressions to, bounded: a backtracking regex over a long run of
// server text can take hours, so code that reads server text of any size must look at a bounded
// piece of it. Without timing anything, this shows that it does.

type Method = (this: RegExp, input: unknown, ...rest: unknown[]) => unknown;
const METHODS = ['exec', 'test', Symbol.replace, Symbol.split, Symbol.match, Symbol.matchAll, Symbol.search];

/**
 * Runs `fn` with every RegExp method refusing an input longer than `max` characters: a call that
 * would look at more throws at once, without running the regex. An async `fn` is guarded until it
 * settles (keep what it awaits immediate, e.g. a fake client).
 */
export function withRegexInputsAtMost<T>(max: number, fn: () => T): T {
  const proto = RegExp.prototype as unknown as Record<string | symbol, Method>;
  const saved = METHODS.map((name) => proto[name]!);
  METHODS.forEach((name, i) => {
    proto[name] = function (this: RegExp, input: unknown, ...rest: unknown[]): unknown {
      const length = String(input).length;
      if (length > max) throw new Error(`/${this.source}/ applied to ${length} characters (at most ${max})`);
      return saved[i]!.call(this, input, ...rest);
    };
  });
  const restore = (): void => METHODS.forEach((name, i) => (proto[name] = saved[i]!));
  let result: T;
  try {
    result = fn();
  } catch (err) {
    restore();
    throw err;
  }
  if (result instanceof Promise) return result.finally(restore) as T;
  restore();
  return result;
}
