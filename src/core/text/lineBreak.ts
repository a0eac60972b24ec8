/**
 * Line breaking of a cell's text as Excel and LibreOffice roughly do it: explicit line breaks are
 * kept; a line breaks between Japanese characters anywhere, but never inside a run of half-width
 * letters and digits (a word such as "ICT" or "2,000") unless the word alone is wider than the
 * line; Japanese line-breaking rules (kinsoku) keep closing brackets and punctuation off the start
 * of a line and opening brackets off its end, by carrying the last characters over (追い出し).
 * Spaces at the end of a line take no room.
 */
import { charWidth, type TextStyle } from './measure';

/** Characters that never start a line (行頭禁則): closing brackets, punctuation, small kana, prolonged sound marks. */
export const NO_LINE_START = new Set([
  ...'、。，．,.・：；:;？！?!゛゜ヽヾゝゞ々〻ー―‐〜～…‥',
  ...'）〕］｝〉》」』】〙〗〟’”｠»)]}',
  ...'ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ',
  ...'％%‰℃°′″¢￠',
]);

/** Characters that never end a line (行末禁則): opening brackets and leading signs. */
export const NO_LINE_END = new Set([...'（〔［｛〈《「『【〘〖〝‘“｟«([{', ...'￥＄£€＃#＠@']);

/** One unit of breaking: a half-width word, a space, or one other character. */
interface Piece {
  text: string;
  width: number;
  space: boolean;
}

const WORD_CHAR = /[\x21-\x7e\u00a1-\u024f]/;

/** Widths already measured, by style then code point (a sheet has few styles and characters). */
const measured = new Map<string, Map<number, number>>();

/** The width of a code point in a style, measured once. */
function widthIn(style: TextStyle): (codePoint: number) => number {
  const key = `${style.fontName ?? ''}|${style.fontSize ?? ''}|${style.bold ? 'b' : ''}`;
  let widths = measured.get(key);
  if (!widths) measured.set(key, (widths = new Map()));
  const known = widths;
  return (codePoint) => {
    let width = known.get(codePoint);
    if (width === undefined) known.set(codePoint, (width = charWidth(codePoint, style)));
    return width;
  };
}

/** Splits one paragraph into pieces between which a line may break (before kinsoku). */
function pieces(paragraph: string, style: TextStyle): Piece[] {
  const result: Piece[] = [];
  const widthOf = widthIn(style);
  for (const char of paragraph) {
    const width = widthOf(char.codePointAt(0) as number);
    const last = result[result.length - 1];
    if (WORD_CHAR.test(char) && last && !last.space && WORD_CHAR.test(last.text.slice(-1))) {
      last.text += char;
      last.width += width;
    } else {
      result.push({ text: char, width, space: char === ' ' || char === '\t' });
    }
  }
  return result;
}

/** Whether a line may break between two pieces. */
function breakAllowed(before: Piece, after: Piece): boolean {
  if (after.space) return false; // spaces stay at the end of the line they follow
  const first = [...after.text][0];
  const last = [...before.text].slice(-1)[0];
  return !NO_LINE_START.has(first) && !NO_LINE_END.has(last);
}

/** Splits a piece wider than a line into pieces of single characters. */
function characters(piece: Piece, style: TextStyle): Piece[] {
  return [...piece.text].map((char) => ({
    text: char,
    width: charWidth(char.codePointAt(0) as number, style),
    space: false,
  }));
}

/** Wraps one paragraph (no line breaks) at `maxWidth` points. */
function wrapParagraph(paragraph: string, maxWidth: number, style: TextStyle): string[] {
  // The pieces still to place, the next one last (pop and push, not shift and unshift: linear).
  const queue = pieces(paragraph, style).reverse();
  const lines: Piece[][] = [];
  let line: Piece[] = [];
  // The width of `line` with its trailing spaces: a piece that is not a space ends the line's width.
  let width = 0;
  const place = (piece: Piece) => {
    line.push(piece);
    width += piece.width;
  };
  const close = () => {
    lines.push(line);
    line = [];
    width = 0;
  };
  while (queue.length > 0) {
    const piece = queue.pop() as Piece;
    if (piece.space || width + piece.width <= maxWidth + 1e-6) {
      place(piece);
      continue;
    }
    if (line.length === 0 || line.every((each) => each.space)) {
      if ([...piece.text].length > 1) {
        queue.push(...characters(piece, style).reverse()); // a word wider than the line breaks anywhere
      } else {
        place(piece); // one character wider than the line: it has the line to itself
        close();
      }
      continue;
    }
    // Break before `piece`, or earlier if kinsoku forbids it, carrying the last pieces over.
    let at = line.length;
    while (at > 0 && !breakAllowed(line[at - 1], at === line.length ? piece : line[at])) at -= 1;
    if (at === 0) at = line.length; // no allowed break on the line: break here after all
    const carried = line.splice(at);
    close();
    queue.push(piece, ...carried.filter((each, index) => !(index === 0 && each.space)).reverse());
    // A carried word may itself be wider than the line; the loop above splits it then.
  }
  if (line.length > 0 || lines.length === 0) lines.push(line);
  return lines.map((each) => each.map((entry) => entry.text).join(''));
}

/**
 * Wraps a text into lines at a width, as a cell with "wrap text" shows it.
 * @param text - the cell's text; `"\n"` (or `"\r\n"`) starts a new line
 * @param maxWidth - points available to a line (see `cellTextWidth`)
 * @param style - font, size and weight
 * @returns the lines, at least one (an empty text is one empty line)
 */
export function wrapText(text: string, maxWidth: number, style: TextStyle = {}): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .flatMap((paragraph) => wrapParagraph(paragraph, maxWidth, style));
}
