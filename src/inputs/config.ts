// The validated inputs of one run. Produced only by parseInputs (./parse.ts); everything
// downstream trusts these types and never reads an INPUT_* variable again.

export type Edition = 'central' | 'region';

export type Credentials =
  | { kind: 'token'; token: string }
  | { kind: 'access-key'; accessKeyId: string; accessKeySecret: string; securityToken?: string };

/** A skip budget: an absolute count, or a share of all machines in the order (rounded down). */
export type Budget = { kind: 'count'; count: number } | { kind: 'share'; percent: number };

export interface EmasInputs {
  emasJobInstanceId: string;
  md5: string;
  serviceConnectionId: string;
}

export interface Policy {
  skipUnreachable: boolean;
  maxSkipped: Budget;
  retryFailed: number;
  resume: 'never' | 'auto';
  onFailure: 'leave' | 'stop';
}

export interface Config {
  credentials: Credentials;
  /** base URL without trailing slash, e.g. https://openapi-rdc.aliyuncs.com */
  endpoint: string;
  /** resolved edition (auto already decided); ignored by the classic API */
  edition: Edition;
  organizationId?: string;
  pipelineId: string;
  deployOrderId?: string;
  pipelineRunId?: string;
  job?: string;
  wait: boolean;
  timeoutMs: number;
  pollIntervalMs: number;
  policy: Policy;
  stopOnCancel: boolean;
  machineLogs: boolean;
  summary: boolean;
  /** all three explicit EMAS inputs, or undefined */
  emas?: EmasInputs;
  githubToken?: string;
  environment?: string;
}
