import { REAL_LENGTHS, realLengthText, realLengthWorkbookData, seededRandom, textLength } from './realLength';

describe('real-length fixtures', () => {
  it('writes texts of exactly the length asked, in the paragraphs asked', () => {
    const random = seededRandom(1);
    for (const [length, paragraphs, bullets] of [
      [109, 2, false],
      [179, 5, false],
      [184, 4, true],
      [465, 6, false],
      [12, 1, false],
    ] as const) {
      const text = realLengthText(random, length, paragraphs, bullets);
      expect(textLength(text)).toBe(length);
      expect(text.split('\n')).toHaveLength(paragraphs);
      if (bullets) expect(text.split('\n').every((line) => line.startsWith('・'))).toBe(true);
    }
  });

  it('fills the longest sheets to the published maxima and is deterministic', () => {
    const { plan, sheets, council } = realLengthWorkbookData();
    expect(sheets).toHaveLength(plan.items.length);
    const longest = sheets[0];
    const activityTexts = longest.activities.flatMap((row) => [row.plan, row.result]);
    expect(longest.activities.filter((row) => row.plan !== '')).toHaveLength(REAL_LENGTHS.sheet.activityRows);
    expect(activityTexts.reduce((sum, text) => sum + textLength(text), 0)).toBe(REAL_LENGTHS.sheet.activities.max);
    expect(Math.max(...longest.activities.map((row) => textLength(row.result)))).toBe(REAL_LENGTHS.result.max);
    expect(Math.max(...longest.activities.map((row) => textLength(row.plan)))).toBe(REAL_LENGTHS.plan.max);
    expect(Object.values(longest.reasons).reduce((sum, text) => sum + textLength(text), 0)).toBe(
      REAL_LENGTHS.sheet.reasons,
    );
    expect(textLength(longest.notes)).toBe(REAL_LENGTHS.notes.max);
    expect(longest.notes.split('\n')).toHaveLength(REAL_LENGTHS.notes.paragraphs);
    expect(Math.max(...plan.items.map((item) => item.name.length))).toBe(60);
    expect(plan.title.length).toBeGreaterThanOrEqual(50);
    expect(council.rows.every((row) => row.entries.length === 4)).toBe(true);
    expect(JSON.stringify(realLengthWorkbookData())).toBe(JSON.stringify({ plan, sheets, council }));
  });
});
