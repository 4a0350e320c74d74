// Who may call: exactly one mechanism per request, an IAM token (X-Auth-Token) or an AK/SK
// signature (verify.ts), answered as the API gateway answers (APIG.0301/0303, HTTP 401).
// X-Project-Id / X-Domain-Id are optional and not checked (codearts-api.md 1.3).
import { gatewayError, type Reply } from './replies.js';
import { verifySdkHmac, type AccessKey } from './verify.js';

export interface AuthOptions {
  /** AK/SK pairs by AK; a key with a securityToken is an STS key */
  accessKeys?: Record<string, AccessKey>;
  /** IAM tokens accepted in X-Auth-Token */
  iamTokens?: string[];
}

export interface Incoming {
  method: string;
  target: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

const iam = (why: string): Reply =>
  gatewayError(401, 'APIG.0301', `Incorrect IAM authentication information: ${why}`);

/** undefined when the request may go on; the gateway's answer otherwise. */
export function authenticate(req: Incoming, auth: AuthOptions, now: number): Reply | undefined {
  const token = req.headers['x-auth-token'];
  const signature = req.headers['authorization'];
  // the gateway's choice here is unknown; the simulator refuses the ambiguity (APIG.0301)
  if (token !== undefined && signature !== undefined)
    return iam('send either X-Auth-Token or an SDK-HMAC-SHA256 Authorization, not both');
  if (token !== undefined) {
    const value = Array.isArray(token) ? token.join(',') : token;
    return auth.iamTokens?.includes(value) ? undefined : iam('decrypt token fail');
  }
  if (signature === undefined) return iam('x-auth-token not found');
  const keys = auth.accessKeys ?? {};
  const verdict = verifySdkHmac(req, (ak) => (Object.hasOwn(keys, ak) ? keys[ak] : undefined), { now });
  return verdict.ok ? undefined : gatewayError(401, verdict.code, verdict.message);
}
