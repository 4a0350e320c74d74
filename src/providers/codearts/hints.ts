// What CodeArts' errors mean, for the hint of a failed call (codearts-api.md 2.8): from the API
// gateway's codes (APIG.*), the service's (DEVPIPE.*, DEVCP.*, COCT.*), the HTTP status and the
// operation (the CodeArts permission it needs).
import { badAnswerHint, type HintFor } from '../../http/errors.js';

/**
 * Throttling: the service's COCT.0070003 (HTTP 500, "too frequent") and the gateway's APIG.0308 /
 * APIGW.0308 (HTTP 429, no Retry-After). Refused before any work was done.
 */
export const THROTTLE_CODES: ReadonlySet<string> = new Set(['COCT.0070003', 'APIG.0308', 'APIGW.0308']);
/** "The network is busy, try again later" (HTTP 500): retryable, but a write may have been applied. */
export const BUSY_CODES: ReadonlySet<string> = new Set(['DEVCP.00020500', 'COCT.0070500']);
/** The gateway's: who is calling is wrong (unknown AK, bad signature, bad STS or IAM token). */
const CREDENTIAL_CODES: ReadonlySet<string> = new Set(['APIG.0301', 'APIGW.0301']);
/** The gateway's: the signature's date is too far off, or it does not cover what it must. */
const SIGNATURE_CODES: ReadonlySet<string> = new Set(['APIG.0303', 'APIGW.0303']);
/** The gateway's: no such API at this address (route not published in the region). */
const NO_ROUTE_CODES: ReadonlySet<string> = new Set(['APIG.0101', 'APIGW.0101']);
/** Insufficient permissions (HTTP 200) and "user lacks operation permission" (HTTP 401). */
const PERMISSION_CODES: ReadonlySet<string> = new Set(['DEVCP.00014031', 'DEVCP.00021018']);
/** The project does not exist or the user is no member of it. */
const PROJECT_CODES: ReadonlySet<string> = new Set(['DEVPIPE.00011412', 'DEV_21_100169']);

const READS = /^(ShowPipelineRunDetail|ListPipelineRuns|ShowPipelineLog|ShowPipelineArtifacts)$/;
const REVIEWS = /^(Accept|Reject)ManualReview$/;
const CHECKPOINTS = /^(Accept|Reject)Checkpoint$/;

/**
 * The CodeArts permission an operation needs: the pipeline's View or Execute (its Permissions
 * settings, or the user's project role), or being an approver of the review. Which permission a
 * check point needs is not documented; its approvers and Execute are the likely ones.
 */
export function permissionFor(operation: string): string {
  if (READS.test(operation)) return 'the pipeline permission "View"';
  if (REVIEWS.test(operation)) return "to be one of the manual review's approvers";
  if (CHECKPOINTS.test(operation))
    return 'to be one of the check point\'s approvers, or the pipeline permission "Execute"';
  return 'the pipeline permission "Execute"';
}

export const codeArtsHint: HintFor = (operation, status, code, bad) => {
  if (bad === 'html')
    // badAnswerHint's words for a page are Yunxiao's (organization-id): CodeArts has its own here.
    return 'an HTML page with status 200 is most often a login page: check `endpoint` (or `region`) and the credentials, or a proxy that wants a login';
  if (bad)
    return badAnswerHint(
      bad,
      'the endpoint may not be the CodeArts Pipeline API (check `endpoint` or `region`), or a proxy answered instead',
    );
  const c = code ?? '';
  if (CREDENTIAL_CODES.has(c))
    return 'the API gateway refused the credentials: check the access key and secret key (and the security token of temporary AK/SK), or the IAM token (it is valid for 24 hours)';
  if (SIGNATURE_CODES.has(c))
    return "the API gateway refused the signature: check the runner's clock (X-Sdk-Date must be within 15 minutes of UTC) and the secret key";
  if (THROTTLE_CODES.has(c) || status === 429)
    return 'CodeArts is throttling these credentials; raise `poll-interval`';
  if (c === 'DEVPIPE.00011136')
    return "the project does not own this pipeline: check `project-id`, the CodeArts project id (32 characters, in the project's URL), not the IAM project id of the region";
  if (PROJECT_CODES.has(c))
    return "the CodeArts project was not found or the user is not a member of it: check `project-id` (the CodeArts project id, 32 characters) and the user's project membership";
  if (c === 'DEVPIPE.00011401')
    return "the pipeline was not found: check `pipeline-id` (32 characters, in the pipeline's URL) and `project-id`";
  if (c === 'DEVCP.00012002') return 'the run, job or step was not found: check the ids (and `pipeline-id`)';
  if (NO_ROUTE_CODES.has(c)) return 'this API is not published at this address: check `endpoint` or `region`';
  if (PERMISSION_CODES.has(c) || status === 401 || status === 403)
    return `the user lacks a permission for ${operation}: it needs ${permissionFor(operation)} (and membership of the CodeArts project)`;
  if (status === 404) return 'check `endpoint` or `region`, `project-id`, `pipeline-id` and the run ids';
  if (BUSY_CODES.has(c) || (status !== undefined && status >= 500))
    return 'CodeArts had a server error; it usually passes, run the job again';
  return undefined;
};
