import { distinctFileNames, MAX_NAME_LENGTH, safeBaseName } from './fileNames';

describe('file names from department names', () => {
  it('keeps Japanese readable and replaces what file systems refuse with full-width look-alikes', () => {
    expect(safeBaseName('総務/課', 'x')).toBe('総務／課');
    expect(safeBaseName('総務:課', 'x')).toBe('総務：課');
    expect(safeBaseName('a\\b*c?d"e<f>g|h', 'x')).toBe('a＼b＊c？d＂e＜f＞g｜h');
    expect(safeBaseName('（政）政策推進課', 'x')).toBe('（政）政策推進課');
  });

  it('drops control characters, leading dots and trailing dots and spaces; marks reserved names', () => {
    expect(safeBaseName('\u0007総務\t課\u007f', 'x')).toBe('総務 課');
    expect(safeBaseName(' ..隠し課. . ', 'x')).toBe('隠し課');
    expect(safeBaseName('CON', 'x')).toBe('CON_');
    expect(safeBaseName('lpt1.txt', 'x')).toBe('lpt1.txt_');
    expect(safeBaseName('...', '担当部署')).toBe('担当部署');
  });

  it('shortens long names with … within MAX_NAME_LENGTH characters', () => {
    const name = safeBaseName('課'.repeat(300), 'x');
    expect([...name]).toHaveLength(MAX_NAME_LENGTH);
    expect(name.endsWith('…')).toBe(true);
  });

  it('gives every distinct name its own file, also where case or Unicode form alone differ', () => {
    const files = distinctFileNames(
      ['総務/課', '総務／課', '総務:課', 'ABC', 'abc', 'が', 'が'.normalize('NFD'), 'ABC'],
      '.xlsx',
      'x',
    );
    expect([...files.entries()]).toEqual([
      ['総務/課', '総務／課.xlsx'],
      ['総務／課', '総務／課 (2).xlsx'],
      ['総務:課', '総務：課.xlsx'],
      ['ABC', 'ABC.xlsx'],
      ['abc', 'abc (2).xlsx'],
      ['が', 'が.xlsx'],
      ['が'.normalize('NFD'), 'が (2).xlsx'],
    ]);
    const long = distinctFileNames(['課'.repeat(100), `${'課'.repeat(100)}2`], '.xlsx', 'x');
    expect([...long.values()].map((name) => [...name].length)).toEqual([MAX_NAME_LENGTH + 5, MAX_NAME_LENGTH + 5]);
    expect(new Set(long.values()).size).toBe(2);
  });
});
