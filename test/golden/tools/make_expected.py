#!/usr/bin/env python3
"""Writes test/golden/example-<year>.summary.json from assets/plan/*.json, independently of the
TypeScript code: the spec's rules (§3) re-implemented with Python's exact Decimal. Item and
initiative numbers are written as text codes ("7"), years as their codes ("R3").

Usage: python3 test/golden/tools/make_expected.py R2 R3
"""
import json
import sys
from decimal import Decimal, ROUND_HALF_UP
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PLAN = json.loads((ROOT / 'assets/plan/plan.json').read_text(encoding='utf-8'))
SCORES = json.loads((ROOT / 'assets/plan/self-evaluations.json').read_text(encoding='utf-8'))
COUNCIL = json.loads((ROOT / 'assets/plan/council-averages.json').read_text(encoding='utf-8'))
CRITERIA = ['progress', 'cooperation', 'efficiency', 'creativity']
GRADES = ['A', 'B', 'C', 'D']


def year_number(code):
    return int(code[1:])


def half_up(value, places):
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def grade(total, progress_ok):
    if total >= 10 and progress_ok:
        return 'A'
    if total >= 8:
        return 'B'
    if total >= 5:
        return 'C'
    return 'D'


def item_grade(scores):
    return grade(sum(scores[key] for key in CRITERIA), scores['progress'] >= 2)


def counted(item, year):
    """The item's own scores of the year, or, if it ended earlier, its last ones up to the end."""
    own = SCORES.get(year, {}).get(str(item['no']))
    if own is not None:
        return own
    ended = item['endedIn']
    if ended is None or year_number(ended) >= year_number(year):
        return None
    earlier = sorted((y for y in SCORES if year_number(y) <= year_number(ended) and str(item['no']) in SCORES[y]),
                     key=year_number)
    return SCORES[earlier[-1]][str(item['no'])] if earlier else None


def group(members):
    if not members:
        return None
    averages = {key: half_up(Decimal(sum(m[key] for m in members)) / Decimal(len(members)), 1) for key in CRITERIA}
    total = sum(averages.values(), Decimal(0))
    return averages, total, grade(half_up(total, 0), averages['progress'] >= 2)


def number(value):
    return int(value) if value == value.to_integral_value() else float(value)


def result_json(result):
    if result is None:
        return {'averages': None, 'total': None, 'grade': None}
    averages, total, letter = result
    return {'averages': {key: number(averages[key]) for key in CRITERIA}, 'total': number(total), 'grade': letter}


def summary(year):
    period = PLAN['period']
    years = period[:period.index(year) + 1]
    previous = years[-2] if len(years) > 1 else None
    items = sorted(PLAN['items'], key=lambda item: item['no'])
    scored = {y: {item['no']: counted(item, y) for item in items} for y in years}

    def members(numbers, y):
        return [scored[y][item['no']] for item in items if item['initiative'] in numbers and scored[y][item['no']]]

    item_rows = []
    for item in items:
        scores = scored[year][item['no']]
        earlier = scored[previous][item['no']] if previous else None
        item_rows.append({
            'no': str(item['no']), 'initiative': str(item['initiative']),
            'scores': {key: scores[key] for key in CRITERIA} if scores else None,
            'total': sum(scores[key] for key in CRITERIA) if scores else None,
            'grade': item_grade(scores) if scores else None,
            'previousGrade': item_grade(earlier) if earlier else None,
            'endedIn': item['endedIn'],
        })

    council = {int(no): Decimal(str(value)) for no, value in COUNCIL.get(year, {}).items()}
    initiative_rows = []
    for initiative in sorted(PLAN['initiatives'], key=lambda i: i['no']):
        history = {}
        for y in years:
            result = group(members({initiative['no']}, y))
            if result:
                history[y] = result[2]
        row = {'no': str(initiative['no']), 'itemCount': sum(1 for item in items if item['initiative'] == initiative['no']),
               'themes': initiative['themes']}
        row.update(result_json(group(members({initiative['no']}, year))))
        row['history'] = history
        row['councilAverage'] = number(council[initiative['no']]) if initiative['no'] in council else None
        initiative_rows.append(row)

    theme_rows = []
    for theme in PLAN['themes']:
        marked = {i['no'] for i in PLAN['initiatives'] if theme['numeral'] in i['themes']}
        row = {'numeral': theme['numeral'], 'initiativeCount': len(marked),
               'itemCount': sum(1 for item in items if item['initiative'] in marked)}
        row.update(result_json(group(members(marked, year))))
        councils = [council[no] for no in sorted(marked) if no in council]
        row['councilAverage'] = number(half_up(sum(councils, Decimal(0)) / len(councils), 1)) if councils else None
        theme_rows.append(row)

    running = [row for row, item in zip(item_rows, items)
               if item['endedIn'] is None or year_number(item['endedIn']) >= year_number(year)]
    return {
        'year': year,
        'items': item_rows,
        'initiatives': initiative_rows,
        'themes': theme_rows,
        'counts': {
            'active': len(running),
            'grades': {g: sum(1 for row in running if row['grade'] == g) for g in GRADES},
            'previousGrades': {g: sum(1 for row in running if row['previousGrade'] == g) for g in GRADES},
            'endedBy': [str(item['no']) for item in items if item['endedIn'] and year_number(item['endedIn']) <= year_number(year)],
        },
    }


if __name__ == '__main__':
    for code in sys.argv[1:] or ['R2', 'R3']:
        target = ROOT / 'test/golden' / f'example-{code}.summary.json'
        target.write_text(json.dumps(summary(code), ensure_ascii=False, indent=1) + '\n', encoding='utf-8')
        print(f'wrote {target.relative_to(ROOT)}')
