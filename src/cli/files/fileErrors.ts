/**
 * File-system errors in Japanese: the one table from Node's error codes (EISDIR, ENOENT, EACCES,
 * ENOSPC…) to what happened and what to do. Every file the CLI reads or writes goes through
 * `fileError`, so no English system message (nor a stack) reaches the user.
 */
import { UserError } from '../../core/errors';

/** What the CLI was doing with the path. */
export type FileOperation = 'read' | 'write' | 'create-folder' | 'list' | 'inspect';

/** What the user reads for one error code: what happened, and what to do. */
interface FileErrorText {
  what: string;
  fix: string;
}

/** The table: Node's `error.code` → Japanese. */
export const FILE_ERRORS: Readonly<Record<string, FileErrorText>> = {
  ENOENT: {
    what: 'ファイルまたはフォルダーが見つかりません',
    fix: 'パスの綴りと、ファイルがその場所にあるかを確かめてください。',
  },
  ENOTDIR: {
    what: 'パスの途中にフォルダーではないもの（ファイル）があります',
    fix: 'パスの途中のフォルダー名を確かめてください。',
  },
  EISDIR: {
    what: 'ファイルではなくフォルダーです',
    fix: 'フォルダーの中のファイル名（例: フォルダー/集計.xlsx）まで指定してください。',
  },
  EEXIST: {
    what: '同じ名前のファイルまたはフォルダーが既にあります',
    fix: '別の名前を指定するか、置き換えてよければ --force を付けてください。',
  },
  ENAMETOOLONG: {
    what: 'ファイル名またはパスが長すぎます',
    fix: 'ファイル名を短くするか、浅いフォルダー（例: デスクトップ直下）を指定してください。',
  },
  EACCES: {
    what: 'アクセスする権限がありません',
    fix: 'ファイルやフォルダーの権限（読み取り専用・共有設定）を確かめるか、書き込めるフォルダーを指定してください。',
  },
  EPERM: {
    what: 'この操作は許可されていません（権限、またはウイルス対策ソフトなどによる保護）',
    fix: '権限を確かめるか、別のフォルダーを指定してください。',
  },
  EROFS: {
    what: '読み取り専用の場所です',
    fix: '書き込めるフォルダー（ドキュメントなど）を指定してください。',
  },
  ENOSPC: {
    what: 'ディスクの空き容量が足りません',
    fix: '不要なファイルを削除して空きを作るか、別のドライブを指定してください。',
  },
  EDQUOT: {
    what: 'ディスクの使用量の上限（クォータ）に達しています',
    fix: '不要なファイルを削除するか、管理者に相談してください。',
  },
  EBUSY: {
    what: 'ファイルが使用中です（Excel などで開いている可能性があります）',
    fix: 'ファイルを開いているプログラムを閉じてから、もう一度実行してください。',
  },
  ETXTBSY: {
    what: 'ファイルが使用中です',
    fix: 'ファイルを使っているプログラムを閉じてから、もう一度実行してください。',
  },
  EMFILE: {
    what: '開いているファイルが多すぎます',
    fix: 'フォルダーを分けて少しずつ実行してください。',
  },
  ENFILE: {
    what: 'システム全体で開いているファイルが多すぎます',
    fix: 'ほかのプログラムを閉じてから、もう一度実行してください。',
  },
  ELOOP: {
    what: 'シンボリックリンクが循環しています',
    fix: 'リンクの参照先を確かめてください。',
  },
  EXDEV: {
    what: '別のドライブへは移動できません',
    fix: '出力先を入力と同じドライブにしてください。',
  },
  EIO: {
    what: 'ディスクの読み書きに失敗しました',
    fix: 'ドライブ（USB メモリやネットワークドライブ）の接続を確かめて、もう一度実行してください。',
  },
  EINVAL: {
    what: 'ファイル名として使えない文字が含まれているか、操作が不正です',
    fix: 'ファイル名から \\ / : * ? " < > | などを除いてください。',
  },
  ENOTEMPTY: {
    what: 'フォルダーが空ではありません',
    fix: '別のフォルダーを指定してください。',
  },
  ETIMEDOUT: {
    what: 'ネットワークドライブの応答がありません',
    fix: 'ネットワークの接続を確かめて、もう一度実行してください。',
  },
};

/** What failed, said before what happened (the path is the error's `file`, shown before both). */
const OPERATION: Record<FileOperation, string> = {
  read: '読み込めません',
  write: '書き込めません',
  'create-folder': 'フォルダーを作れません',
  list: 'フォルダーの中を読めません',
  inspect: '確かめられません',
};

/**
 * Whether a thrown value is a Node system error (it has a string `code` such as "ENOENT").
 * @param error - what was thrown
 * @returns true for an error with an E… code
 */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    /^E[A-Z0-9]+$/.test(error.code)
  );
}

/**
 * A file-system error as the user's error: the operation, the path, what happened, what to do.
 * Anything that is not a system error is returned as it is (it is not a file problem).
 * @param error - what the file system threw
 * @param path - the path the user gave (or the one we built from it)
 * @param operation - what we were doing
 * @returns a UserError with code `file-<errno>` (e.g. file-enoent), file and fix; or the error itself
 */
export function fileError(error: unknown, path: string, operation: FileOperation): unknown {
  if (!isSystemError(error)) return error;
  const text = FILE_ERRORS[error.code];
  const what = text?.what ?? `ファイルの操作に失敗しました（エラーコード ${error.code}）`;
  return new UserError(`${OPERATION[operation]}。${what}。`, {
    code: `file-${error.code.toLowerCase()}`,
    file: path,
    fix: text?.fix ?? 'パスと権限を確かめて、もう一度実行してください。',
    cause: error,
  });
}

/**
 * Runs a file-system call and turns its failure into a UserError (see fileError).
 * @param path - the path the call works on
 * @param operation - what the call does
 * @param call - the call
 * @returns the call's result
 */
export async function onFile<T>(path: string, operation: FileOperation, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw fileError(error, path, operation);
  }
}

/** Why a file that exists is not a workbook the CLI can open: kind → Japanese. */
export const WORKBOOK_ERRORS = {
  empty: {
    what: '空のファイルです（0 バイト）',
    fix: '保存の途中で止まった可能性があります。元のブックをもう一度保存してください。',
  },
  encrypted: {
    what: 'パスワードで保護（暗号化）されたブックです。進捗集計はパスワード付きのブックを開けません',
    fix:
      'Excel でブックを開き（パスワードを入力）、［ファイル］→［情報］→［ブックの保護］→［パスワードを使用して暗号化］で' +
      'パスワード欄を空にして［OK］を押し、上書き保存してから、もう一度実行してください。',
  },
  'legacy-xls': {
    what: '古い形式（Excel 97-2003 ブック .xls）です',
    fix: 'Excel で開き、［名前を付けて保存］で「Excel ブック (*.xlsx)」を選んで保存し直してください。',
  },
  xlsb: {
    what: 'Excel バイナリ ブック（.xlsb）です',
    fix: 'Excel で開き、［名前を付けて保存］で「Excel ブック (*.xlsx)」を選んで保存し直してください。',
  },
  'other-compound': {
    what: 'Excel ブックではありません（Word など別のソフトの古い形式のファイルです）',
    fix: '進捗状況シートの入った .xlsx ファイルを指定してください。',
  },
  'zip-not-workbook': {
    what: 'Excel ブックではありません（zip 形式ですが、ブックの中身がありません。Word の .docx や圧縮フォルダーなど）',
    fix: '進捗状況シートの入った .xlsx ファイルを指定してください。',
  },
  'broken-zip': {
    what: 'ブックが壊れています（ファイルが途中で切れているか、中身が損なわれています）',
    fix: 'コピーや受信をやり直すか、元のブックを Excel で開いて保存し直してください。',
  },
  'not-workbook': {
    what: '中身がブックの形式ではありません（テキスト、CSV、PDF など）',
    fix: 'CSV や PDF ではなく、進捗状況シートの入った .xlsx ファイルを指定してください。',
  },
  damaged: {
    what: 'ブックの中身を読み取れません（形式は .xlsx ですが、一部が壊れているか、対応していない内容があります）',
    fix: 'Excel で開いて［名前を付けて保存］で「Excel ブック (*.xlsx)」として保存し直してから、もう一度実行してください。',
  },
} as const;

/** A reason a file is not a workbook the CLI can open. */
export type WorkbookErrorKind = keyof typeof WORKBOOK_ERRORS;

/**
 * The user's error for a file that is not an .xlsx the CLI can open (never the library's words).
 * @param kind - what the file is
 * @param path - the file
 * @param cause - the library's error, kept for diagnosis (not shown)
 * @returns a UserError with code `workbook-<kind>`, the file and the fix
 */
export function workbookError(kind: WorkbookErrorKind, path: string, cause?: unknown): UserError {
  const text = WORKBOOK_ERRORS[kind];
  return new UserError(`このファイルは .xlsx として開けません。${text.what}。`, {
    code: `workbook-${kind}`,
    file: path,
    fix: text.fix,
    cause,
  });
}
