/**
 * The parts the cell map is made of: each cell of the 進捗状況シート with its range, style and what it
 * holds, grouped into blocks (rectangles of the form, each findable by its own labels).
 */
import { cellAddress, rangeAddress, type RangeBounds } from '../address';
import type { FiscalYear } from '../plan';
import type { CellStyle } from '../sheetSpec';
import { LABEL } from '../styles';

/** The blocks of the form, part ① then part ②, top to bottom. */
export type BlockKey =
  | 'header'
  | 'themes'
  | 'identity'
  | 'schedule'
  | 'activities'
  | 'scores'
  | 'reasons'
  | 'ended'
  | 'partTwoHeader'
  | 'targets'
  | 'cost'
  | 'issues'
  | 'notes';

/** What a cell of the form holds. */
export type FormField =
  /** Fixed text checked on read ("title": only its 進捗状況シート①】 ending, since the plan's title may change). */
  | { kind: 'label'; text: string; match: 'text' | 'title' }
  /** Template text from the plan: the department does not type it. */
  | { kind: 'itemNo' }
  | { kind: 'checkYear' }
  | { kind: 'themeMark'; numeral: string }
  | { kind: 'initiativeNo' }
  | { kind: 'initiativeName' }
  | { kind: 'itemName' }
  | { kind: 'departments' }
  /** What the department types. */
  | { kind: 'schedulePlan'; year: FiscalYear }
  | { kind: 'scheduleStatus'; year: FiscalYear }
  | { kind: 'activityYear'; index: number }
  | { kind: 'activityPlan'; index: number }
  | { kind: 'activityResult'; index: number }
  | { kind: 'score'; year: FiscalYear; criterion: string }
  /** 総合評価 typed by the department (plans whose item grade is entered). */
  | { kind: 'enteredGrade'; year: FiscalYear }
  | { kind: 'reason'; key: string }
  | { kind: 'indicatorName'; index: number }
  | { kind: 'indicatorUnit'; index: number }
  | { kind: 'target'; index: number; year: FiscalYear }
  | { kind: 'actual'; index: number; year: FiscalYear }
  | { kind: 'budget'; year: FiscalYear }
  | { kind: 'settlement'; year: FiscalYear }
  | { kind: 'endedYear' }
  | { kind: 'endedMonth' }
  | { kind: 'issueProblem'; year: FiscalYear }
  | { kind: 'issueSolution'; year: FiscalYear }
  | { kind: 'notes' }
  /** Cells the product owns (formulas with their values). */
  | { kind: 'total'; year: FiscalYear }
  | { kind: 'grade'; year: FiscalYear }
  | { kind: 'ratio'; index: number; year: FiscalYear }
  | { kind: 'achievement'; index: number; year: FiscalYear };

/** One cell of the form: its top-left address, its merged range, its style and what it holds. */
export interface FormCell {
  address: string;
  /** The merged range (equal to `address` for a single cell). */
  range: string;
  style: CellStyle;
  field: FormField;
}

/** A fixed text of the form, compared with what is read to find its block. */
export interface LabelCell extends FormCell {
  field: Extract<FormField, { kind: 'label' }>;
  /** The text (same as field.text). */
  text: string;
}

/** A rectangle of the form: its cells, and the labels it is found by. */
export interface FormBlock {
  key: BlockKey;
  part: 1 | 2;
  /** The rectangle the block covers; what a reader loads for it. */
  bounds: RangeBounds;
  range: string;
  cells: FormCell[];
  labels: LabelCell[];
}

/** Collects the cells of one block. */
export class BlockBuilder {
  private readonly cells: FormCell[] = [];
  private readonly bounds: RangeBounds = { top: Infinity, left: Infinity, bottom: 0, right: 0 };

  constructor(
    private readonly key: BlockKey,
    private readonly part: 1 | 2,
  ) {}

  /**
   * Adds a cell spanning columns `left`…`right` (and rows `row`…`bottom`).
   * @returns the top-left address
   */
  cell(row: number, left: number, right: number, field: FormField, style: CellStyle, bottom = row): string {
    const address = cellAddress(row, left);
    this.cells.push({ address, range: this.span(row, left, bottom, right), style, field });
    return address;
  }

  /**
   * Adds a fixed text checked on read.
   * @returns the top-left address
   */
  label(
    row: number,
    left: number,
    right: number,
    text: string,
    bottom = row,
    style: CellStyle = LABEL,
    match: 'text' | 'title' = 'text',
  ): string {
    const address = cellAddress(row, left);
    const label: LabelCell = {
      address,
      range: this.span(row, left, bottom, right),
      style,
      field: { kind: 'label', text, match },
      text,
    };
    this.cells.push(label);
    return address;
  }

  /** The block, covering every cell added. */
  build(): FormBlock {
    const bounds = { ...this.bounds };
    const labels = this.cells.filter((cell): cell is LabelCell => cell.field.kind === 'label');
    return { key: this.key, part: this.part, bounds, range: rangeAddress(bounds), cells: this.cells, labels };
  }

  /** The A1 range of a cell, widening the block's bounds to cover it. */
  private span(top: number, left: number, bottom: number, right: number): string {
    this.bounds.top = Math.min(this.bounds.top, top);
    this.bounds.left = Math.min(this.bounds.left, left);
    this.bounds.bottom = Math.max(this.bounds.bottom, bottom);
    this.bounds.right = Math.max(this.bounds.right, right);
    return rangeAddress({ top, left, bottom, right });
  }
}
