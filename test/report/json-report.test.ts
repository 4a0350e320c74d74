// The JSON report: round-trips through JSON.parse with exact ids, every machine and every action.
import { describe, expect, it } from 'vitest';
import { REPORT_SCHEMA_VERSION, reportParts } from '../../src/report/json-report.js';
import type { RunOutcome } from '../../src/report/outcome.js';
import { VERSION } from '../../src/version.js';
import { readJson } from '../../src/http/json.js';
import { jsonTextOf } from '../support/json-text.js';
import { machine, unreachable } from '../support/orders.js';
import { act, BIG, fleet, JOB, outcomeOf, RUN } from './builder.js';

type Json = Record<string, unknown>;
const parse = (text: string): Json => JSON.parse(text) as Json;
/** The report as the action writes it: its parts, one after the other. */
const reportJson = (o: RunOutcome): string =>
  [...reportParts(o)].map((p) => (typeof p === 'string' ? p : Buffer.from(p).toString())).join('');

const machines = [
  machine('a1', 'Success'),
  unreachable('b2', 'Skipped', { batchNum: 2, hostName: 'web-2' }),
  machine('c3', 'Failed', { batchNum: 2 }),
];
const taken = [
  act('skip', 'b2', 'ok', { at: '2026-11-23T00:01:00.000Z' }),
  act('retry', 'c3', 'error', { transient: true, at: '2026-11-23T00:02:00.000Z' }),
  act('stop', undefined, 'ok', { reason: 'on-failure stop' }),
];

describe('reportJson', () => {
  it('round-trips with exact ids, the order as Yunxiao sent it, and every action', () => {
    const raw = `{"deployOrderId":"${BIG}","status":"Success","unknownField":{"kept":[1,2]},"deployMachineInfo":{"hostGroupId":"${RUN}"}}`;
    const text = reportJson(outcomeOf({ result: 'failure', raw: jsonTextOf(raw) }, machines, taken));
    const r = parse(text);
    expect(r['schemaVersion']).toBe(REPORT_SCHEMA_VERSION);
    expect(r['tool']).toEqual({ name: 'yunxiao-deploy-gate', version: VERSION });
    expect(r['verdict']).toEqual({
      result: 'failure',
      reason: 'Every machine of deploy order 9007199254740993 succeeded.',
    });
    expect(r['resolved']).toMatchObject({ deployOrderId: BIG, pipelineRunId: RUN, jobId: JOB });
    expect(r['deployOrder']).toEqual(JSON.parse(raw));
    expect(text).toContain(`"deployOrderId":"${BIG}"`);
    expect(r['actions']).toEqual(
      taken.map((a) => ({
        at: a.at,
        kind: a.kind,
        machineSn: a.target ?? null,
        reason: a.reason,
        outcome: a.outcome,
        detail: a.detail ?? null,
        transient: a.transient ?? false,
      })),
    );
    expect(r['skippedMachines']).toEqual(['b2']);
    expect(r['failedMachines']).toEqual(['c3']);
    expect(r['needsALook']).toEqual(['b2', 'c3']);
  });

  it('a resume names no machine, and is called a resume', () => {
    const resume = act('pass', undefined, 'ok', { target: 'pause:2' });
    const r = parse(reportJson(outcomeOf({}, machines, [resume])));
    expect(r['actions']).toEqual([expect.objectContaining({ kind: 'resume', machineSn: null })]);
    expect(JSON.stringify(r['actions'])).not.toContain('pause:2');
  });

  it('lists every machine with what this run did to it', () => {
    const r = parse(reportJson(outcomeOf({}, machines, taken)));
    expect(r['machines']).toEqual([
      {
        machineSn: 'a1',
        ip: '10.0.0.1',
        hostName: null,
        batch: 1,
        status: 'Success',
        clientStatus: 'ok',
        action: 'nothing',
        thisRun: null,
      },
      {
        machineSn: 'b2',
        ip: '10.0.0.2',
        hostName: 'web-2',
        batch: 2,
        status: 'Skipped',
        clientStatus: 'error',
        action: 'skipped by this run',
        thisRun: { skipped: true, retries: 0, refused: {} },
      },
      {
        machineSn: 'c3',
        ip: '10.0.0.3',
        hostName: null,
        batch: 2,
        status: 'Failed',
        clientStatus: 'ok',
        action: 'retry refused',
        thisRun: { skipped: false, retries: 0, refused: { retry: 1 } },
      },
    ]);
    expect(r['counts']).toEqual({
      total: 3,
      succeeded: 1,
      failed: 1,
      skipped: 1,
      other: 0,
      byStatus: { Success: 1, Skipped: 1, Failed: 1 },
    });
  });

  it('every part joined is one valid JSON document, whatever the run', () => {
    const raw = `{"deployOrderId":"${BIG}","x":1}`;
    for (const o of [
      outcomeOf({ raw: jsonTextOf(raw), warnings: ['w'], logs: { c3: { lines: 'boom' } } }, machines, taken),
      outcomeOf({ result: 'cancelled', stoppedOnCancel: false }, machines),
      outcomeOf({ result: 'timed-out' }, null),
    ]) {
      const r = parse(reportJson(o));
      expect(r['verdict']).toMatchObject({ result: o.result });
      expect(r['stoppedOnCancel']).toBe(o.stoppedOnCancel ?? null);
    }
  });

  it('without the raw text, the order as the gate read it (ids still strings); without an order, null', () => {
    const r = parse(reportJson(outcomeOf({}, machines)));
    expect((r['deployOrder'] as Json)['id']).toBe(BIG);
    const none = parse(reportJson(outcomeOf({ result: 'timed-out' }, null)));
    expect(none['deployOrder']).toBeNull();
    expect(none['machines']).toEqual([]);
    expect(none['counts']).toBeNull();
    expect(none['order']).toBeNull();
  });

  it('the order as read (its bytes, ids quoted where they sit) is spliced in as it came', () => {
    const body = Buffer.from(
      `\n {"deployOrderId":${BIG},"status":"Success","名称":"部署","deployMachineInfo":{"hostGroupId":${BIG}}} \n`,
    );
    const raw = readJson(body);
    const parts = [...reportParts(outcomeOf({ raw: raw }, machines, taken))];
    expect(parts.some((p) => typeof p !== 'string')).toBe(true); // written as bytes, not copied
    const r = parse(reportJson(outcomeOf({ raw: raw }, machines, taken)));
    expect(r['deployOrder']).toEqual({
      deployOrderId: BIG,
      status: 'Success',
      名称: '部署',
      deployMachineInfo: { hostGroupId: BIG },
    });
  });

  it('raw text that is not an object is not spliced in', () => {
    const r = parse(reportJson(outcomeOf({ raw: jsonTextOf('garbage') }, machines)));
    expect((r['deployOrder'] as Json)['id']).toBe(BIG);
  });

  it('thousands of machines, written in several parts, make one valid document', () => {
    const ms = fleet(1234, (i) => (i % 100 === 0 ? 'Failed' : 'Success'));
    const o = outcomeOf({ result: 'failure' }, ms);
    const parts = [...reportParts(o)];
    const r = parse(parts.join(''));
    const listed = r['machines'] as Json[];
    expect(listed).toHaveLength(1234);
    expect(listed.map((m) => m['machineSn'])).toEqual(ms.map((m) => m.machineSn));
    expect(r['failedMachines']).toHaveLength(13);
  });

  it('has exactly the documented top-level fields (nothing else can leak in)', () => {
    const r = parse(reportJson(outcomeOf({}, machines, taken)));
    expect(Object.keys(r)).toEqual([
      'schemaVersion',
      'tool',
      'verdict',
      'resolved',
      'api',
      'policy',
      'timing',
      'order',
      'counts',
      'stoppedOnCancel',
      'skippedMachines',
      'failedMachines',
      'needsALook',
      'actions',
      'warnings',
      'artifactUrl',
      'machineLogs',
      'machines',
      'deployOrder',
    ]);
  });
});
