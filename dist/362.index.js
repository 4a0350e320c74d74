export const id = 362;
export const ids = [362];
export const modules = {

/***/ 6468:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Eu: () => (/* binding */ classicHint),
/* harmony export */   Gz: () => (/* binding */ openApiHint),
/* harmony export */   ah: () => (/* binding */ YunxiaoError),
/* harmony export */   x6: () => (/* binding */ networkError)
/* harmony export */ });
/* unused harmony export permissionFor */
// One error type for every failed Yunxiao call: HTTP status, Yunxiao's error code and message, the
// request id to quote to support, and a hint saying what to do about it.
class YunxiaoError extends Error {
    name = 'YunxiaoError';
    operation;
    status;
    errorCode;
    errorMessage;
    requestId;
    hint;
    retryable;
    constructor(fields) {
        super(describe(fields));
        this.operation = fields.operation;
        this.status = fields.status;
        this.errorCode = fields.errorCode;
        this.errorMessage = fields.errorMessage;
        this.requestId = fields.requestId;
        this.hint = fields.hint;
        this.retryable = fields.retryable;
    }
}
function describe(f) {
    const parts = [`${f.operation} failed`];
    if (f.status !== undefined)
        parts.push(`: HTTP ${f.status}`);
    if (f.errorCode)
        parts.push(` ${f.errorCode}`);
    if (f.errorMessage)
        parts.push(`: ${f.errorMessage}`);
    if (f.requestId)
        parts.push(` (request id ${f.requestId})`);
    let text = parts.join('');
    if (f.hint)
        text += `. Hint: ${f.hint}`;
    return text;
}
/** Token permission each OpenAPI operation needs (yunxiao-api.md section 1). */
function permissionFor(operation) {
    if (/^(Stop|Resume)VMDeployOrder$|^(Skip|Retry)VMDeployMachine$/.test(operation))
        return 'Flow > host deployment (read-write)';
    if (/VMDeploy/.test(operation))
        return 'Flow > host deployment (read-only)';
    if (/PipelineRun/.test(operation))
        return 'Flow > pipeline run (read-only)';
    return 'Flow > pipeline (read-only)';
}
const openApiHint = (operation, status, code) => {
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
/** A failure that never got an HTTP answer (reset, refused, DNS, timeout). */
function networkError(operation, cause, url) {
    const code = cause?.code;
    const msg = cause instanceof Error ? cause.message : String(cause);
    return new YunxiaoError({
        operation,
        errorCode: code,
        errorMessage: `no answer from ${new URL(url).host} (${msg})`,
        hint: 'check the endpoint and the network (proxy variables HTTPS_PROXY / NO_PROXY on self-hosted runners)',
        retryable: true,
    });
}
const classicHint = (operation, status, code) => {
    const c = code ?? '';
    if (c.startsWith('InvalidAccessKeyId'))
        return 'the AccessKey ID is unknown or disabled; check `access-key-id`';
    if (c === 'SignatureDoesNotMatch' || c === 'IncompleteSignature' || c === 'InvalidAuthorization')
        return 'the signature does not match: check `access-key-secret` (and `security-token` for STS credentials)';
    if (c.startsWith('InvalidTimeStamp') || c === 'SignatureNonceUsed')
        return "the request time was refused: check the runner's clock (it must be within 15 minutes of UTC)";
    if (c.startsWith('InvalidSecurityToken'))
        return 'the STS token is invalid or expired; request new STS credentials';
    if (c.includes('Throttling'))
        return 'Alibaba Cloud is throttling these credentials; raise `poll-interval`';
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


/***/ }),

/***/ 7915:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ld: () => (/* binding */ bodyStart),
/* harmony export */   oK: () => (/* binding */ Transport)
/* harmony export */ });
/* unused harmony exports DEFAULT_RETRY, shouldRetry, retryAfterOf */
/* harmony import */ var _undici_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7391);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6468);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5078);
// The transport both API clients share: undici over an injected dispatcher (tests and proxies plug
// in there), a per-attempt timeout, the caller's AbortSignal, and retries with full-jitter backoff.



const DEFAULT_RETRY = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 10_000 };
/** A server asking for more than this is not waited for beyond it (the deadline still rules). */
const MAX_RETRY_AFTER_MS = 60_000;
/** Connection errors that prove the request never reached the server. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);
class Transport {
    opts;
    retry;
    timeoutMs;
    random;
    constructor(opts) {
        this.opts = opts;
        this.retry = { ...DEFAULT_RETRY, ...opts.retry };
        this.timeoutMs = opts.requestTimeoutMs ?? 30_000;
        this.random = opts.random ?? Math.random;
    }
    async send(call) {
        for (let attempt = 1;; attempt++) {
            call.signal?.throwIfAborted();
            const started = Date.now();
            let error;
            let retryAfterMs;
            let sent;
            try {
                const res = await this.once(call);
                this.log(`${call.method} ${call.url} -> ${res.status} in ${Date.now() - started} ms (attempt ${attempt})`);
                const failure = this.opts.failureOf(res);
                if (!failure)
                    return res;
                const retryable = failure.retryable ??
                    (failure.throttled === true || res.status === 408 || res.status === 429 || res.status >= 500);
                error = this.error(call, res.status, failure, retryable);
                retryAfterMs = failure.retryAfterMs ?? retryAfterOf(res.headers['retry-after']);
                // A throttled (429) call was refused before any work was done.
                sent = !(res.status === 429 || failure.throttled === true);
            }
            catch (err) {
                if (call.signal?.aborted)
                    throw call.signal.reason;
                if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .YunxiaoError */ .ah)
                    throw err;
                this.log(`${call.method} ${call.url} -> ${errCode(err) ?? 'error'} after ${Date.now() - started} ms (attempt ${attempt})`);
                error = (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .networkError */ .x6)(call.operation, redactedError(err, this.opts.secrets), call.url);
                sent = !NOT_SENT_CODES.has(errCode(err) ?? '');
            }
            if (!shouldRetry(error, call.write, sent) || attempt >= this.retry.maxAttempts)
                throw error;
            const backoff = this.random() * Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
            const delay = retryAfterMs !== undefined ? Math.min(retryAfterMs, MAX_RETRY_AFTER_MS) : backoff;
            this.log(`${call.operation}: retrying in ${Math.round(delay)} ms (${error.message})`);
            await abortableDelay(delay, call.signal);
        }
    }
    async once(call) {
        const timeout = AbortSignal.timeout(this.timeoutMs);
        const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
        const res = await (0,_undici_js__WEBPACK_IMPORTED_MODULE_0__/* .request */ .E)(this.opts.dispatcher, call.url, {
            method: call.method,
            headers: {
                'user-agent': this.opts.userAgent,
                accept: 'application/json',
                ...call.headers,
                ...call.sign?.(call),
            },
            body: call.body,
            signal,
        });
        try {
            // Decoded chunk by chunk: a 4 MB order never sits in one Buffer beside its string.
            const decoder = new TextDecoder();
            let text = '';
            for await (const chunk of res.body)
                text += decoder.decode(chunk, { stream: true });
            text += decoder.decode();
            return { status: res.statusCode, headers: res.headers, text };
        }
        catch (err) {
            res.body.destroy();
            throw err;
        }
    }
    error(call, status, f, retryable) {
        const secrets = this.opts.secrets;
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .YunxiaoError */ .ah({
            operation: call.operation,
            status,
            errorCode: f.errorCode && (0,_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E)(f.errorCode, secrets),
            errorMessage: f.errorMessage && (0,_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E)(f.errorMessage, secrets),
            requestId: f.requestId,
            hint: this.opts.hintFor(call.operation, status, f.errorCode),
            retryable,
        });
    }
    log(line) {
        this.opts.debug?.((0,_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E)(line, this.opts.secrets));
    }
}
/**
 * Reads are repeated freely. A write (skip, retry, resume, stop) is repeated only when the server
 * surely did not act on it: the connection was refused, or the call was throttled (429). After a
 * reset, a timeout or a 5xx the server may have applied it, and a repeated RetryVMDeployMachine
 * would retry a machine twice; the gate's next poll sees the real state and decides again.
 */
function shouldRetry(error, write, sent) {
    if (!error.retryable)
        return false;
    return !write || !sent;
}
/** Retry-After: delay-seconds or an HTTP date. */
function retryAfterOf(value, now = Date.now()) {
    const v = Array.isArray(value) ? value[0] : value;
    if (!v)
        return undefined;
    if (/^\d+(\.\d+)?$/.test(v.trim()))
        return Number(v) * 1000;
    const at = Date.parse(v);
    return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
function abortableDelay(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal?.reason);
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}
function errCode(err) {
    const e = err;
    if (e?.name === 'TimeoutError')
        return 'ETIMEDOUT';
    return e?.code ?? e?.cause?.code;
}
function redactedError(err, secrets) {
    const out = new Error((0,_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E)(err instanceof Error ? err.message : String(err), secrets));
    out.code = errCode(err);
    return out;
}
/** The start of a body that is not what was expected (an HTML page from a gateway), for messages. */
function bodyStart(text, max = 200) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > max ? `${flat.slice(0, max)}…` : flat || '(empty body)';
}


/***/ }),

/***/ 5925:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IS: () => (/* binding */ parseLossless),
/* harmony export */   KK: () => (/* binding */ parseJsonLossless),
/* harmony export */   Uv: () => (/* binding */ toIdString)
/* harmony export */ });
// Lossless JSON: Yunxiao returns 64-bit ids as JSON numbers, and JSON.parse rounds anything above
// 2^53. Integer tokens of 16 digits or more come out as exact decimal strings instead.
//
// Fast path (a deploy order of 10,000 machines is ~4 MB, polled every few seconds): quote every
// 16+ digit run that sits where a number can (after `:`, `,` or `[`, before `,`, `}` or `]`). If a
// run like that is inside a string, the two quotes inserted split the string into string, digits,
// string: tokens side by side, which JSON never allows, so JSON.parse throws and the exact path,
// which steps over strings, takes over. A wrong result is impossible; only the speed differs.
const LONG_DIGITS = /\d{16}/;
const LONG_INT_TOKEN = /([:,[]\s*)(-?\d{16,})(?=\s*[,}\]])/g;
const STRING_OR_LONG_INT = /"[^"\\]*(?:\\.[^"\\]*)*"|(?<![\w.+-])(-?\d{16,})(?![\d.eE])/g;
function parseJsonLossless(text) {
    return parseLossless(text).value;
}
/** The value, and the JSON text it was parsed from with long integers quoted (exact ids in a report). */
function parseLossless(text) {
    if (!LONG_DIGITS.test(text))
        return { value: JSON.parse(text), text };
    const quick = text.replace(LONG_INT_TOKEN, '$1"$2"');
    try {
        return { value: JSON.parse(quick), text: quick };
    }
    catch (err) {
        if (!(err instanceof SyntaxError))
            throw err;
    }
    const exact = text.replace(STRING_OR_LONG_INT, (match, digits) => digits === undefined ? match : `"${digits}"`);
    return { value: JSON.parse(exact), text: exact };
}
/** An id as an exact decimal string, whatever JSON type it came in; undefined when it is not an id. */
function toIdString(value) {
    if (typeof value === 'string')
        return /^-?\d+$/.test(value.trim()) ? value.trim() : undefined;
    if (typeof value === 'number')
        return Number.isSafeInteger(value) ? String(value) : undefined;
    if (typeof value === 'bigint')
        return value.toString();
    return undefined;
}


/***/ }),

/***/ 8520:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bi: () => (/* binding */ toJobHistory),
/* harmony export */   G4: () => (/* binding */ toBoolean),
/* harmony export */   RE: () => (/* binding */ toMachineLog),
/* harmony export */   Tk: () => (/* binding */ toPipelineRun),
/* harmony export */   jJ: () => (/* binding */ toDeployOrder),
/* harmony export */   pX: () => (/* binding */ toDeployJobs)
/* harmony export */ });
/* unused harmony export ShapeError */
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5925);
// From Yunxiao's JSON (parsed losslessly) to the domain model. Shared by both API generations:
// tolerant of missing optional fields and of fields it does not know; statuses kept as given.

class ShapeError extends Error {
    name = 'ShapeError';
}
function obj(value, what) {
    if (value && typeof value === 'object' && !Array.isArray(value))
        return value;
    throw new ShapeError(`expected ${what} to be a JSON object, got ${describe(value)}`);
}
function list(value, what) {
    if (value === undefined || value === null)
        return [];
    if (Array.isArray(value))
        return value;
    throw new ShapeError(`expected ${what} to be a JSON array, got ${describe(value)}`);
}
function describe(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    return typeof value === 'string' ? `the string "${value.slice(0, 60)}"` : typeof value;
}
const str = (v) => typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
const id = (v) => (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .toIdString */ .Uv)(v) ?? str(v);
const optId = (v) => v === undefined || v === null || v === '' ? undefined : id(v);
const num = (v) => {
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
    return Number.isFinite(n) ? n : 0;
};
const optNum = (v) => (v === undefined || v === null ? undefined : num(v));
/**
 * Action lists, interned: 10,000 machines carry the same few lists of (type, disable), and a poll
 * would otherwise allocate 40,000 small objects only to drop them at the next one. Read-only.
 */
const internedActions = new Map();
function actions(value) {
    const raw = list(value, 'actions');
    let key = '';
    const parsed = [];
    for (const a of raw) {
        const o = obj(a, 'an action');
        const state = { type: str(o['type']), disable: o['disable'] === true || o['disable'] === 'true' };
        parsed.push(state);
        key += `${state.type}\u0000${state.disable ? 1 : 0}\u0001`;
    }
    let hit = internedActions.get(key);
    if (!hit) {
        if (internedActions.size > 1000)
            internedActions.clear(); // bounded, whatever Yunxiao sends
        hit = Object.freeze(parsed);
        internedActions.set(key, hit);
    }
    return hit;
}
function machine(value) {
    const m = obj(value, 'a deploy machine');
    const out = {
        machineSn: id(m['machineSn']),
        ip: str(m['ip']),
        status: str(m['status']),
        clientStatus: str(m['clientStatus']),
        batchNum: num(m['batchNum']),
        actions: actions(m['actions']),
    };
    if (typeof m['hostName'] === 'string')
        out.hostName = m['hostName'];
    const updated = optNum(m['updateTime']);
    if (updated !== undefined)
        out.updateTime = updated;
    return out;
}
function toDeployOrder(raw) {
    const o = obj(raw, 'the deploy order');
    const info = o['deployMachineInfo'] === undefined || o['deployMachineInfo'] === null
        ? {}
        : obj(o['deployMachineInfo'], 'deployMachineInfo');
    return {
        deployOrderId: id(o['deployOrderId']),
        status: str(o['status']),
        currentBatch: num(o['currentBatch']),
        totalBatch: num(o['totalBatch']),
        hostGroupId: optId(info['hostGroupId']),
        creator: o['creator'] === undefined ? undefined : str(o['creator']),
        exceptionCode: o['exceptionCode'] === undefined || o['exceptionCode'] === null ? undefined : str(o['exceptionCode']),
        createTime: optNum(o['createTime']),
        updateTime: optNum(o['updateTime']),
        actions: actions(o['actions']),
        machines: list(info['deployMachines'], 'deployMachineInfo.deployMachines').map(machine),
    };
}
function toDeployJobs(raw) {
    return list(raw, 'the deploy job list').map((j) => {
        const o = obj(j, 'a deploy job');
        const job = {
            identifier: str(o['identifier']),
            jobName: str(o['jobName']),
            lastJobId: id(o['lastJobId']),
        };
        if (typeof o['lastJobParams'] === 'string')
            job.lastJobParams = o['lastJobParams'];
        return job;
    });
}
function toJobHistory(raw) {
    return list(raw, 'the job history').map((j) => {
        const o = obj(j, 'a job history row');
        return {
            jobId: id(o['jobId']),
            pipelineRunId: id(o['pipelineRunId']),
            identifier: str(o['identifier']),
            jobName: str(o['jobName']),
            status: str(o['status']),
            executeNumber: optNum(o['executeNumber']),
        };
    });
}
function runAction(value) {
    const a = obj(value, 'a job action');
    const params = a['params'] && typeof a['params'] === 'object' && !Array.isArray(a['params']) ? a['params'] : {};
    const out = { type: str(a['type']), params };
    if (typeof a['data'] === 'string')
        out.data = a['data'];
    if (typeof a['disable'] === 'boolean')
        out.disable = a['disable'];
    return out;
}
function toPipelineRun(raw) {
    const r = obj(raw, 'the pipeline run');
    const jobs = [];
    for (const s of list(r['stages'], 'stages')) {
        const stage = obj(s, 'a stage');
        const info = stage['stageInfo'] ? obj(stage['stageInfo'], 'stageInfo') : {};
        const stageName = str(info['name'] ?? stage['name']);
        for (const j of list(info['jobs'], 'stageInfo.jobs')) {
            const job = obj(j, 'a job');
            jobs.push({
                id: id(job['id']),
                name: str(job['name']),
                status: str(job['status']),
                stageName,
                actions: list(job['actions'], 'job actions').map(runAction),
            });
        }
    }
    return {
        pipelineRunId: id(r['pipelineRunId']),
        pipelineId: id(r['pipelineId']),
        status: str(r['status']),
        createTime: optNum(r['createTime']),
        updateTime: optNum(r['updateTime']),
        jobs,
    };
}
function toMachineLog(raw) {
    const o = obj(raw, 'the machine log');
    const log = { deployLog: str(o['deployLog']) };
    if (o['deployLogPath'] !== undefined)
        log.deployLogPath = str(o['deployLogPath']);
    if (o['aliyunRegion'] !== undefined)
        log.aliyunRegion = str(o['aliyunRegion']);
    if (typeof o['deployBeginTime'] === 'string' || typeof o['deployBeginTime'] === 'number')
        log.deployBeginTime = o['deployBeginTime'];
    if (typeof o['deployEndTime'] === 'string' || typeof o['deployEndTime'] === 'number')
        log.deployEndTime = o['deployEndTime'];
    return log;
}
/** A boolean answer (stop, resume, skip, retry): `true`, or the string "true". */
function toBoolean(raw) {
    return raw === true || raw === 'true';
}


/***/ }),

/***/ 5078:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ redact)
/* harmony export */ });
// Credentials never reach a log line, an error message or a report: every text leaving the client
// goes through here.
function redact(text, secrets) {
    let out = text;
    for (const secret of secrets) {
        if (secret.length >= 4)
            out = out.split(secret).join('***');
    }
    return out;
}


/***/ }),

/***/ 7391:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ request),
/* harmony export */   g: () => (/* binding */ Agent)
/* harmony export */ });
/* harmony import */ var undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7405);
/* harmony import */ var undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var undici_lib_api_api_request_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4043);
/* harmony import */ var undici_lib_api_api_request_js__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(undici_lib_api_api_request_js__WEBPACK_IMPORTED_MODULE_1__);


const Agent = (undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_0___default());
/** undici's request() on a given dispatcher (the index would bind it to the global one). */
function request(dispatcher, url, opts) {
    const u = new URL(url);
    return undici_lib_api_api_request_js__WEBPACK_IMPORTED_MODULE_1___default().call(dispatcher, { ...opts, origin: u.origin, path: `${u.pathname}${u.search}` });
}


/***/ }),

/***/ 6362:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

;// CONCATENATED MODULE: ./src/client/model.ts
// The domain model every client returns, whichever API generation it talks to.
// Ids are exact decimal strings (64-bit ids lose precision as JS numbers).
// Statuses stay plain strings: Yunxiao may add values, and an unknown one must never crash us.
/** Documented deploy order statuses (`Waiting` is a pause). No failure value is documented. */
const ORDER_STATUSES = ['Waiting', 'Running', 'Cancelled', 'Success'];
/** Documented machine statuses. */
const MACHINE_STATUSES = [
    'Success',
    'Pending',
    'Running',
    'Cancelled',
    'Queued',
    'Failed',
    'Skipped',
];

;// CONCATENATED MODULE: ./src/gate/budget.ts
/** Machines that may end Skipped: a count, or a share of all machines rounded down. */
function skipBudget(budget, totalMachines) {
    return budget.kind === 'count' ? budget.count : Math.floor((totalMachines * budget.percent) / 100);
}
function describeBudget(budget, totalMachines) {
    const n = skipBudget(budget, totalMachines);
    return budget.kind === 'count'
        ? `max-skipped ${n}`
        : `max-skipped ${budget.percent}% = ${n} of ${totalMachines}`;
}

;// CONCATENATED MODULE: ./src/gate/memory.ts
const permanent = (a) => a.outcome === 'error' && a.transient !== true;
function historyOf(memory) {
    const machines = new Map();
    const h = { machines, stopped: false };
    for (const a of memory.taken) {
        if (a.kind === 'stop' && a.outcome === 'ok')
            h.stopped = true;
        if (a.kind === 'resume' && a.outcome === 'ok')
            h.lastResumeAt = Date.parse(a.at);
        if (!a.machineSn)
            continue;
        let m = machines.get(a.machineSn);
        if (!m)
            machines.set(a.machineSn, (m = { skipped: false, retries: 0 }));
        if (a.kind === 'skip') {
            if (a.outcome === 'ok')
                m.skipped = true;
            else if (permanent(a))
                m.skipRefused = a.detail ?? 'refused';
        }
        else if (a.kind === 'retry') {
            if (a.outcome === 'ok') {
                m.retries++;
                m.lastRetryAt = Date.parse(a.at);
            }
            else if (permanent(a))
                m.retryRefused = a.detail ?? 'refused';
        }
    }
    return h;
}

;// CONCATENATED MODULE: ./src/gate/decide.ts
// The functional core: what to do next, from the latest deploy order, the policy and what this run
// already did. No I/O, no clock: the same inputs always give the same decision.



/** Statuses an unreachable machine may be skipped in: it has not finished. */
const SKIPPABLE = new Set(['Pending', 'Queued', 'Running', 'Failed']);
const KNOWN_ORDER = new Set(ORDER_STATUSES);
const KNOWN_MACHINE = new Set(MACHINE_STATUSES);
const KNOWN_CLIENT = new Set(['ok', 'error', '']);
function decide(order, policy, memory) {
    const { warnings, newlyWarned } = unknownStatuses(order, memory.warnedStatuses);
    const history = historyOf(memory);
    const budget = skipBudget(policy.maxSkipped, order.machines.length);
    const end = (verdict, actions = []) => ({
        actions,
        verdict,
        warnings,
        newlyWarned,
    });
    const fail = (reason) => end({ result: 'failure', reason }, stopOnFailure(order, policy, history));
    let skipped = 0;
    let oursInFlight = 0;
    const failed = [];
    for (const m of order.machines) {
        if (m.status === 'Skipped')
            skipped++;
        else if (history.machines.get(m.machineSn)?.skipped)
            oursInFlight++;
        if (m.status === 'Failed')
            failed.push(m);
    }
    const id = order.deployOrderId;
    if (order.status === 'Cancelled') {
        const by = history.stopped ? 'stopped by this gate' : 'cancelled in Yunxiao';
        return end({
            result: 'cancelled',
            reason: `Deploy order ${id} was ${by} (batch ${order.currentBatch}/${order.totalBatch}).`,
        });
    }
    if (order.status === 'Success') {
        if (failed.length > 0)
            return fail(`Deploy order ${id} ended Success, but ${names(failed)} ended Failed.`);
        if (skipped > budget)
            return fail(overBudget(id, skipped, policy, order));
        return end({
            result: 'success',
            reason: `Deploy order ${id} succeeded: ${order.machines.length - skipped} machines deployed${skipped ? `, ${skipped} skipped (${describeBudget(policy.maxSkipped, order.machines.length)})` : ''}.`,
        });
    }
    // Skips by anyone count: a host group emptied by hand is not a healthy deploy.
    if (skipped > budget)
        return fail(overBudget(id, skipped, policy, order));
    const actions = [];
    const unhandled = [];
    let counted = skipped + oursInFlight;
    // Only unreachable or failed machines can need an action: a short list, even at 10,000 machines.
    const candidates = order.machines.filter((x) => SKIPPABLE.has(x.status) && (x.clientStatus === 'error' || x.status === 'Failed'));
    for (const m of byBatch(candidates)) {
        const h = history.machines.get(m.machineSn);
        if (m.clientStatus === 'error') {
            if (h?.skipped)
                continue; // our skip is not visible yet: wait, never skip twice
            const cannot = (why) => {
                if (m.status === 'Failed')
                    unhandled.push({ m, why });
            };
            if (!policy.skipUnreachable)
                cannot('its agent is unreachable and skip-unreachable is off');
            else if (h?.skipRefused)
                cannot(`skipping it failed (${h.skipRefused})`);
            else if (!allowed(m.actions, 'SkipVMDeployMachine'))
                cannot('Yunxiao does not allow skipping it now');
            else if (counted + 1 > budget) {
                return fail(`Skipping unreachable machine ${decide_name(m)} would make ${counted + 1} skipped machines, more than ${describeBudget(policy.maxSkipped, order.machines.length)}; it was not skipped.`);
            }
            else {
                counted++;
                actions.push({
                    kind: 'skip',
                    machineSn: m.machineSn,
                    reason: `agent unreachable (clientStatus error), ${m.status}`,
                });
            }
        }
        else if (m.status === 'Failed') {
            const retries = h?.retries ?? 0;
            if (h?.lastRetryAt !== undefined && !changedSince(m, order, h.lastRetryAt))
                continue; // the failure we retried, seen again
            if (h?.retryRefused)
                unhandled.push({ m, why: `retrying it failed (${h.retryRefused})` });
            else if (retries >= policy.retryFailed)
                unhandled.push({
                    m,
                    why: policy.retryFailed === 0
                        ? 'retry-failed is 0'
                        : `retried ${retries} times already (retry-failed ${policy.retryFailed})`,
                });
            else if (!allowed(m.actions, 'RetryVMDeployMachine'))
                unhandled.push({ m, why: 'Yunxiao does not allow retrying it now' });
            else
                actions.push({
                    kind: 'retry',
                    machineSn: m.machineSn,
                    reason: `failed; retry ${retries + 1} of ${policy.retryFailed}`,
                });
        }
    }
    // A paused order with a failure nobody here will handle only waits for the deadline: fail now.
    if (order.status === 'Waiting' && unhandled.length > 0) {
        const list = unhandled.slice(0, 5).map((u) => `${decide_name(u.m)}: ${u.why}`);
        const more = unhandled.length > 5 ? `; and ${unhandled.length - 5} more` : '';
        return fail(`Deploy order ${id} is paused with failed machines the gate cannot handle: ${list.join('; ')}${more}.`);
    }
    const base = { warnings, newlyWarned };
    if (actions.length > 0)
        return { actions, ...base };
    if (order.status !== 'Waiting') {
        return unhandled.length > 0
            ? {
                actions,
                ...base,
                waitingFor: `${names(unhandled.map((u) => u.m))} failed; waiting for the batch to settle`,
            }
            : { actions, ...base };
    }
    if (failed.length > 0)
        return { actions, ...base, waitingFor: `waiting for Yunxiao to apply the actions on ${names(failed)}` };
    // Paused between batches with no failure.
    if (policy.resume === 'never') {
        return {
            actions,
            ...base,
            waitingFor: `deploy order ${id} is paused after batch ${order.currentBatch}; waiting for a person to resume it in Yunxiao (resume: never)`,
        };
    }
    if (history.lastResumeAt !== undefined && !orderChangedSince(order, history.lastResumeAt)) {
        return { actions, ...base, waitingFor: 'waiting for Yunxiao to apply the resume' };
    }
    if (!allowed(order.actions, 'ResumeVMDeployOrder')) {
        return {
            actions,
            ...base,
            waitingFor: `deploy order ${id} is paused and Yunxiao does not allow resuming it now`,
        };
    }
    return {
        actions: [
            {
                kind: 'resume',
                reason: `paused after batch ${order.currentBatch} of ${order.totalBatch} (resume: auto)`,
            },
        ],
        ...base,
    };
}
/** At the deadline: stop the order when on-failure is stop and it has not ended. */
function actionsOnTimeout(order, policy, memory) {
    if (!order)
        return [];
    return stopOnFailure(order, policy, historyOf(memory), 'the deadline was reached (on-failure: stop)');
}
function stopOnFailure(order, policy, history, reason = 'the gate failed (on-failure: stop)') {
    if (policy.onFailure !== 'stop' || history.stopped)
        return [];
    if (order.status === 'Success' || order.status === 'Cancelled')
        return [];
    const stop = order.actions.find((a) => a.type === 'StopVMDeployOrder');
    if (stop?.disable)
        return [];
    return [{ kind: 'stop', reason }];
}
/** Present and enabled. An action Yunxiao does not list is not one the caller may perform. */
function allowed(actions, type) {
    const a = actions.find((x) => x.type === type);
    return a !== undefined && !a.disable;
}
/**
 * Whether a machine seen Failed after our retry at `at` failed again, or is the old failure seen
 * before Yunxiao applied the retry. Its updateTime (else the order's) tells; with neither, it is
 * taken as a new failure: the retry allowance still bounds what that can cost.
 */
function changedSince(m, order, at) {
    const t = m.updateTime ?? order.updateTime;
    return t === undefined || t > at;
}
function orderChangedSince(order, at) {
    return order.updateTime === undefined || order.updateTime > at;
}
function byBatch(machines) {
    return machines.sort((a, b) => a.batchNum - b.batchNum || (a.machineSn < b.machineSn ? -1 : a.machineSn > b.machineSn ? 1 : 0));
}
function overBudget(id, skipped, policy, order) {
    const list = order.machines.filter((m) => m.status === 'Skipped');
    return `Deploy order ${id} has ${skipped} skipped machines (${names(list)}), more than ${describeBudget(policy.maxSkipped, order.machines.length)}.`;
}
function decide_name(m) {
    return m.ip ? `${m.machineSn} (${m.ip})` : m.machineSn;
}
function names(list, max = 5) {
    const shown = list.slice(0, max).map(decide_name).join(', ');
    return list.length > max ? `${shown} and ${list.length - max} more` : shown;
}
function unknownStatuses(order, warned) {
    const warnings = [];
    const newlyWarned = [];
    const note = (key, text) => {
        if (warned.has(key) || newlyWarned.includes(key))
            return;
        newlyWarned.push(key);
        warnings.push(text);
    };
    if (!KNOWN_ORDER.has(order.status)) {
        note(`order:${order.status}`, `Deploy order status "${order.status}" is not one Yunxiao documents; the watch goes on.`);
    }
    for (const m of order.machines) {
        if (!KNOWN_MACHINE.has(m.status)) {
            note(`machine:${m.status}`, `Machine status "${m.status}" (machine ${m.machineSn}) is not one Yunxiao documents; it is treated as not finished and never skipped.`);
        }
        if (!KNOWN_CLIENT.has(m.clientStatus)) {
            note(`client:${m.clientStatus}`, `Agent status "${m.clientStatus}" (machine ${m.machineSn}) is not one Yunxiao documents; the machine is treated as reachable.`);
        }
    }
    return { warnings, newlyWarned };
}

;// CONCATENATED MODULE: ./src/gate/extras.ts
/** Failed machines whose logs are fetched at most: the rest are in Yunxiao. */
const MAX_LOGGED_MACHINES = 10;
/** Lines kept from the end of each log. */
const LOG_TAIL_LINES = 30;
function tail(text, lines = LOG_TAIL_LINES) {
    const all = text.replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n');
    return all.slice(-lines).join('\n');
}
/** SN -> last lines of its deploy log, for the failed machines of the order. */
async function fetchFailedLogs(api, order, pipelineId, signal, warn) {
    const failed = order.machines.filter((m) => m.status === 'Failed').slice(0, MAX_LOGGED_MACHINES);
    const logs = {};
    await Promise.all(failed.map(async (m) => {
        try {
            const log = await api.getMachineLog(pipelineId, order.deployOrderId, m.machineSn, { signal });
            logs[m.machineSn] = tail(log.deployLog ?? '');
        }
        catch (err) {
            if (!signal.aborted)
                warn(`Could not fetch the deploy log of machine ${m.machineSn}: ${messageOf(err)}`);
        }
    }));
    return logs;
}
/** The EMAS artifact URL when coordinates are known (explicit inputs first, else the run's action). */
async function fetchArtifactUrl(api, req, signal) {
    if (!req?.emasJobInstanceId || !req.md5 || !req.serviceConnectionId || !req.pipelineId)
        return undefined;
    if (!req.pipelineRunId)
        return { error: 'the pipeline run is not known (pass pipeline-run-id)' };
    try {
        const url = await api.getEmasArtifactUrl(req, { signal });
        return { url };
    }
    catch (err) {
        return { error: messageOf(err) };
    }
}
function messageOf(err) {
    return err instanceof Error ? err.message : String(err);
}

;// CONCATENATED MODULE: ./src/gate/links.ts
const CENTRAL_CONSOLE = 'https://flow.aliyun.com';
/**
 * The pipeline run page (or the pipeline's current run when the run is unknown). The central
 * edition and the classic API live on flow.aliyun.com; a region-edition instance serves its
 * console on its own domain, the one the API endpoint names.
 */
function deployUrl(opts, pipelineId, pipelineRunId) {
    const base = opts.api === 'openapi' && opts.edition === 'region' ? new URL(opts.endpoint).origin : CENTRAL_CONSOLE;
    const p = encodeURIComponent(pipelineId);
    return pipelineRunId
        ? `${base}/pipelines/${p}/builds/${encodeURIComponent(pipelineRunId)}`
        : `${base}/pipelines/${p}/current`;
}

// EXTERNAL MODULE: ./src/client/json.ts
var json = __webpack_require__(5925);
;// CONCATENATED MODULE: ./src/gate/run-actions.ts
// Reading what a pipeline run's job actions carry: the deploy order id and the EMAS coordinates.

/** Run statuses after which no deploy order will appear. */
const RUN_FINAL_STATUSES = new Set([
    'SUCCESS',
    'FAIL',
    'FAILED',
    'CANCELED',
    'CANCELLED',
]);
/** The deploy order id of a job: its GetVMDeployOrder action's params, or the JSON string in `data`. */
function deployOrderIdOf(job) {
    for (const action of job.actions) {
        if (action.type !== 'GetVMDeployOrder')
            continue;
        const id = (0,json/* toIdString */.Uv)(action.params['deployOrderId']) ?? (0,json/* toIdString */.Uv)(dataField(action, 'deployOrderId'));
        if (id)
            return id;
    }
    return undefined;
}
/** EMAS coordinates from the run's GetPipelineEmasArtifactUrl action, when all three are there. */
function emasParamsOf(run) {
    for (const job of run.jobs) {
        for (const action of job.actions) {
            if (action.type !== 'GetPipelineEmasArtifactUrl')
                continue;
            const pick = (key) => {
                const v = action.params[key] ?? dataField(action, key);
                return typeof v === 'string' ? v : (0,json/* toIdString */.Uv)(v);
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
function dataField(action, key) {
    if (!action.data)
        return undefined;
    try {
        const parsed = (0,json/* parseJsonLossless */.KK)(action.data);
        return parsed && typeof parsed === 'object' ? parsed[key] : undefined;
    }
    catch {
        return undefined; // `data` is free text in some responses; not having the field is not an error
    }
}

;// CONCATENATED MODULE: ./src/gate/resolve.ts

class ResolveError extends Error {
    name = 'ResolveError';
}
/** History pages to read at most when looking for a job's last run. */
const MAX_HISTORY_PAGES = 20;
async function resolveDeployOrder(req, ctx) {
    const { api, signal } = ctx;
    if (req.deployOrderId) {
        return {
            pipelineId: req.pipelineId,
            deployOrderId: req.deployOrderId,
            pipelineRunId: req.pipelineRunId,
            calls: 0,
        };
    }
    let calls = 0;
    let runId = req.pipelineRunId;
    let chosen;
    if (!runId) {
        const jobs = await api.listDeployJobs(req.pipelineId, { signal });
        calls++;
        chosen = chooseJob(jobs, req.job, req.pipelineId);
        const found = await findRunOfJob(ctx, req.pipelineId, chosen);
        calls += found.pages;
        runId = found.pipelineRunId;
    }
    // Read the run until its deploy job carries the deploy order, the run ends, or the deadline aborts us.
    for (let reads = 0;; reads++) {
        const run = await api.getPipelineRun(req.pipelineId, runId, { signal });
        calls++;
        const job = deployJobOf(run, chosen, req.job);
        const orderId = job ? deployOrderIdOf(job) : undefined;
        if (job && orderId) {
            return {
                pipelineId: req.pipelineId,
                deployOrderId: orderId,
                pipelineRunId: run.pipelineRunId || runId,
                jobId: job.id,
                jobName: chosen?.jobName ?? job.name,
                run,
                emasFromRun: emasParamsOf(run),
                calls,
            };
        }
        if (RUN_FINAL_STATUSES.has(run.status)) {
            const what = job ? `its deploy job "${job.name}"` : 'any deploy job';
            throw new ResolveError(`Pipeline run ${runId} ended (${run.status}) without ${what} creating a deploy order: nothing to watch. ` +
                'Check the run in Yunxiao; pass deploy-order-id to watch a specific order.');
        }
        if (reads === 0)
            ctx.log(`Pipeline run ${runId} has not reached its deploy job yet (run ${run.status}); waiting for it.`);
        await ctx.sleep(ctx.pollIntervalMs, signal);
    }
}
/** The DEPLOY job named by `job` (name or identifier), else the one whose last run is newest. */
function chooseJob(jobs, job, pipelineId) {
    if (jobs.length === 0) {
        throw new ResolveError(`Pipeline ${pipelineId} has no DEPLOY job (ListPipelineJobs returned none): ` +
            'add a host deploy job to the pipeline, or pass deploy-order-id.');
    }
    if (job) {
        const hit = jobs.find((j) => j.jobName === job) ?? jobs.find((j) => j.identifier === job);
        if (!hit) {
            const names = jobs.map((j) => `"${j.jobName}" (${j.identifier})`).join(', ');
            throw new ResolveError(`job: no DEPLOY job named "${job}" in pipeline ${pipelineId}; it has ${names}.`);
        }
        return hit;
    }
    // Job instance ids grow over time, so the largest lastJobId is the newest last run.
    return jobs.reduce((a, b) => (idGreater(b.lastJobId, a.lastJobId) ? b : a));
}
function idGreater(a, b) {
    if (!/^\d+$/.test(a))
        return false;
    if (!/^\d+$/.test(b))
        return true;
    return BigInt(a) > BigInt(b);
}
async function findRunOfJob(ctx, pipelineId, job) {
    let cursor;
    for (let pages = 1; pages <= MAX_HISTORY_PAGES; pages++) {
        const page = await ctx.api.listJobHistory(pipelineId, job.identifier, cursor, { signal: ctx.signal });
        const row = page.items.find((r) => r.jobId === job.lastJobId);
        if (row)
            return { pipelineRunId: row.pipelineRunId, pages };
        if (!page.next)
            break;
        cursor = page.next;
    }
    throw new ResolveError(`DEPLOY job "${job.jobName}" (${job.identifier}) of pipeline ${pipelineId}: its last run (job ${job.lastJobId}) ` +
        `is not in the job history (${MAX_HISTORY_PAGES} pages at most were read). Pass pipeline-run-id or deploy-order-id.`);
}
/**
 * The run's deploy job: the chosen job by id (else by name, else any job with a deploy order action);
 * with only a `job` name (pipeline-run-id given), that name and nothing else.
 */
function deployJobOf(run, chosen, jobName) {
    if (chosen) {
        return (run.jobs.find((j) => j.id === chosen.lastJobId) ??
            run.jobs.find((j) => j.name === chosen.jobName) ??
            run.jobs.find(hasDeployOrderAction));
    }
    if (jobName)
        return run.jobs.find((j) => j.name === jobName);
    return run.jobs.find(hasDeployOrderAction);
}
function hasDeployOrderAction(job) {
    return job.actions.some((a) => a.type === 'GetVMDeployOrder');
}

// EXTERNAL MODULE: ./src/client/errors.ts
var errors = __webpack_require__(6468);
;// CONCATENATED MODULE: ./src/gate/changes.ts
/** Lines of one kind per poll, at most; the rest is counted. */
const MAX_LINES = 50;
function describeChanges(prev, next) {
    if (!prev) {
        const events = [{ kind: 'first', order: next, counts: countByStatus(next.machines) }];
        if (next.currentBatch > 0)
            events.push(batchEvent('batch-start', next, next.currentBatch));
        return events;
    }
    const events = [];
    if (prev.status !== next.status)
        events.push({ kind: 'order-status', from: prev.status, to: next.status, order: next });
    // Yunxiao lists machines in the same order every poll: compare by position, and build a map only
    // when the list changed shape.
    const samePositions = prev.machines.length === next.machines.length;
    let before;
    const previous = (m, i) => {
        const atSame = samePositions ? prev.machines[i] : undefined;
        if (atSame?.machineSn === m.machineSn)
            return atSame;
        before ??= new Map(prev.machines.map((x) => [x.machineSn, x]));
        return before.get(m.machineSn);
    };
    let hidden = 0;
    for (let i = 0; i < next.machines.length; i++) {
        const m = next.machines[i];
        const old = previous(m, i);
        if (old && old.status === m.status && old.clientStatus === m.clientStatus)
            continue;
        if (events.length >= MAX_LINES) {
            hidden++;
            continue;
        }
        events.push({
            kind: 'machine-status',
            machine: m,
            from: old?.status ?? '(new)',
            fromClient: old?.clientStatus ?? '',
        });
    }
    if (hidden > 0)
        events.push({ kind: 'more', count: hidden });
    if (prev.currentBatch !== next.currentBatch) {
        if (prev.currentBatch > 0)
            events.push(batchEvent('batch-end', next, prev.currentBatch));
        if (next.currentBatch > 0)
            events.push(batchEvent('batch-start', next, next.currentBatch));
    }
    else if (isFinal(next.status) && !isFinal(prev.status) && next.currentBatch > 0) {
        events.push(batchEvent('batch-end', next, next.currentBatch));
    }
    return events;
}
function formatChange(e) {
    switch (e.kind) {
        case 'first': {
            const counts = Object.entries(e.counts)
                .map(([s, n]) => `${n} ${s}`)
                .join(', ');
            return `Deploy order ${e.order.deployOrderId}: ${e.order.status}, batch ${e.order.currentBatch}/${e.order.totalBatch}, ${e.order.machines.length} machines (${counts || 'none'})`;
        }
        case 'order-status':
            return `Deploy order ${e.order.deployOrderId}: ${e.from} -> ${e.to} (batch ${e.order.currentBatch}/${e.order.totalBatch})`;
        case 'machine-status': {
            const m = e.machine;
            const agent = m.clientStatus === 'error' && e.fromClient !== 'error'
                ? ' (agent unreachable)'
                : m.clientStatus !== 'error' && e.fromClient === 'error'
                    ? ' (agent back)'
                    : m.clientStatus === 'error'
                        ? ' (agent unreachable)'
                        : '';
            return `machine ${m.machineSn} (${m.ip || 'no ip'}, batch ${m.batchNum}): ${e.from} -> ${m.status}${agent}`;
        }
        case 'batch-start':
            return `Batch ${e.batch}/${e.totalBatch} started`;
        case 'batch-end':
            return `Batch ${e.batch}/${e.totalBatch} ended`;
        case 'more':
            return `... and ${e.count} more machine changes`;
    }
}
function countByStatus(machines) {
    const counts = {};
    for (const m of machines)
        counts[m.status] = (counts[m.status] ?? 0) + 1;
    return counts;
}
function batchEvent(kind, order, batch) {
    const machines = order.machines.filter((m) => m.batchNum === batch);
    const picture = machines
        .slice(0, MAX_LINES)
        .map((m) => `${m.machineSn}  ${m.ip || '-'}  ${m.status}${m.clientStatus === 'error' ? '  agent unreachable' : ''}`);
    if (machines.length > MAX_LINES)
        picture.push(`... and ${machines.length - MAX_LINES} more machines`);
    const counts = Object.entries(countByStatus(machines))
        .map(([s, n]) => `${n} ${s}`)
        .join(', ');
    picture.unshift(`${machines.length} machines: ${counts || 'none'}`);
    return { kind, batch, totalBatch: order.totalBatch, picture };
}
function isFinal(status) {
    return status === 'Success' || status === 'Cancelled';
}

;// CONCATENATED MODULE: ./src/gate/watch.ts
// The imperative shell around decide(): fetch the order, log what changed, perform the planned
// actions, wait, repeat. Every choice is decide()'s; this loop only fetches, acts and reports.



function newWatchState() {
    return { memory: { taken: [], warnedStatuses: new Set() }, warnings: [], polls: 0 };
}
/** After an action, look again soon: the change it made is what the next decision needs. */
const QUICK_REPOLL_MS = 1000;
/**
 * Polls until decide() gives a verdict. Rejects with the signal's reason on the deadline or a cancel,
 * and with the API error when reading the order fails for good (401, 403, 404, ...).
 */
async function watch(ctx, state) {
    const now = ctx.now ?? (() => new Date());
    let readFailures = 0;
    for (;;) {
        let order;
        try {
            order = await ctx.api.getDeployOrder(ctx.pipelineId, ctx.deployOrderId, { signal: ctx.signal });
            readFailures = 0;
        }
        catch (err) {
            if (ctx.signal.aborted)
                throw ctx.signal.reason;
            // A transient failure that outlived the client's own retries: the deploy goes on without us,
            // so keep watching until the deadline rather than give a verdict on a read error.
            if (err instanceof errors/* YunxiaoError */.ah && err.retryable) {
                readFailures++;
                ctx.log.warning(`Reading the deploy order failed (${readFailures} in a row), will try again: ${err.message}`);
                await ctx.sleep(ctx.pollIntervalMs, ctx.signal);
                continue;
            }
            throw err;
        }
        state.polls++;
        logChanges(ctx.log, state.order, order);
        state.order = order;
        const decision = decide(order, ctx.policy, state.memory);
        for (const status of decision.newlyWarned)
            state.memory.warnedStatuses.add(status);
        for (const w of decision.warnings) {
            ctx.log.warning(w);
            state.warnings.push(w);
        }
        for (const action of decision.actions) {
            const taken = await perform(ctx, action, now);
            state.memory.taken.push(taken);
        }
        if (decision.verdict)
            return decision.verdict;
        if (decision.waitingFor !== state.waitingFor && decision.waitingFor)
            ctx.log.info(`Waiting: ${decision.waitingFor}`);
        state.waitingFor = decision.waitingFor;
        const acted = decision.actions.length > 0;
        await ctx.sleep(acted ? Math.min(QUICK_REPOLL_MS, ctx.pollIntervalMs) : ctx.pollIntervalMs, ctx.signal);
    }
}
/** Performs one planned action and records its outcome; a failed action is recorded, not thrown. */
async function perform(ctx, action, now = () => new Date()) {
    const at = now().toISOString();
    const { api, pipelineId, deployOrderId, signal } = ctx;
    const what = action.machineSn
        ? `${action.kind} machine ${action.machineSn}`
        : `${action.kind} the deploy order`;
    try {
        const sn = action.machineSn ?? '';
        const ok = action.kind === 'skip'
            ? await api.skipMachine(pipelineId, deployOrderId, sn, { signal })
            : action.kind === 'retry'
                ? await api.retryMachine(pipelineId, deployOrderId, sn, { signal })
                : action.kind === 'resume'
                    ? await api.resumeDeployOrder(pipelineId, deployOrderId, { signal })
                    : await api.stopDeployOrder(pipelineId, deployOrderId, { signal });
        if (!ok) {
            ctx.log.warning(`Could not ${what}: Yunxiao answered false.`);
            return { ...action, at, outcome: 'error', detail: 'Yunxiao answered false', transient: false };
        }
        ctx.log.info(`Action: ${what} (${action.reason})`);
        return { ...action, at, outcome: 'ok' };
    }
    catch (err) {
        if (signal.aborted)
            throw signal.reason;
        const detail = err instanceof Error ? err.message : String(err);
        const transient = err instanceof errors/* YunxiaoError */.ah && err.retryable;
        ctx.log.warning(`Could not ${what}: ${detail}`);
        return { ...action, at, outcome: 'error', detail, transient };
    }
}
function logChanges(log, prev, next) {
    for (const change of describeChanges(prev, next)) {
        const line = formatChange(change);
        if (change.kind === 'batch-start' || change.kind === 'batch-end')
            log.group(line, change.picture ?? []);
        else
            log.info(line);
    }
}

;// CONCATENATED MODULE: ./src/inputs/values.ts
const DURATION = /^(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+)s)?(?:(\d+)ms)?$/;
const DURATION_FORMS = 'a duration such as 500ms, 45s, 10m, 1h30m, or a number of seconds';
/** `500ms`, `45s`, `10m`, `1h30m`, or a bare number of seconds (decimals allowed). */
function parseDuration(text) {
    const t = text.trim();
    if (/^\d+(\.\d+)?$/.test(t))
        return { ok: true, value: Math.round(Number(t) * 1000) };
    const m = DURATION.exec(t);
    if (!t || !m || m.slice(1).every((g) => g === undefined))
        return { ok: false, accepted: DURATION_FORMS };
    const [h, min, s, ms] = m.slice(1).map((g) => Number(g ?? 0));
    return { ok: true, value: ((h * 60 + min) * 60 + s) * 1000 + ms };
}
const BOOLEANS = {
    true: true,
    True: true,
    TRUE: true,
    false: false,
    False: false,
    FALSE: false,
};
function parseBoolean(text) {
    const v = BOOLEANS[text.trim()];
    return v === undefined ? { ok: false, accepted: 'true or false' } : { ok: true, value: v };
}
function parseEnum(text, values) {
    const v = values.find((x) => x === text.trim());
    return v === undefined ? { ok: false, accepted: `one of ${values.join(', ')}` } : { ok: true, value: v };
}
/** A count (`2`) or a share of all machines (`10%`, `12.5%`). */
function parseBudget(text) {
    const t = text.trim();
    if (/^\d+$/.test(t))
        return { ok: true, value: { kind: 'count', count: Number(t) } };
    const share = /^(\d+(?:\.\d+)?)%$/.exec(t);
    if (share && Number(share[1]) <= 100)
        return { ok: true, value: { kind: 'share', percent: Number(share[1]) } };
    return { ok: false, accepted: 'a count of machines (2) or a share of all machines from 0% to 100% (10%)' };
}
function parseCount(text, max) {
    const t = text.trim();
    if (/^\d+$/.test(t) && Number(t) <= max)
        return { ok: true, value: Number(t) };
    return { ok: false, accepted: `a whole number from 0 to ${max}` };
}
/** Decimal digits only; kept as a string (64-bit ids lose precision as numbers). */
function parseId(text) {
    const t = text.trim();
    return /^\d{1,20}$/.test(t)
        ? { ok: true, value: t }
        : { ok: false, accepted: 'a numeric id (decimal digits only)' };
}
/** `https://` for any host; `http://` only for loopback, so no credential travels in clear text. */
function parseEndpoint(text) {
    let url;
    try {
        url = new URL(text.trim());
    }
    catch {
        return { ok: false, accepted: 'an https:// URL such as https://openapi-rdc.aliyuncs.com' };
    }
    if (url.username || url.password || url.search || url.hash) {
        return { ok: false, accepted: 'a base URL without credentials, query or fragment' };
    }
    if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
        return {
            ok: false,
            accepted: 'https:// (plain http:// only for loopback hosts: 127.0.0.0/8, ::1, localhost), so the credential is never sent in clear text',
        };
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        return { ok: false, accepted: 'an https:// URL' };
    return { ok: true, value: url.toString().replace(/\/+$/, '') };
}
function isLoopback(hostname) {
    const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (h === 'localhost' || h === '::1')
        return true;
    const v4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
    return v4 !== null && v4.slice(1).every((o) => Number(o) <= 255);
}

;// CONCATENATED MODULE: ./src/inputs/parse.ts

const INPUT_NAMES = (/* unused pure expression or super */ null && ([
    'token',
    'access-key-id',
    'access-key-secret',
    'security-token',
    'endpoint',
    'edition',
    'organization-id',
    'pipeline-id',
    'deploy-order-id',
    'pipeline-run-id',
    'job',
    'wait',
    'timeout',
    'poll-interval',
    'skip-unreachable',
    'max-skipped',
    'retry-failed',
    'resume',
    'on-failure',
    'stop-on-cancel',
    'machine-logs',
    'summary',
    'emas-job-instance-id',
    'emas-md5',
    'service-connection-id',
    'github-token',
    'environment',
]));
/** Defaults of action.yml, applied when an input is empty (the runner fills them in; tests may not). */
const DEFAULTS = {
    edition: 'auto',
    wait: 'true',
    timeout: '30m',
    'poll-interval': '10s',
    'skip-unreachable': 'false',
    'max-skipped': '10%',
    'retry-failed': '0',
    resume: 'never',
    'on-failure': 'leave',
    'stop-on-cancel': 'false',
    'machine-logs': 'true',
    summary: 'true',
};
const CENTRAL_HOST = 'openapi-rdc.aliyuncs.com';
const OPENAPI_ENDPOINT = `https://${CENTRAL_HOST}`;
const CLASSIC_ENDPOINT = 'https://devops.cn-hangzhou.aliyuncs.com';
/** Polling faster than this only loads the API; slower deploys gain nothing. */
const MIN_POLL_MS = 100;
/** More retries than this hide a broken deploy rather than a flaky host. */
const MAX_RETRIES = 10;
const SECRET_INPUTS = new Set([
    'token',
    'access-key-secret',
    'security-token',
    'github-token',
]);
function parseInputs(get, mask) {
    // Mask first, before anything could print a value.
    for (const name of SECRET_INPUTS) {
        const v = get(name).trim();
        if (v)
            mask(v);
    }
    const errors = [];
    const raw = (name) => get(name).trim() || (DEFAULTS[name] ?? '');
    const shown = (name, value) => SECRET_INPUTS.has(name) ? '***' : JSON.stringify(value);
    function take(name, parser, fallback) {
        const text = raw(name);
        const r = parser(text);
        if (r.ok)
            return r.value;
        errors.push(`${name}: ${shown(name, text)} is not accepted; use ${r.accepted}.`);
        return fallback;
    }
    function optional(name, parser) {
        return raw(name) ? take(name, parser, undefined) : undefined;
    }
    const credentials = readCredentials(raw, errors);
    const endpointText = raw('endpoint') || (credentials?.kind === 'access-key' ? CLASSIC_ENDPOINT : OPENAPI_ENDPOINT);
    const endpoint = take('endpoint', () => parseEndpoint(endpointText), OPENAPI_ENDPOINT);
    const editionChoice = take('edition', (t) => parseEnum(t, ['central', 'region', 'auto']), 'auto');
    const edition = editionChoice === 'auto' ? (hostOf(endpoint) === CENTRAL_HOST ? 'central' : 'region') : editionChoice;
    const organizationId = raw('organization-id') || undefined;
    if (!organizationId && credentials?.kind === 'access-key') {
        errors.push('organization-id: required with access-key-id / access-key-secret (the classic API has it in every path).');
    }
    else if (!organizationId && credentials?.kind === 'token' && edition === 'central') {
        errors.push('organization-id: required for the central edition (openapi-rdc.aliyuncs.com); set it, or set edition: region for a region-edition endpoint.');
    }
    let pipelineId = '';
    if (!raw('pipeline-id'))
        errors.push('pipeline-id: required; use the numeric id of the Yunxiao pipeline.');
    else
        pipelineId = take('pipeline-id', parseId, '');
    const deployOrderId = optional('deploy-order-id', parseId);
    const pipelineRunId = optional('pipeline-run-id', parseId);
    const timeoutMs = take('timeout', positive(parseDuration), 30 * 60_000);
    const pollIntervalMs = take('poll-interval', atLeast(parseDuration, MIN_POLL_MS), 10_000);
    const policy = {
        skipUnreachable: take('skip-unreachable', parseBoolean, false),
        maxSkipped: take('max-skipped', parseBudget, { kind: 'share', percent: 10 }),
        retryFailed: take('retry-failed', (t) => parseCount(t, MAX_RETRIES), 0),
        resume: take('resume', (t) => parseEnum(t, ['never', 'auto']), 'never'),
        onFailure: take('on-failure', (t) => parseEnum(t, ['leave', 'stop']), 'leave'),
    };
    const config = {
        credentials: credentials ?? { kind: 'token', token: '' },
        endpoint,
        edition,
        organizationId,
        pipelineId,
        deployOrderId,
        pipelineRunId,
        job: raw('job') || undefined,
        wait: take('wait', parseBoolean, true),
        timeoutMs,
        pollIntervalMs,
        policy,
        stopOnCancel: take('stop-on-cancel', parseBoolean, false),
        machineLogs: take('machine-logs', parseBoolean, true),
        summary: take('summary', parseBoolean, true),
        emas: readEmas(raw, errors),
        githubToken: raw('github-token') || undefined,
        environment: raw('environment') || undefined,
    };
    return errors.length > 0 ? { ok: false, errors } : { ok: true, config };
}
function readCredentials(raw, errors) {
    const token = raw('token');
    const id = raw('access-key-id');
    const secret = raw('access-key-secret');
    const sts = raw('security-token');
    if (token && (id || secret)) {
        errors.push('token: give either token (OpenAPI) or access-key-id + access-key-secret (classic API), not both.');
        return undefined;
    }
    if (token) {
        if (sts)
            errors.push('security-token: only used with access-key-id + access-key-secret, not with token.');
        return { kind: 'token', token };
    }
    if (id && secret)
        return {
            kind: 'access-key',
            accessKeyId: id,
            accessKeySecret: secret,
            ...(sts ? { securityToken: sts } : {}),
        };
    if (id || secret) {
        errors.push(`${id ? 'access-key-secret' : 'access-key-id'}: required with ${id ? 'access-key-id' : 'access-key-secret'}.`);
        return undefined;
    }
    errors.push('token: required (a Yunxiao personal access token), unless access-key-id and access-key-secret are given.');
    return undefined;
}
function readEmas(raw, errors) {
    const names = ['emas-job-instance-id', 'emas-md5', 'service-connection-id'];
    const given = names.filter((n) => raw(n));
    if (given.length === 0)
        return undefined;
    if (given.length < names.length) {
        const missing = names.filter((n) => !raw(n));
        errors.push(`${missing.join(', ')}: required with ${given.join(', ')} (the EMAS artifact needs all three).`);
        return undefined;
    }
    return { emasJobInstanceId: raw(names[0]), md5: raw(names[1]), serviceConnectionId: raw(names[2]) };
}
function positive(parser) {
    return atLeast(parser, 1);
}
function atLeast(parser, minMs) {
    return (t) => {
        const r = parser(t);
        if (!r.ok)
            return r;
        return r.value >= minMs
            ? r
            : { ok: false, accepted: `a duration of at least ${minMs}ms (500ms, 45s, 10m, 1h30m)` };
    };
}
function hostOf(endpoint) {
    try {
        return new URL(endpoint).hostname;
    }
    catch {
        return '';
    }
}

// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/client/http.ts
var http = __webpack_require__(7915);
// EXTERNAL MODULE: ./src/client/redact.ts
var redact = __webpack_require__(5078);
// EXTERNAL MODULE: ./src/client/normalize.ts
var normalize = __webpack_require__(8520);
;// CONCATENATED MODULE: ./src/client/openapi.ts






/** Rows per history page: the documented maximum. */
const HISTORY_PAGE_SIZE = 30;
const enc = encodeURIComponent;
class OpenApiClient {
    opts;
    kind = 'openapi';
    base;
    transport;
    /** the last order's JSON text (ids quoted): a few MB, where the parsed tree would be several times that */
    lastOrderText;
    constructor(opts) {
        this.opts = opts;
        if (opts.edition === 'central' && !opts.organizationId) {
            throw new Error('organization-id is required for the central edition');
        }
        const root = `${opts.endpoint.replace(/\/+$/, '')}/oapi/v1/flow`;
        this.base = opts.edition === 'central' ? `${root}/organizations/${enc(opts.organizationId ?? '')}` : root;
        this.transport = new http/* Transport */.oK({
            dispatcher: opts.dispatcher,
            userAgent: version/* USER_AGENT */._,
            requestTimeoutMs: opts.requestTimeoutMs,
            retry: opts.retry,
            random: opts.random,
            debug: opts.debug,
            secrets: [opts.token],
            failureOf: openApiFailure,
            hintFor: errors/* openApiHint */.Gz,
        });
    }
    async listDeployJobs(pipelineId, o) {
        const res = await this.get('ListPipelineJobs', `/pipelines/${enc(pipelineId)}/listTasksByCategory/DEPLOY`, o);
        return (0,normalize/* toDeployJobs */.pX)(this.json('ListPipelineJobs', res));
    }
    async listJobHistory(pipelineId, identifier, cursor, o) {
        const page = Number(cursor ?? '1') || 1;
        const query = new URLSearchParams({
            pipelineId,
            category: 'DEPLOY',
            identifier,
            page: String(page),
            perPage: String(HISTORY_PAGE_SIZE),
        });
        const res = await this.get('ListPipelineJobHistorys', `/pipelines/getComponentsWithoutButtons?${query}`, o);
        const items = (0,normalize/* toJobHistory */.Bi)(this.json('ListPipelineJobHistorys', res));
        return { items, next: nextPage(res, page, items.length) };
    }
    async getPipelineRun(pipelineId, pipelineRunId, o) {
        const res = await this.get('GetPipelineRun', `/pipelines/${enc(pipelineId)}/runs/${enc(pipelineRunId)}`, o);
        return (0,normalize/* toPipelineRun */.Tk)(this.json('GetPipelineRun', res));
    }
    async getLatestPipelineRun(pipelineId, o) {
        const res = await this.get('GetLatestPipelineRun', `/pipelines/${enc(pipelineId)}/runs/latestPipelineRun`, o);
        return (0,normalize/* toPipelineRun */.Tk)(this.json('GetLatestPipelineRun', res));
    }
    async getDeployOrder(pipelineId, deployOrderId, o) {
        const res = await this.get('GetVMDeployOrder', this.orderPath(pipelineId, deployOrderId), o);
        let parsed;
        try {
            parsed = (0,json/* parseLossless */.IS)(res.text);
        }
        catch {
            throw shapeError('GetVMDeployOrder', res, 'the answer is not JSON', this.opts.token);
        }
        const order = (0,normalize/* toDeployOrder */.jJ)(parsed.value);
        this.lastOrderText = parsed.text;
        return order;
    }
    lastRawDeployOrderJson() {
        return this.lastOrderText;
    }
    stopDeployOrder(pipelineId, deployOrderId, o) {
        return this.put('StopVMDeployOrder', `${this.orderPath(pipelineId, deployOrderId)}/stop`, o);
    }
    resumeDeployOrder(pipelineId, deployOrderId, o) {
        return this.put('ResumeVMDeployOrder', `${this.orderPath(pipelineId, deployOrderId)}/resume`, o);
    }
    skipMachine(pipelineId, deployOrderId, machineSn, o) {
        return this.put('SkipVMDeployMachine', `${this.machinePath(pipelineId, deployOrderId, machineSn)}/skip`, o);
    }
    retryMachine(pipelineId, deployOrderId, machineSn, o) {
        return this.put('RetryVMDeployMachine', `${this.machinePath(pipelineId, deployOrderId, machineSn)}/retry`, o);
    }
    async getMachineLog(pipelineId, deployOrderId, machineSn, o) {
        const res = await this.get('GetVMDeployMachineLog', `${this.machinePath(pipelineId, deployOrderId, machineSn)}/log`, o);
        return (0,normalize/* toMachineLog */.RE)(this.json('GetVMDeployMachineLog', res));
    }
    async getEmasArtifactUrl(req, o) {
        const query = new URLSearchParams({
            emasJobInstanceId: req.emasJobInstanceId,
            md5: req.md5,
            pipelineId: req.pipelineId,
            pipelineRunId: req.pipelineRunId,
            serviceConnectionId: req.serviceConnectionId,
        });
        const res = await this.get('GetPipelineEmasArtifactUrl', `/pipelines/getEmasArtifactDownloadUrl?${query}`, o);
        const text = res.text.trim();
        // A bare string: JSON-quoted, or plain text from some gateways.
        const url = text.startsWith('"') ? this.json('GetPipelineEmasArtifactUrl', res) : text;
        if (typeof url !== 'string' || !/^https?:\/\//.test(url)) {
            throw shapeError('GetPipelineEmasArtifactUrl', res, 'expected the artifact URL', this.opts.token);
        }
        return url;
    }
    orderPath(pipelineId, deployOrderId) {
        return `/pipelines/${enc(pipelineId)}/deploy/${enc(deployOrderId)}`;
    }
    machinePath(pipelineId, deployOrderId, machineSn) {
        return `${this.orderPath(pipelineId, deployOrderId)}/machine/${enc(machineSn)}`;
    }
    get(operation, path, o) {
        return this.send({
            operation,
            method: 'GET',
            url: this.base + path,
            headers: {},
            write: false,
            signal: o?.signal,
        });
    }
    async put(operation, path, o) {
        const res = await this.send({
            operation,
            method: 'PUT',
            url: this.base + path,
            headers: {},
            write: true,
            signal: o?.signal,
        });
        return (0,normalize/* toBoolean */.G4)(this.json(operation, res));
    }
    send(call) {
        call.headers['x-yunxiao-token'] = this.opts.token;
        return this.transport.send(call);
    }
    json(operation, res) {
        try {
            return (0,json/* parseJsonLossless */.KK)(res.text);
        }
        catch {
            throw shapeError(operation, res, 'the answer is not JSON', this.opts.token);
        }
    }
}
function shapeError(operation, res, what, secret) {
    return new errors/* YunxiaoError */.ah({
        operation,
        status: res.status,
        errorMessage: (0,redact/* redact */.E)(`${what}: ${(0,http/* bodyStart */.ld)(res.text)}`, [secret]),
        hint: 'the endpoint may not be a Yunxiao API (check `endpoint`), or a proxy answered instead',
        retryable: false,
    });
}
/** The documented error body: {traceId, code, errorCode, errorMessage, errorDescription}. */
function openApiFailure(res) {
    const requestId = header(res, 'x-request-id');
    if (res.status < 400) {
        // A gateway's HTML page with a 200 is not an answer from Yunxiao: worth another try.
        if (/^\s*</.test(res.text))
            return { errorMessage: `non-JSON answer: ${(0,http/* bodyStart */.ld)(res.text)}`, requestId, retryable: true };
        return undefined;
    }
    let body;
    try {
        const parsed = (0,json/* parseJsonLossless */.KK)(res.text);
        if (parsed && typeof parsed === 'object')
            body = parsed;
    }
    catch {
        body = undefined;
    }
    if (!body)
        return { errorMessage: `non-JSON answer: ${(0,http/* bodyStart */.ld)(res.text)}`, requestId };
    const text = (k) => typeof body[k] === 'string' && body[k] !== '' ? body[k] : undefined;
    return {
        errorCode: text('errorCode') ?? text('code'),
        errorMessage: text('errorMessage') ?? text('errorDescription') ?? text('message'),
        requestId: requestId ?? text('traceId') ?? text('requestId'),
    };
}
function header(res, name) {
    const v = res.headers[name];
    return Array.isArray(v) ? v[0] : v;
}
/** The next page: x-next-page when the server sends it, else x-total-pages, else a full page may have more. */
function nextPage(res, page, rows) {
    const next = header(res, 'x-next-page');
    if (next !== undefined)
        return /^\d+$/.test(next.trim()) ? next.trim() : undefined;
    const total = Number(header(res, 'x-total-pages'));
    if (Number.isFinite(total) && total > 0)
        return page < total ? String(page + 1) : undefined;
    return rows >= HISTORY_PAGE_SIZE ? String(page + 1) : undefined;
}

;// CONCATENATED MODULE: ./src/runner/api.ts

async function createApi(config, dispatcher, debug) {
    const creds = config.credentials;
    if (creds.kind === 'token') {
        return new OpenApiClient({
            endpoint: config.endpoint,
            edition: config.edition,
            organizationId: config.organizationId,
            token: creds.token,
            dispatcher,
            debug,
        });
    }
    // The classic client (and its signer) is loaded only by runs that use AccessKeys.
    const { ClassicClient } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.bind(__webpack_require__, 6711));
    return new ClassicClient({
        endpoint: config.endpoint,
        organizationId: config.organizationId ?? '',
        accessKeyId: creds.accessKeyId,
        accessKeySecret: creds.accessKeySecret,
        securityToken: creds.securityToken,
        dispatcher,
        debug,
    });
}

// EXTERNAL MODULE: ./src/client/undici.ts
var undici = __webpack_require__(7391);
;// CONCATENATED MODULE: ./src/runner/dispatcher.ts
// One undici dispatcher for every Yunxiao and GitHub request. Self-hosted runners inside corporate
// networks reach Alibaba Cloud through a proxy: HTTPS_PROXY / HTTP_PROXY / NO_PROXY, in either case.

const PROXY_VARS = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];
function proxyConfigured(env) {
    return PROXY_VARS.some((name) => (env[name] ?? '') !== '');
}
async function createDispatcher(env) {
    if (!proxyConfigured(env))
        return new undici/* Agent */.g({ keepAliveTimeout: 10_000 });
    // Loaded only when a proxy is set. It reads the variables (and NO_PROXY) itself.
    const { default: EnvHttpProxyAgent } = await __webpack_require__.e(/* import() */ 137).then(__webpack_require__.t.bind(__webpack_require__, 3137, 23));
    return new EnvHttpProxyAgent({ keepAliveTimeout: 10_000 });
}

;// CONCATENATED MODULE: ./src/runner/deadline.ts
// The two ways a run is cut short, as abort reasons: the shell tells them apart by type.
class DeadlineReached extends Error {
    timeoutMs;
    name = 'DeadlineReached';
    constructor(timeoutMs) {
        super(`the deadline (timeout ${formatDuration(timeoutMs)}) was reached`);
        this.timeoutMs = timeoutMs;
    }
}
class RunCancelled extends Error {
    signalName;
    name = 'RunCancelled';
    constructor(signalName) {
        super(`the workflow run was cancelled (${signalName})`);
        this.signalName = signalName;
    }
}
function formatDuration(ms) {
    if (ms < 1000)
        return `${ms}ms`;
    const s = Math.round(ms / 1000);
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const sec = s % 60;
    return [h ? `${h}h` : '', m ? `${m}m` : '', sec || (!h && !m) ? `${sec}s` : ''].join('');
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/report/facts.ts
function factsOf(outcome) {
    const machines = outcome.order?.machines ?? [];
    const counts = { total: machines.length, succeeded: 0, failed: 0, skipped: 0, other: 0 };
    const needsLook = [];
    const failedSns = [];
    for (const m of machines) {
        if (m.status === 'Success')
            counts.succeeded++;
        else if (m.status === 'Failed') {
            counts.failed++;
            failedSns.push(m.machineSn);
        }
        else if (m.status === 'Skipped')
            counts.skipped++;
        else
            counts.other++;
        if (m.status === 'Failed' || m.status === 'Skipped' || m.clientStatus === 'error')
            needsLook.push(m);
    }
    needsLook.sort((a, b) => a.batchNum - b.batchNum);
    const didTo = describeActions(outcome.taken);
    const skippedByUs = [
        ...new Set(outcome.taken.filter((a) => a.kind === 'skip' && a.outcome === 'ok').map((a) => a.machineSn ?? '')),
    ].filter(Boolean);
    return { counts, needsLook, skippedByUs, failedSns, didTo };
}
function describeActions(taken) {
    const per = new Map();
    for (const a of taken) {
        if (!a.machineSn)
            continue;
        const e = per.get(a.machineSn) ?? { skipped: false, retries: 0, errors: 0 };
        if (a.outcome === 'error')
            e.errors++;
        else if (a.kind === 'skip')
            e.skipped = true;
        else if (a.kind === 'retry')
            e.retries++;
        per.set(a.machineSn, e);
    }
    const out = new Map();
    for (const [sn, e] of per) {
        const parts = [];
        if (e.retries)
            parts.push(`retried ${e.retries}×`);
        if (e.skipped)
            parts.push('skipped by this run');
        if (e.errors)
            parts.push(`${e.errors} action${e.errors > 1 ? 's' : ''} refused`);
        out.set(sn, parts.join(', '));
    }
    return out;
}
/** What the gate did to a machine, or what happened to it otherwise. */
function actionText(m, facts) {
    const did = facts.didTo.get(m.machineSn);
    if (did)
        return did;
    if (m.status === 'Skipped')
        return 'skipped by someone else';
    return 'nothing';
}

;// CONCATENATED MODULE: ./src/report/annotations.ts

const MAX_PER_LEVEL = 8;
function annotationsOf(outcome) {
    const f = factsOf(outcome);
    const machines = outcome.order?.machines ?? [];
    const failed = machines.filter((m) => m.status === 'Failed');
    const skipped = machines.filter((m) => m.status === 'Skipped');
    const out = [];
    const where = `deploy order ${outcome.resolved.deployOrderId}`;
    for (const m of failed.slice(0, MAX_PER_LEVEL)) {
        out.push({
            level: 'error',
            title: `Machine ${m.machineSn} (${m.ip}) failed`,
            message: `Batch ${m.batchNum} of ${where}: Failed, agent ${m.clientStatus || 'unknown'}; ${actionText(m, f)}.`,
        });
    }
    if (failed.length > MAX_PER_LEVEL) {
        out.push({
            level: 'error',
            title: `${failed.length - MAX_PER_LEVEL} more failed machines`,
            message: 'See the job summary and the JSON report (output report-path).',
        });
    }
    for (const m of skipped.slice(0, MAX_PER_LEVEL)) {
        out.push({
            level: 'warning',
            title: `Machine ${m.machineSn} (${m.ip}) skipped`,
            message: `Batch ${m.batchNum} of ${where}: ${actionText(m, f)} (agent ${m.clientStatus || 'unknown'}). It did not get this release.`,
        });
    }
    if (skipped.length > MAX_PER_LEVEL) {
        out.push({
            level: 'warning',
            title: `${skipped.length - MAX_PER_LEVEL} more skipped machines`,
            message: 'See the job summary and the JSON report (output report-path).',
        });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/report/json-report.ts
// The JSON report (output report-path): the final order as Yunxiao sent it, every machine, every
// action taken and the verdict. Ids are exact strings (the order was parsed losslessly).


const REPORT_SCHEMA_VERSION = 1;
/** Stands for the order's JSON text, spliced in as it is (parsing it again would cost a tree). */
const RAW = Symbol('raw order');
function reportOf(outcome) {
    const f = factsOf(outcome);
    return {
        schemaVersion: REPORT_SCHEMA_VERSION,
        tool: { name: 'yunxiao-deploy-gate', version: version/* VERSION */.x },
        verdict: { result: outcome.result, reason: outcome.reason },
        resolved: outcome.resolved,
        api: { kind: outcome.api, edition: outcome.edition, organizationId: outcome.organizationId },
        policy: outcome.policy,
        timing: {
            startedAt: outcome.startedAt,
            finishedAt: outcome.finishedAt,
            durationSeconds: outcome.durationSeconds,
        },
        counts: f.counts,
        stoppedOnCancel: outcome.stoppedOnCancel,
        // Every machine is in deployOrder; these are the ones that need a look, with what this run did.
        machinesNeedingALook: f.needsLook.map((m) => ({
            machineSn: m.machineSn,
            ip: m.ip,
            hostName: m.hostName,
            batch: m.batchNum,
            status: m.status,
            clientStatus: m.clientStatus,
            action: actionText(m, f),
        })),
        actions: outcome.taken,
        skippedMachines: f.skippedByUs,
        failedMachines: f.failedSns,
        artifactUrl: outcome.artifactUrl,
        machineLogs: outcome.machineLogs,
        warnings: outcome.warnings,
        deployOrder: outcome.rawOrderJson === undefined ? (outcome.order ?? null) : RAW,
    };
}
/**
 * The report as the parts of one JSON text, one top-level field per line with compact values: the
 * deploy order of a large host group is several MB, written as it came rather than copied again.
 */
function reportParts(outcome) {
    const parts = ['{\n'];
    const entries = Object.entries(reportOf(outcome)).filter(([, v]) => v !== undefined);
    entries.forEach(([k, v], i) => {
        parts.push(`  ${JSON.stringify(k)}: `, v === RAW ? (outcome.rawOrderJson ?? 'null') : JSON.stringify(v), i < entries.length - 1 ? ',\n' : '\n');
    });
    parts.push('}\n');
    return parts;
}
function reportJson(outcome) {
    return reportParts(outcome).join('');
}

;// CONCATENATED MODULE: ./src/report/outputs.ts
// The step outputs of the contract, every one on every path that reached a deploy order.

const OUTPUT_NAMES = (/* unused pure expression or super */ null && ([
    'result',
    'status',
    'deploy-order-id',
    'pipeline-run-id',
    'job-id',
    'job-name',
    'current-batch',
    'total-batch',
    'machines-total',
    'machines-succeeded',
    'machines-failed',
    'machines-skipped',
    'skipped-machines',
    'failed-machines',
    'report-path',
    'artifact-url',
    'deploy-url',
    'duration-seconds',
]));
function outputsOf(outcome, reportPath) {
    const f = factsOf(outcome);
    const order = outcome.order;
    const r = outcome.resolved;
    return {
        result: outcome.result,
        status: order?.status ?? '',
        'deploy-order-id': r.deployOrderId,
        'pipeline-run-id': r.pipelineRunId ?? '',
        'job-id': r.jobId ?? '',
        'job-name': r.jobName ?? '',
        'current-batch': order ? String(order.currentBatch) : '',
        'total-batch': order ? String(order.totalBatch) : '',
        'machines-total': order ? String(f.counts.total) : '',
        'machines-succeeded': order ? String(f.counts.succeeded) : '',
        'machines-failed': order ? String(f.counts.failed) : '',
        'machines-skipped': order ? String(f.counts.skipped) : '',
        'skipped-machines': JSON.stringify(f.skippedByUs),
        'failed-machines': JSON.stringify(f.failedSns),
        'report-path': reportPath ?? '',
        'artifact-url': outcome.artifactUrl ?? '',
        'deploy-url': r.deployUrl ?? '',
        'duration-seconds': String(outcome.durationSeconds),
    };
}

;// CONCATENATED MODULE: ./src/report/summary.ts



const HEADLINE = {
    success: ['✅', 'Deploy succeeded'],
    failure: ['❌', 'Deploy failed'],
    'timed-out': ['⏱️', 'Deploy gate timed out'],
    cancelled: ['🛑', 'Deploy cancelled'],
    'in-progress': ['⏳', 'Deploy in progress'],
};
const MAX_TIMELINE_ROWS = 200;
const MAX_BATCH_ROWS = 100;
const MAX_WARNINGS = 20;
const MAX_LOG_CHARS = 4000;
function renderSummary(outcome, opts = {}) {
    const maxBytes = opts.maxBytes ?? 1_000_000;
    const maxMachineRows = opts.maxMachineRows ?? 300;
    const f = factsOf(outcome);
    const head = [headline(outcome), facts(outcome, f)].join('\n');
    const batches = batchSection(outcome, f, maxMachineRows);
    const tail = [timeline(outcome), logs(outcome), warnings(outcome), links(outcome)]
        .filter(Boolean)
        .join('\n');
    // What is left goes to the machines that need a look, which are listed in full when they fit.
    const room = maxBytes - bytes(head) - bytes(batches) - bytes(tail) - 512;
    const parts = [head, needsLook(outcome, f, room), batches, tail];
    let text = parts.filter(Boolean).join('\n');
    if (bytes(text) > maxBytes)
        text =
            truncateBytes(text, maxBytes - 200) + '\n\n… summary cut at the size limit; see the JSON report.\n';
    return text;
}
function headline(o) {
    const [icon, words] = HEADLINE[o.result];
    const took = o.durationSeconds > 0 ? ` in ${formatDuration(o.durationSeconds * 1000)}` : '';
    return `## ${icon} ${words} — deploy order ${o.resolved.deployOrderId}${took}\n\n${cell(o.reason, false)}\n`;
}
function facts(o, f) {
    const r = o.resolved;
    const order = o.order;
    const rows = [
        ['Pipeline', code(r.pipelineId)],
        [
            'Run',
            r.pipelineRunId ? (r.deployUrl ? `[${r.pipelineRunId}](${r.deployUrl})` : code(r.pipelineRunId)) : '—',
        ],
        ['Job', r.jobName ? `${cell(r.jobName)}${r.jobId ? ` (${code(r.jobId)})` : ''}` : '—'],
        ['Deploy order', code(r.deployOrderId)],
        ['Status', order ? cell(order.status) : 'not read'],
        ['Batches', order ? `${order.currentBatch} / ${order.totalBatch}` : '—'],
        [
            'Machines',
            order
                ? `${f.counts.total}: ${f.counts.succeeded} succeeded, ${f.counts.failed} failed, ${f.counts.skipped} skipped, ${f.counts.other} other`
                : '—',
        ],
        ['API', o.api === 'openapi' ? `OpenAPI (${o.edition ?? 'central'} edition)` : 'classic (AccessKey)'],
        ['Policy', policyText(o)],
    ];
    if (o.stoppedOnCancel !== undefined) {
        rows.push([
            'On cancel',
            o.stoppedOnCancel ? 'the deploy order was **stopped**' : 'the deploy order was **left running**',
        ]);
    }
    if (o.artifactUrl)
        rows.push(['Artifact', `[download](${o.artifactUrl})`]);
    return `| | |\n|---|---|\n${rows.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}\n`;
}
function policyText(o) {
    const p = o.policy;
    const budget = describeBudget(p.maxSkipped, o.order?.machines.length ?? 0);
    return `skip-unreachable ${p.skipUnreachable}, ${budget}, retry-failed ${p.retryFailed}, resume ${p.resume}, on-failure ${p.onFailure}`;
}
function batchSection(o, f, maxMachineRows) {
    const machines = o.order?.machines ?? [];
    if (machines.length === 0)
        return '';
    const byBatch = new Map();
    for (const m of machines) {
        const list = byBatch.get(m.batchNum);
        if (list)
            list.push(m);
        else
            byBatch.set(m.batchNum, [m]);
    }
    const batches = [...byBatch.keys()].sort((a, b) => a - b);
    const lines = [
        '### Batches',
        '',
        '| Batch | Machines | Success | Failed | Skipped | Other |',
        '|---|---|---|---|---|---|',
    ];
    for (const b of batches.slice(0, MAX_BATCH_ROWS)) {
        const list = byBatch.get(b) ?? [];
        const n = (s) => list.filter((m) => m.status === s).length;
        const other = list.length - n('Success') - n('Failed') - n('Skipped');
        const current = o.order && b === o.order.currentBatch ? ' (current)' : '';
        lines.push(`| ${b}${current} | ${list.length} | ${n('Success')} | ${n('Failed')} | ${n('Skipped')} | ${other} |`);
    }
    if (batches.length > MAX_BATCH_ROWS)
        lines.push(`| … | ${batches.length - MAX_BATCH_ROWS} more batches | | | | |`);
    lines.push('');
    if (machines.length <= maxMachineRows) {
        for (const b of batches) {
            lines.push(`<details><summary>Batch ${b}: machines</summary>`, '', machineTable(byBatch.get(b) ?? [], f), '</details>', '');
        }
    }
    else {
        lines.push(`_${machines.length} machines: successes are counted above rather than listed; every machine is in the JSON report._`, '');
    }
    return lines.join('\n');
}
function needsLook(o, f, room) {
    if (f.needsLook.length === 0)
        return '';
    const header = `### Machines that need a look (${f.needsLook.length})\n\n${TABLE_HEAD}\n`;
    let out = header;
    let shown = 0;
    for (const m of f.needsLook) {
        const row = machineRow(m, f) + '\n';
        if (bytes(out) + bytes(row) > room - 200)
            break;
        out += row;
        shown++;
    }
    if (shown < f.needsLook.length)
        out += `\n**${f.needsLook.length - shown} more machines not shown; see the JSON report (output \`report-path\`).**\n`;
    return out;
}
const TABLE_HEAD = '| Machine | IP | Batch | Status | Agent | Action |\n|---|---|---|---|---|---|';
function machineTable(list, f) {
    return `${TABLE_HEAD}\n${list.map((m) => machineRow(m, f)).join('\n')}\n`;
}
function machineRow(m, f) {
    const agent = m.clientStatus === 'error' ? '⚠️ error' : cell(m.clientStatus || '—');
    return `| ${code(m.machineSn)} | ${cell(m.ip || '—')} | ${m.batchNum} | ${cell(m.status)} | ${agent} | ${cell(actionText(m, f))} |`;
}
function timeline(o) {
    if (o.taken.length === 0)
        return '';
    const rows = o.taken.slice(0, MAX_TIMELINE_ROWS).map((a) => {
        const outcome = a.outcome === 'ok' ? 'ok' : `❌ ${cell(a.detail ?? 'error')}`;
        return `| ${a.at.slice(11, 19)} | ${a.kind} | ${a.machineSn ? code(a.machineSn) : 'order'} | ${outcome} | ${cell(a.reason)} |`;
    });
    const more = o.taken.length > MAX_TIMELINE_ROWS
        ? `\n_${o.taken.length - MAX_TIMELINE_ROWS} more actions in the JSON report._\n`
        : '';
    return `### Timeline\n\n| Time (UTC) | Action | Machine | Outcome | Why |\n|---|---|---|---|---|\n${rows.join('\n')}\n${more}`;
}
function logs(o) {
    const entries = Object.entries(o.machineLogs);
    if (entries.length === 0)
        return '';
    const blocks = entries.map(([sn, text]) => {
        const body = text.length > MAX_LOG_CHARS ? `…${text.slice(-MAX_LOG_CHARS)}` : text;
        const fence = '`'.repeat(Math.max(3, longestBacktickRun(body) + 1));
        return `<details><summary>Deploy log of ${escapeHtml(sn)} (last lines)</summary>\n\n${fence}text\n${body}\n${fence}\n\n</details>\n`;
    });
    return `### Deploy logs of failed machines\n\n${blocks.join('\n')}`;
}
function warnings(o) {
    if (o.warnings.length === 0)
        return '';
    const shown = o.warnings.slice(0, MAX_WARNINGS).map((w) => `- ${cell(w, false)}`);
    if (o.warnings.length > MAX_WARNINGS)
        shown.push(`- … and ${o.warnings.length - MAX_WARNINGS} more in the JSON report`);
    return `### Warnings\n\n${shown.join('\n')}\n`;
}
function links(o) {
    return o.resolved.deployUrl ? `[Open the pipeline run in Yunxiao](${o.resolved.deployUrl})\n` : '';
}
/** Text from outside (names, messages) made safe for a table cell or a line. */
function cell(text, inTable = true) {
    const safe = escapeHtml(text).replace(/\r?\n/g, ' ');
    return inTable ? safe.replace(/\|/g, '\\|') : safe;
}
function code(text) {
    return `\`${text.replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
}
function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
function longestBacktickRun(text) {
    let max = 0;
    for (const run of text.match(/`+/g) ?? [])
        max = Math.max(max, run.length);
    return max;
}
function bytes(text) {
    return Buffer.byteLength(text);
}
function truncateBytes(text, max) {
    return Buffer.from(text)
        .subarray(0, max)
        .toString('utf8')
        .replace(/\uFFFD$/, '');
}
/** A crude terminal rendering for the demo: tags dropped, tables kept as they are. */
function summaryToText(markdown) {
    return markdown
        .replace(/<summary>(.*?)<\/summary>/g, '▸ $1')
        .replace(/<\/?[a-z][^>]*>/g, '')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&')
        .replace(/\n{3,}/g, '\n\n');
}

;// CONCATENATED MODULE: ./src/runner/finish.ts
// The end of every run that got as far as a deploy order: outputs, the JSON report, the job summary,
// annotations, and the one failure message. Success, failure, timeout and cancel all come through here.







async function finish(outcome, config, io) {
    const finished = new Date();
    outcome.finishedAt = finished.toISOString();
    outcome.durationSeconds = secondsSince(outcome.startedAt, finished);
    for (const [sn, lines] of Object.entries(outcome.machineLogs)) {
        io.group(`Deploy log of failed machine ${sn} (last lines)`, lines.split('\n'));
    }
    let reportPath;
    try {
        reportPath = await writeReport(outcome);
    }
    catch (err) {
        io.warning(`Could not write the JSON report: ${err instanceof Error ? err.message : String(err)}`);
    }
    for (const [name, value] of Object.entries(outputsOf(outcome, reportPath)))
        io.setOutput(name, value);
    if (config.summary)
        await writeSummarySafely(io, renderSummary(outcome));
    for (const annotation of annotationsOf(outcome))
        io.annotate(annotation);
    return conclude(io, outcome.result, outcome.reason);
}
/** No deploy order was found (or the run was cut short before): the result and the reason only. */
async function finishUnresolved(io, config, startedAt, result, reason) {
    io.setOutput('result', result);
    io.setOutput('duration-seconds', String(secondsSince(startedAt.toISOString(), new Date())));
    if (config.summary) {
        await writeSummarySafely(io, `## ❌ Deploy gate: no deploy order to watch\n\n${reason}\n\nPipeline \`${config.pipelineId}\`.\n`);
    }
    return conclude(io, result, reason);
}
function conclude(io, result, reason) {
    if (result === 'success' || result === 'in-progress') {
        io.info(reason);
        return 0;
    }
    io.fail(reason);
    return 1;
}
async function writeReport(outcome) {
    const dir = process.env['RUNNER_TEMP'] || (0,external_node_os_.tmpdir)();
    await (0,promises_.mkdir)(dir, { recursive: true });
    const file = (0,external_node_path_.join)(dir, `yunxiao-deploy-gate-${outcome.resolved.deployOrderId}-${Date.now()}.json`);
    const handle = await (0,promises_.open)(file, 'w');
    try {
        for (const part of reportParts(outcome))
            await handle.write(part);
    }
    finally {
        await handle.close();
    }
    return file;
}
async function writeSummarySafely(io, markdown) {
    try {
        await io.writeSummary(markdown);
    }
    catch (err) {
        // Outside a runner (no GITHUB_STEP_SUMMARY) there is nowhere to write it; not a deploy problem.
        io.debug(`Job summary not written: ${err instanceof Error ? err.message : String(err)}`);
    }
}
function secondsSince(startIso, end) {
    return Math.max(0, Math.round((end.getTime() - Date.parse(startIso)) / 1000));
}

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/command.js
var command = __webpack_require__(9635);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/file-command.js
var file_command = __webpack_require__(2902);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/summary.js
var summary = __webpack_require__(1170);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/utils.js
var utils = __webpack_require__(4679);
;// CONCATENATED MODULE: ./src/runner/io.ts
// The one place the action talks to the runner: log commands, outputs, the summary, annotations.
//
// It is built from @actions/core's own command, file-command and summary modules, not from its
// index: core.js also imports its OIDC client, which brings a second HTTP stack (undici 6, compiling
// its WebAssembly parser as it loads). That cost every run ~40 MB of memory and ~30 ms of start-up
// for a feature this action never uses. Each function below is what core.js does for the same call.





const io_io = {
    /** INPUT_<NAME> as the runner sets it (core.getInput), trimmed. */
    input: (name) => (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim(),
    mask: (secret) => (0,command/* issueCommand */.L)('add-mask', {}, secret),
    info: (line) => void process.stdout.write(line + external_node_os_.EOL),
    warning: (line) => (0,command/* issueCommand */.L)('warning', {}, line),
    debug: (line) => (0,command/* issueCommand */.L)('debug', {}, line),
    group(title, lines) {
        (0,command/* issue */.s)('group', title);
        for (const line of lines)
            process.stdout.write(line + external_node_os_.EOL);
        (0,command/* issue */.s)('endgroup');
    },
    annotate(a) {
        (0,command/* issueCommand */.L)(a.level, (0,utils/* toCommandProperties */.k)({ title: a.title }), a.message);
    },
    setOutput(name, value) {
        if (process.env['GITHUB_OUTPUT'])
            return (0,file_command/* issueFileCommand */.n)('OUTPUT', (0,file_command/* prepareKeyValueMessage */.v)(name, value));
        process.stdout.write(external_node_os_.EOL);
        (0,command/* issueCommand */.L)('set-output', { name }, (0,utils/* toCommandValue */.E)(value));
    },
    /** The step's failure message (the exit code is set by the entry point). */
    fail: (message) => (0,command/* issueCommand */.L)('error', {}, message),
    async writeSummary(markdown) {
        await summary/* summary */.z.addRaw(markdown, true).write({ overwrite: false });
    },
};

;// CONCATENATED MODULE: ./src/runner/signals.ts
// Cancellation: the runner sends SIGINT, then SIGTERM 7.5 s later, then kills the process 2.5 s
// after that. The first signal starts an orderly finish; later ones are absorbed so that finish
// (stop request, outputs, report, summary) is not cut short by Node's default exit.
function onCancel(handler) {
    let fired = false;
    const listener = (signalName) => {
        if (fired)
            return;
        fired = true;
        handler(signalName);
    };
    process.on('SIGINT', listener);
    process.on('SIGTERM', listener);
    return {
        release() {
            process.off('SIGINT', listener);
            process.off('SIGTERM', listener);
        },
    };
}

;// CONCATENATED MODULE: ./src/runner/sleep.ts
// A timer that the deadline or a cancel cuts short (rejecting with the signal's reason).
function sleep(ms, signal) {
    if (signal.aborted)
        return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal.reason);
        };
        const timer = setTimeout(() => {
            signal.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        signal.addEventListener('abort', onAbort, { once: true });
    });
}

;// CONCATENATED MODULE: ./src/main.ts













/** After the deadline: time left to stop the order and read it once more. */
const AFTER_DEADLINE_MS = 5000;
/** After a cancel the runner kills us 10 s after SIGINT: the stop must be done within 5 s. */
const AFTER_CANCEL_MS = 4000;
/** Time allowed for fetching logs and the artifact URL (shorter when cancelled). */
const EXTRAS_MS = 10_000;
const EXTRAS_ON_CANCEL_MS = 1500;
/** Runs the action; resolves to the process exit code. */
async function run(io = io_io) {
    const startedAt = new Date();
    const parsed = parseInputs(io.input, io.mask);
    if (!parsed.ok) {
        io.fail(`Invalid inputs (nothing was sent to Yunxiao):\n${parsed.errors.map((e) => `  - ${e}`).join('\n')}`);
        return 1;
    }
    const config = parsed.config;
    const deadline = new AbortController();
    const cancel = new AbortController();
    const timer = setTimeout(() => deadline.abort(new DeadlineReached(config.timeoutMs)), config.timeoutMs);
    const listening = onCancel((signalName) => {
        io.warning(`Received ${signalName}: the workflow run is being cancelled; the watch stops now.`);
        cancel.abort(new RunCancelled(signalName));
    });
    const signal = AbortSignal.any([deadline.signal, cancel.signal]);
    const dispatcher = await createDispatcher(process.env);
    try {
        const api = await createApi(config, dispatcher, io.debug);
        return await gate(config, api, dispatcher, io, startedAt, signal);
    }
    catch (err) {
        // A bug of ours: still one clear line, the stack only in debug output.
        io.debug(err instanceof Error ? (err.stack ?? err.message) : String(err));
        io.fail(`yunxiao-deploy-gate failed unexpectedly: ${messageOf(err)}`);
        return 1;
    }
    finally {
        clearTimeout(timer);
        listening.release();
        // Keep-alive sockets would hold the process open for seconds after the verdict.
        await dispatcher.destroy().catch(() => undefined);
    }
}
async function gate(config, api, dispatcher, io, startedAt, signal) {
    let resolution;
    try {
        resolution = await resolveDeployOrder(config, {
            api,
            signal,
            pollIntervalMs: config.pollIntervalMs,
            sleep: sleep,
            log: io.info,
        });
    }
    catch (err) {
        const cause = signal.aborted ? signal.reason : err;
        const result = cause instanceof RunCancelled
            ? 'cancelled'
            : cause instanceof DeadlineReached
                ? 'timed-out'
                : 'failure';
        return finishUnresolved(io, config, startedAt, result, `Could not find the deploy order to watch: ${messageOf(cause)}`);
    }
    const url = deployUrl({ api: api.kind, edition: config.edition, endpoint: config.endpoint }, config.pipelineId, resolution.pipelineRunId);
    io.info(`Deploy order ${resolution.deployOrderId} of pipeline ${config.pipelineId}` +
        (resolution.pipelineRunId ? `, run ${resolution.pipelineRunId}` : '') +
        (resolution.jobName ? `, job "${resolution.jobName}"` : '') +
        ` (${resolution.calls} lookup calls): ${url}`);
    let deployment;
    if (config.environment) {
        const { startDeployment } = await __webpack_require__.e(/* import() */ 808).then(__webpack_require__.bind(__webpack_require__, 9808));
        deployment = await startDeployment({
            environment: config.environment,
            githubToken: config.githubToken ?? '',
            environmentUrl: url,
            description: `Yunxiao deploy order ${resolution.deployOrderId}`,
            dispatcher,
            warn: io.warning,
            info: io.info,
        });
    }
    const state = newWatchState();
    const ctx = {
        api,
        pipelineId: config.pipelineId,
        deployOrderId: resolution.deployOrderId,
        policy: config.policy,
        pollIntervalMs: config.pollIntervalMs,
        signal,
        sleep: sleep,
        log: { info: io.info, warning: io.warning, group: io.group },
    };
    let final;
    let stoppedOnCancel;
    try {
        final = config.wait ? await watch(ctx, state) : await readOnce(ctx, state);
    }
    catch (err) {
        const cause = signal.aborted ? signal.reason : err;
        if (cause instanceof RunCancelled) {
            stoppedOnCancel = config.stopOnCancel
                ? await stopOrder(ctx, state, AFTER_CANCEL_MS, 'stop-on-cancel: the workflow run was cancelled')
                : false;
            final = {
                result: 'cancelled',
                reason: `The workflow run was cancelled while watching deploy order ${resolution.deployOrderId}; ` +
                    (stoppedOnCancel ? 'the order was stopped.' : 'the order was left running in Yunxiao.'),
            };
        }
        else if (cause instanceof DeadlineReached) {
            for (const action of actionsOnTimeout(state.order, config.policy, state.memory)) {
                await stopOrder(ctx, state, AFTER_DEADLINE_MS, action.reason);
            }
            final = {
                result: 'timed-out',
                reason: `Deploy order ${resolution.deployOrderId} did not finish within ${formatDuration(config.timeoutMs)} ` +
                    `(last status ${state.order?.status ?? 'unknown'}, batch ${state.order?.currentBatch ?? '?'}/${state.order?.totalBatch ?? '?'}).`,
            };
        }
        else {
            final = {
                result: 'failure',
                reason: `Reading deploy order ${resolution.deployOrderId} failed: ${messageOf(cause)}`,
            };
        }
    }
    const cancelled = cancelledByRunner(signal);
    const extras = AbortSignal.timeout(cancelled ? EXTRAS_ON_CANCEL_MS : EXTRAS_MS);
    const machineLogs = config.machineLogs && state.order
        ? await fetchFailedLogs(api, state.order, config.pipelineId, extras, io.warning)
        : {};
    const outcome = {
        result: final.result,
        reason: final.reason,
        api: api.kind,
        edition: api.kind === 'openapi' ? config.edition : undefined,
        organizationId: config.organizationId,
        policy: config.policy,
        resolved: {
            pipelineId: config.pipelineId,
            deployOrderId: resolution.deployOrderId,
            pipelineRunId: resolution.pipelineRunId,
            jobId: resolution.jobId,
            jobName: resolution.jobName,
            deployUrl: url,
        },
        order: state.order,
        rawOrderJson: state.order ? api.lastRawDeployOrderJson() : undefined,
        taken: state.memory.taken,
        machineLogs,
        warnings: state.warnings,
        startedAt: startedAt.toISOString(),
        finishedAt: '',
        durationSeconds: 0,
        stoppedOnCancel,
    };
    await addArtifactUrl(outcome, config, api, resolution, extras, io);
    const code = await finish(outcome, config, io);
    // GitHub is a record, not the verdict: bounded, so it never holds the step past the runner's window.
    if (deployment)
        await withinMs(deployment.finish(outcome.result), cancelled ? EXTRAS_ON_CANCEL_MS : EXTRAS_MS);
    return code;
}
function withinMs(work, ms) {
    let timer;
    const limit = new Promise((resolve) => (timer = setTimeout(resolve, ms)));
    return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}
function cancelledByRunner(signal) {
    return signal.aborted && signal.reason instanceof RunCancelled;
}
/** wait: false — one read; `in-progress` unless the order already ended. */
async function readOnce(ctx, state) {
    const order = await ctx.api.getDeployOrder(ctx.pipelineId, ctx.deployOrderId, { signal: ctx.signal });
    state.order = order;
    state.polls = 1;
    if (order.status === 'Success' || order.status === 'Cancelled') {
        const decision = decide(order, ctx.policy, state.memory);
        if (decision.verdict)
            return decision.verdict;
    }
    return {
        result: 'in-progress',
        reason: `Deploy order ${ctx.deployOrderId} is ${order.status} (batch ${order.currentBatch}/${order.totalBatch}); not waiting for it (wait: false).`,
    };
}
/** Stops the order within `boundMs` (the main signal has already fired) and reads it once more. */
async function stopOrder(ctx, state, boundMs, reason) {
    const order = state.order;
    if (order && (order.status === 'Success' || order.status === 'Cancelled'))
        return false;
    const bounded = { ...ctx, signal: AbortSignal.timeout(boundMs) };
    let ok = false;
    try {
        const taken = await perform(bounded, { kind: 'stop', reason });
        state.memory.taken.push(taken);
        ok = taken.outcome === 'ok';
        state.order = await ctx.api.getDeployOrder(ctx.pipelineId, ctx.deployOrderId, { signal: bounded.signal });
    }
    catch {
        // Out of time: the report says what is known.
    }
    return ok;
}
async function addArtifactUrl(outcome, config, api, resolution, signal, io) {
    const coords = config.emas ?? resolution.emasFromRun;
    const got = await fetchArtifactUrl(api, coords && {
        ...coords,
        pipelineId: config.pipelineId,
        pipelineRunId: resolution.pipelineRunId ?? config.pipelineRunId,
    }, signal);
    if (!got)
        return;
    if ('url' in got) {
        outcome.artifactUrl = got.url;
        return;
    }
    const line = `Could not get the EMAS artifact URL: ${got.error}`;
    if (config.emas && outcome.result === 'success') {
        // Asked for explicitly: a later step depends on it, so the step must not pass without it.
        outcome.result = 'failure';
        outcome.reason = `The deploy succeeded, but ${line.charAt(0).toLowerCase()}${line.slice(1)}`;
    }
    else {
        io.warning(line);
        outcome.warnings.push(line);
    }
}


/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ USER_AGENT),
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
const VERSION = '0.1.0';
const USER_AGENT = `yunxiao-deploy-gate/${VERSION}`;


/***/ })

};
