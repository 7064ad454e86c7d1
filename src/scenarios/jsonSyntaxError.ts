/**
 * Locating a JSON syntax error by line and column: Node 20's `JSON.parse` gives no position for many
 * errors, and a user who pasted a scenario needs to know where it breaks.
 */
/** Where JSON text first breaks the grammar, and what was expected there. */
export interface JsonSyntaxError {
  offset: number;
  line: number;
  column: number;
  message: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

/**
 * Finds the first syntax error in JSON text (null when the text is valid JSON). JSON.parse's own message
 * has no position on some engines (V8 before Node 22), so the text is scanned here; iterative, so deep
 * nesting cannot overflow the stack.
 */
export function locateJsonSyntaxError(text: string): JsonSyntaxError | null {
  let i = 0;
  const stack: Array<'{' | '['> = [];
  const skip = () => {
    while (i < text.length && WHITESPACE.has(text[i]!)) i++;
  };
  const fail = (expected: string, message?: string): JsonSyntaxError => {
    const before = text.slice(0, i);
    const line = before.split('\n').length;
    const column = i - before.lastIndexOf('\n');
    const found = i >= text.length ? 'the text ended' : `found ${JSON.stringify(text[i])}`;
    return { offset: i, line, column, message: message ?? `expected ${expected} but ${found}` };
  };
  /** Scans a string starting at its opening quote; returns an error or null. */
  const string = (): JsonSyntaxError | null => {
    i++;
    for (;;) {
      if (i >= text.length) return fail('a closing "');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return null;
      }
      if (c < 0x20) {
        return fail(
          '',
          'a line break or control character inside a string must be escaped (write \\n, \\t…)',
        );
      }
      if (c === 0x5c) {
        const next = text[i + 1];
        if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else {
          i++;
          return fail('an escape such as \\" \\\\ \\n or \\u00e9 after the backslash');
        }
      } else i++;
    }
  };
  let mode: 'value' | 'key' | 'after' = 'value';
  for (;;) {
    skip();
    if (mode === 'value') {
      const c = text[i];
      if (c === '{' || c === '[') {
        i++;
        skip();
        if (text[i] === (c === '{' ? '}' : ']')) {
          i++;
          mode = 'after';
        } else {
          stack.push(c);
          mode = c === '{' ? 'key' : 'value';
        }
      } else if (c === '"') {
        const error = string();
        if (error) return error;
        mode = 'after';
      } else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
        NUMBER.lastIndex = i;
        if (!NUMBER.test(text)) return fail('a number');
        i = NUMBER.lastIndex;
        mode = 'after';
      } else {
        const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
        if (!literal) return fail('a value (object, array, string, number, true, false or null)');
        i += literal.length;
        mode = 'after';
      }
    } else if (mode === 'key') {
      if (text[i] !== '"') return fail('a property name in double quotes');
      const error = string();
      if (error) return error;
      skip();
      if (text[i] !== ':') return fail("':' after the property name");
      i++;
      mode = 'value';
    } else {
      const open = stack[stack.length - 1];
      if (open === undefined) return i < text.length ? fail('the end of the text') : null;
      const close = open === '{' ? '}' : ']';
      if (text[i] === ',') {
        i++;
        skip();
        if (text[i] === close) {
          return fail(
            `${open === '{' ? 'a property name' : 'a value'} after ',' (JSON allows no trailing comma)`,
          );
        }
        mode = open === '{' ? 'key' : 'value';
      } else if (text[i] === close) {
        i++;
        stack.pop();
      } else return fail(`',' or '${close}'`);
    }
  }
}
