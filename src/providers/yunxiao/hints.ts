// What Yunxiao's errors mean, for the hint of a failed call: per API generation, from the HTTP
// status, Yunxiao's error code, and the operation (the token permission it needs).
import { badAnswerHint, type HintFor } from '../../http/errors.js';

/** Token permission each OpenAPI operation needs (yunxiao-api.md section 1). */
export function permissionFor(operation: string): string {
  if (/^(Stop|Resume)VMDeployOrder$|^(Skip|Retry)VMDeployMachine$/.test(operation))
    return 'Flow > host deployment (read-write)';
  if (/VMDeploy/.test(operation)) return 'Flow > host deployment (read-only)';
  if (/^(Create|Start)PipelineRun$/.test(operation)) return 'Flow > pipeline run (read-write)';
  if (operation === 'GetUserByToken') return 'Organization management > user (read-only)';
  if (/PipelineRun/.test(operation)) return 'Flow > pipeline run (read-only)';
  return 'Flow > pipeline (read-only)';
}

export const openApiHint: HintFor = (operation, status, code, bad) => {
  if (bad)
    return badAnswerHint(
      bad,
      'the endpoint may not be a Yunxiao API (check `endpoint`), or a proxy answered instead',
    );
  if (code === 'UnsupportedInCurrentEnv')
    return 'this operation is not available in this edition; set `edition` to `central` (openapi-rdc.aliyuncs.com) or `region` (your instance domain)';
  if (status === 401 || code === 'ExpiredTokenError' || code === 'InvalidTokenError')
    return 'the personal access token is invalid or expired; create a new one in Yunxiao and update the `token` secret';
  if (status === 403) {
    if (code?.startsWith('Forbidden.InvalidUser') || code === 'Forbidden.InvalidOrganizationMember')
      return "the token's user is not a member of this organisation; check `organization-id`";
    return `the token lacks the permission ${permissionFor(operation)}; add it to the token in Yunxiao`;
  }
  if (status === 404)
    return 'check the pipeline, run and deploy order ids, `organization-id`, and `edition` (central paths carry /organizations/{id}, region paths do not)';
  if (status === 429 || code === 'TooManyRequests')
    return 'Yunxiao is rate-limiting this token; raise `poll-interval`';
  if (status !== undefined && status >= 500)
    return 'Yunxiao had a server error; it usually passes, run the job again';
  return undefined;
};

export const classicHint: HintFor = (operation, status, code, bad) => {
  if (bad)
    return badAnswerHint(
      bad,
      'check `endpoint` (the classic API is https://devops.cn-hangzhou.aliyuncs.com), or a proxy answered instead',
    );
  const c = code ?? '';
  if (c.startsWith('InvalidAccessKeyId'))
    return 'the AccessKey ID is unknown or disabled; check `access-key-id`';
  if (c === 'SignatureDoesNotMatch' || c === 'IncompleteSignature' || c === 'InvalidAuthorization')
    return 'the signature does not match: check `access-key-secret` (and `security-token` for STS credentials)';
  if (c.startsWith('InvalidTimeStamp') || c === 'SignatureNonceUsed')
    return "the request time was refused: check the runner's clock (it must be within 15 minutes of UTC)";
  if (c.startsWith('InvalidSecurityToken'))
    return 'the STS token is invalid or expired; request new STS credentials';
  if (c.includes('Throttling')) return 'Alibaba Cloud is throttling these credentials; raise `poll-interval`';
  if (c.includes('UserNotInCurrentOrganization') || c === 'InvalidUser.NotFound')
    return "the AccessKey's RAM user is not a member of this Yunxiao organisation; check `organization-id`";
  if (status === 403 || c.startsWith('Forbidden'))
    return `the RAM user lacks the permission for ${operation} (grant AliyunRDCFullAccess, or a policy allowing devops:${operation}), and Yunxiao ${permissionFor(operation)}`;
  if (status === 404 || c.endsWith('.NotFound'))
    return 'check `organization-id` and the pipeline, run and deploy order ids';
  if (status !== undefined && status >= 500)
    return 'Alibaba Cloud had a server error; it usually passes, run the job again';
  return undefined;
};
