import { jsonLength, utf8Length } from './utf8';

test('counts UTF-8 bytes as TextEncoder does, for ASCII, kana and kanji, and astral characters', () => {
  for (const text of ['', 'A1:Q46', '進捗状況シート', 'Ｒ３年度', '𠮷野家', 'a\u00e9\u20ac😀', '\ud800x'])
    expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
  expect(jsonLength([['合計', 3]])).toBe(new TextEncoder().encode('[["合計",3]]').length);
  expect(jsonLength(undefined)).toBe(0);
});
