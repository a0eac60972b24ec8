import { describeUserError, isUserError } from '../../core/errors';
import { FILE_ERRORS, fileError, WORKBOOK_ERRORS, workbookError, type WorkbookErrorKind } from './fileErrors';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const systemError = (code: string) =>
  Object.assign(new Error(`${code}: some English text from the system, open '/x'`), { code, syscall: 'open' });

describe('the table of file-system errors', () => {
  it.each(Object.keys(FILE_ERRORS))('%s: Japanese, with the path and a fix, never the system’s text', (code) => {
    const error = fileError(systemError(code), '/data/集計.xlsx', 'write');
    expect(isUserError(error)).toBe(true);
    if (!isUserError(error)) return;
    expect(error.code).toBe(`file-${code.toLowerCase()}`);
    expect(error.file).toBe('/data/集計.xlsx');
    expect(error.message).toMatch(JAPANESE);
    expect(error.fix).toMatch(JAPANESE);
    expect(describeUserError(error)).toContain('ファイル /data/集計.xlsx: 書き込めません。');
    expect(describeUserError(error)).not.toMatch(/English|open '/);
  });

  it('an unknown code is still Japanese, and names the code', () => {
    const error = fileError(systemError('ESOMETHING'), '/x', 'read');
    expect(isUserError(error) && error.message).toBe(
      '読み込めません。ファイルの操作に失敗しました（エラーコード ESOMETHING）。',
    );
  });

  it('what is not a file-system error is passed through', () => {
    const bug = new TypeError('x is undefined');
    expect(fileError(bug, '/x', 'read')).toBe(bug);
  });
});

describe('the table of files that are not a workbook', () => {
  it.each(Object.keys(WORKBOOK_ERRORS) as WorkbookErrorKind[])('%s: Japanese, with the file and a fix', (kind) => {
    const error = workbookError(
      kind,
      '/data/a.xlsx',
      new Error('End of data reached (data length = 0, asked index = 4)'),
    );
    expect(error.code).toBe(`workbook-${kind}`);
    expect(error.message).toMatch(JAPANESE);
    expect(error.fix).toMatch(JAPANESE);
    expect(describeUserError(error)).not.toContain('End of data');
  });
});
