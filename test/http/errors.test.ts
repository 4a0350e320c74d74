// The error type and the OpenAPI hints, without HTTP: message layout, permissions per operation,
// and a second API generation plugging in its own hints.
import { describe, expect, it } from 'vitest';
import { ApiError, networkError, type HintFor } from '../../src/http/errors.js';
import { openApiHint, permissionFor } from '../../src/providers/yunxiao/hints.js';
import { redact } from '../../src/common/redact.js';

describe('ApiError', () => {
  it('one line: operation, status, code, message, request id, then the hint', () => {
    const err = new ApiError({
      operation: 'GetVMDeployOrder',
      status: 403,
      errorCode: 'Forbidden',
      errorMessage: 'no\n  access',
      requestId: 'req-1',
      hint: 'add the permission',
      retryable: false,
    });
    expect(err.message).toBe(
      'GetVMDeployOrder failed: HTTP 403 Forbidden: no access (request id req-1). Hint: add the permission',
    );
    expect(err).toBeInstanceOf(Error);
    expect(err).toMatchObject({ name: 'ApiError', operation: 'GetVMDeployOrder', status: 403 });
  });

  it('leaves out what it does not know', () => {
    expect(new ApiError({ operation: 'StopVMDeployOrder', retryable: true }).message).toBe(
      'StopVMDeployOrder failed',
    );
  });

  it('networkError: no status, retryable, the host and the cause', () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    const err = networkError('GetVMDeployOrder', cause, 'https://openapi-rdc.aliyuncs.com/oapi/v1/flow/x');
    expect(err.status).toBeUndefined();
    expect(err.retryable).toBe(true);
    expect(err.errorCode).toBe('ECONNREFUSED');
    expect(err.message).toContain('openapi-rdc.aliyuncs.com');
    expect(err.message).toContain('Hint: check the endpoint and the network');
  });
});

describe('openApiHint', () => {
  it.each([
    ['SkipVMDeployMachine', 'Flow > host deployment (read-write)'],
    ['RetryVMDeployMachine', 'Flow > host deployment (read-write)'],
    ['ResumeVMDeployOrder', 'Flow > host deployment (read-write)'],
    ['StopVMDeployOrder', 'Flow > host deployment (read-write)'],
    ['GetVMDeployOrder', 'Flow > host deployment (read-only)'],
    ['GetVMDeployMachineLog', 'Flow > host deployment (read-only)'],
    ['ListPipelineJobs', 'Flow > pipeline (read-only)'],
    ['ListPipelineJobHistorys', 'Flow > pipeline (read-only)'],
    ['GetPipelineEmasArtifactUrl', 'Flow > pipeline (read-only)'],
    ['GetPipelineRun', 'Flow > pipeline run (read-only)'],
    ['GetLatestPipelineRun', 'Flow > pipeline run (read-only)'],
  ])('403 on %s names %s', (operation, permission) => {
    expect(permissionFor(operation)).toBe(permission);
    expect(openApiHint(operation, 403, 'Forbidden')).toContain(permission);
  });

  it.each([
    [401, 'Unauthorized', /invalid or expired; create a new one/],
    [401, 'ExpiredTokenError', /invalid or expired/],
    [403, 'Forbidden.InvalidUser.UserNotInCurrentOrganization', /not a member of this organisation/],
    [403, 'Forbidden.InvalidOrganizationMember', /not a member of this organisation/],
    [404, undefined, /pipeline, run and deploy order ids.*`organization-id`.*`edition`/],
    [400, 'UnsupportedInCurrentEnv', /set `edition` to `central`.*or `region`/],
    [429, 'TooManyRequests', /rate-limiting/],
    [500, 'InternalServerError', /server error/],
  ])('HTTP %i %s', (status, code, hint) => {
    expect(openApiHint('GetVMDeployOrder', status, code)).toMatch(hint);
  });

  it('no hint for a plain bad request', () => {
    expect(openApiHint('GetVMDeployOrder', 400, 'BadRequest')).toBeUndefined();
  });

  it('another API generation brings its own hints through the same type', () => {
    const hintFor: HintFor = (op, status, code) =>
      code?.includes('Throttling') ? `${op} throttled (${status})` : undefined;
    const err = new ApiError({
      operation: 'GetVMDeployOrder',
      status: 400,
      errorCode: 'Throttling.User',
      hint: hintFor('GetVMDeployOrder', 400, 'Throttling.User'),
      retryable: true,
    });
    expect(err.message).toContain('Hint: GetVMDeployOrder throttled (400)');
  });
});

describe('redact', () => {
  it('replaces every occurrence of every non-empty secret', () => {
    expect(redact('a pt-abc b pt-abc c xyz', ['pt-abc', '', 'xyz'])).toBe('a *** b *** c ***');
  });

  it('a secret containing another is replaced whole', () => {
    expect(redact('key=secret-long', ['secret', 'secret-long'])).toBe('key=***');
  });
});
