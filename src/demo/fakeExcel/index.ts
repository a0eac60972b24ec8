/** The fake Excel host: see FakeExcel. */
export { FakeExcel, PAYLOAD_LIMIT_BYTES } from './FakeExcel';
export type { FakeStats } from './FakeExcel';
export { FakeOfficeError } from './errors';
export type { FakeErrorCode } from './errors';
export type { FakeCellSnapshot, FakeSheetSnapshot, FakeWorkbookSnapshot } from './specs';
export { evaluateFormula } from './formula';
