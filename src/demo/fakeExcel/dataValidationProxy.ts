/** The fake of a range's data validation (ExcelApi 1.8): list rules, prompts and error alerts. */
import type { DataValidationLike } from '../../excel/excelApi';
import type { FakeContext } from './context';
import { FakeObject, unknownProperty } from './context';
import { FakeOfficeError } from './errors';
import { overlaps } from './model';

import { guard, type RangeTarget } from './rangeTarget';
export class FakeDataValidation extends FakeObject<RangeTarget> implements DataValidationLike {
  constructor(context: FakeContext, resolver: () => RangeTarget) {
    super(context, 'DataValidation', resolver);
  }

  private entry(target: RangeTarget) {
    guard(target, 'structure');
    const key = JSON.stringify(target.bounds);
    let found = target.sheet.validations.find((validation) => JSON.stringify(validation.bounds) === key);
    if (!found) {
      target.sheet.validations = target.sheet.validations.filter(
        (validation) => !overlaps(validation.bounds, target.bounds),
      );
      found = { bounds: target.bounds };
      target.sheet.validations.push(found);
    }
    return found;
  }

  get rule(): Excel.DataValidationRule {
    return this.loaded('rule');
  }
  set rule(rule: Excel.DataValidationRule) {
    this.act(
      'rule',
      rule,
      (target) => {
        const source = rule.list?.source;
        if (rule.list && (typeof source !== 'string' || source.length > 255)) {
          throw new FakeOfficeError('InvalidArgument', 'A list source must be text of at most 255 characters.');
        }
        this.entry(target).rule = rule;
      },
      '1.8',
    );
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    return this.loaded('errorAlert');
  }
  set errorAlert(alert: Excel.DataValidationErrorAlert) {
    this.act('errorAlert', alert, (target) => (this.entry(target).errorAlert = alert), '1.8');
  }
  get prompt(): Excel.DataValidationPrompt {
    return this.loaded('prompt');
  }
  set prompt(prompt: Excel.DataValidationPrompt) {
    this.act('prompt', prompt, (target) => (this.entry(target).prompt = prompt), '1.8');
  }
  clear(): void {
    this.act(
      'clear',
      [],
      (target) => {
        guard(target, 'structure');
        target.sheet.validations = target.sheet.validations.filter(
          (validation) => !overlaps(validation.bounds, target.bounds),
        );
      },
      '1.8',
    );
  }

  protected override read(target: RangeTarget, name: string): unknown {
    const found = target.sheet.validations.find((validation) => overlaps(validation.bounds, target.bounds));
    if (name === 'rule') return found?.rule ?? {};
    if (name === 'errorAlert') return found?.errorAlert ?? null;
    if (name === 'prompt') return found?.prompt ?? null;
    throw unknownProperty('DataValidation', name);
  }
}
