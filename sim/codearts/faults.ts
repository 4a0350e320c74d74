// What an unreliable gateway and service do to a request (codearts-api.md 2.8, 5): throttling as
// the gateway (APIG.0308, HTTP 429, no Retry-After) and as the service (COCT.0070003, HTTP 500), an
// error inside HTTP 200, a busy service, a login page, a body that is not JSON, a dropped
// connection, a slow answer and none at all.
import type { ServerResponse } from 'node:http';
import { gatewayError, serviceError, type Reply } from './replies.js';
import type { ResolvedVariants } from './variants.js';

export interface Fault {
  /** operation it applies to (e.g. 'ShowPipelineRunDetail'); any operation when absent */
  operation?: string;
  /** matching calls to let through first */
  after?: number;
  /** matching calls to fault (default 1) */
  times?: number;
  kind:
    '429-apig' | '500-throttle' | '200-error' | '500' | 'html-200' | 'non-json' | 'reset' | 'slow' | 'hang';
  /** the code of a 200-error (default DEVCP.00014031, insufficient permissions) */
  errorCode?: string;
  /** for slow (default 1000) */
  delayMs?: number;
}

const LOGIN_PAGE =
  '<!DOCTYPE html><html><head><title>Huawei Cloud - Log In</title></head><body><form action="/authui/login">' +
  '<input name="username"><input type="password" name="password"></form></body></html>';

/** The answer of a fault that answers at once; undefined for reset, slow and hang. */
export function faultReply(f: Fault, v: ResolvedVariants): Reply | undefined {
  switch (f.kind) {
    case '429-apig':
      return gatewayError(
        429,
        'APIG.0308',
        'The throttling threshold has been reached: policy user over ratelimit,limit:10,time:1 second',
      );
    case '500-throttle':
      return serviceError(v, 500, 'COCT.0070003', '访问太频繁,请稍等');
    case '200-error':
      return serviceError(v, 200, f.errorCode ?? 'DEVCP.00014031', 'Insufficient permissions.');
    case '500':
      return serviceError(v, 500, 'DEVCP.00020500', 'The network is busy. Try again later.');
    case 'html-200':
      return { status: 200, body: LOGIN_PAGE, headers: { 'content-type': 'text/html;charset=UTF-8' } };
    case 'non-json':
      // says JSON, is cut short
      return { status: 200, body: '{"pipeline_run_id": "9e91b1fd7ce7', headers: {} };
    default:
      return undefined;
  }
}

/** reset, slow and hang: act on the connection; `proceed` answers normally (slow). */
export function delayOrDrop(
  f: Fault,
  res: ServerResponse,
  hanging: Set<ServerResponse>,
  timers: Set<NodeJS.Timeout>,
  proceed: () => void,
): void {
  if (f.kind === 'reset') res.socket?.destroy();
  else if (f.kind === 'hang') hanging.add(res);
  else {
    const t = setTimeout(() => {
      timers.delete(t);
      if (!res.destroyed) proceed();
    }, f.delayMs ?? 1000);
    timers.add(t);
  }
}
