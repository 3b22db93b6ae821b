import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { MultilineText, PlainText } from './text.schemas.js';

describe('text schemas', () => {
  const plain = PlainText({ maxLength: 100 });
  const multiline = MultilineText({ maxLength: 100 });

  it('accept Vietnamese text and characters outside the BMP', () => {
    for (const text of ['Thái Bình', 'Hà Nội 😀', '', 'VN-20']) {
      expect(Value.Check(plain, text)).toBe(true);
      expect(Value.Check(multiline, text)).toBe(true);
    }
  });

  it('refuse NUL, other C0 controls, DEL and lone surrogates', () => {
    for (const text of ['a\u0000b', 'a\u0007', '\u001b[0m', 'a\u007f', '\ud800', 'x\udfff', '\udc00\ud800']) {
      expect(Value.Check(plain, text), JSON.stringify(text)).toBe(false);
      expect(Value.Check(multiline, text), JSON.stringify(text)).toBe(false);
    }
  });

  it('allow tab and line breaks in multi-line text only', () => {
    for (const text of ['line 1\nline 2', 'a\tb', 'a\r\nb']) {
      expect(Value.Check(plain, text)).toBe(false);
      expect(Value.Check(multiline, text)).toBe(true);
    }
  });
});
