import { sheetNameNote, isLegalSheetName, legalSheetName, sameSheetName, sheetNameProblem } from './sheetName';

const FULL_WIDTH = ['［', '］', '：', '＊', '？', '／', '＼', '￥'];
const HALF_WIDTH = ['[', ']', ':', '*', '?', '/', '\\'];

describe('the one sheet-name rule (Japanese Excel)', () => {
  test.each([...HALF_WIDTH, ...FULL_WIDTH])('refuses %s anywhere and makes it a middle dot', (character) => {
    const name = `1 窓口${character}電子申請`;
    expect(isLegalSheetName(name)).toBe(false);
    expect(sheetNameProblem(name)).toContain('使えません');
    expect(legalSheetName(name)).toBe('1 窓口・電子申請');
    expect(isLegalSheetName(legalSheetName(name))).toBe(true);
  });

  test.each(["'", '’', '＇'])('refuses the apostrophe %s at either end, not inside', (mark) => {
    expect(isLegalSheetName(`${mark}名前`)).toBe(false);
    expect(isLegalSheetName(`名前${mark}`)).toBe(false);
    expect(isLegalSheetName(`名${mark}前`)).toBe(true);
    expect(legalSheetName(`${mark}名前${mark}`)).toBe('名前');
  });

  test('refuses History in any case and width, and names of 0 or more than 31 characters', () => {
    for (const name of ['History', 'HISTORY', 'history', 'Ｈｉｓｔｏｒｙ']) expect(isLegalSheetName(name)).toBe(false);
    expect(legalSheetName('history')).toBe('history_');
    expect(isLegalSheetName('')).toBe(false);
    expect(isLegalSheetName('あ'.repeat(31))).toBe(true);
    expect(isLegalSheetName('あ'.repeat(32))).toBe(false);
    expect(legalSheetName('あ'.repeat(40))).toBe('あ'.repeat(31));
    expect(legalSheetName('／')).toBe('・');
    expect(legalSheetName("''")).toBe('シート');
  });

  test('compares names ignoring case and width, as Excel does', () => {
    expect(sameSheetName('Sheet1', 'ＳＨＥＥＴ１')).toBe(true);
    expect(sameSheetName('sheet1', 'SHEET1')).toBe(true);
    expect(sameSheetName('集計', '総評')).toBe(false);
  });

  test('keeps a legal name as it is', () => {
    for (const name of ['1 ガバメントクラウドファンディングの実施', '取組状況一覧【実践項目別】', 'プラン定義'])
      expect(legalSheetName(name)).toBe(name);
  });

  test('tells why a name was changed, and says nothing for a legal or only shortened name', () => {
    expect(sheetNameNote('1 窓口／電子申請：案内')).toBe(
      'シート名「1 窓口／電子申請：案内」は Excel では使えないため「1 窓口・電子申請・案内」にしました（使えない文字 ／ ： を「・」に置き換え）。',
    );
    expect(sheetNameNote("2 市民の声'")).toBe(
      "シート名「2 市民の声'」は Excel では使えないため「2 市民の声」にしました（先頭・末尾のアポストロフィを削除）。",
    );
    expect(sheetNameNote('History')).toContain('History は Excel の予約名のため「_」を追加');
    expect(sheetNameNote('1 ガバメントクラウドファンディングの実施')).toBeNull();
    expect(sheetNameNote(`3 ${'あ'.repeat(40)}`)).toBeNull();
  });
});
