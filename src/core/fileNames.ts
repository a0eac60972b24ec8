/**
 * File names made from names people typed (a department, 総務/課), legal and distinct on every
 * OS the secretariat may copy them to: characters Windows and macOS refuse become their full-width
 * look-alikes (総務/課 → 総務／課.xlsx, 総務:課 → 総務：課.xlsx), control characters and a leading
 * dot or trailing dots and spaces go, Windows' reserved names (CON, NUL, COM1…) get a mark, long
 * names are shortened with "…", and names that still meet (also without case or Unicode form, as
 * Windows and macOS compare them) are told apart with " (2)", " (3)".
 */

/** Characters no common file system accepts in a name, and the full-width forms that replace them. */
const REPLACEMENTS: Record<string, string> = {
  '\\': '＼',
  '/': '／',
  ':': '：',
  '*': '＊',
  '?': '？',
  '"': '＂',
  '<': '＜',
  '>': '＞',
  '|': '｜',
};

/** Names Windows reserves for devices, with any extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/**
 * The longest name (without the extension) in characters: Japanese characters take 3 bytes of the
 * 255 a name may have on Linux and macOS, and Windows paths stay under 260 characters with room
 * for the folder.
 */
export const MAX_NAME_LENGTH = 60;

/**
 * A name as a safe file name (without the extension).
 * @param name - what a person typed
 * @param fallback - the name to use when nothing is left
 * @returns a legal, readable name of at most MAX_NAME_LENGTH characters
 */
export function safeBaseName(name: string, fallback: string): string {
  let safe = name
    .normalize('NFC')
    .replace(/[\\/:*?"<>|]/g, (char) => REPLACEMENTS[char])
    // eslint-disable-next-line no-control-regex -- control characters are what this removes
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .replace(/[. ]+$/, '');
  if (safe === '') safe = fallback;
  if (RESERVED.test(safe)) safe = `${safe}_`;
  const characters = [...safe];
  return characters.length > MAX_NAME_LENGTH ? `${characters.slice(0, MAX_NAME_LENGTH - 1).join('')}…` : safe;
}

/** How file systems that ignore case and Unicode form compare two names. */
function comparable(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/**
 * One distinct file name per name.
 * @param names - what people typed (repeats allowed: they get one file)
 * @param extension - with its dot, e.g. ".xlsx"
 * @param fallback - the name for a name that has nothing usable
 * @returns each distinct name's file name
 */
export function distinctFileNames(names: readonly string[], extension: string, fallback: string): Map<string, string> {
  const files = new Map<string, string>();
  const taken = new Set<string>();
  for (const name of names) {
    if (files.has(name)) continue;
    const base = safeBaseName(name, fallback);
    let file = `${base}${extension}`;
    for (let counter = 2; taken.has(comparable(file)); counter++) {
      const suffix = ` (${counter})`;
      const characters = [...base];
      const room = MAX_NAME_LENGTH - suffix.length;
      file = `${characters.length > room ? `${characters.slice(0, room - 1).join('')}…` : base}${suffix}${extension}`;
    }
    taken.add(comparable(file));
    files.set(name, file);
  }
  return files;
}
