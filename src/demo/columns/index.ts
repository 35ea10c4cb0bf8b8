import type { DemoColumn } from '../column.js';
import { busStopTownSquare } from './bus-stop-town-square.js';
import { librarySellsNothing } from './library-sells-nothing.js';
import { smartCityContracts } from './smart-city-contracts.js';
import { teachChildrenToDoubt } from './teach-children-to-doubt.js';

/** Every column of the demo publication, newest first (the order of the front page). */
export const demoColumns: readonly DemoColumn[] = [
  smartCityContracts,
  librarySellsNothing,
  teachChildrenToDoubt,
  busStopTownSquare,
];

/** The column with the given slug, if any. */
export function findDemoColumn(slug: string): DemoColumn | undefined {
  return demoColumns.find((c) => c.slug === slug);
}
