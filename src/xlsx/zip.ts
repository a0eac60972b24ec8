/**
 * The zip container of an .xlsx, read and written directly with Node's zlib: entries are listed
 * from the central directory and inflated one at a time on demand; a written package copies the
 * compressed bytes of every part it did not change exactly as they were stored, and deflates only
 * new or changed parts. Output streams to a file, so a big workbook is never held twice.
 *
 * Supported: stored and deflated entries without encryption, under 4 GiB and 65,535 entries (no
 * ZIP64, which no workbook of this product comes near).
 */

import { closeSync, openSync, writeSync } from 'node:fs';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/** An entry of a zip file as read: where its compressed bytes are and how to inflate them. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc32: number;
  compressedSize: number;
  size: number;
  /** MS-DOS time and date of the entry. */
  time: number;
  date: number;
  /** The compressed bytes (a view into the file's bytes). */
  data: Buffer;
}

/** A zip the reader cannot read. */
export class ZipError extends Error {
  override name = 'ZipError';
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const UTF8_NAMES = 0x0800;
/** 1980-01-01 00:00, the date Excel gives every part it writes (and a fixed one keeps output reproducible). */
const DOS_DATE_1980 = (0 << 9) | (1 << 5) | 1;

/**
 * Lists the entries of a zip file, in the order of its central directory.
 * @param bytes - the whole file
 * @returns the entries by name
 * @throws ZipError when the bytes are not a zip this reader supports
 */
export function readZip(bytes: Buffer): Map<string, ZipEntry> {
  const end = findEndOfCentralDirectory(bytes);
  const count = bytes.readUInt16LE(end + 10);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new ZipError('ZIP64 archives are not supported');
  const entries = new Map<string, ZipEntry>();
  let at = directoryOffset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL_HEADER)
      throw new ZipError('bad central directory');
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localOffset = bytes.readUInt32LE(at + 42);
    const name = bytes.toString(flags & UTF8_NAMES ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    const compressedSize = bytes.readUInt32LE(at + 20);
    if (flags & 1) throw new ZipError(`encrypted entry ${name}`);
    if (method !== 0 && method !== 8) throw new ZipError(`entry ${name} uses compression method ${method}`);
    if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== LOCAL_HEADER)
      throw new ZipError(`bad local header of ${name}`);
    const dataStart = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > bytes.length) throw new ZipError(`truncated entry ${name}`);
    entries.set(name, {
      name,
      method,
      crc32: bytes.readUInt32LE(at + 16),
      compressedSize,
      size: bytes.readUInt32LE(at + 24),
      time: bytes.readUInt16LE(at + 12),
      date: bytes.readUInt16LE(at + 14),
      data: bytes.subarray(dataStart, dataStart + compressedSize),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= earliest; at--) {
    if (bytes.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new ZipError('not a zip file');
}

/**
 * The uncompressed bytes of an entry.
 * @param entry - the entry
 * @returns its content
 */
export function inflateEntry(entry: ZipEntry): Buffer {
  const content = entry.method === 0 ? entry.data : inflateRawSync(entry.data);
  if (content.length !== entry.size) throw new ZipError(`entry ${entry.name} has the wrong size`);
  return content;
}

/**
 * A part compressed for writing.
 * @param name - the part path
 * @param content - its bytes or text (written as UTF-8)
 * @param level - zlib compression level
 * @returns the entry, deflated
 */
export function deflateEntry(name: string, content: Buffer | string, level = 6): ZipEntry {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const data = deflateRawSync(bytes, { level });
  return {
    name,
    method: 8,
    crc32: crc32(bytes),
    compressedSize: data.length,
    size: bytes.length,
    time: 0,
    date: DOS_DATE_1980,
    data,
  };
}

/**
 * The fields local and central headers share, from flags to the name's length, at `at`.
 * @param header - the header being written
 * @param at - the offset of the flags field (6 in a local header, 8 in a central one)
 * @param entry - the entry
 * @param flags - its general purpose flags
 * @param nameLength - the length of its name in bytes
 */
function writeEntryFields(header: Buffer, at: number, entry: ZipEntry, flags: number, nameLength: number): void {
  header.writeUInt16LE(flags, at);
  header.writeUInt16LE(entry.method, at + 2);
  header.writeUInt16LE(entry.time, at + 4);
  header.writeUInt16LE(entry.date, at + 6);
  header.writeUInt32LE(entry.crc32 >>> 0, at + 8);
  header.writeUInt32LE(entry.compressedSize, at + 12);
  header.writeUInt32LE(entry.size, at + 16);
  header.writeUInt16LE(nameLength, at + 20);
}

/** Where written bytes go: a file, or memory. */
export type ZipSink = { file: string } | { chunks: Buffer[] };

/**
 * Writes a zip file from entries, each copied as compressed.
 * @param sink - a file path (written as the entries come) or an array collecting the bytes
 * @param entries - the entries in the order they are to be stored
 * @throws ZipError when the archive would need ZIP64
 */
export function writeZip(sink: ZipSink, entries: Iterable<ZipEntry>): void {
  const descriptor = 'file' in sink ? openSync(sink.file, 'w') : -1;
  const write = (buffer: Buffer): void => {
    if (descriptor >= 0) writeSync(descriptor, buffer);
    else if ('chunks' in sink) sink.chunks.push(buffer);
  };
  try {
    const central: Buffer[] = [];
    let offset = 0;
    for (const entry of entries) {
      const name = Buffer.from(entry.name, 'utf8');
      const flags = /^[\x20-\x7e]*$/.test(entry.name) ? 0 : UTF8_NAMES;
      if (offset > 0xffffffff - 30 - name.length - entry.data.length) throw new ZipError('archive over 4 GiB');
      const local = Buffer.alloc(30);
      local.writeUInt32LE(LOCAL_HEADER, 0);
      local.writeUInt16LE(20, 4);
      writeEntryFields(local, 6, entry, flags, name.length);
      write(local);
      write(name);
      write(entry.data);
      const header = Buffer.alloc(46);
      header.writeUInt32LE(CENTRAL_HEADER, 0);
      header.writeUInt16LE(20, 4);
      header.writeUInt16LE(20, 6);
      writeEntryFields(header, 8, entry, flags, name.length);
      header.writeUInt32LE(offset, 42);
      central.push(header, name);
      offset += 30 + name.length + entry.data.length;
    }
    const count = central.length / 2;
    if (count > 0xfffe) throw new ZipError('more than 65,534 entries');
    const size = central.reduce((sum, buffer) => sum + buffer.length, 0);
    for (const buffer of central) write(buffer);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
    end.writeUInt16LE(count, 8);
    end.writeUInt16LE(count, 10);
    end.writeUInt32LE(size, 12);
    end.writeUInt32LE(offset, 16);
    write(end);
  } finally {
    if (descriptor >= 0) closeSync(descriptor);
  }
}
