/**
 * Errors shaped like OfficeExtension.Error: callers tell them apart by `code`, as with the real API
 * (`error.code === 'InvalidOperationInCellEditMode'`), never by class.
 */

/** The error codes the fake raises; the same strings as Excel.ErrorCodes. */
export type FakeErrorCode =
  | 'PropertyNotLoaded'
  | 'ItemNotFound'
  | 'ItemAlreadyExists'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'InvalidOperationInCellEditMode'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded'
  | 'ApiNotFound'
  | 'AccessDenied'
  | 'GeneralException'
  | 'InvalidSelection';

/** An error of the fake Excel host. */
export class FakeOfficeError extends Error {
  override name = 'RichApi.Error';
  readonly code: FakeErrorCode;
  readonly debugInfo: { code: FakeErrorCode; message: string; errorLocation?: string };

  constructor(code: FakeErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}
