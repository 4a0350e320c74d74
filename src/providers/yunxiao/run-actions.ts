// Reading what a pipeline run's job actions carry: the deploy order id and the EMAS coordinates.
import { parseJsonLossless, toIdString } from '../../http/json.js';
import type { PipelineRun, RunAction, RunJob } from './model.js';
import type { EmasInputs } from './inputs.js';

/**
 * Run and job statuses after which no deploy order will appear. Yunxiao documents five statuses
 * (RUNNING, SUCCESS, FAIL, CANCELED, WAITING); real answers carry more:
 * - FAILED and CANCELLED are other spellings of FAIL and CANCELED: ended.
 * - TIMEOUT: the run or the job ran out of its own time: ended.
 * - SKIPPED: a job whose condition was not met (or a run that did not run) will not run now: ended.
 * Not ended, so the gate keeps waiting for the deploy job (within `timeout`):
 * - QUEUED and INIT: waiting for a runner or to start;
 * - WAITING and SWITCH_MANUAL: waiting for a person to start or confirm a stage;
 * - RUNNING, and any word Yunxiao does not document: never taken for an ending.
 */
export const ENDED_STATUSES: ReadonlySet<string> = new Set([
  'SUCCESS',
  'FAIL',
  'FAILED',
  'CANCELED',
  'CANCELLED',
  'TIMEOUT',
  'SKIPPED',
]);

/** The deploy order id of a job: its GetVMDeployOrder action's params, or the JSON string in `data`. */
export function deployOrderIdOf(job: RunJob): string | undefined {
  for (const action of job.actions) {
    if (action.type !== 'GetVMDeployOrder') continue;
    const id = toIdString(action.params['deployOrderId']) ?? toIdString(dataField(action, 'deployOrderId'));
    if (id) return id;
  }
  return undefined;
}

/** EMAS coordinates from the run's GetPipelineEmasArtifactUrl action, when all three are there. */
export function emasParamsOf(run: PipelineRun): EmasInputs | undefined {
  for (const job of run.jobs) {
    for (const action of job.actions) {
      if (action.type !== 'GetPipelineEmasArtifactUrl') continue;
      const pick = (key: string): string | undefined => {
        const v = action.params[key] ?? dataField(action, key);
        return typeof v === 'string' ? v : toIdString(v);
      };
      const emasJobInstanceId = pick('emasJobInstanceId');
      const md5 = pick('md5');
      const serviceConnectionId = pick('serviceConnectionId');
      if (emasJobInstanceId && md5 && serviceConnectionId)
        return { emasJobInstanceId, md5, serviceConnectionId };
    }
  }
  return undefined;
}

function dataField(action: RunAction, key: string): unknown {
  if (!action.data) return undefined;
  try {
    const parsed = parseJsonLossless(action.data);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>)[key] : undefined;
  } catch {
    return undefined; // `data` is free text in some responses; not having the field is not an error
  }
}
