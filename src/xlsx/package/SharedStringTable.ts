/**
 * The shared strings of a workbook the package port creates (xl/sharedStrings.xml), as Excel keeps
 * text: each distinct text once, cells refer to it by index. Workbooks it opens keep their own
 * table untouched; text written into them goes in as inline strings.
 */
import { MAIN_NS, XML_DECLARATION } from '../xml';
import { encodeOoxmlText } from './worksheetXml';
import type { SharedStrings } from './worksheetXml';

/** The content type of the shared strings part. */
export const SHARED_STRINGS_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml';

/** Texts by index, added as sheets are written. */
export class SharedStringTable implements SharedStrings {
  /** The texts in index order. */
  readonly texts: string[] = [];
  private readonly indexes = new Map<string, number>();
  private references = 0;

  /**
   * The index of a text, added when new.
   * @param text - the text
   * @returns its index
   */
  indexOf(text: string): number {
    this.references++;
    let index = this.indexes.get(text);
    if (index === undefined) {
      index = this.texts.length;
      this.texts.push(text);
      this.indexes.set(text, index);
    }
    return index;
  }

  /** The part's XML. */
  toXml(): string {
    const items = this.texts.map((text) => `<si><t xml:space="preserve">${encodeOoxmlText(text)}</t></si>`).join('');
    return `${XML_DECLARATION}<sst xmlns="${MAIN_NS}" count="${this.references}" uniqueCount="${this.texts.length}">${items}</sst>`;
  }
}
