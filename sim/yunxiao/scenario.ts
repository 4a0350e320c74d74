// A scripted Yunxiao pipeline: its DEPLOY jobs, their history, the run, and a deploy order whose
// machines go Queued -> Running -> Success/Failed one tick at a time.
//
// Ids are decimal strings (any size: '9007199254740993' works); every answer writes them as raw
// JSON numbers, digit for digit, as Yunxiao does.
//
// Ticks: in 'poll' mode every GetVMDeployOrder advances the deploy one tick BEFORE answering (tests
// are exact and fast); in 'time' mode a timer does (the demo and the benchmark).
//
// Per tick, scheduled events of that tick first (`events`), then in the current batch:
//   Queued -> Running (an unreachable machine, clientStatus 'error': Queued -> Failed);
//   Running -> Success, or Failed while it has failures left (failTimes), or stays Running while it
//   has runTicks left (runTicks: Infinity never finishes: for timeout tests).
// Machines of the first batch start Queued; machines of later batches are Pending until their batch
// starts (then Queued).
// A Failed machine in the current batch pauses the order: Waiting, ResumeVMDeployOrder disabled,
// exceptionCode set; the other machines of that batch keep deploying, but no next batch starts.
// A skip or a retry of the failed machine(s) makes it Running again.
// When every machine of the batch is Success or Skipped the next batch starts, or with
// pauseBetweenBatches the order is Waiting (ResumeVMDeployOrder enabled) until resumed.
// After the last batch the order is Success. Stop (or a 'cancel' event): Cancelled, and every
// unfinished machine (Pending, Queued, Running, Failed) Cancelled.
//
// Actions: SkipVMDeployMachine is enabled for Pending/Queued/Running/Failed (unless skipDisabled),
// RetryVMDeployMachine only for Failed (unless retryDisabled), LogVMDeployMachine always; all are
// disabled once the order is final. A disabled action called anyway answers 400 BadRequest.
// StopVMDeployOrder is enabled while Running/Waiting.

export interface MachineSpec {
  sn: string;
  ip: string;
  hostName?: string;
  /** agent unreachable: clientStatus error; the machine fails when its batch runs */
  unreachable?: boolean;
  /** fails this many times before succeeding (Infinity: always) */
  failTimes?: number;
  /** extra ticks spent Running (Infinity: never finishes) */
  runTicks?: number;
  skipDisabled?: boolean;
  retryDisabled?: boolean;
}

export type ScenarioEvent =
  /** someone skips the machine in Yunxiao's UI */
  | { atTick: number; kind: 'skip-by-other'; sn: string }
  /** someone cancels the deploy order in Yunxiao's UI */
  | { atTick: number; kind: 'cancel' }
  /** the machine's agent stops answering (clientStatus error; a running machine then fails) */
  | { atTick: number; kind: 'agent-lost'; sn: string };

export interface DeployJobSpec {
  identifier: string;
  jobName: string;
  /** the job's last run (a job instance id) */
  jobId: string;
}

export interface Scenario {
  pipelineId: string;
  pipelineRunId: string;
  deployOrderId: string;
  /** DEPLOY jobs of the pipeline; the first one is the job that runs the deploy order */
  jobs: DeployJobSpec[];
  /** machines by batch: batches[0] is batch 1 */
  batches: MachineSpec[][];
  hostGroupId?: string;
  pauseBetweenBatches?: boolean;
  /** the GetVMDeployOrder action carries the id only in `data` (a JSON string), params empty */
  orderIdOnlyInData?: boolean;
  /** the run is still in its build stage (deploy job WAITING, no deploy order) for this many reads */
  deployJobAppearsAfterReads?: number;
  /** the statuses of the run and its deploy job meanwhile (default RUNNING, WAITING) */
  runBeforeDeploy?: { run: string; deploy: string };
  /** the run ends before its deploy job creates a deploy order: FAIL, FAIL, or the statuses given */
  runEndsWithoutOrder?: boolean | { run: string; deploy: string };
  /** the order of the job history's rows, which Yunxiao does not document (default oldest first) */
  historyOrder?: 'oldest-first' | 'newest-first';
  /** the order actions offered: all (default), none (`actions: []`), or none to resume */
  orderActions?: 'all' | 'none' | 'no-resume';
  /** older rows before the last run's row in the job history (to need several pages) */
  olderHistoryRows?: number;
  /** the build job carries a GetPipelineEmasArtifactUrl action; the EMAS endpoint answers `url` */
  emas?: { serviceConnectionId: string; emasJobInstanceId: string; md5: string; url: string };
  events?: ScenarioEvent[];
  /** only the documented fields (no hostName/machineOsArch, actions without data/name/title/...) */
  minimalFields?: boolean;

  // ---- runs that do not exist yet (start: true, new-run-only): see runs.ts ----
  /**
   * The run that deploys (pipelineRunId) does not exist when the simulator starts: CreatePipelineRun /
   * StartPipelineRun creates it ('start'), or Yunxiao starts it on a push once the run list has been
   * read `afterListReads` times ('push'; Infinity: never). Until then run previousRunId is the newest:
   * finished, its deploy job done, its deploy order one the simulator does not serve.
   */
  newRun?: { by: 'start' } | { by: 'push'; afterListReads: number };
  /** the run before (default: pipelineRunId - 1) */
  previousRunId?: string;
  /** finished runs older than the previous one, in the run list (to need several pages) */
  olderRuns?: number;
  /** the order of ListPipelineRuns, which Yunxiao does not document (default newest first) */
  runListOrder?: 'newest-first' | 'oldest-first';
  /**
   * Who a run started through the API names as its creator, which is not documented: the token's
   * user (default, GetUserByToken's id), nobody ('' or null, as a public client saw), or an Alibaba
   * Cloud account id that is not the user's id.
   */
  startedRunCreator?: 'user' | 'empty' | 'null' | 'account';
  /** CreatePipelineRun's answer: a bare number (default, as the MCP server reads it), quoted, or {pipelineRunId} */
  createAnswer?: 'number' | 'string' | 'object';
  /**
   * Where GetPipeline names the code sources: pipelineConfig.sources (default), only the YAML text
   * of a YAML pipeline (pipelineConfig.flow), or nowhere (a pipeline without a code source)
   */
  sourcesIn?: 'config' | 'yaml' | 'none';
  /** the repositories of the code sources (default one Codeup repository) */
  repositories?: string[];
  /** someone else's run is created right after the gate's own (a push during the start) */
  otherRunAfterStart?: boolean;
}

/** A small healthy deploy (two batches of two machines); every field can be overridden. */
export function scenario(overrides: Partial<Scenario> = {}): Scenario {
  return {
    pipelineId: '1234567',
    pipelineRunId: '88',
    deployOrderId: '44178813',
    jobs: [{ identifier: 'deploy_prod', jobName: 'Deploy to production', jobId: '5550002' }],
    batches: [machines(2, 1), machines(2, 2)],
    ...overrides,
  };
}

/** `count` healthy machines for batch `batch` (SNs like m2-01, IPs in 10.0.batch.x). */
export function machines(count: number, batch: number, extra: Partial<MachineSpec> = {}): MachineSpec[] {
  return Array.from({ length: count }, (_, i) => ({
    sn: `m${batch}-${String(i + 1).padStart(2, '0')}`,
    ip: `10.0.${batch % 256}.${(i % 250) + 1}`,
    hostName: `web-${batch}-${i + 1}`,
    ...extra,
  }));
}

/** `total` machines split into `batchCount` batches of (nearly) equal size: big orders. */
export function bigOrder(total: number, batchCount: number): MachineSpec[][] {
  const size = Math.ceil(total / batchCount);
  return Array.from({ length: batchCount }, (_, b) =>
    machines(Math.max(0, Math.min(size, total - b * size)), b + 1),
  );
}

/** The demo: a dozen machines in three batches, one host unreachable in the second batch. */
export function demoScenario(): Scenario {
  const b2 = machines(4, 2);
  b2[2] = { ...b2[2]!, unreachable: true };
  return scenario({
    pipelineId: '3089123',
    pipelineRunId: '157',
    deployOrderId: '9007199254740993',
    jobs: [
      { identifier: 'deploy_prod', jobName: 'Deploy to production', jobId: '72110045' },
      { identifier: 'deploy_staging', jobName: 'Deploy to staging', jobId: '72110031' },
    ],
    batches: [machines(4, 1), b2, machines(4, 3)],
    olderHistoryRows: 3,
    emas: {
      serviceConnectionId: '3011',
      emasJobInstanceId: '90817',
      md5: 'e2fc714c4727ee9395f324cd2e7f331f',
      url: 'https://emas-artifacts.example.com/app-release.apk?Expires=3600',
    },
  });
}
