/**
 * The library database. Versioned from the first release; each upgrade step lives in migrations/ and is
 * tested on a frozen example of the previous version's data (test/unit/library/fixtures/).
 *
 * v1  reports: '++id, url, &[url+contentHash], savedAt, agency, year' — the Report and findings inline.
 * v2  reports become small rows (columns + figures + counts, indexed for the library view); the Report and
 *     findings move to `bodies`; `reviews` and `agencyLinks` are added.
 * v3  findings are stored as { rule, messageId, data } (text rendered only for display); review keys of
 *     report-level findings re-keyed (no longer hashed from the wording). Same stores and indexes as v2.
 * v4  `batchRuns` and `batchItems` (the batch queue, kept here so a stopped service worker or a restarted
 *     browser resumes a run) and `hierarchyLinks` (parent/child agencies marked by the user). New empty
 *     stores: nothing to convert.
 * v5  every report row carries its score record (`score`, the scorecard without thresholds), filled from
 *     the bodies. Same stores and indexes as v4.
 * v6  score records gain what could not be read. Same stores and indexes as v4.
 * v7  `summaries`: per report row (same id) what #scores and #dashboard read (utils/score/summary.ts), kept by
 *     every write of a row (utils/library/summaries.ts), filled from the rows. A change to what summaryOf computes
 *     needs a further version whose upgrade is upgradeToV7 again (it refills every summary).
 * v8  what a scan read by OCR could not give (table-missing 'unreadScan', read-from-scan) leaves the data-logic
 *     counts, as a picture table does: counts recomputed (v6's upgrade), summaries refilled (v7's). Same stores.
 * v9  on a scan read by OCR, a section or table not found is not judged (neither present nor missing): the score
 *     records of scans recomputed from their bodies, summaries refilled. Same stores.
 */
import Dexie, { type Table } from 'dexie';
import type { BatchItem, BatchRun } from '../batch/queue';
import type { HierarchyLink } from './hierarchy';
import { upgradeToV2 } from './migrations/v2';
import { upgradeToV3 } from './migrations/v3';
import { upgradeToV5 } from './migrations/v5';
import { upgradeToV6 } from './migrations/v6';
import { upgradeToV7 } from './migrations/v7';
import { upgradeToV8 } from './migrations/v8';
import { upgradeToV9 } from './migrations/v9';
import type { AgencyLink, ReportBody, ReportRow, ReportSummary, Review } from './types';

export const LIBRARY_DB_NAME = 'report-lens-library';
export const LIBRARY_DB_VERSION = 9;

export const SCHEMA_V1 = {
  reports: '++id, url, &[url+contentHash], savedAt, agency, year',
};

const FIGURE_INDEXES = [
  'figures.activeDisclosed',
  'figures.applicationsNew',
  'figures.applicationsCarriedOver',
  'figures.applicationsHandled',
  'figures.applicationsCarriedForward',
  'figures.reviewTotal',
  'figures.litigationTotal',
];
const COUNT_INDEXES = ['counts.error', 'counts.warning', 'counts.total'];

export const SCHEMA_V2 = {
  reports: [
    '++id',
    'url',
    '&[url+contentHash]',
    '[url+latest]',
    'savedAt',
    'agency',
    'agencyKey',
    '[agencyKey+year]',
    'region',
    'year',
    'era',
    'publishedAt',
    'latest',
    ...FIGURE_INDEXES,
    ...COUNT_INDEXES,
  ].join(', '),
  bodies: 'id',
  reviews: '[reportId+findingKey], reportId',
  agencyLinks: '++id, a, b, &[a+b]',
};

export const SCHEMA_V4 = {
  ...SCHEMA_V2,
  batchRuns: 'id, createdAt, state',
  batchItems: 'id, runId, [runId+order], state',
  hierarchyLinks: '++id, parent, child, &[parent+child]',
};

export const SCHEMA_V7 = {
  ...SCHEMA_V4,
  summaries: 'id',
};

export class LibraryDB extends Dexie {
  reports!: Table<ReportRow, number>;
  bodies!: Table<ReportBody, number>;
  reviews!: Table<Review, [number, string]>;
  agencyLinks!: Table<AgencyLink, number>;
  batchRuns!: Table<BatchRun, string>;
  batchItems!: Table<BatchItem, string>;
  hierarchyLinks!: Table<HierarchyLink, number>;
  summaries!: Table<ReportSummary, number>;

  constructor(name: string = LIBRARY_DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
    this.version(3).stores(SCHEMA_V2).upgrade(upgradeToV3);
    this.version(4).stores(SCHEMA_V4);
    this.version(5).stores(SCHEMA_V4).upgrade(upgradeToV5);
    this.version(6).stores(SCHEMA_V4).upgrade(upgradeToV6);
    this.version(7).stores(SCHEMA_V7).upgrade(upgradeToV7);
    this.version(8).stores(SCHEMA_V7).upgrade(upgradeToV8);
    this.version(9).stores(SCHEMA_V7).upgrade(upgradeToV9);
  }
}
