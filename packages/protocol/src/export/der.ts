// A minimal DER reader: just enough ASN.1 to take P-256 keys out of SPKI, PKCS#8 and SEC1 structures.

import { ProtocolError } from '../errors.js';

export const DerTag = {
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  OID: 0x06,
  SEQUENCE: 0x30,
  /** [0] EXPLICIT, constructed. */
  CONTEXT_0: 0xa0,
  /** [1] EXPLICIT, constructed. */
  CONTEXT_1: 0xa1,
} as const;

/** One DER element: its tag byte and the bytes of its content. */
export interface DerElement {
  readonly tag: number;
  readonly content: Uint8Array;
}

const bad = (what: string) => new ProtocolError('invalid_key_der', `malformed DER: ${what}`);

/** Splits `bytes` into consecutive DER elements (all of it must parse). */
export function readDerElements(bytes: Uint8Array): DerElement[] {
  const elements: DerElement[] = [];
  let pos = 0;
  while (pos < bytes.length) {
    const tag = bytes[pos] as number;
    if ((tag & 0x1f) === 0x1f) throw bad('multi-byte tags are not used in keys');
    let length = bytes[pos + 1];
    if (length === undefined) throw bad('missing length');
    pos += 2;
    if (length >= 0x80) {
      const count = length & 0x7f;
      if (count === 0 || count > 3) throw bad('indefinite or oversized length');
      length = 0;
      for (let i = 0; i < count; i++) {
        const b = bytes[pos++];
        if (b === undefined) throw bad('truncated length');
        length = length * 256 + b;
      }
    }
    if (pos + length > bytes.length) throw bad('element runs past the end');
    elements.push({ tag, content: bytes.subarray(pos, pos + length) });
    pos += length;
  }
  return elements;
}

/** The single element `bytes` consist of, which must have tag `tag`. */
export function readDerElement(bytes: Uint8Array, tag: number, what: string): DerElement {
  const elements = readDerElements(bytes);
  const [first] = elements;
  if (elements.length !== 1 || first === undefined || first.tag !== tag) throw bad(`expected ${what}`);
  return first;
}

/** The children of a SEQUENCE, checking each one's tag in order (`undefined` = any tag). */
export function readDerSequence(element: DerElement, what: string): DerElement[] {
  if (element.tag !== DerTag.SEQUENCE) throw bad(`${what} is not a SEQUENCE`);
  return readDerElements(element.content);
}

/** Throws unless `element` has the tag `tag`. */
export function expectTag(element: DerElement | undefined, tag: number, what: string): DerElement {
  if (element === undefined || element.tag !== tag) throw bad(`expected ${what}`);
  return element;
}

/** An OBJECT IDENTIFIER's content as dotted text ("1.2.840.10045.2.1"). */
export function oidToString(content: Uint8Array): string {
  if (content.length === 0) throw bad('empty OID');
  const arcs: number[] = [];
  let value = 0;
  for (const b of content) {
    value = value * 128 + (b & 0x7f);
    if (value > Number.MAX_SAFE_INTEGER) throw bad('OID arc too large');
    if ((b & 0x80) === 0) {
      arcs.push(value);
      value = 0;
    }
  }
  if ((content[content.length - 1] as number) & 0x80) throw bad('truncated OID');
  const [first = 0, ...rest] = arcs;
  const head = first < 40 ? [0, first] : first < 80 ? [1, first - 40] : [2, first - 80];
  return [...head, ...rest].join('.');
}
