/**
 * The one sheet-name rule: what Japanese Excel accepts as a sheet name, used by every port, シート作成,
 * split and the CLI. Excel refuses a name of 0 or more than 31 characters; any of `[ ] : * ? / \`
 * and, in Japanese Excel, their full-width forms `［ ］ ： ＊ ？ ／ ＼` and the yen sign `￥`; an
 * apostrophe (' ’ ＇) at either end; and the reserved name History (any case). Two names are the
 * same sheet when they differ only in case or in character width (Excel compares them like that:
 * "ＳＨＥＥＴ１" clashes with "Sheet1"), which `sheetNameKey` captures with NFKC and upper case.
 */

/** Excel's longest sheet name. */
export const SHEET_NAME_MAX_LENGTH = 31;

const FORBIDDEN = /[[\]:*?/\\［］：＊？／＼￥]/gu;
const END_APOSTROPHES = /^['’＇]+|['’＇]+$/gu;
const RESERVED = 'HISTORY';
/** What a forbidden character becomes in a name made legal (a middle dot reads as a separator). */
const REPLACEMENT = '・';

/**
 * The key under which Excel compares sheet names (case and width ignored).
 * @param name - a sheet name
 * @returns the comparison key
 */
export function sheetNameKey(name: string): string {
  return name.normalize('NFKC').toUpperCase();
}

/**
 * Whether two names are the same sheet for Excel.
 * @param a - a sheet name
 * @param b - another
 * @returns true when Excel would treat them as one name
 */
export function sameSheetName(a: string, b: string): boolean {
  return sheetNameKey(a) === sheetNameKey(b);
}

/**
 * Why Excel refuses a sheet name, in Japanese, or null when it accepts it.
 * @param name - the name
 * @returns the reason, or null
 */
export function sheetNameProblem(name: string): string | null {
  const length = [...name].length;
  if (length === 0 || length > SHEET_NAME_MAX_LENGTH)
    return `シート名「${name}」は 1〜${SHEET_NAME_MAX_LENGTH} 文字にしてください。`;
  if (new RegExp(FORBIDDEN.source, 'u').test(name))
    return `シート名「${name}」には [ ] : * ? / \\ とその全角文字（［ ］ ： ＊ ？ ／ ＼ ￥）を使えません。`;
  if (new RegExp(END_APOSTROPHES.source, 'u').test(name))
    return `シート名「${name}」の先頭と末尾にはアポストロフィ（' ’ ＇）を使えません。`;
  if (sheetNameKey(name) === RESERVED) return `シート名「${name}」は Excel が予約しているため使えません。`;
  return null;
}

/**
 * Whether Excel accepts the name.
 * @param name - the name
 * @returns true when it is a legal sheet name
 */
export function isLegalSheetName(name: string): boolean {
  return sheetNameProblem(name) === null;
}

/**
 * A legal sheet name made from any text, predictably: each forbidden character becomes 「・」,
 * apostrophes at the ends are dropped, the text is cut to 31 characters and trimmed, the reserved
 * name gets 「_」, and an empty result becomes 「シート」.
 * @param text - the wanted name (e.g. 「1 実践項目名」)
 * @returns a name Excel accepts (equal to `text` when that is legal)
 */
export function legalSheetName(text: string): string {
  let name = text.replace(FORBIDDEN, REPLACEMENT);
  for (let previous = ''; previous !== name;) {
    previous = name;
    name = [...name.replace(END_APOSTROPHES, '')].slice(0, SHEET_NAME_MAX_LENGTH).join('').trim();
  }
  if (name === '') return 'シート';
  if (sheetNameKey(name) === RESERVED) return `${name}_`;
  return name;
}

/**
 * Why a wanted name was made legal, in Japanese, for telling the user; null when Excel accepts it
 * as it is or it was only shortened to 31 characters (a sheet name has always been cut so).
 * @param wanted - the wanted name (e.g. 「1 窓口／電子申請」)
 * @returns 「シート名「1 窓口／電子申請」は Excel では使えないため「1 窓口・電子申請」にしました（…）。」 or null
 */
export function sheetNameNote(wanted: string): string | null {
  const name = legalSheetName(wanted);
  const shortened = [...wanted].slice(0, SHEET_NAME_MAX_LENGTH).join('').trim();
  if (name === wanted || name === shortened) return null;
  const reasons: string[] = [];
  const characters = [...new Set(wanted.match(FORBIDDEN) ?? [])];
  if (characters.length > 0) reasons.push(`使えない文字 ${characters.join(' ')} を「${REPLACEMENT}」に置き換え`);
  if (new RegExp(END_APOSTROPHES.source, 'u').test(wanted)) reasons.push('先頭・末尾のアポストロフィを削除');
  if (sheetNameKey(name.replace(/_$/, '')) === RESERVED) reasons.push('History は Excel の予約名のため「_」を追加');
  if ([...wanted].length > SHEET_NAME_MAX_LENGTH) reasons.push(`${SHEET_NAME_MAX_LENGTH} 文字までに短縮`);
  return `シート名「${wanted}」は Excel では使えないため「${name}」にしました（${reasons.join('、')}）。`;
}
