// Outputs, the JSON report, the summary and the annotations, from finished runs.
import { describe, expect, it } from 'vitest';
import type { Machine } from '../../src/client/model.js';
import type { TakenAction } from '../../src/gate/types.js';
import { annotationsOf } from '../../src/report/annotations.js';
import { reportJson } from '../../src/report/json-report.js';
import type { RunOutcome } from '../../src/report/outcome.js';
import { outputsOf } from '../../src/report/outputs.js';
import { renderSummary } from '../../src/report/summary.js';
import { machine, order, policy, unreachable } from '../support/orders.js';

const BIG = '9007199254740993';

function outcome(
  over: Partial<RunOutcome> = {},
  machines: Machine[] = [machine('m1', 'Success')],
  taken: TakenAction[] = [],
): RunOutcome {
  return {
    result: 'success',
    reason: 'ok',
    api: 'openapi',
    edition: 'central',
    policy: policy(),
    resolved: {
      pipelineId: '7',
      deployOrderId: BIG,
      pipelineRunId: '8',
      jobId: '9',
      jobName: 'Deploy',
      deployUrl: 'https://flow.aliyun.com/pipelines/7/builds/8',
    },
    order: order('Success', machines, { deployOrderId: BIG, currentBatch: 2, totalBatch: 2 }),
    taken,
    machineLogs: {},
    warnings: [],
    startedAt: '2026-11-23T00:00:00.000Z',
    finishedAt: '2026-11-23T00:03:12.000Z',
    durationSeconds: 192,
    ...over,
  };
}
const act = (
  kind: TakenAction['kind'],
  machineSn?: string,
  outcomeOf: 'ok' | 'error' = 'ok',
): TakenAction => ({ kind, machineSn, reason: 'why', at: '2026-11-23T00:01:00.000Z', outcome: outcomeOf });

describe('outputsOf', () => {
  it('sets every output, ids exact, skipped-machines only ours', () => {
    const ms = [
      machine('a', 'Success'),
      machine('b', 'Skipped'),
      unreachable('c', 'Skipped'),
      machine('d', 'Failed'),
    ];
    const out = outputsOf(
      outcome({ result: 'failure' }, ms, [act('skip', 'c'), act('skip', 'x', 'error')]),
      '/tmp/r.json',
    );
    expect(out).toEqual({
      result: 'failure',
      status: 'Success',
      'deploy-order-id': BIG,
      'pipeline-run-id': '8',
      'job-id': '9',
      'job-name': 'Deploy',
      'current-batch': '2',
      'total-batch': '2',
      'machines-total': '4',
      'machines-succeeded': '1',
      'machines-failed': '1',
      'machines-skipped': '2',
      'skipped-machines': '["c"]',
      'failed-machines': '["d"]',
      'report-path': '/tmp/r.json',
      'artifact-url': '',
      'deploy-url': 'https://flow.aliyun.com/pipelines/7/builds/8',
      'duration-seconds': '192',
    });
  });

  it('still sets every output when no order could be read', () => {
    const out = outputsOf(outcome({ result: 'timed-out', order: undefined }));
    expect(out['result']).toBe('timed-out');
    expect(out['machines-total']).toBe('');
    expect(out['deploy-order-id']).toBe(BIG);
  });
});

describe('reportJson', () => {
  it('round-trips with exact ids, every machine and every action', () => {
    const raw = { deployOrderId: BIG, unknownField: { kept: true } };
    const text = reportJson(
      outcome({ rawOrderJson: JSON.stringify(raw) }, [machine('a', 'Success'), unreachable('b', 'Skipped')], [act('skip', 'b')]),
    );
    const r = JSON.parse(text) as Record<string, unknown>;
    expect(r['schemaVersion']).toBe(1);
    expect(r['deployOrder']).toEqual(raw);
    expect(r['machinesNeedingALook']).toEqual([expect.objectContaining({ machineSn: 'b', action: 'skipped by this run' })]);
    expect(r['actions']).toEqual([expect.objectContaining({ kind: 'skip', machineSn: 'b', outcome: 'ok' })]);
    expect(text).toContain(`"deployOrderId":"${BIG}"`);
  });
});

describe('renderSummary', () => {
  it.each([
    ['success', '✅ Deploy succeeded'],
    ['failure', '❌ Deploy failed'],
    ['timed-out', '⏱️ Deploy gate timed out'],
    ['cancelled', '🛑 Deploy cancelled'],
  ] as const)('%s: headline with the order id and the duration', (result, headline) => {
    const md = renderSummary(outcome({ result }));
    expect(md).toContain(`## ${headline} — deploy order ${BIG} in 3m12s`);
    expect(md).toContain('[Open the pipeline run in Yunxiao](https://flow.aliyun.com/pipelines/7/builds/8)');
  });

  it('says whether a cancelled run stopped the order or left it running', () => {
    expect(renderSummary(outcome({ result: 'cancelled', stoppedOnCancel: true }))).toContain(
      'was **stopped**',
    );
    expect(renderSummary(outcome({ result: 'cancelled', stoppedOnCancel: false }))).toContain(
      'was **left running**',
    );
  });

  it('escapes table cells and fences logs that contain backticks', () => {
    const ms = [machine('a|b<script>', 'Failed', { ip: '1.2.3.4\nx' })];
    const md = renderSummary(
      outcome({ result: 'failure', machineLogs: { 'a|b<script>': 'line 1\n```\nline 3' } }, ms, [
        act('retry', 'a|b<script>'),
      ]),
    );
    // Outside code spans (where markdown shows text as it is) the name is escaped.
    expect(md.replace(/`[^`\n]*`/g, '')).not.toContain('<script>');
    expect(md).toContain('`a\\|b<script>`');
    expect(md).toContain('Deploy log of a|b&lt;script&gt;');
    expect(md).toContain('````text\nline 1\n```\nline 3\n````');
    expect(md).toContain('retried 1×');
  });

  it('10,000 machines with 300 failed and 200 skipped: under 1 MiB, every failed and skipped machine listed', () => {
    const ms: Machine[] = [];
    for (let i = 0; i < 10_000; i++) {
      const status = i < 300 ? 'Failed' : i < 500 ? 'Skipped' : 'Success';
      ms.push(machine(`host-${String(i).padStart(5, '0')}`, status, { batchNum: 1 + (i % 20) }));
    }
    const md = renderSummary(outcome({ result: 'failure' }, ms));
    expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024);
    for (let i = 0; i < 500; i++) expect(md).toContain(`\`host-${String(i).padStart(5, '0')}\``);
    expect(md).toContain('successes are counted above rather than listed');
  });

  it('stays under the limit even when the machines to list do not fit, and says so', () => {
    const ms = Array.from({ length: 10_000 }, (_, i) =>
      machine(`a-very-long-machine-serial-number-${'x'.repeat(60)}-${i}`, 'Failed'),
    );
    const md = renderSummary(outcome({ result: 'failure' }, ms));
    expect(Buffer.byteLength(md)).toBeLessThan(1_000_000);
    expect(md).toMatch(/\*\*\d+ more machines not shown; see the JSON report/);
  });
});

describe('annotationsOf', () => {
  it('an error per failed machine and a warning per skipped one, capped with a note', () => {
    const ms = [
      ...Array.from({ length: 12 }, (_, i) => machine(`f${i}`, 'Failed')),
      machine('s1', 'Skipped'),
    ];
    const list = annotationsOf(outcome({ result: 'failure' }, ms));
    expect(list.filter((a) => a.level === 'error')).toHaveLength(9);
    expect(list.filter((a) => a.level === 'error').at(-1)?.title).toBe('4 more failed machines');
    expect(list.filter((a) => a.level === 'warning')).toEqual([
      expect.objectContaining({ title: 'Machine s1 (10.0.0.1) skipped' }),
    ]);
  });
});
