/**
 * What a file is, from its bytes, before a library is asked to open it: an .xlsx (a zip with
 * `xl/workbook.xml`), a password-protected workbook (an OLE compound file with an `EncryptionInfo`
 * stream: Excel encrypts the whole package), an old .xls, a binary .xlsb, another zip, a broken
 * zip, or something else. Reads only the zip's central directory and the compound file's
 * directory; no decompression.
 */

/** The kinds of file the CLI tells apart. */
export type FileKind =
  | 'xlsx'
  | 'empty'
  | 'encrypted'
  | 'legacy-xls'
  | 'xlsb'
  | 'other-compound'
  | 'zip-not-workbook'
  | 'broken-zip'
  | 'not-workbook';

const ZIP_LOCAL = 0x04034b50;
const ZIP_END = 0x06054b50;
const ZIP_CENTRAL = 0x02014b50;
const COMPOUND_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Tells what a file is.
 * @param bytes - the whole file
 * @returns its kind
 */
export function fileKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return 'empty';
  if (COMPOUND_SIGNATURE.every((byte, index) => bytes[index] === byte)) {
    const names = compoundStreamNames(bytes);
    if (names?.includes('EncryptionInfo')) return 'encrypted';
    if (names?.some((name) => name === 'Workbook' || name === 'Book')) return 'legacy-xls';
    return 'other-compound';
  }
  if (bytes.length >= 4 && view(bytes).getUint32(0, true) === ZIP_LOCAL) {
    const names = zipEntryNames(bytes);
    if (!names) return 'broken-zip';
    if (names.includes('xl/workbook.xml')) return 'xlsx';
    if (names.includes('xl/workbook.bin')) return 'xlsb';
    return 'zip-not-workbook';
  }
  return 'not-workbook';
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * The names in a zip's central directory, or null when the zip is cut short or damaged (no end
 * record, or a directory that points outside the file).
 */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const data = view(bytes);
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let offset = bytes.length - 22; offset >= lowest; offset--) {
    if (data.getUint32(offset, true) === ZIP_END) {
      end = offset;
      break;
    }
  }
  if (end < 0) return null;
  const count = data.getUint16(end + 10, true);
  const size = data.getUint32(end + 12, true);
  let offset = data.getUint32(end + 16, true);
  if (offset === 0xffffffff || offset + size > end) return null; // zip64 workbooks are not expected
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let index = 0; index < count; index++) {
    if (offset + 46 > end || data.getUint32(offset, true) !== ZIP_CENTRAL) return null;
    const nameLength = data.getUint16(offset + 28, true);
    const extraLength = data.getUint16(offset + 30, true);
    const commentLength = data.getUint16(offset + 32, true);
    names.push(decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

const FREE_OR_END = 0xfffffffa; // sector numbers from here up are markers, not sectors

/**
 * The names of the entries of an OLE compound file's directory (MS-CFB), or null when the file
 * is damaged. Follows the FAT (listed in the header's DIFAT and any DIFAT sectors) along the
 * directory's chain.
 */
export function compoundStreamNames(bytes: Uint8Array): string[] | null {
  if (bytes.length < 512) return null;
  const data = view(bytes);
  const sectorSize = 2 ** data.getUint16(0x1e, true);
  if (sectorSize !== 512 && sectorSize !== 4096) return null;
  const sectorCount = Math.floor((bytes.length - sectorSize) / sectorSize);
  const sector = (number: number) => (number + 1) * sectorSize;
  const entriesPerSector = sectorSize / 4;

  const fatSectors: number[] = [];
  for (let index = 0; index < 109; index++) {
    const number = data.getUint32(0x4c + index * 4, true);
    if (number < FREE_OR_END) fatSectors.push(number);
  }
  let difat = data.getUint32(0x44, true);
  for (let guard = 0; difat < FREE_OR_END && guard < sectorCount; guard++) {
    if (difat >= sectorCount) return null;
    for (let index = 0; index < entriesPerSector - 1; index++) {
      const number = data.getUint32(sector(difat) + index * 4, true);
      if (number < FREE_OR_END) fatSectors.push(number);
    }
    difat = data.getUint32(sector(difat) + (entriesPerSector - 1) * 4, true);
  }
  const next = (number: number): number => {
    const fatSector = fatSectors[Math.floor(number / entriesPerSector)];
    if (fatSector === undefined || fatSector >= sectorCount) return FREE_OR_END;
    return data.getUint32(sector(fatSector) + (number % entriesPerSector) * 4, true);
  };

  const names: string[] = [];
  const decoder = new TextDecoder('utf-16le');
  const seen = new Set<number>();
  for (let number = data.getUint32(0x30, true); number < FREE_OR_END; number = next(number)) {
    if (number >= sectorCount || seen.has(number)) return null;
    seen.add(number);
    for (let entry = sector(number); entry < sector(number) + sectorSize; entry += 128) {
      const length = data.getUint16(entry + 0x40, true);
      const type = bytes[entry + 0x42];
      if (type === 0 || length < 2 || length > 64) continue;
      names.push(decoder.decode(bytes.subarray(entry, entry + length - 2)));
    }
  }
  return names;
}
