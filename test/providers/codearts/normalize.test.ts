// Raw CodeArts JSON (parsed losslessly) to the model: the constructed examples of codearts-api.md 7
// field for field, tolerance of missing and unknown fields, times in ms or seconds, and the shapes
// that are refused.
import { describe, expect, it } from 'vitest';
import { AnswerError } from '../../../src/http/errors.js';
import { parseJsonLossless, readJson } from '../../../src/http/json.js';
import { ShapeError } from '../../../src/http/shape.js';
import {
  epochMs,
  RUN_DETAIL_FIELDS,
  toActionResult,
  toArtifacts,
  toQueued,
  toRetryResult,
  toRunDetail,
  toRunPage,
  toStartResult,
  toStepLog,
} from '../../../src/providers/codearts/normalize.js';

// codearts-api.md 7.2 (constructed from the SDK models), verbatim but for the elided ids
const DETAIL_72 = `{
  "id": "9e91b1fd7ce743b7a1b7a2458bcf76c7", "pipeline_id": "e2bcbd561fbc4fd89577fb27c80b09a6",
  "manifest_version": "3.0", "name": "demo-pipeline", "description": "gate run", "is_publish": false,
  "executor_id": "3b1f0c2d4e5f6a7b8c9d0e1f2a3b4c5d", "executor_name": "ci-bot", "status": "RUNNING",
  "trigger_type": "Manual", "run_number": 42, "pause_time": 0,
  "start_time": 1767225600000, "end_time": 0,
  "stages": [
    {"id": "a1", "category": null, "name": "Build", "identifier": "stage_build", "run_always": false,
     "parallel": "false", "is_select": true, "sequence": 0, "depends_on": [], "condition": "\${{ default() }}",
     "status": "COMPLETED", "start_time": 1767225600000, "end_time": 1767225720000, "pause_time": 0,
     "pre": [], "post": [],
     "jobs": [{"id": "6ce8600f396c4d5ba5290201ba9fd762", "category": "Build", "sequence": 0, "async": "false",
               "name": "build", "identifier": "job_build", "depends_on": [], "condition": "\${{ default() }}",
               "resource": "{\\"type\\":\\"system\\",\\"arch\\":\\"x86\\"}", "is_select": true, "timeout": "",
               "last_dispatch_id": "d1", "status": "COMPLETED", "message": "", "start_time": 1767225601000,
               "end_time": 1767225719000, "exec_id": "e1",
               "steps": [{"name": "Build", "task": "official_devcloud_cloudBuild", "business_type": "Build",
                          "inputs": [{"key": "jobId", "value": "878b4d13cb284d9e8f33f988a902f57c"}],
                          "sequence": 0, "official_task_version": "0.0.1", "identifier": "step_build",
                          "multi_step_editable": 0, "id": "7a1a7bb1b5e74d1c944d8b8971621033", "endpoint_ids": [],
                          "last_dispatch_id": "d1", "status": "COMPLETED", "message": "",
                          "start_time": 1767225601000, "end_time": 1767225719000}]}]},
    {"id": "a2", "name": "Approve", "identifier": "stage_approve", "sequence": 1, "status": "RUNNING",
     "start_time": 1767225721000, "end_time": 0, "pre": [], "post": [],
     "jobs": [{"id": "d2ce3825a5e147dd98793ef6e76d038e", "name": "review", "identifier": "job_review",
               "status": "RUNNING", "start_time": 1767225721000, "end_time": 0,
               "steps": [{"name": "ManualReview", "task": "official_devcloud_checkpoint", "business_type": "Normal",
                          "inputs": [{"key": "audit_source", "value": "members"}, {"key": "approvers", "value": "u1"}],
                          "official_task_version": "0.0.5", "multi_step_editable": 0,
                          "id": "f2f0441226444c1199ca0cce8d24074f", "status": "RUNNING",
                          "start_time": 1767225721000, "end_time": 0}]}]}
  ],
  "domain_id": "dddd", "project_id": "d80a8a6530324b7bac972cbb8a9f28ec", "region": "cn-north-4",
  "component_id": "", "language": "en-us",
  "sources": [{"type": "code", "params": {"git_type": "codehub", "git_url": "https://example.com/g/r.git",
               "default_branch": "master", "codehub_id": "2111699716",
               "build_params": {"build_type": "branch", "event_type": "Manual", "target_branch": "master",
                                "commit_id": "0123456789abcdef0123456789abcdef01234567"}}}],
  "artifacts": [{"name": "app.jar", "packageType": "jar", "version": "1.0.42", "downloadUrl": "https://a.example.com/app.jar"}],
  "subject_id": "9e91b1fd7ce743b7a1b7a2458bcf76c7", "group_id": "", "group_name": "",
  "detail_url": "https://devcloud.cn-north-4.huaweicloud.com/x", "current_system_time": 1767225800000
}`;

const raw = (text: string): unknown => parseJsonLossless(text);
const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('did not throw');
};

describe('ShowPipelineRunDetail (codearts-api.md 7.2)', () => {
  it('normalizes every field the model holds', () => {
    expect(toRunDetail(raw(DETAIL_72))).toEqual({
      id: '9e91b1fd7ce743b7a1b7a2458bcf76c7',
      pipelineId: 'e2bcbd561fbc4fd89577fb27c80b09a6',
      name: 'demo-pipeline',
      status: 'RUNNING',
      runNumber: 42,
      trigger: 'Manual',
      startTime: 1767225600000,
      executor: { id: '3b1f0c2d4e5f6a7b8c9d0e1f2a3b4c5d', name: 'ci-bot' },
      stages: [
        {
          id: 'a1',
          sequence: 0,
          name: 'Build',
          identifier: 'stage_build',
          status: 'COMPLETED',
          startTime: 1767225600000,
          endTime: 1767225720000,
          pre: [],
          jobs: [
            {
              id: '6ce8600f396c4d5ba5290201ba9fd762',
              name: 'build',
              identifier: 'job_build',
              status: 'COMPLETED',
              message: '',
              startTime: 1767225601000,
              endTime: 1767225719000,
              async: false,
              steps: [
                {
                  id: '7a1a7bb1b5e74d1c944d8b8971621033',
                  name: 'Build',
                  task: 'official_devcloud_cloudBuild',
                  businessType: 'Build',
                  status: 'COMPLETED',
                  message: '',
                  startTime: 1767225601000,
                  endTime: 1767225719000,
                  inputs: [{ key: 'jobId', value: '878b4d13cb284d9e8f33f988a902f57c' }],
                },
              ],
            },
          ],
        },
        {
          id: 'a2',
          sequence: 1,
          name: 'Approve',
          identifier: 'stage_approve',
          status: 'RUNNING',
          startTime: 1767225721000,
          pre: [],
          jobs: [
            {
              id: 'd2ce3825a5e147dd98793ef6e76d038e',
              name: 'review',
              identifier: 'job_review',
              status: 'RUNNING',
              message: '',
              startTime: 1767225721000,
              steps: [
                {
                  id: 'f2f0441226444c1199ca0cce8d24074f',
                  name: 'ManualReview',
                  task: 'official_devcloud_checkpoint',
                  businessType: 'Normal',
                  status: 'RUNNING',
                  message: '',
                  startTime: 1767225721000,
                  inputs: [
                    { key: 'audit_source', value: 'members' },
                    { key: 'approvers', value: 'u1' },
                  ],
                },
              ],
            },
          ],
        },
      ],
      sources: [
        {
          gitUrl: 'https://example.com/g/r.git',
          commitId: '0123456789abcdef0123456789abcdef01234567',
          branch: 'master',
        },
      ],
      artifacts: [{ name: 'app.jar', version: '1.0.42', type: 'jar', url: 'https://a.example.com/app.jar' }],
      detailUrl: 'https://devcloud.cn-north-4.huaweicloud.com/x',
      serverTime: 1767225800000,
    });
  });

  it('reads the same through RUN_DETAIL_FIELDS (only the fields it uses built), and keeps the text whole', () => {
    const read = readJson(Buffer.from(DETAIL_72), RUN_DETAIL_FIELDS);
    expect(toRunDetail(read.value)).toEqual(toRunDetail(raw(DETAIL_72)));
    expect((read.value as Record<string, unknown>)['domain_id']).toBeUndefined();
    expect(JSON.parse(read.text())).toMatchObject({ domain_id: 'dddd', manifest_version: '3.0' });
  });

  it('takes a run with nothing but an id (every optional field missing)', () => {
    expect(toRunDetail({ id: 'r1' })).toEqual({
      id: 'r1',
      pipelineId: '',
      name: '',
      status: '',
      trigger: '',
      executor: { id: '', name: '' },
      stages: [],
      sources: [],
      artifacts: [],
    });
  });

  it('ignores unknown fields and keeps an undocumented status as given', () => {
    const run = toRunDetail({
      id: 'r1',
      status: 'WAITING_FOR_GODOT',
      brand_new: { nested: [1, 2] },
      stages: [{ id: 's', status: 'NEW_WORD', jobs: [{ id: 'j', status: 'ALSO_NEW', novel: true }] }],
    });
    expect(run.status).toBe('WAITING_FOR_GODOT');
    expect(run.stages[0]?.status).toBe('NEW_WORD');
    expect(run.stages[0]?.jobs[0]?.status).toBe('ALSO_NEW');
  });

  it('takes times in seconds (below 1e11), as strings of digits, and 0 or absent as not set', () => {
    const run = toRunDetail({
      id: 'r1',
      start_time: 1767225600,
      end_time: '1767225720000',
      current_system_time: '1767225800',
      stages: [
        {
          id: 's',
          start_time: 0,
          end_time: '',
          jobs: [{ id: 'j', start_time: '1767225601', end_time: null }],
        },
      ],
    });
    expect(run.startTime).toBe(1767225600000);
    expect(run.endTime).toBe(1767225720000);
    expect(run.serverTime).toBe(1767225800000);
    expect(run.stages[0]?.startTime).toBeUndefined();
    expect(run.stages[0]?.endTime).toBeUndefined();
    expect(run.stages[0]?.jobs[0]?.startTime).toBe(1767225601000);
    expect(run.stages[0]?.jobs[0]?.endTime).toBeUndefined();
  });

  it.each([
    ['false', false],
    ['true', true],
    [false, false],
    [true, true],
    ['maybe', undefined],
    [null, undefined],
  ])('reads a job async %j as %j', (value, expected) => {
    const j = toRunDetail({ id: 'r', stages: [{ id: 's', jobs: [{ id: 'j', async: value }] }] }).stages[0]
      ?.jobs[0];
    expect(j?.async).toBe(expected);
  });

  it('a stage without a sequence takes its position; inputs keep any JSON value', () => {
    const run = toRunDetail({
      id: 'r',
      stages: [
        { id: 'a' },
        {
          id: 'b',
          jobs: [
            {
              id: 'j',
              steps: [{ id: 's', inputs: [{ key: 'approvers', value: ['u1', 'u2'] }, { key: 'n' }] }],
            },
          ],
        },
      ],
    });
    expect(run.stages.map((s) => s.sequence)).toEqual([0, 1]);
    expect(run.stages[1]?.jobs[0]?.steps[0]?.inputs).toEqual([
      { key: 'approvers', value: ['u1', 'u2'] },
      { key: 'n', value: null },
    ]);
  });

  it('descriptive fields of another type are empty, not a failure', () => {
    const run = toRunDetail({
      id: 'r',
      name: { zh: 'x' },
      stages: [{ id: 's', jobs: [{ id: 'j', message: [1] }] }],
    });
    expect(run.name).toBe('');
    expect(run.stages[0]?.jobs[0]?.message).toBe('');
  });

  it.each([
    ['an array', [1, 2], 'expected the run detail to be a JSON object, got an array'],
    ['no id', { status: 'RUNNING' }, 'expected the run detail to have an id'],
    ['stages not a list', { id: 'r', stages: { a: 1 } }, 'expected stages to be a JSON array, got object'],
    [
      'a job not an object',
      { id: 'r', stages: [{ id: 's', jobs: [42] }] },
      'expected a job to be a JSON object',
    ],
    [
      'a status not a word',
      { id: 'r', status: { s: 1 } },
      'expected the run status to be a string, got object',
    ],
    [
      'a step id not a word',
      { id: 'r', stages: [{ id: 's', jobs: [{ id: 'j', steps: [{ id: [] }] }] }] },
      'expected a step id to be a string, got an array',
    ],
  ])('%s is a shape error', (_what, value, message) => {
    const err = thrown(() => toRunDetail(value));
    expect(err).toBeInstanceOf(ShapeError);
    expect(err).toBeInstanceOf(AnswerError);
    expect((err as AnswerError).kind).toBe('shape');
    expect((err as Error).message).toContain(message);
  });
});

describe('epochMs', () => {
  it.each([
    [1767225600000, 1767225600000],
    [1767225600, 1767225600000],
    [99_999_999_999, 99_999_999_999_000],
    [100_000_000_000, 100_000_000_000],
    ['1767225600000', 1767225600000],
    [' 1767225600 ', 1767225600000],
    [0, undefined],
    ['0', undefined],
    [-5, undefined],
    ['2020-09-01 17:13:18', undefined],
    ['', undefined],
    [undefined, undefined],
    [{}, undefined],
  ])('%j -> %j', (value, expected) => {
    expect(epochMs(value)).toBe(expected);
  });
});

describe('ListPipelineRuns (codearts-api.md 7.3)', () => {
  it('normalizes a page, stage times given as strings', () => {
    const page = toRunPage(
      raw(`{"offset": 0, "limit": 10, "total": 1,
       "pipeline_runs": [{"pipeline_id": "e2bcbd561fbc4fd89577fb27c80b09a6", "pipeline_run_id": "9e91b1fd7ce743b7a1b7a2458bcf76c7",
         "executor_id": "3b1f", "executor_name": "ci-bot",
         "stage_status_list": [{"name": "Build", "sequence": 0, "status": "COMPLETED", "start_time": "1767225600000", "end_time": "1767225720000", "id": "a1"},
                               {"name": "Approve", "sequence": 1, "status": "RUNNING", "start_time": "1767225721000", "end_time": "", "id": "a2"}],
         "status": "RUNNING", "run_number": 42, "trigger_type": "Manual",
         "build_params": {"build_type": "branch", "event_type": "Manual", "target_branch": "master", "commit_id": "0123", "tag": ""},
         "artifact_params": {"version": null, "branch_filter": null, "package_name": null, "organization": null},
         "start_time": 1767225600000, "end_time": 0, "detail_url": "https://d", "modify_url": "https://m"}]}`),
    );
    expect(page).toEqual({
      offset: 0,
      limit: 10,
      total: 1,
      runs: [
        {
          id: '9e91b1fd7ce743b7a1b7a2458bcf76c7',
          pipelineId: 'e2bcbd561fbc4fd89577fb27c80b09a6',
          status: 'RUNNING',
          runNumber: 42,
          trigger: 'Manual',
          startTime: 1767225600000,
          executor: { id: '3b1f', name: 'ci-bot' },
          source: { commitId: '0123', branch: 'master' },
          stages: [
            {
              id: 'a1',
              name: 'Build',
              sequence: 0,
              status: 'COMPLETED',
              startTime: 1767225600000,
              endTime: 1767225720000,
            },
            { id: 'a2', name: 'Approve', sequence: 1, status: 'RUNNING', startTime: 1767225721000 },
          ],
          detailUrl: 'https://d',
        },
      ],
    });
  });

  it('an empty answer is an empty page; pipeline_runs not a list is a shape error', () => {
    expect(toRunPage({})).toEqual({ offset: 0, limit: 0, total: 0, runs: [] });
    expect(thrown(() => toRunPage({ pipeline_runs: 'none' }))).toBeInstanceOf(ShapeError);
  });
});

describe('ShowPipelineLog', () => {
  it('offsets come as strings and go out as numbers', () => {
    expect(
      toStepLog({
        has_more: true,
        start_offset: '500',
        end_offset: '1200',
        log: 'a\nb',
        step_run_id: 's1',
        location: '',
      }),
    ).toEqual({ stepRunId: 's1', log: 'a\nb', hasMore: true, startOffset: 500, endOffset: 1200 });
  });

  it('missing fields: no more, no offsets', () => {
    expect(toStepLog({ log: '' })).toEqual({ stepRunId: '', log: '', hasMore: false });
    expect(thrown(() => toStepLog('text'))).toBeInstanceOf(ShapeError);
  });
});

describe('ShowPipelineArtifacts', () => {
  it('normalizes an artifact (codearts-api.md 2.7)', () => {
    expect(
      toArtifacts({
        artifacts: [
          {
            project_id: 'p',
            name: 'app.jar',
            artifact_version: '1.0.3',
            upload_target: 'CodeArtsArtifact',
            artifact_package_type: 'jar',
            artifact_uri: '/x/3/app.jar',
            artifact_download_url_with_id: 'https://dl.example.com/app.jar',
            artifact_type: 'build',
            hash_code: [{ hash_type: 'sha256', hash_value: 'ab' }],
            job_id: 'j1',
            build_no: '3',
            daily_build_number: '3',
            file_size: '24576',
          },
          { name: 'bare' },
        ],
      }),
    ).toEqual([
      {
        name: 'app.jar',
        version: '1.0.3',
        type: 'jar',
        url: 'https://dl.example.com/app.jar',
        jobId: 'j1',
        size: 24576,
        hashes: [{ type: 'sha256', value: 'ab' }],
      },
      { name: 'bare', version: '', type: '', url: '', hashes: [] },
    ]);
  });
});

describe('starts, retries and actions', () => {
  const QUEUED = {
    error_code: 'DEVPIPE.00011169',
    error_msg: 'queued',
    error: { pipeline_run_id: '9e91b1fd7ce743b7a1b7a2458bcf76c7', queue_id: 123 },
  };

  it('a start answers the run id', () => {
    expect(toStartResult({ pipeline_run_id: 'r1' })).toEqual({ pipelineRunId: 'r1' });
    expect(thrown(() => toStartResult({}))).toBeInstanceOf(ShapeError);
  });

  it('a queued start (codearts-api.md 7.4) is the run and its queue', () => {
    const expected = {
      pipelineRunId: '9e91b1fd7ce743b7a1b7a2458bcf76c7',
      queueId: '123',
      queueCode: 'DEVPIPE.00011169',
      queueMessage: 'queued',
    };
    expect(toStartResult(QUEUED)).toEqual(expected);
    expect(toQueued({ ...QUEUED, error_code: 'DEVPIPE.00011170' })?.queueCode).toBe('DEVPIPE.00011170');
    // another code, or no run id: not a queued start
    expect(toQueued({ ...QUEUED, error_code: 'DEVPIPE.00011401' })).toBeUndefined();
    expect(toQueued({ ...QUEUED, error: { queue_id: '1' } })).toBeUndefined();
  });

  const bytes = (text: string): Uint8Array => Buffer.from(text);
  const parse = (b: Uint8Array): unknown => readJson(b).value;

  it.each([
    ['{"success": true}', true],
    ['{"success": "true"}', true],
    ['{"success": false}', false],
    ['{}', false],
    ['', false],
    ['  \n', false],
  ])('the action answer %j is %j', (text, expected) => {
    expect(toActionResult(bytes(text), parse)).toBe(expected);
  });

  it('an action answer that is not an object is a bad answer', () => {
    expect(thrown(() => toActionResult(bytes('true'), parse))).toBeInstanceOf(ShapeError);
    expect(thrown(() => toActionResult(bytes('<html>'), parse))).toBeInstanceOf(SyntaxError);
  });

  it('a retry is the run, its queue, or nothing done', () => {
    expect(toRetryResult(bytes('{"success":true}'), parse, 'r1')).toEqual({ pipelineRunId: 'r1' });
    expect(toRetryResult(bytes('{"success":false}'), parse, 'r1')).toBeUndefined();
    expect(toRetryResult(bytes(''), parse, 'r1')).toBeUndefined();
    expect(toRetryResult(bytes(JSON.stringify(QUEUED)), parse, 'r1')).toMatchObject({
      pipelineRunId: '9e91b1fd7ce743b7a1b7a2458bcf76c7',
      queueId: '123',
    });
  });
});
