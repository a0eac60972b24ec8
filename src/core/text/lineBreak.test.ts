import { wrapText } from './lineBreak';

const style = { fontName: 'ＭＳ ゴシック', fontSize: 10 };
/** Room for exactly `n` full-width characters at 10 pt. */
const room = (n: number) => n * 10;

describe('wrapText', () => {
  it('breaks Japanese text anywhere at the width', () => {
    expect(wrapText('あいうえおかきくけこさ', room(5), style)).toEqual(['あいうえお', 'かきくけこ', 'さ']);
  });

  it('keeps explicit line breaks, and an empty paragraph is an empty line', () => {
    expect(wrapText('あい\nう\r\n\nえ', room(5), style)).toEqual(['あい', 'う', '', 'え']);
    expect(wrapText('', room(5), style)).toEqual(['']);
  });

  it('never starts a line with closing punctuation: the last character is carried over (追い出し)', () => {
    expect(wrapText('あいうえお。かき', room(5), style)).toEqual(['あいうえ', 'お。かき']);
    expect(wrapText('あいうえお」、かき', room(5), style)).toEqual(['あいうえ', 'お」、かき']);
    expect(wrapText('あいうえおっ', room(5), style)).toEqual(['あいうえ', 'おっ']);
  });

  it('never ends a line with an opening bracket', () => {
    expect(wrapText('あいうえ「おか」', room(5), style)).toEqual(['あいうえ', '「おか」']);
  });

  it('keeps half-width words whole and breaks at spaces', () => {
    // 'ICT' is 15.75 pt: it does not fit after four full-width characters in 50 pt
    expect(wrapText('あいうえICT化', room(5), style)).toEqual(['あいうえ', 'ICT化']);
    expect(wrapText('plan do check act', 60, style)).toEqual(['plan do ', 'check act']);
    expect(wrapText('2,000,000件', 40, style)).toEqual(['2,000,0', '00件']);
  });

  it('lets spaces at the end of a line take no room', () => {
    expect(wrapText('あいうえお　かき', room(5), style)).toEqual(['あいうえお', '　かき']);
    expect(wrapText('abcd efgh', 21, style)).toEqual(['abcd ', 'efgh']);
  });

  it('gives a character wider than the line a line of its own', () => {
    expect(wrapText('あい', 5, style)).toEqual(['あ', 'い']);
  });

  it('breaks a run of forbidden characters where it must', () => {
    expect(wrapText('」」」」」」」', room(3), style)).toEqual(['」」」', '」」」', '」']);
  });
});
