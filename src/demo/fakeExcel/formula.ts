/**
 * A small formula evaluator so the fake can give formula cells a value, as Excel would after
 * recalculation. It covers what our sheets use (references, arithmetic, comparison, &, SUM,
 * AVERAGE, COUNT, COUNTA, COUNTIF, MIN, MAX, ROUND, IF, IFERROR, AND, OR, NOT). Anything else
 * yields `undefined` and the caller falls back to the cell's cached value: the fake never invents
 * a number it cannot compute.
 */
import { parseCell } from '../../core/address';
import type { CellOutput } from '../../excel/excelApi';

/** Reads cells for the evaluator; sheet null means the formula's own sheet. */
export interface FormulaCells {
  value(sheet: string | null, row: number, column: number): CellOutput;
}

class Unsupported extends Error {}

/** An Excel error value such as #DIV/0!. */
class ExcelErrorValue {
  constructor(readonly text: string) {}
}

type Scalar = number | string | boolean | ExcelErrorValue;
type Value = Scalar | Scalar[];

const TOKEN =
  /\s*(?:(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|"((?:[^"]|"")*)"|((?:'(?:[^']|'')+'|[\p{L}_][\p{L}\p{N}_.]*)!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)(?![\p{L}\p{N}_(])|([A-Za-z][A-Za-z0-9.]*)|(<=|>=|<>|[-+*/^&=<>(),:]))/uy;

interface Token {
  kind: 'number' | 'string' | 'ref' | 'name' | 'op';
  text: string;
  sheet?: string | null;
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    if (/^\s*$/.test(source.slice(TOKEN.lastIndex))) break;
    const match = TOKEN.exec(source);
    if (!match) throw new Unsupported(source);
    if (match[1] !== undefined) tokens.push({ kind: 'number', text: match[1] });
    else if (match[2] !== undefined) tokens.push({ kind: 'string', text: match[2].replace(/""/g, '"') });
    else if (match[4] !== undefined) {
      const sheet = match[3]
        ? match[3]
            .slice(0, -1)
            .replace(/^'(.*)'$/, '$1')
            .replace(/''/g, "'")
        : null;
      tokens.push({ kind: 'ref', text: match[4].replace(/\$/g, ''), sheet });
    } else if (match[5] !== undefined) tokens.push({ kind: 'name', text: match[5].toUpperCase() });
    else tokens.push({ kind: 'op', text: match[6] });
  }
  return tokens;
}

function toNumber(value: Scalar): number | ExcelErrorValue {
  if (value instanceof ExcelErrorValue) return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === '') return 0;
  const number = Number(value);
  return Number.isFinite(number) ? number : new ExcelErrorValue('#VALUE!');
}

function scalar(value: Value): Scalar {
  if (Array.isArray(value)) return value.length === 1 ? value[0] : new ExcelErrorValue('#VALUE!');
  return value;
}

function flatten(values: Value[]): Scalar[] {
  return values.flatMap((value) => (Array.isArray(value) ? value : [value]));
}

function criterionMatches(criterion: Scalar, value: Scalar): boolean {
  if (typeof criterion === 'string') {
    const match = /^(<=|>=|<>|<|>|=)?(.*)$/.exec(criterion) ?? ['', '', criterion];
    const operator = match[1] || '=';
    const operand = match[2];
    const number = Number(operand);
    if (operand !== '' && Number.isFinite(number) && typeof value === 'number') return compare(operator, value, number);
    return compare(operator, String(value).toLowerCase(), operand.toLowerCase());
  }
  return value === criterion;
}

function compare(operator: string, a: number | string | boolean, b: number | string | boolean): boolean {
  switch (operator) {
    case '=':
      return a === b;
    case '<>':
      return a !== b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    default:
      return a >= b;
  }
}

class Parser {
  private position = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly cells: FormulaCells,
  ) {}

  parse(): Value {
    const value = this.comparison();
    if (this.position < this.tokens.length) throw new Unsupported('trailing');
    return value;
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private takeOp(...ops: string[]): string | null {
    const token = this.peek();
    if (token?.kind === 'op' && ops.includes(token.text)) {
      this.position++;
      return token.text;
    }
    return null;
  }

  private comparison(): Value {
    let left = this.concat();
    for (let op = this.takeOp('=', '<>', '<', '>', '<=', '>='); op; op = this.takeOp('=', '<>', '<', '>', '<=', '>=')) {
      const a = scalar(left);
      const b = scalar(this.concat());
      if (a instanceof ExcelErrorValue) return a;
      if (b instanceof ExcelErrorValue) return b;
      left = compare(op, a, b);
    }
    return left;
  }

  private concat(): Value {
    let left = this.additive();
    while (this.takeOp('&')) {
      const a = scalar(left);
      const b = scalar(this.additive());
      if (a instanceof ExcelErrorValue) return a;
      if (b instanceof ExcelErrorValue) return b;
      left = `${a}${b}`;
    }
    return left;
  }

  private arithmetic(next: () => Value, ops: string[]): Value {
    let left = next();
    for (let op = this.takeOp(...ops); op; op = this.takeOp(...ops)) {
      const a = toNumber(scalar(left));
      const b = toNumber(scalar(next()));
      if (a instanceof ExcelErrorValue) return a;
      if (b instanceof ExcelErrorValue) return b;
      if (op === '/' && b === 0) return new ExcelErrorValue('#DIV/0!');
      left = op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : op === '/' ? a / b : a ** b;
    }
    return left;
  }

  private additive(): Value {
    return this.arithmetic(() => this.term(), ['+', '-']);
  }

  private term(): Value {
    return this.arithmetic(() => this.unary(), ['*', '/']);
  }

  private unary(): Value {
    const op = this.takeOp('-', '+');
    if (!op) return this.arithmetic(() => this.primary(), ['^']);
    const value = toNumber(scalar(this.unary()));
    if (value instanceof ExcelErrorValue) return value;
    return op === '-' ? -value : value;
  }

  private primary(): Value {
    const token = this.tokens[this.position++];
    if (!token) throw new Unsupported('end');
    if (token.kind === 'number') return Number(token.text);
    if (token.kind === 'string') return token.text;
    if (token.kind === 'ref') return this.reference(token);
    if (token.kind === 'name') {
      if (token.text === 'TRUE' || token.text === 'FALSE') return token.text === 'TRUE';
      if (!this.takeOp('(')) throw new Unsupported(token.text);
      const args: Value[] = [];
      if (!this.takeOp(')')) {
        do args.push(this.comparison());
        while (this.takeOp(','));
        if (!this.takeOp(')')) throw new Unsupported(')');
      }
      return this.call(token.text, args);
    }
    if (token.text === '(') {
      const value = this.comparison();
      if (!this.takeOp(')')) throw new Unsupported(')');
      return value;
    }
    throw new Unsupported(token.text);
  }

  private reference(token: Token): Value {
    const [first, second = first] = token.text.split(':');
    const start = parseCell(first);
    const end = parseCell(second);
    const values: Scalar[] = [];
    for (let row = Math.min(start.row, end.row); row <= Math.max(start.row, end.row); row++) {
      for (let column = Math.min(start.column, end.column); column <= Math.max(start.column, end.column); column++) {
        const value = this.cells.value(token.sheet ?? null, row, column);
        values.push(typeof value === 'string' && /^#[A-Z/0!?]+[!?]?$/.test(value) ? new ExcelErrorValue(value) : value);
      }
    }
    return first === second ? values[0] : values;
  }

  private call(name: string, args: Value[]): Value {
    const all = flatten(args);
    const error = all.find((value): value is ExcelErrorValue => value instanceof ExcelErrorValue);
    const numbers = all.filter((value): value is number => typeof value === 'number');
    switch (name) {
      case 'SUM':
        return error ?? numbers.reduce((sum, value) => sum + value, 0);
      case 'AVERAGE':
        return (
          error ??
          (numbers.length
            ? numbers.reduce((sum, value) => sum + value, 0) / numbers.length
            : new ExcelErrorValue('#DIV/0!'))
        );
      case 'COUNT':
        return numbers.length;
      case 'COUNTA':
        return all.filter((value) => value !== '').length;
      case 'MIN':
        return error ?? (numbers.length ? Math.min(...numbers) : 0);
      case 'MAX':
        return error ?? (numbers.length ? Math.max(...numbers) : 0);
      case 'COUNTIF': {
        const range = Array.isArray(args[0]) ? args[0] : [args[0]];
        const criterion = scalar(args[1]);
        return range.filter((value) => criterionMatches(criterion, value)).length;
      }
      case 'ROUND': {
        const value = toNumber(scalar(args[0]));
        const digits = toNumber(scalar(args[1] ?? 0));
        if (value instanceof ExcelErrorValue) return value;
        if (digits instanceof ExcelErrorValue) return digits;
        const factor = 10 ** digits;
        return (Math.sign(value) * Math.round(Math.abs(value) * factor + 1e-9)) / factor;
      }
      case 'IF': {
        const condition = scalar(args[0]);
        if (condition instanceof ExcelErrorValue) return condition;
        const truthy = typeof condition === 'string' ? condition !== '' : Boolean(condition);
        return truthy ? (args[1] ?? true) : (args[2] ?? false);
      }
      case 'IFERROR': {
        const value = scalar(args[0]);
        return value instanceof ExcelErrorValue ? args[1] : value;
      }
      case 'AND':
        return error ?? all.every((value) => Boolean(value));
      case 'OR':
        return error ?? all.some((value) => Boolean(value));
      case 'NOT':
        return !scalar(args[0]);
      default:
        throw new Unsupported(name);
    }
  }
}

/**
 * The value of a formula, or undefined when the fake cannot compute it.
 * @param formula - formula text with the leading "="
 * @param cells - reads referenced cells
 * @returns the value, an error text such as "#DIV/0!", or undefined
 */
export function evaluateFormula(formula: string, cells: FormulaCells): CellOutput | undefined {
  try {
    const value = scalar(new Parser(tokenize(formula.replace(/^=/, '')), cells).parse());
    return value instanceof ExcelErrorValue ? value.text : value;
  } catch (error) {
    if (error instanceof Unsupported || error instanceof RangeError) return undefined;
    throw error;
  }
}
