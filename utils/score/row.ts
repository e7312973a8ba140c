/**
 * The fields of a library row that the scores and the dashboard read. Written here, structurally, so that
 * score/ never imports library/: the library computes a score on every save (library → score), and the
 * reverse import made the two folders a cycle (issue 20). A library ReportRow satisfies it as it is.
 */
import type { Figures } from '../report/types';
import type { ScoreRecord } from './scorecard';

export interface ScoreRow {
  id?: number;
  url: string;
  title: string | null;
  agency: string | null;
  region: string;
  year: number | null;
  publishedAt: string | null;
  latest: 0 | 1;
  counts: { error: number; warning: number };
  figures: Figures;
  score?: ScoreRecord;
}
