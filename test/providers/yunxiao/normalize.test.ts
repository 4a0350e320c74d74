// Raw Yunxiao JSON (parsed losslessly) to the domain model: the documented example verbatim, and
// tolerance of missing, extra and unknown fields.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonLossless } from '../../../src/http/json.js';
import {
  toBoolean,
  toDeployJobs,
  toDeployOrder,
  toJobHistory,
  toMachineLog,
  toPipelineRun,
} from '../../../src/providers/yunxiao/normalize.js';

const FIXTURE = join(import.meta.dirname, '../../fixtures/seed-get-vm-deploy-order.json');

describe('the GetVMDeployOrder example of the API page (seed 001)', () => {
  const text = readFileSync(FIXTURE, 'utf8');

  it('normalizes to the domain model', () => {
    expect(toDeployOrder(parseJsonLossless(text))).toEqual({
      deployOrderId: '1111',
      status: 'Success',
      currentBatch: 2,
      totalBatch: 3,
      hostGroupId: '123',
      creator: 'ssaassa',
      exceptionCode: '500',
      createTime: 1729178040000,
      updateTime: 1729178040000,
      actions: [{ type: 'StopVMDeployOrder', disable: true }],
      machines: [
        {
          machineSn: 'asssssssxsx',
          ip: '127.0.0.1',
          status: 'Success',
          clientStatus: 'ok',
          batchNum: 2,
          updateTime: 1729178040000,
          actions: [{ type: 'RetryVMDeployMachine', disable: true }],
        },
      ],
    });
  });
});

describe('toDeployOrder', () => {
  it('defaults what is missing: no arrays -> [], no numbers -> 0', () => {
    const order = toDeployOrder({ deployOrderId: 5, status: 'Running' });
    expect(order).toMatchObject({
      deployOrderId: '5',
      currentBatch: 0,
      totalBatch: 0,
      actions: [],
      machines: [],
    });
    expect(order.hostGroupId).toBeUndefined();
    expect(toDeployOrder({ deployMachineInfo: { deployMachines: [{}] } }).machines).toEqual([
      { machineSn: '', ip: '', status: '', clientStatus: '', batchNum: 0, actions: [] },
    ]);
  });

  it('keeps unknown statuses and ignores unknown fields', () => {
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
    expect(order.status).toBe('Exploded');
    expect(order.deployOrderId).toBe('9007199254740993');
    expect(order.hostGroupId).toBe('9007199254740995');
    expect(order.machines[0]).toMatchObject({
      machineSn: '7',
      status: 'Teleporting',
      clientStatus: 'maybe',
      hostName: 'h',
    });
  });

  it('action lists: equal lists are one shared, frozen list; any difference gives its own', () => {
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
    const machines = toDeployOrder({
      deployMachineInfo: { deployMachines: raw.map((actions, i) => ({ machineSn: `m${i}`, actions })) },
    }).machines.map((m) => m.actions);
    expect(machines.map((a) => a.map((x) => `${x.type}:${x.disable}`).join(','))).toEqual([
      'RetryVMDeployMachine:true,SkipVMDeployMachine:false',
      'RetryVMDeployMachine:true,SkipVMDeployMachine:false',
      'RetryVMDeployMachine:true,SkipVMDeployMachine:true',
      'RetryVMDeployMachine:true,SkipVMDeployMachine:true',
      'RetryVMDeployMachine:true,SkipVMDeployMachine:false',
      'RetryVMDeployMachine:true,Other:false',
      'RetryVMDeployMachine:true,SkipVMDeployMachine:false',
    ]);
    expect(machines[1]).toBe(machines[0]);
    expect(machines[3]).toBe(machines[2]);
    expect(machines[4]).toBe(machines[0]);
    expect(machines[6]).toBe(machines[0]);
    expect(machines[5]).not.toBe(machines[0]);
    expect(Object.isFrozen(machines[0])).toBe(true);
  });

  it('action lists: types holding any characters never share a list by accident; a bad action is refused whatever came before', () => {
    const one = toDeployOrder({ actions: [{ type: 'x\u00000\u0001y', disable: true }] }).actions;
    const two = toDeployOrder({
      actions: [
        { type: 'x', disable: false },
        { type: 'y', disable: true },
      ],
    }).actions;
    expect(one).toHaveLength(1);
    expect(two).toHaveLength(2);
    toDeployOrder({ actions: [{}] });
    expect(() => toDeployOrder({ actions: [[]] })).toThrow(
      /expected an action to be a JSON object, got an array/,
    );
  });

  it('reads `disable` as a boolean (true or "true"; anything else is false)', () => {
    const order = toDeployOrder({
      actions: [
        { type: 'StopVMDeployOrder', disable: true },
        { type: 'ResumeVMDeployOrder', disable: 'true' },
        { type: 'X', disable: 0 },
        { type: 'Y' },
      ],
    });
    expect(order.actions.map((a) => a.disable)).toEqual([true, true, false, false]);
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
