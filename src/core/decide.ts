// The functional core: what to do next, from the latest snapshot of the run, the policy and what
// this run already did. No I/O, no clock, no randomness: the same inputs always give the same
// decision. Cost: one pass over the units, then work on the few that need an action. The provider
// hands in the words people read (a "deploy order" of "machines" in "batches").
import { clip } from '../common/redact.js';
import { describeBudget, skipBudget } from './budget.js';
import { differs, historyOf, type History, type UnitHistory } from './memory.js';
import type { Policy } from './policy.js';
import type { Confirmation, Snapshot, Unit } from './snapshot.js';
import type { Decision, GateMemory, PlannedAction, Seen, Verdict } from './types.js';
import { capital, plural, type Words } from './words.js';

/** Units named in a reason at most; the rest are counted. */
export const MAX_NAMED = 5;
/**
 * Distinct warnings (undocumented statuses, duplicate ids) a run gives at most, then one saying there
 * are more: a server sending a new word for every unit at every poll must not flood the log.
 */
export const MAX_WARNINGS = 20;
const MORE_WARNINGS = 'more';

/** Phases a unit has not finished in: the only ones an unreachable unit may be skipped in. */
const UNFINISHED: ReadonlySet<string> = new Set(['pending', 'running', 'failed']);

/** What one pass over the units found. */
interface Scan {
  /** units, each id once */
  distinct: number;
  succeeded: number;
  skipped: number;
  /** the first few skipped units, for reasons */
  skippedNamed: Unit[];
  /** units neither succeeded nor skipped (for a run that says it succeeded) */
  notDone: Unit[];
  /** our skips that went through but the snapshot does not show yet (provider lag) */
  inFlight: number;
  failed: Unit[];
  /** unreachable unfinished units and reachable failed ones that we have not skipped (one per id) */
  candidates: Unit[];
  /** failed units waiting for our skip to show */
  awaitingSkip: Unit[];
  /** retries and passes whose effect this snapshot shows (indexes into memory.taken) */
  effectsSeen: number[];
  warnings: string[];
  newlyWarned: string[];
}

interface Unhandled {
  u: Unit;
  why: string;
}

export function decide(run: Snapshot, policy: Policy, memory: GateMemory, words: Words): Decision {
  const history = historyOf(memory);
  const scan = scanRun(run, history, memory.warnedStatuses, words);
  const { warnings, newlyWarned } = scan;
  const effectsSeen = [...scan.effectsSeen];
  const Run = `${capital(words.run)} ${run.id}`;
  const groupAt = `${words.group} ${run.progress.current}/${run.progress.total}`;
  const total = scan.distinct;
  const end = (verdict: Verdict, actions: PlannedAction[] = []): Decision => ({
    actions,
    verdict,
    warnings,
    newlyWarned,
    effectsSeen,
  });
  const fail = (reason: string, also: PlannedAction[] = []): Decision =>
    end({ result: 'failure', reason }, [
      ...also,
      ...stopOnFailure(run, policy, history, 'the gate failed (on-failure: stop)'),
    ]);
  const wait = (actions: PlannedAction[], waitingFor?: string): Decision =>
    waitingFor === undefined
      ? { actions, warnings, newlyWarned, effectsSeen }
      : { actions, warnings, newlyWarned, effectsSeen, waitingFor };

  if (run.phase === 'cancelled') {
    const how = history.stopped ? 'was stopped by this gate' : `was cancelled in ${words.provider}`;
    return end({ result: 'cancelled', reason: `${Run} ${how} (${groupAt}).` });
  }

  const budget = skipBudget(policy.maxSkipped, total);
  const budgetText = describeBudget(policy.maxSkipped, total);
  if (run.phase === 'succeeded') {
    // Success is every unit done or skipped within the budget: the provider's word alone is not enough.
    if (total === 0)
      return fail(`${Run} ended ${run.status} with no ${words.unit}s: nothing was ${words.done}.`);
    if (scan.notDone.length > 0) {
      return fail(
        `${Run} ended ${run.status}, but ${plural(scan.notDone.length, words.unit)} did not ${words.verb}: ${listWithStatus(scan.notDone)}.`,
      );
    }
    if (scan.skipped > budget) return fail(overBudget(Run, scan, budgetText, words));
    // Every unit skipped (within a budget, or by the pipeline's choice): nothing was done, whatever
    // the run's own word. No success without at least one unit done.
    if (scan.succeeded === 0)
      return fail(
        `${Run} ended ${run.status}, but none of its ${plural(total, words.unit)} ${words.done}: ${listUnits(scan.skippedNamed, scan.skipped)} skipped.`,
      );
    const within = budgetText ? ` (within ${budgetText})` : '';
    const skippedNote = scan.skipped > 0 ? `, ${scan.skipped} skipped${within}` : '';
    return end({
      result: 'success',
      reason: `${Run} succeeded: ${scan.succeeded} of ${plural(total, words.unit)} ${words.done}${skippedNote}.`,
    });
  }

  if (run.phase === 'failed') return failedRun(run, policy, history, scan, words, { end, fail, wait });

  // Running, paused, or a status the provider does not document (never an ending).
  // Skips by anyone count: a group emptied by hand is not a healthy deploy.
  const counted = scan.skipped + scan.inFlight;
  if (counted > budget) return fail(overBudget(Run, scan, budgetText, words));

  const skips: PlannedAction[] = [];
  const retries: PlannedAction[] = [];
  const unhandled: Unhandled[] = [];
  const unreachable: Unit[] = [];
  const lagging: Unit[] = [...scan.awaitingSkip];
  for (const u of sortByGroup(scan.candidates)) {
    const h = history.units.get(u.id);
    if (u.reachable === false) {
      unreachable.push(u);
      const blocked = skipBlocker(u, h, policy, words);
      if (blocked !== undefined) {
        // An unfinished unit may still come back; a failed one is a failure nobody here handles.
        if (u.phase === 'failed') unhandled.push({ u, why: blocked });
        continue;
      }
      skips.push({
        kind: 'skip',
        target: u.id,
        label: u.label,
        reason: `${words.reachability ?? 'agent'} unreachable while ${u.status} (${words.group} ${u.group}); ${counted + skips.length + 1} skipped with this one (${budgetText})`,
      });
      continue;
    }
    // A reachable failed unit. The failure we already retried, seen again before the provider shows
    // the retry (nothing about the unit changed since, by the provider's own words and clock): wait.
    const retried = h?.lastRetry;
    if (retried && !retried.effectSeen && !differs(retried.seen, seenOf(u))) {
      lagging.push(u);
      continue;
    }
    const blocked = retryBlocker(u, h, policy, words);
    if (blocked !== undefined) unhandled.push({ u, why: blocked });
    else
      retries.push({
        kind: 'retry',
        target: u.id,
        label: u.label,
        reason: `${u.status} (${words.group} ${u.group}); retry ${(h?.retries ?? 0) + 1} of ${policy.retryFailed}`,
        seen: seenOf(u),
      });
  }
  if (skips.length > 0 && counted + skips.length > budget) {
    // All or none: a budget that cannot take every unreachable unit fails the gate, and no skip is made.
    const earlier = history.skippedCount > 0 ? ` (${history.skippedCount} skipped earlier by this gate)` : '';
    return fail(
      `${Run}: ${plural(unreachable.length, words.unit)} unreachable (${listUnits(unreachable)}); ` +
        `skipping them would make ${counted + skips.length} skipped ${words.unit}s, more than ${budgetText}${earlier}. None was skipped.`,
    );
  }
  const paused = run.phase === 'paused';
  // A paused run with a failure nobody here will handle would only wait for the deadline.
  if (paused && unhandled.length > 0) {
    return fail(
      `${Run} is paused on ${plural(unhandled.length, `failed ${words.unit}`)} the gate cannot handle: ${listUnhandled(unhandled)}.`,
    );
  }
  const actions = [...skips, ...retries];
  if (actions.length > 0) return wait(actions);

  if (unhandled.length > 0)
    return wait(
      [],
      `${plural(unhandled.length, `failed ${words.unit}`)} the gate cannot handle (${listUnhandled(unhandled)}); waiting for the ${words.group} to settle`,
    );
  if (paused && scan.failed.length > 0) {
    return wait(
      [],
      `${words.run} ${run.id} is paused; waiting for ${words.provider} to show this gate's actions on ${listUnits(lagging.length > 0 ? lagging : scan.failed)}`,
    );
  }
  const confirmation = run.confirmations[0];
  if (confirmation) return confirm(run, confirmation, policy, history, words, { end, fail, wait });
  if (!run.known)
    return wait(
      [],
      `${words.run} ${run.id} is in status "${run.status}", which ${words.provider} does not document`,
    );
  return wait([]);
}

interface Outcomes {
  end: (verdict: Verdict, actions?: PlannedAction[]) => Decision;
  fail: (reason: string, also?: PlannedAction[]) => Decision;
  wait: (actions: PlannedAction[], waitingFor?: string) => Decision;
}

/**
 * A point where a person is expected to confirm (a pause between batches, a manual review): the
 * policy waits for the person, passes or refuses. Passing goes on; refusing is the gate failing.
 */
function confirm(
  run: Snapshot,
  c: Confirmation,
  policy: Policy,
  history: History,
  words: Words,
  { fail, wait }: Outcomes,
): Decision {
  // The label says where: "after batch 1 of 3", "at manual review “Approve” (Deploy / approve)".
  const at = `${words.run} ${run.id} is ${run.phase === 'paused' ? 'paused' : 'waiting'} ${c.label}`;
  const who = c.who ? ` (${c.who})` : '';
  if (policy.confirm === 'wait')
    return wait(
      [],
      `${at}, waiting for a person${who} to ${words.pass} it in ${words.provider} (${words.waitPolicy})`,
    );
  const done = history.confirmations.get(c.id);
  if (done && !done.effectSeen && !differs(done.seen, confirmationSeen(run, c)))
    return wait([], `${at}; waiting for ${words.provider} to show this gate's ${words.pass}`);
  const verb = policy.confirm === 'pass' ? words.pass : words.refuse;
  // A pass the provider refused (false, a 4xx) is not sent again at every poll: only once the
  // confirmation shows a change (the next pause, a review entered again).
  const refused = history.confirmRefused.get(c.id);
  if (refused && !differs(refused.seen, confirmationSeen(run, c)))
    return wait(
      [],
      `${at}; ${ing(verb)} it failed (${refused.detail}): waiting for a person to ${words.pass} it in ${words.provider}`,
    );
  const offer = policy.confirm === 'pass' ? c.offers.pass : c.offers.refuse;
  if (!offer || !offer.allowed) {
    const why = offer ? `does not allow ${ing(verb)} it now` : `offers no ${verb} action for it`;
    return wait(
      [],
      `${at} and ${words.provider} ${why}; waiting for a person to ${words.pass} it in ${words.provider}`,
    );
  }
  if (policy.confirm === 'pass') {
    return wait([
      {
        kind: 'pass',
        target: c.id,
        label: c.label,
        reason: `${run.phase === 'paused' ? 'paused' : 'waiting'} ${c.label}; ${words.passPolicy}`,
        seen: confirmationSeen(run, c),
      },
    ]);
  }
  // Refusing is this gate's verdict on the run: it ends the watch.
  return fail(`${capital(words.run)} ${run.id}: refused by this gate ${c.label} (${words.refusePolicy}).`, [
    {
      kind: 'refuse',
      target: c.id,
      label: c.label,
      reason: `${run.phase === 'paused' ? 'paused' : 'waiting'} ${c.label}; ${words.refusePolicy}`,
    },
  ]);
}

/**
 * A run the provider says has failed (an ending, unless retried): retried as a whole when the
 * provider offers it and the policy allows, else the gate's failure, naming the failed units.
 */
function failedRun(
  run: Snapshot,
  policy: Policy,
  history: History,
  scan: Scan,
  words: Words,
  { fail, wait }: Outcomes,
): Decision {
  const Run = `${capital(words.run)} ${run.id}`;
  const failedUnits = scan.failed.length > 0 ? `: ${listWithMessages(scan.failed)}` : '';
  const retried = history.runRetry;
  if (retried && !retried.effectSeen && !differs(retried.seen, runSeen(run)))
    return wait(
      [],
      `${words.run} ${run.id} ${run.status}; waiting for ${words.provider} to show this gate's retry`,
    );
  const offer = run.offers.retry;
  // A retry the provider refused (false, a 4xx) is not sent again: the run's failure stands.
  const refused = history.runRetryRefused;
  if (policy.retryFailed > history.runRetries && offer?.allowed && refused === undefined) {
    return wait([
      {
        kind: 'retry',
        reason: `${run.status}${failedUnits ? ` (${plural(scan.failed.length, `failed ${words.unit}`)})` : ''}; retry ${history.runRetries + 1} of ${policy.retryFailed}`,
        seen: runSeen(run),
      },
    ]);
  }
  const why =
    policy.retryFailed === 0
      ? ''
      : history.runRetries >= policy.retryFailed
        ? ` after ${plural(history.runRetries, 'retry')}`
        : refused !== undefined
          ? ` (retrying it failed: ${refused})`
          : offer?.why
            ? ` (${offer.why})`
            : offer
              ? ` (${words.provider} does not allow retrying it now)`
              : ` (${words.provider} offers no retry for it)`;
  return fail(`${Run} ended ${run.status}${why}${failedUnits}.`);
}

/** At the deadline: stop the run when on-failure is stop and it has not ended. */
export function actionsOnTimeout(
  run: Snapshot | undefined,
  policy: Policy,
  memory: GateMemory,
): PlannedAction[] {
  if (!run) return []; // nothing read, nothing known to stop
  return stopOnFailure(run, policy, historyOf(memory), 'the deadline was reached (on-failure: stop)');
}

/** Phases after which there is nothing to stop. */
const ENDED: ReadonlySet<string> = new Set(['succeeded', 'cancelled', 'failed']);

export function ended(run: Snapshot): boolean {
  return ENDED.has(run.phase);
}

function stopOnFailure(run: Snapshot, policy: Policy, history: History, reason: string): PlannedAction[] {
  if (policy.onFailure !== 'stop' || history.stopped || ended(run)) return [];
  // Unlike skip/retry/pass, an absent stop action is still tried: stopping is the safe side, and the
  // provider refusing it costs nothing but a warning.
  if (run.offers.stop && !run.offers.stop.allowed) return [];
  return [{ kind: 'stop', reason }];
}

function scanRun(run: Snapshot, history: History, warned: ReadonlySet<string>, words: Words): Scan {
  const scan: Scan = {
    distinct: 0,
    succeeded: 0,
    skipped: 0,
    skippedNamed: [],
    notDone: [],
    inFlight: 0,
    failed: [],
    candidates: [],
    awaitingSkip: [],
    effectsSeen: [],
    warnings: [],
    newlyWarned: [],
  };
  const fresh = new Set<string>();
  const note = (key: string, text: string): void => {
    if (warned.has(key) || fresh.has(key)) return;
    if (warned.size + fresh.size >= MAX_WARNINGS) {
      if (warned.has(MORE_WARNINGS) || fresh.has(MORE_WARNINGS)) return;
      key = MORE_WARNINGS;
      text = `${capital(words.run)} ${shown(run.id)} has more undocumented statuses or repeated ${words.unit}s than the gate lists (${MAX_WARNINGS}); the JSON report has it as ${words.provider} sent it.`;
    }
    fresh.add(key);
    scan.newlyWarned.push(key);
    scan.warnings.push(text);
  };
  if (!run.known) {
    note(
      `run:${run.status}`,
      `${capital(words.run)} ${shown(run.id)} has status ${shown(run.status)}, which ${words.provider} does not document; the gate keeps watching.`,
    );
  }
  const runRetry = history.runRetry;
  if (runRetry && !runRetry.effectSeen && differs(runRetry.seen, runSeen(run)))
    scan.effectsSeen.push(runRetry.index);
  for (const c of run.confirmations) {
    const done = history.confirmations.get(c.id);
    if (done && !done.effectSeen && differs(done.seen, confirmationSeen(run, c)))
      scan.effectsSeen.push(done.index);
  }
  // A pass whose confirmation is gone shows too (the run went on).
  for (const [id, done] of history.confirmations) {
    if (
      !done.effectSeen &&
      !run.confirmations.some((c) => c.id === id) &&
      !scan.effectsSeen.includes(done.index)
    )
      scan.effectsSeen.push(done.index);
  }
  const ids = new Set<string>();
  const Unit = capital(words.unit);
  for (const u of run.units) {
    if (!u.known) {
      note(
        `unit:${u.status}`,
        `${Unit} ${shown(u.label)} has status ${shown(u.status)}, which ${words.provider} does not document; it is treated as not finished and never skipped.`,
      );
    }
    if (u.agentKnown === false) {
      note(
        `agent:${u.agent ?? ''}`,
        `${Unit} ${shown(u.label)} has ${words.reachability ?? 'agent'} status ${shown(u.agent ?? '')}, which ${words.provider} does not document; it is treated as reachable.`,
      );
    }
    // One id twice in one answer is one unit: counted once, acted on once at most.
    const duplicate = ids.has(u.id);
    ids.add(u.id);
    if (duplicate) {
      note(
        `duplicate:${u.id}`,
        `${Unit} ${shown(u.label)} appears more than once in ${words.run} ${shown(run.id)}; the gate acts on it once at most.`,
      );
    }
    // Any listing of it that is not done still stands against success.
    if (u.phase !== 'succeeded' && u.phase !== 'skipped') scan.notDone.push(u);
    if (duplicate) continue;
    scan.distinct++;
    if (u.phase === 'succeeded') scan.succeeded++;
    const h = history.units.get(u.id);
    const retried = h?.lastRetry;
    if (retried && !retried.effectSeen && differs(retried.seen, seenOf(u)))
      scan.effectsSeen.push(retried.index);
    if (u.phase === 'skipped') {
      scan.skipped++;
      if (scan.skippedNamed.length < MAX_NAMED) scan.skippedNamed.push(u);
      continue;
    }
    if (u.phase === 'failed') scan.failed.push(u);
    if (!UNFINISHED.has(u.phase)) continue;
    if (h?.skipped) {
      // Our skip went through but does not show yet: wait, count it, never skip or retry it again.
      scan.inFlight++;
      if (u.phase === 'failed') scan.awaitingSkip.push(u);
      continue;
    }
    if (u.reachable === false || u.phase === 'failed') scan.candidates.push(u);
  }
  return scan;
}

/** Why an unreachable unfinished unit may not be skipped, or undefined when it may. */
function skipBlocker(u: Unit, h: UnitHistory | undefined, policy: Policy, words: Words): string | undefined {
  const its = `its ${words.reachability ?? 'agent'} is unreachable`;
  if (!policy.skipUnreachable) return `${its} and skip-unreachable is off`;
  if (h?.skipRefused !== undefined) return `${its} and skipping it failed (${h.skipRefused})`;
  if (!u.offers.skip) return `${its} and ${words.provider} offers no skip action for it`;
  if (!u.offers.skip.allowed) return `${its} and ${words.provider} does not allow skipping it now`;
  return undefined;
}

/** Why a reachable failed unit may not be retried, or undefined when it may. */
function retryBlocker(u: Unit, h: UnitHistory | undefined, policy: Policy, words: Words): string | undefined {
  if (h?.retryRefused !== undefined) return `retrying it failed (${h.retryRefused})`;
  const done = h?.retries ?? 0;
  if (policy.retryFailed <= 0) return 'retry-failed is 0';
  if (done >= policy.retryFailed)
    return `retried ${plural(done, 'time')} already (retry-failed ${policy.retryFailed})`;
  if (!u.offers.retry) return `${words.provider} offers no retry action for it`;
  if (!u.offers.retry.allowed) return `${words.provider} does not allow retrying it now`;
  return undefined;
}

/** A unit as the server shows it, for telling a new failure from one already acted on. */
function seenOf(u: Unit): Seen {
  return u.updateTime === undefined ? { status: u.status } : { status: u.status, updateTime: u.updateTime };
}

function runSeen(run: Snapshot): Seen {
  const seen: Seen = { status: run.status, group: run.progress.current };
  if (run.updateTime !== undefined) seen.updateTime = run.updateTime;
  return seen;
}

function confirmationSeen(run: Snapshot, c: Confirmation): Seen {
  const seen = runSeen(run);
  if (c.updateTime !== undefined) seen.updateTime = c.updateTime;
  return seen;
}

function sortByGroup(units: Unit[]): Unit[] {
  return units.sort((a, b) => a.group - b.group || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function overBudget(Run: string, scan: Scan, budgetText: string, words: Words): string {
  const shownList = listUnits(scan.skippedNamed, scan.skipped);
  const ours = scan.inFlight > 0 ? ` and ${scan.inFlight} more being skipped by this gate` : '';
  return `${Run} has ${plural(scan.skipped, `skipped ${words.unit}`)} (${shownList})${ours}, more than ${budgetText}.`;
}

/** A value from the provider inside a warning: quoted, and short whatever it holds. */
function shown(value: string): string {
  return JSON.stringify(clip(value, 60));
}

function name(u: Unit): string {
  return u.detail ? `${u.label} (${u.detail})` : u.label;
}

/** "a (ip): Running, b: Failed and 3 more": units with the status each is in. */
function listWithStatus(list: readonly Unit[]): string {
  const shownList = list
    .slice(0, MAX_NAMED)
    .map((u) => `${name(u)}: ${u.status || 'no status'}`)
    .join(', ');
  return list.length > MAX_NAMED ? `${shownList} and ${list.length - MAX_NAMED} more` : shownList;
}

/** "build (Build): compile error; test (Test)": failed units with the provider's message for each. */
function listWithMessages(list: readonly Unit[]): string {
  const shownList = list
    .slice(0, MAX_NAMED)
    .map((u) => (u.message ? `${name(u)}: ${clip(u.message, 200)}` : name(u)))
    .join('; ');
  return list.length > MAX_NAMED ? `${shownList}; and ${list.length - MAX_NAMED} more` : shownList;
}

/** "a (ip), b (ip) and 3 more": at most MAX_NAMED names of `total` units. */
function listUnits(list: readonly Unit[], total = list.length): string {
  const shownList = list.slice(0, MAX_NAMED).map(name).join(', ');
  const rest = total - Math.min(list.length, MAX_NAMED);
  return rest > 0 ? `${shownList} and ${rest} more` : shownList;
}

function listUnhandled(list: readonly Unhandled[]): string {
  const shownList = list
    .slice(0, MAX_NAMED)
    .map((x) => `${name(x.u)}: ${x.why}`)
    .join('; ');
  return list.length > MAX_NAMED ? `${shownList}; and ${list.length - MAX_NAMED} more` : shownList;
}

/** "resuming" from "resume", "passing" from "pass". */
function ing(verb: string): string {
  return verb.endsWith('e') ? `${verb.slice(0, -1)}ing` : `${verb}ing`;
}
