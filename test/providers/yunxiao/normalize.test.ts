// Raw Yunxiao JSON (parsed losslessly) to the core's snapshot and the provider's models: the documented example verbatim, and
// tolerance of missing, extra and unknown fields.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../src/core/snapshot.js';
import { parseJsonLossless } from '../../../src/http/json.js';
import {
  toBoolean,
  toDeployJobs,
  toJobHistory,
  toMachineLog,
  toPipelineRun,
} from '../../../src/providers/yunxiao/normalize.js';
import { readDeployOrder } from '../../../src/providers/yunxiao/openapi.js';

/** A deploy order's answer, read as the clients read it, into the core's snapshot. */
const toDeployOrder = (raw: unknown): Snapshot =>
  readDeployOrder(Buffer.from(raw === undefined ? '' : JSON.stringify(raw))).snapshot;

const FIXTURE = join(import.meta.dirname, '../../fixtures/seed-get-vm-deploy-order.json');

describe('the GetVMDeployOrder example of the API page (seed 001)', () => {
  const text = readFileSync(FIXTURE, 'utf8');

  it("normalizes to the core's snapshot through the mapping table", () => {
    expect(readDeployOrder(Buffer.from(text)).snapshot).toEqual({
      id: '1111',
      status: 'Success',
      phase: 'succeeded',
      known: true,
      progress: { current: 2, total: 3 },
      exception: '500',
      updateTime: 1729178040000,
      offers: { stop: { allowed: false } },
      confirmations: [],
      units: [
        {
          id: 'asssssssxsx',
          label: 'asssssssxsx',
          detail: '127.0.0.1',
          group: 2,
          status: 'Success',
          phase: 'succeeded',
          known: true,
          reachable: true,
          agent: 'ok',
          agentKnown: true,
          updateTime: 1729178040000,
          offers: { retry: { allowed: false } },
        },
      ],
    });
  });
});

describe('toDeployOrder', () => {
  it('defaults what is missing: no arrays -> [], no numbers -> 0', () => {
    const order = toDeployOrder({ deployOrderId: 5, status: 'Running' });
    expect(order).toMatchObject({
      id: '5',
      phase: 'running',
      progress: { current: 0, total: 0 },
      offers: {},
      units: [],
      confirmations: [],
    });
    expect(order.exception).toBeUndefined();
    expect(toDeployOrder({ deployMachineInfo: { deployMachines: [{}] } }).units).toEqual([
      {
        id: '',
        label: '',
        detail: '',
        group: 0,
        status: '',
        phase: 'unknown',
        known: false,
        reachable: true,
        agent: '',
        agentKnown: true,
        offers: {},
      },
    ]);
  });

  it('keeps unknown statuses as unknown phases, and ignores unknown fields', () => {
    const order = toDeployOrder({
      deployOrderId: '9007199254740993',
      status: 'Exploded',
      somethingNew: { deep: [1, 2] },
      deployMachineInfo: {
        hostGroupId: '9007199254740995',
        deployMachines: [
          {
            machineSn: 7,
            status: 'Teleporting',
            clientStatus: 'maybe',
            machineOsArch: 'arm64',
            hostName: 'h',
          },
        ],
      },
    });
    expect(order).toMatchObject({
      id: '9007199254740993',
      status: 'Exploded',
      phase: 'unknown',
      known: false,
    });
    expect(order.units[0]).toMatchObject({
      id: '7',
      status: 'Teleporting',
      phase: 'unknown',
      known: false,
      agent: 'maybe',
      agentKnown: false,
      extra: { hostName: 'h' },
    });
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'a status or agent status of %j is an unknown word, not a property every object has',
    (word) => {
      const order = toDeployOrder({
        deployOrderId: 1,
        status: word,
        deployMachineInfo: { deployMachines: [{ machineSn: 'a', status: word, clientStatus: word }] },
      });
      expect(order).toMatchObject({ status: word, phase: 'unknown', known: false });
      expect(order.units[0]).toMatchObject({
        status: word,
        phase: 'unknown',
        known: false,
        agent: word,
        agentKnown: false,
        reachable: true,
      });
    },
  );

  it('a pause with nothing failed is a point a person confirms; with a failed machine it is not', () => {
    const actions = [
      { type: 'StopVMDeployOrder', disable: false },
      { type: 'ResumeVMDeployOrder', disable: false },
    ];
    const m = (status: string): unknown => ({ machineSn: 'a', status, batchNum: 1 });
    const paused = toDeployOrder({
      deployOrderId: 8,
      status: 'Waiting',
      currentBatch: 1,
      totalBatch: 3,
      actions,
      deployMachineInfo: { deployMachines: [m('Success')] },
    });
    expect(paused.phase).toBe('paused');
    expect(paused.confirmations).toEqual([
      { id: '8', label: 'after batch 1 of 3', offers: { pass: { allowed: true } } },
    ]);
    const failed = toDeployOrder({
      deployOrderId: 8,
      status: 'Waiting',
      actions,
      deployMachineInfo: { deployMachines: [m('Failed')] },
    });
    expect(failed.confirmations).toEqual([]);
    expect(toDeployOrder({ deployOrderId: 8, status: 'Running', actions }).confirmations).toEqual([]);
  });

  it('action lists: equal lists share one frozen offers object; any difference gives its own', () => {
    const list = (skip: unknown, type = 'SkipVMDeployMachine'): unknown[] => [
      { type: 'RetryVMDeployMachine', disable: true },
      { type, disable: skip },
    ];
    const raw = [
      list(false),
      list(false),
      list(true),
      list('true'),
      list(false),
      list(false, 'Other'),
      list(0),
    ];
    const offers = toDeployOrder({
      deployMachineInfo: { deployMachines: raw.map((actions, i) => ({ machineSn: `m${i}`, actions })) },
    }).units.map((u) => u.offers);
    expect(offers.map((o) => `retry ${o.retry?.allowed}, skip ${o.skip?.allowed}`)).toEqual([
      'retry false, skip true',
      'retry false, skip true',
      'retry false, skip false',
      'retry false, skip false',
      'retry false, skip true',
      'retry false, skip undefined',
      'retry false, skip true',
    ]);
    expect(offers[1]).toBe(offers[0]);
    expect(offers[3]).toBe(offers[2]);
    expect(offers[4]).toBe(offers[0]);
    expect(offers[6]).toBe(offers[0]);
    expect(offers[5]).not.toBe(offers[0]);
    expect(Object.isFrozen(offers[0])).toBe(true);
  });

  it('action lists: types holding any characters never share a list by accident; a bad action is refused whatever came before', () => {
    const unit = (actions: unknown[]): unknown => ({ machineSn: 'a', actions });
    const [one, two] = toDeployOrder({
      deployMachineInfo: {
        deployMachines: [
          unit([{ type: 'SkipVMDeployMachine\u00000\u0001RetryVMDeployMachine', disable: true }]),
          unit([
            { type: 'SkipVMDeployMachine', disable: false },
            { type: 'RetryVMDeployMachine', disable: true },
          ]),
        ],
      },
    }).units;
    expect(one?.offers).toEqual({});
    expect(two?.offers).toEqual({ skip: { allowed: true }, retry: { allowed: false } });
    toDeployOrder({ actions: [{}] });
    expect(() => toDeployOrder({ actions: [[]] })).toThrow(
      /expected an action to be a JSON object, got an array/,
    );
  });

  it('reads `disable` as a boolean (true or "true"; anything else is false)', () => {
    const order = (stop: unknown, resume: unknown): ReturnType<typeof toDeployOrder> =>
      toDeployOrder({
        status: 'Waiting',
        actions: [
          { type: 'StopVMDeployOrder', ...(stop === undefined ? {} : { disable: stop }) },
          { type: 'ResumeVMDeployOrder', ...(resume === undefined ? {} : { disable: resume }) },
        ],
      });
    const allowed = (o: ReturnType<typeof toDeployOrder>): [boolean?, boolean?] => [
      o.offers.stop?.allowed,
      o.confirmations[0]?.offers.pass?.allowed,
    ];
    expect(allowed(order(true, 'true'))).toEqual([false, false]);
    expect(allowed(order(0, undefined))).toEqual([true, true]);
    expect(allowed(order('false', 'yes'))).toEqual([true, true]);
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['a string', '<html>'],
    ['a number', 3],
  ])('refuses an order that is %s, saying so', (_what, raw) => {
    expect(() => toDeployOrder(raw)).toThrow(/expected the deploy order to be a JSON object/);
  });

  it('refuses machines that are not a list', () => {
    expect(() => toDeployOrder({ deployMachineInfo: { deployMachines: 'x' } })).toThrow(/JSON array/);
  });
});

describe('toDeployJobs and toJobHistory', () => {
  it('ids as exact strings, lastJobParams kept as its JSON string', () => {
    const raw = parseJsonLossless(
      '[{"identifier":"d1","jobName":"Deploy","lastJobId":9007199254740993,"lastJobParams":"{\\"a\\":1}"},{"identifier":"d2"}]',
    );
    expect(toDeployJobs(raw)).toEqual([
      { identifier: 'd1', jobName: 'Deploy', lastJobId: '9007199254740993', lastJobParams: '{"a":1}' },
      { identifier: 'd2', jobName: '', lastJobId: '' },
    ]);
  });

  it('history rows', () => {
    const raw = parseJsonLossless(
      '[{"executeNumber":3,"identifier":"d1","jobId":12345678901234567,"jobName":"D","operatorAccountId":"u","pipelineId":7,"pipelineRunId":22,"sources":[],"status":"SUCCESS"}]',
    );
    expect(toJobHistory(raw)).toEqual([
      {
        jobId: '12345678901234567',
        pipelineRunId: '22',
        identifier: 'd1',
        jobName: 'D',
        status: 'SUCCESS',
        executeNumber: 3,
      },
    ]);
    expect(toJobHistory(null)).toEqual([]);
    expect(() => toJobHistory({ jobs: [] })).toThrow(/expected the job history to be a JSON array/);
  });
});

describe('toPipelineRun', () => {
  const raw = parseJsonLossless(`{
    "pipelineRunId": 9007199254740997, "pipelineId": 7, "status": "RUNNING", "triggerMode": 1,
    "createTime": 1729178040000,
    "stages": [
      { "index": "0", "name": "Build", "stageInfo": { "name": "Build", "jobs": [
        { "id": 1, "name": "Compile", "status": "SUCCESS", "actions": [] } ] } },
      { "index": "1", "name": "Deploy", "stageInfo": { "name": "Deploy stage", "jobs": [
        { "id": 9007199254740999, "name": "Host deploy", "status": "RUNNING", "actions": [
          { "type": "GetVMDeployOrder", "params": { "deployOrderId": 9007199254741001 },
            "data": "{\\"deployOrderId\\":9007199254741001,\\"status\\":\\"RUNNING\\"}", "disable": false },
          { "type": "Other", "params": "not an object" } ] } ] } },
      { "index": "2", "name": "Empty" }
    ]
  }`);

  it('flattens stages[].stageInfo.jobs[] with their stage name', () => {
    const run = toPipelineRun(raw);
    expect(run).toMatchObject({
      pipelineRunId: '9007199254740997',
      pipelineId: '7',
      status: 'RUNNING',
      createTime: 1729178040000,
    });
    expect(run.jobs.map((j) => [j.id, j.stageName, j.name, j.status])).toEqual([
      ['1', 'Build', 'Compile', 'SUCCESS'],
      ['9007199254740999', 'Deploy stage', 'Host deploy', 'RUNNING'],
    ]);
  });

  it('keeps action params as objects with exact ids, and `data` as its string', () => {
    const action = toPipelineRun(raw).jobs[1]?.actions[0];
    expect(action).toEqual({
      type: 'GetVMDeployOrder',
      params: { deployOrderId: '9007199254741001' },
      data: '{"deployOrderId":9007199254741001,"status":"RUNNING"}',
      disable: false,
    });
    expect(toPipelineRun(raw).jobs[1]?.actions[1]).toEqual({ type: 'Other', params: {} });
  });

  it('a run without stages has no jobs; a run that is not an object is refused', () => {
    expect(toPipelineRun({ pipelineRunId: 1 }).jobs).toEqual([]);
    expect(() => toPipelineRun('oops')).toThrow(/expected the pipeline run to be a JSON object/);
  });
});

describe('toMachineLog and toBoolean', () => {
  it('machine log fields, times as epoch ms (strings of digits in OpenAPI, numbers in classic)', () => {
    expect(
      toMachineLog({
        aliyunRegion: 'cn-hangzhou',
        deployBeginTime: '1590730400000',
        deployEndTime: 1729178040000,
        deployLog: 'line 1\nline 2',
        deployLogPath: '/root/logs/deploy.log',
      }),
    ).toEqual({
      aliyunRegion: 'cn-hangzhou',
      deployBeginTime: 1590730400000,
      deployEndTime: 1729178040000,
      deployLog: 'line 1\nline 2',
      deployLogPath: '/root/logs/deploy.log',
    });
    // a time in another form is unknown, not a crash
    expect(toMachineLog({ deployBeginTime: '2024-10-17 23:14:00', deployEndTime: null })).toEqual({
      deployLog: '',
    });
    expect(toMachineLog({})).toEqual({ deployLog: '' });
    expect(() => toMachineLog([])).toThrow(/expected the machine log to be a JSON object/);
  });

  it.each([
    [true, true],
    ['true', true],
    [false, false],
    [null, false],
    [{}, false],
  ])('boolean answer %j -> %s', (raw, out) => expect(toBoolean(raw)).toBe(out));
});
