#!/usr/bin/env python3
"""Writes test/golden/schemes/<plan>.json for the three sample schemes in assets/plan/samples/:
deterministic inputs for one year (the values typed on each 進捗状況シート, entered grades, targets
and actuals, cost, the council's input) and the figures expected from them, computed here from the
plan's scheme independently of the TypeScript code (Python's exact Decimal, half-up rounding).

The inputs are typed as people type them: symbols in full or half width (Ａ, A, ａ, Ⅰ, I), the
"not applicable" mark in several dashes.

Usage: python3 test/golden/tools/make_schemes.py
"""
import json
import random
import unicodedata
from decimal import Decimal, ROUND_HALF_UP
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SAMPLES = ROOT / 'assets/plan/samples'
OUT = ROOT / 'test/golden/schemes'
DASHES = {'-', '－', 'ー', '―', '‐', '−', '—', '–'}
YEARS = {'a-judged': 'R5', 'b-direct': 'R1', 'c-seven': 'R4'}


def key_of(text):
    """A symbol's comparison key: NFKC, upper case, no spaces, every dash as '-'."""
    key = ''.join(unicodedata.normalize('NFKC', str(text)).split()).upper()
    return '-' if key in DASHES else key


def half_up(value, places):
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def mean(values, places=1):
    return half_up(sum(values, Decimal(0)) / len(values), places)


def num(value):
    """A Decimal as JSON: an int when whole, else a float of its one-place text."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(str(value))


def band_grade(bands, value, gate_value):
    for band in bands:
        if band.get('min') is not None and value < Decimal(str(band['min'])):
            continue
        ok = True
        for gate in band.get('gates', []):
            found = gate_value(gate['criterion'])
            if found is None or found < Decimal(str(gate['min'])):
                ok = False
        if ok:
            return key_of(band['grade'])
    return None


def criterion_key(plan, name):
    for criterion in plan['criteria']:
        if name in (criterion['key'], criterion['label'], criterion.get('short')):
            return criterion['key']
    raise ValueError(name)


def spellings(symbol):
    """Ways a person types a symbol: as printed, half width, lower case half width."""
    half = unicodedata.normalize('NFKC', symbol)
    return [symbol, half, half.lower()] if half.isascii() else [symbol, half]


def generate(name):
    plan = json.loads((SAMPLES / f'{name}.json').read_text(encoding='utf-8'))
    scheme = plan.get('scheme', {})
    rng = random.Random(name)
    keys = [criterion['key'] for criterion in plan['criteria']]
    symbols = scheme.get('scale', {}).get('symbols', [])
    value_of = {key_of(s['symbol']): s['value'] for s in symbols}
    na = scheme.get('notApplicable', '-')
    item_grading = scheme['itemGrade']
    group_grading = scheme['groupGrade']
    item_codes = [key_of(g) for g in (item_grading['grades'] if item_grading['kind'] == 'entered'
                                      else [b['grade'] for b in item_grading['bands']])]
    targets = scheme.get('targets')

    inputs, items = {}, []
    for item in plan['items']:
        no = str(item['no'])
        typed, values = {}, {}
        for index, key in enumerate(keys):
            if na and rng.random() < 0.12 and index > 0:
                typed[key] = rng.choice([na, '-', '－'])
                values[key] = None
            else:
                symbol = rng.choice(symbols)['symbol']
                typed[key] = rng.choice(spellings(symbol))
                values[key] = value_of[key_of(symbol)]
        entry = {'values': typed}
        present = [Decimal(v) for v in values.values() if v is not None]
        total = sum(present, Decimal(0)) if present else None
        average = mean(present) if present else None
        if item_grading['kind'] == 'entered':
            grade = rng.choice(item_grading['grades'])
            entry['grade'] = rng.choice(spellings(grade))
            grade = key_of(grade)
        else:
            basis = total if item_grading.get('basis', 'total') == 'total' else average
            grade = band_grade(item_grading['bands'], basis,
                               lambda c: None if values[criterion_key(plan, c)] is None
                               else Decimal(values[criterion_key(plan, c)]))
        expected = {'no': no, 'scores': values, 'total': num(total), 'grade': grade}
        if item_grading['kind'] == 'bands' and item_grading.get('basis') == 'average':
            expected['average'] = num(average)
        if targets:
            entry['indicators'], expected['indicators'] = [], []
            for index in range(targets['indicators']):
                target = rng.choice([40, 120, 5000, 80000])
                actual = int(target * rng.uniform(0.55, 1.15))
                ratio = half_up(Decimal(actual) * 100 / Decimal(target), 1)
                achieved = band_grade(targets['bands'], ratio, lambda c: None) if targets.get('bands') else None
                entry['indicators'].append({'name': f'指標{index + 1}', 'unit': '件', 'target': target, 'actual': actual})
                expected['indicators'].append({'name': f'指標{index + 1}', 'unit': '件', 'target': target, 'actual': actual, 'ratio': num(ratio), 'grade': achieved})
        if scheme.get('cost'):
            budget = rng.randrange(100, 90000)
            entry['cost'] = {'budget': budget, 'settlement': budget - rng.randrange(0, 50)}
            expected['cost'] = entry['cost']
        inputs[no] = entry
        items.append(expected)

    by_no = {item['no']: item for item in items}
    council_scale = scheme.get('council', {'kind': 'numeric', 'min': 1, 'max': 5})
    council = {'initiatives': {}, 'themes': {}}

    def group(members, entered):
        result = {}
        averages = {}
        for key in keys:
            vals = [Decimal(m['scores'][key]) for m in members if m['scores'][key] is not None]
            averages[key] = mean(vals) if vals else None
        present = [v for v in averages.values() if v is not None]
        total = sum(present, Decimal(0)) if present else None
        average = mean(present) if present else None
        result['averages'] = {k: num(v) for k, v in averages.items()}
        result['total'] = num(total)
        if group_grading['kind'] == 'bands':
            basis = half_up(total, 0) if group_grading.get('basis', 'total') == 'total' else average
            result['grade'] = band_grade(group_grading['bands'], basis, lambda c: averages[criterion_key(plan, c)])
            if group_grading.get('basis') == 'average':
                result['average'] = num(average)
        else:
            result['grade'] = entered
            result['gradeCounts'] = {code: sum(1 for m in members if m['grade'] == code) for code in item_codes}
        return result

    initiatives = []
    for initiative in plan['initiatives']:
        no = str(initiative['no'])
        members = [item for item in items if by_no[item['no']] and
                   str(next(i['initiative'] for i in plan['items'] if str(i['no']) == item['no'])) == no]
        entry = {}
        entered = None
        if group_grading['kind'] == 'entered':
            grade = rng.choice(group_grading['grades'])
            entry['grade'] = rng.choice(spellings(grade))
            entered = key_of(grade)
        if council_scale['kind'] == 'symbols':
            picks = [rng.choice(council_scale['symbols'])['symbol'] for _ in range(3)]
            values = [Decimal(next(s['value'] for s in council_scale['symbols'] if key_of(s['symbol']) == key_of(p)))
                      for p in picks]
            entry['scores'] = [rng.choice(spellings(p)) for p in picks]
        else:
            values = [Decimal(rng.randint(council_scale['min'], council_scale['max'])) for _ in range(3)]
            entry['scores'] = [int(v) for v in values]
        council['initiatives'][no] = entry
        result = group(members, entered) if group_grading['kind'] != 'none' else {'grade': None}
        result.update({'no': no, 'itemCount': len(members), 'councilAverage': mean(values)})
        initiatives.append(result)

    themes = []
    for theme in plan['themes']:
        marked = [str(i['no']) for i in plan['initiatives'] if theme['numeral'] in i.get('themes', [])]
        members = [item for item in items
                   if str(next(i['initiative'] for i in plan['items'] if str(i['no']) == item['no'])) in marked]
        entered = None
        if group_grading['kind'] == 'entered':
            grade = rng.choice(group_grading['grades'])
            council['themes'][theme['numeral']] = rng.choice(spellings(grade))
            entered = key_of(grade)
        result = group(members, entered) if group_grading['kind'] != 'none' else {'grade': None}
        averages = [i['councilAverage'] for i in initiatives if i['no'] in marked]
        result.update({'numeral': theme['numeral'], 'initiativeCount': len(marked), 'itemCount': len(members),
                       'councilAverage': num(mean(averages)) if averages else None})
        themes.append(result)
    for initiative in initiatives:
        initiative['councilAverage'] = num(initiative['councilAverage'])

    counts = {code: sum(1 for item in items if item['grade'] == code) for code in item_codes}
    return {
        'plan': f'samples/{name}.json',
        'year': YEARS[name],
        'inputs': {'items': inputs, 'council': council},
        'expected': {'items': items, 'initiatives': initiatives, 'themes': themes, 'grades': counts},
    }


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for name in YEARS:
        data = generate(name)
        (OUT / f'{name}.json').write_text(json.dumps(data, ensure_ascii=False, indent=1) + '\n', encoding='utf-8')


if __name__ == '__main__':
    main()
