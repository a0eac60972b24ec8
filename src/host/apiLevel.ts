/**
 * Which ExcelApi level the host has: the add-in needs 1.8 (declared in manifest.xml) and uses
 * newer sets where present (1.9: print settings, change events, screen updating; 1.11:
 * delayForCellEdit).
 */
import { LABELS } from './labels';

/** ExcelApi versions probed, oldest first. */
export const PROBED_VERSIONS = [
  '1.1',
  '1.2',
  '1.3',
  '1.4',
  '1.5',
  '1.6',
  '1.7',
  '1.8',
  '1.9',
  '1.10',
  '1.11',
  '1.12',
  '1.13',
  '1.14',
  '1.15',
  '1.16',
  '1.17',
];

/** The minimum the add-in declares in its manifest. */
export const MINIMUM_VERSION = '1.8';

/** Features that need more than the minimum, with the version they need (Japanese names). */
export const FEATURE_VERSIONS = {
  printSetup: { version: '1.9', name: LABELS.features.printSetup },
  liveAutofill: { version: '1.9', name: LABELS.features.liveAutofill },
} as const;

/**
 * The highest version the host supports (sets are cumulative, so stop at the first gap).
 * @param supports - isSetSupported for ExcelApi
 * @returns "1.x", or null below 1.1
 */
export function highestVersion(supports: (version: string) => boolean): string | null {
  let highest: string | null = null;
  for (const version of PROBED_VERSIONS) {
    if (!supports(version)) break;
    highest = version;
  }
  return highest;
}
