/**
 * UTF-8 byte counts of texts, as Excel counts request and answer sizes, without TextEncoder
 * (absent in some test environments) and without building the bytes.
 */

/**
 * The UTF-8 length of a text.
 * @param text - any string (lone surrogates count as the 3 bytes of U+FFFD, as TextEncoder does)
 * @returns bytes
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * The UTF-8 length of a value's JSON text.
 * @param value - anything JSON can write (undefined counts 0)
 * @returns bytes
 */
export function jsonLength(value: unknown): number {
  return value === undefined ? 0 : utf8Length(JSON.stringify(value));
}
