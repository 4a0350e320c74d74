// What a provider tells the reports about the run it watched, beyond the core's snapshot: its words,
// the facts of what was resolved (ids, names, links), its policy as its inputs say it, and the names
// its JSON report has always used. The report builders know no provider; they take this.
import type { Unit } from '../core/snapshot.js';
import type { Words } from '../core/words.js';

/** One fact: a row of the summary's table, a field of the report's `resolved`. */
export interface Fact {
  /** its key in the JSON report */
  key: string;
  /** its row in the summary */
  label: string;
  /** an id (shown as code), text, or both ("Deploy to prod (`5550002`)") */
  id?: string;
  text?: string;
  /** where the id links to */
  link?: string;
  /** the report only: not a row of the summary */
  hidden?: boolean;
}

/** The JSON report's names for what every provider has, so a provider's report keeps its own words. */
export interface ReportKeys {
  /** the run's summary object: order */
  run: string;
  /** the list of units: machines */
  units: string;
  /** a unit's id in an action: machineSn */
  unit: string;
  /** the raw answer, as the provider names it */
  raw: string;
  /** the log excerpts: machineLogs */
  logs: string;
  /** ids this run skipped, ids that failed: skippedMachines, failedMachines */
  skipped: string;
  failed: string;
  /** a confirmation's id in an action, where confirmations have ids people use: review */
  confirmation?: string;
  /** the confirmation points reached and their decisions, where the provider shows them: reviews */
  points?: string;
}

export interface Presentation {
  words: Words;
  /** the run, short, for the headline: order */
  short: string;
  /** the run watched, as resolved */
  runId: string;
  facts: Fact[];
  /** the API used, for people and for the report: "OpenAPI (central edition)", {kind, edition, ...} */
  api: { text: string; json: Record<string, unknown> };
  /** the policy as the inputs say it, for `units` units (a share of them is a count) */
  policy(total: number): { text: string; json: Record<string, unknown> };
  /** the run's page in the provider's console */
  url?: string;
  reportKeys: ReportKeys;
  /** a unit as the report lists it, in the provider's own field names */
  unitEntry(u: Unit): Record<string, unknown>;
}
