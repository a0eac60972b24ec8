/** Fake proxies of a chart and its series. */
import { parseCell } from '../../core/address';
import type { ChartLike, ChartSeriesLike } from '../../excel/excelApi';
import type { FakeContext } from './context';
import { FakeObject, unknownProperty } from './context';
import { FakeOfficeError } from './errors';
import type { FakeChart, FakeSeries } from './model';
import { sheetAddress } from './model';
import type { FakeRange } from './rangeProxies';

export class FakeChartProxy extends FakeObject<FakeChart> implements ChartLike {
  constructor(context: FakeContext, resolver: () => FakeChart | null) {
    super(context, 'Chart', resolver);
  }
  get name(): string {
    return this.loaded('name');
  }
  set name(name: string) {
    this.act('name', name, (chart) => (chart.name = name));
  }
  get title(): { text: string } {
    const act = (text: string) => this.act('title.text', text, (chart) => (chart.title = text));
    return {
      get text(): string {
        throw new FakeOfficeError('PropertyNotLoaded', 'ChartTitle.text is not loaded.');
      },
      set text(text: string) {
        act(text);
      },
    };
  }
  get axes(): ChartLike['axes'] {
    const act = (name: 'minimum' | 'maximum', value: number) =>
      this.act(`valueAxis.${name}`, value, (chart) => (chart[name] = value));
    const notLoaded = () => {
      throw new FakeOfficeError('PropertyNotLoaded', 'ChartAxis values are not loaded.');
    };
    return {
      valueAxis: {
        get minimum(): number {
          return notLoaded();
        },
        set minimum(value: number) {
          act('minimum', value);
        },
        get maximum(): number {
          return notLoaded();
        },
        set maximum(value: number) {
          act('maximum', value);
        },
      },
    };
  }
  get series(): ChartLike['series'] {
    return {
      getItemAt: (index: number) =>
        new FakeSeriesProxy(this.context, () => {
          const series = this.resolve().series[index];
          if (!series) throw new FakeOfficeError('ItemNotFound', `No series at ${index}.`);
          return series;
        }),
      add: (name?: string) => {
        let created: FakeSeries | null = null;
        this.act(
          'series.add',
          [name ?? null],
          (chart) => {
            created = { name: name ?? `Series${chart.series.length + 1}` };
            chart.series.push(created);
          },
          '1.7',
        );
        return new FakeSeriesProxy(this.context, () => created);
      },
    };
  }
  setPosition(startCell: string, endCell?: string): void {
    this.act('setPosition', [startCell, endCell ?? null], (chart) => {
      parseCell(startCell);
      if (endCell) parseCell(endCell);
      chart.from = startCell;
      chart.to = endCell;
    });
  }
  protected override read(chart: FakeChart, name: string): unknown {
    if (name === 'name') return chart.name;
    throw unknownProperty('Chart', name);
  }
}

export class FakeSeriesProxy extends FakeObject<FakeSeries> implements ChartSeriesLike {
  constructor(context: FakeContext, resolver: () => FakeSeries | null) {
    super(context, 'ChartSeries', resolver);
  }
  get name(): string {
    return this.loaded('name');
  }
  set name(name: string) {
    this.act('name', name, (series) => (series.name = name));
  }
  setValues(sourceData: FakeRange): void {
    this.act(
      'setValues',
      [],
      (series) => {
        const source = sourceData.resolve();
        series.values = sheetAddress(source.sheet, source.bounds);
      },
      '1.7',
    );
  }
  setXAxisValues(sourceData: FakeRange): void {
    this.act(
      'setXAxisValues',
      [],
      (series) => {
        const source = sourceData.resolve();
        series.categories = sheetAddress(source.sheet, source.bounds);
      },
      '1.7',
    );
  }
  protected override read(series: FakeSeries, name: string): unknown {
    if (name === 'name') return series.name;
    throw unknownProperty('ChartSeries', name);
  }
}
