/**
 * The text measure: widths of strings in a sheet's font, line breaking at a cell's width with
 * Japanese line-breaking rules, and the row heights that show texts whole. Pure data and
 * arithmetic: no DOM, no fonts at run time (see README.md).
 */
export { fontMetrics, MEASURED_FONTS, type FontMetrics, type FontMetricsData } from './fontMetrics';
export { NO_LINE_END, NO_LINE_START, wrapText } from './lineBreak';
export {
  CELL_HORIZONTAL_PADDING,
  cellTextWidth,
  charWidth,
  columnPixels,
  columnWidthFor,
  columnPoints,
  DEFAULT_TEXT_FONT,
  DEFAULT_TEXT_SIZE,
  LIBREOFFICE_POINTS_PER_WIDTH_UNIT,
  MAX_DIGIT_WIDTH_PIXELS,
  textWidth,
  type TextStyle,
} from './measure';
export { lineCount, lineHeight, rowHeightFor, textHeight, type CellText } from './rowHeight';
export {
  DEFAULT_ROW_HEIGHT,
  fitColumnWidths,
  fitRowHeights,
  textCells,
  type SheetText,
  type TextCell,
  type WidthLimits,
} from './fitSheet';
