import { shiftFormula } from './formulaShift';

describe('shiftFormula', () => {
  test.each([
    ['SUM(D28:D31)', 0, 1, 'SUM(E28:E31)'],
    [
      'IF(AND(COUNT(D28:D31)=4,MIN(D28:D31)>=0),SUM(D28:D31),"")',
      0,
      2,
      'IF(AND(COUNT(F28:F31)=4,MIN(F28:F31)>=0),SUM(F28:F31),"")',
    ],
    ['$A$1+A$1+$A1+A1', 1, 1, '$A$1+B$1+$A2+B2'],
    ['SUM(A:A)+SUM($B:C)+SUM(1:1)+SUM($2:3)', 2, 1, 'SUM(B:B)+SUM($B:D)+SUM(3:3)+SUM($2:5)'],
    ["'No. A1'!B2+Sheet1!C3", 1, 0, "'No. A1'!B3+Sheet1!C4"],
    ['"A1 stays"&A1', 1, 0, '"A1 stays"&A2'],
    ['LOG10(A1)+ATAN2(B1,C1)', 0, 1, 'LOG10(B1)+ATAN2(C1,D1)'],
    ['Table1[Amount]+X1', 1, 0, 'Table1[Amount]+X2'],
    ['A1-1', -1, 0, '#REF!-1'],
    ['XFD1+1.5E+3', 0, 0, 'XFD1+1.5E+3'],
  ])('%s moved by %i rows and %i columns', (formula, rows, columns, expected) => {
    expect(shiftFormula(formula, rows, columns)).toBe(expected);
  });
});
