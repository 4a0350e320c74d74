// The Yunxiao gate's step outputs: every key on every path, ids exact, counts from the last order.
import { describe, expect, it } from 'vitest';
import { YUNXIAO_OUTPUTS } from '../../../src/providers/yunxiao/outputs.js';
import type { RunOutcome } from '../../../src/report/outcome.js';
import { emptyOutputs, outputsOf as outputsBy } from '../../../src/report/outputs.js';
import { act, BIG, JOB, outcomeOf, RUN, URL } from '../../report/builder.js';
import { machine, unreachable } from '../../support/orders.js';

const OUTPUT_NAMES = YUNXIAO_OUTPUTS.map((s) => s.name);
const outputsOf = (o: RunOutcome, reportPath?: string): Record<string, string> =>
  outputsBy(YUNXIAO_OUTPUTS, o, reportPath);

const mixed = [
  machine('a1', 'Success'),
  machine('b2', 'Skipped'),
  unreachable('c3', 'Skipped', { batchNum: 2 }),
  machine('d4', 'Failed', { batchNum: 2 }),
  machine('e5', 'Queued', { batchNum: 3 }),
];

describe('outputsOf', () => {
  it('a success: every output, ids exact', () => {
    expect(outputsOf(outcomeOf(), '/tmp/report.json')).toEqual({
      result: 'success',
      status: 'Success',
      'deploy-order-id': BIG,
      'pipeline-run-id': RUN,
      'job-id': JOB,
      'job-name': 'Deploy to prod',
      'current-batch': '2',
      'total-batch': '3',
      'machines-total': '1',
      'machines-succeeded': '1',
      'machines-failed': '0',
      'machines-skipped': '0',
      'skipped-machines': '[]',
      'failed-machines': '[]',
      'unreachable-machines': '[]',
      'report-path': '/tmp/report.json',
      'artifact-url': '',
      'deploy-url': URL,
      'duration-seconds': '192',
    });
  });

  it('a failure: counts from the last order, skipped-machines only the ones this run skipped', () => {
    const taken = [act('skip', 'c3'), act('skip', 'c3'), act('skip', 'x9', 'error'), act('retry', 'd4')];
    const out = outputsOf(
      outcomeOf({ result: 'failure', artifactUrl: 'https://emas.example/a.zip' }, mixed, taken),
    );
    expect(out).toMatchObject({
      result: 'failure',
      'machines-total': '5',
      'machines-succeeded': '1',
      'machines-failed': '1',
      'machines-skipped': '2',
      'skipped-machines': '["c3"]',
      'failed-machines': '["d4"]',
      'unreachable-machines': '["c3"]',
      'artifact-url': 'https://emas.example/a.zip',
      'report-path': '',
    });
  });

  it.each([
    ['timed-out', 'Running'],
    ['cancelled', 'Cancelled'],
    ['in-progress', 'Waiting'],
  ] as const)('%s: the result and the order status as read', (result, status) => {
    const read = outcomeOf({ result, durationSeconds: 61.6 }, mixed, [act('skip', 'c3')]);
    const o = { ...read, snapshot: read.snapshot && { ...read.snapshot, status } };
    const out = outputsOf(o, '/r.json');
    expect(out['result']).toBe(result);
    expect(out['status']).toBe(status);
    expect(out['deploy-order-id']).toBe(BIG);
    expect(out['machines-total']).toBe('5');
    expect(out['skipped-machines']).toBe('["c3"]');
    expect(out['failed-machines']).toBe('["d4"]');
    expect(out['duration-seconds']).toBe('62');
  });

  it('no order read: every key still present, unknowns empty, ids exact', () => {
    const out = outputsOf(
      outcomeOf({ result: 'timed-out', resolved: { pipelineId: '7', deployOrderId: BIG } }, null, [
        act('skip', 'z1'),
      ]),
    );
    expect(Object.keys(out).sort()).toEqual([...OUTPUT_NAMES].sort());
    expect(out).toEqual({
      result: 'timed-out',
      status: '',
      'deploy-order-id': BIG,
      'pipeline-run-id': '',
      'job-id': '',
      'job-name': '',
      'current-batch': '',
      'total-batch': '',
      'machines-total': '',
      'machines-succeeded': '',
      'machines-failed': '',
      'machines-skipped': '',
      'skipped-machines': '["z1"]',
      'failed-machines': '[]',
      'unreachable-machines': '[]',
      'report-path': '',
      'artifact-url': '',
      'deploy-url': '',
      'duration-seconds': '192',
    });
  });

  it('every key on every path, every value a string', () => {
    for (const o of [outcomeOf(), outcomeOf({ result: 'failure' }, mixed), outcomeOf({}, null)]) {
      const out = outputsOf(o);
      expect(Object.keys(out)).toEqual(OUTPUT_NAMES);
      for (const v of Object.values(out)) expect(typeof v).toBe('string');
    }
  });

  it('before anything was read: every key, lists as [] and values empty', () => {
    const out = emptyOutputs(YUNXIAO_OUTPUTS);
    expect(Object.keys(out)).toEqual(OUTPUT_NAMES);
    const lists = Object.entries(out)
      .filter(([, v]) => v === '[]')
      .map(([k]) => k);
    expect(lists).toEqual(['skipped-machines', 'failed-machines', 'unreachable-machines']);
    expect(Object.values(out).filter((v) => v !== '[]' && v !== '')).toEqual([]);
  });

  it('before anything was read, a run the gate started: its id and link, the rest empty', () => {
    const out = emptyOutputs(YUNXIAO_OUTPUTS, [
      { key: 'pipelineId', label: 'Pipeline', id: '7' },
      { key: 'pipelineRunId', label: 'Run', id: '9007199254740993', link: 'https://flow.aliyun.com/x' },
      { key: 'deployUrl', label: 'Link', text: 'https://flow.aliyun.com/x', hidden: true },
    ]);
    expect(Object.keys(out)).toEqual(OUTPUT_NAMES);
    expect(out['pipeline-run-id']).toBe('9007199254740993');
    expect(out['deploy-url']).toBe('https://flow.aliyun.com/x');
    expect(out['deploy-order-id']).toBe('');
    expect(out['failed-machines']).toBe('[]');
  });

  it('machine SNs with quotes stay valid JSON arrays', () => {
    const out = outputsOf(outcomeOf({}, [machine('we"ird\\sn', 'Failed')], [act('skip', 'we"ird\\sn')]));
    expect(JSON.parse(out['failed-machines'] ?? '')).toEqual(['we"ird\\sn']);
    expect(JSON.parse(out['skipped-machines'] ?? '')).toEqual(['we"ird\\sn']);
  });
});
