/**
 * The bytes of canonical base64 text, or undefined: accepts exactly what the protocol's `fromBase64`
 * accepts (the padded standard alphabet, the one encoding of its bytes), decoded natively. Node's
 * decoder skips characters it does not know and reads base64url too, so the answer is re-encoded
 * and must give back the text.
 */
export function strictBase64(text: string): Buffer | undefined {
  if (text.length % 4 !== 0) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}
