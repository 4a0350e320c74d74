// What CreatePipelineRun / StartPipelineRun accept as `params` (yunxiao-api.md section 7, the API
// page's example, the official MCP server): a JSON *string*; inside it runningBranchs / runningTags
// keyed by the pipeline's repository URLs, envs, comment, and the keys the gate never sends. Checked
// strictly, so that a client that sends another shape hears about it.
import { DEFAULT_REPOSITORIES } from './runs.js';
import type { Scenario } from './scenario.js';

const KNOWN_KEYS = new Set([
  'branchModeBranchs',
  'envs',
  'runningBranchs',
  'runningTags',
  'runningPipelineArtifacts',
  'runningAcrArtifacts',
  'runningPackagesArtifacts',
  'comment',
  'needCreateBranch',
  'releaseBranch',
]);

export type CheckedParams = { ok: true; params?: Record<string, unknown> } | { ok: false; message: string };

const isTextMap = (v: unknown): v is Record<string, string> =>
  !!v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');

export function checkRunParams(s: Scenario, value: unknown): CheckedParams {
  if (value === undefined) return { ok: true };
  if (typeof value !== 'string')
    return { ok: false, message: 'params must be a JSON string (an object here is not read as params)' };
  let params: unknown;
  try {
    params = JSON.parse(value);
  } catch {
    return { ok: false, message: 'params is not JSON text' };
  }
  if (!params || typeof params !== 'object' || Array.isArray(params))
    return { ok: false, message: 'params must hold a JSON object' };
  const p = params as Record<string, unknown>;
  const unknown = Object.keys(p).filter((k) => !KNOWN_KEYS.has(k));
  if (unknown.length) return { ok: false, message: `params has unknown keys: ${unknown.join(', ')}` };
  const repos = s.repositories ?? DEFAULT_REPOSITORIES;
  for (const key of ['runningBranchs', 'runningTags', 'envs'] as const) {
    if (p[key] !== undefined && !isTextMap(p[key]))
      return { ok: false, message: `params.${key} must be an object of strings` };
  }
  for (const key of ['runningBranchs', 'runningTags'] as const) {
    for (const repo of Object.keys((p[key] as Record<string, string> | undefined) ?? {}))
      if (!repos.includes(repo))
        return { ok: false, message: `params.${key}: ${repo} is not a code source of the pipeline` };
  }
  const both = Object.keys((p['runningBranchs'] as object | undefined) ?? {}).filter(
    (r) => r in ((p['runningTags'] as object | undefined) ?? {}),
  );
  if (both.length) return { ok: false, message: `params: ${both[0]} has both a branch and a tag` };
  if (p['envs'] && 'version' in (p['envs'] as object))
    return { ok: false, message: 'params.envs: version is a reserved word' };
  if (p['comment'] !== undefined && typeof p['comment'] !== 'string')
    return { ok: false, message: 'params.comment must be a string' };
  return { ok: true, params: p };
}
