import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { compoundStreamNames, fileKind } from './fileFormat';

const fixture = (name: string) => readFileSync(join(__dirname, '../../../test/cli/fixtures', name));

async function zipWith(...names: string[]): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const name of names) zip.file(name, '<x/>');
  return zip.generateAsync({ type: 'uint8array' });
}

describe('what a file is, from its bytes', () => {
  it('an encrypted workbook: an OLE compound file with EncryptionInfo and EncryptedPackage', () => {
    const bytes = fixture('error.encrypted.xlsx');
    expect(compoundStreamNames(bytes)).toEqual(expect.arrayContaining(['EncryptionInfo', 'EncryptedPackage']));
    expect(fileKind(bytes)).toBe('encrypted');
  });

  it('an .xls: a compound file with a Workbook stream', () => {
    expect(fileKind(fixture('error.legacy.xls'))).toBe('legacy-xls');
  });

  it('zips: a workbook, a binary workbook, another document, a cut-short one', async () => {
    const workbook = await zipWith('[Content_Types].xml', 'xl/workbook.xml');
    expect(fileKind(workbook)).toBe('xlsx');
    expect(fileKind(await zipWith('xl/workbook.bin'))).toBe('xlsb');
    expect(fileKind(await zipWith('word/document.xml'))).toBe('zip-not-workbook');
    expect(fileKind(workbook.subarray(0, workbook.length - 10))).toBe('broken-zip');
  });

  it('empty, text, and a damaged compound file', () => {
    expect(fileKind(new Uint8Array())).toBe('empty');
    expect(fileKind(new TextEncoder().encode('小№,進捗度\n'))).toBe('not-workbook');
    const damaged = fixture('error.encrypted.xlsx').subarray(0, 600);
    expect(fileKind(damaged)).toBe('other-compound');
  });
});
