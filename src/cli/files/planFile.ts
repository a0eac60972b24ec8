/**
 * `--plan FILE` of the commands: a plan JSON of the built-in plan's shape, or a プラン定義 workbook
 * (.xlsx, as `template --plan-form` writes and a secretariat fills), told apart by the file's bytes.
 */
import * as fs from 'node:fs/promises';
import { resolve } from 'node:path';
import { readWorkbookPlan } from '../../actions/readWorkbook';
import { isUserError, UserError } from '../../core/errors';
import { builtInPlan } from '../../core/example';
import { parsePlan, type Plan } from '../../core/plan';
import { onFile } from './fileErrors';
import { fileKind } from './fileFormat';
import { openWorkbookFile } from './inputs';

/** A plan read from `--plan`, and the file it came from (an input: never an output). */
export interface PlanFile {
  plan: Plan;
  path: string | null;
}

/**
 * Reads `--plan FILE`: a JSON of the built-in plan's shape, or a プラン定義 workbook (.xlsx, as
 * `template --plan-form` writes and a secretariat fills); without it, the built-in plan.
 * @param value - the option's value
 * @returns the plan and its file (null for the built-in plan)
 */
export async function planValue(value: string | undefined): Promise<PlanFile> {
  if (value === undefined) return { plan: builtInPlan(), path: null };
  const path = resolve(value);
  const bytes = await onFile(path, 'read', () => fs.readFile(path));
  if (fileKind(bytes) === 'xlsx') return { plan: await planOfWorkbook(path), path };
  const text = bytes.toString('utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UserError('プランのファイルを JSON として読めません。', {
      code: 'plan-json',
      file: path,
      fix: 'assets/plan/plan.json と同じ形の JSON ファイルか、プラン定義のブック（template --plan-form で作成）を指定してください。',
    });
  }
  try {
    return { plan: parsePlan(data), path };
  } catch (error) {
    if (!isUserError(error)) throw error;
    throw new UserError(`プランのファイルに誤りがあります: ${error.message}`, {
      code: 'plan-invalid',
      file: path,
      fix: error.fix ?? 'assets/plan/plan.json と見比べて直してください。',
      cause: error,
    });
  }
}

/** The plan of a プラン定義 workbook, its errors naming the file, the sheet and the cell. */
async function planOfWorkbook(path: string): Promise<Plan> {
  const book = await openWorkbookFile(path);
  try {
    return await readWorkbookPlan(book);
  } catch (error) {
    if (!isUserError(error)) throw error;
    throw new UserError(`プラン定義のブックに誤りがあります: ${error.message}`, {
      code: 'plan-invalid',
      file: path,
      sheet: error.sheet,
      cell: error.cell,
      fix: error.fix ?? 'template --plan-form で作ったブックと見比べて直してください。',
      cause: error,
    });
  }
}
