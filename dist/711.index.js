export const id = 711;
export const ids = [711];
export const modules = {

/***/ 6711:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ClassicClient: () => (/* binding */ ClassicClient)
});

// UNUSED EXPORTS: CLASSIC_VERSION, classicFailure

// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/client/errors.ts
var errors = __webpack_require__(6468);
// EXTERNAL MODULE: ./src/client/http.ts
var http = __webpack_require__(7915);
// EXTERNAL MODULE: ./src/client/json.ts
var json = __webpack_require__(5925);
// EXTERNAL MODULE: ./src/client/normalize.ts
var normalize = __webpack_require__(8520);
// EXTERNAL MODULE: ./src/client/redact.ts
var redact = __webpack_require__(5078);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/client/signer.ts
// ACS3-HMAC-SHA256 request signing for the classic Yunxiao API (yunxiao-api.md section 3), as
// Alibaba Cloud's current SDKs compute it. Pure apart from the clock and the random nonce defaults.

const ALGORITHM = 'ACS3-HMAC-SHA256';
/** RFC 3986: everything but A-Z a-z 0-9 - _ . ~ percent-encoded over UTF-8 (space %20, `*` %2A). */
function percentEncode(text) {
    // toWellFormed: a lone surrogate (possible in JSON text) must not make encodeURIComponent throw
    return encodeURIComponent(text.toWellFormed()).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
/** Each segment encoded, the separating slashes kept (a `/` inside a segment would be %2F). */
function encodePath(path) {
    return path.split('/').map(percentEncode).join('/');
}
/** Keys sorted by their raw text (as the SDKs do), then `k=v` encoded and joined by `&`; undefined dropped. */
function canonicalQuery(query) {
    return Object.keys(query)
        .filter((k) => query[k] !== undefined)
        .sort()
        .map((k) => `${percentEncode(k)}=${percentEncode(query[k] ?? '')}`)
        .join('&');
}
const sha256Hex = (data) => (0,external_node_crypto_.createHash)('sha256').update(data, 'utf8').digest('hex');
/** `YYYY-MM-DDTHH:mm:ssZ` in UTC, no milliseconds. */
function acsDate(d) {
    return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
/** The headers that take part in the signature: host, content-type and every x-acs-*. */
const isSigned = (name) => name === 'host' || name === 'content-type' || name.startsWith('x-acs-');
function signRequest(req) {
    const body = req.body ?? '';
    const bodyHash = sha256Hex(body);
    const headers = {
        host: req.host,
        'x-acs-action': req.action,
        'x-acs-version': req.version,
        'x-acs-date': acsDate(req.date ?? new Date()),
        'x-acs-signature-nonce': req.nonce ?? (0,external_node_crypto_.randomBytes)(16).toString('hex'),
        'x-acs-content-sha256': bodyHash,
    };
    if (body || req.contentType)
        headers['content-type'] = req.contentType ?? 'application/json';
    if (req.securityToken)
        headers['x-acs-security-token'] = req.securityToken;
    const names = Object.keys(headers)
        .map((h) => h.toLowerCase())
        .filter(isSigned)
        .sort();
    const signedHeaders = names.join(';');
    const canonicalHeaders = names.map((h) => `${h}:${(headers[h] ?? '').trim()}\n`).join('');
    const path = encodePath(req.path);
    const query = canonicalQuery(req.query ?? {});
    const canonicalRequest = [
        req.method.toUpperCase(),
        path,
        query,
        canonicalHeaders,
        signedHeaders,
        bodyHash,
    ].join('\n');
    const stringToSign = `${ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
    const signature = (0,external_node_crypto_.createHmac)('sha256', req.accessKeySecret).update(stringToSign, 'utf8').digest('hex');
    headers['authorization'] =
        `${ALGORITHM} Credential=${req.accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`;
    return { headers, canonicalRequest, stringToSign, signature, url: { path, query } };
}

;// CONCATENATED MODULE: ./src/client/classic.ts







const CLASSIC_VERSION = '2021-06-25';
/** Rows per history page: the documented maximum. */
const HISTORY_PAGE_SIZE = 50;
/** GetVMDeployOrder's envelope: only the order's fields that the model reads are built. */
const ORDER_ENVELOPE_FIELDS = { deployOrder: normalize/* DEPLOY_ORDER_FIELDS */.PS };
class ClassicClient {
    opts;
    kind = 'classic';
    transport;
    origin;
    /** the last order as it came (its bytes, in orderBody), for the report */
    lastOrder;
    orderBody = new http/* BodyBuffer */.FJ();
    constructor(opts) {
        this.opts = opts;
        this.origin = new URL(opts.endpoint);
        this.transport = new http/* Transport */.oK({
            dispatcher: opts.dispatcher,
            userAgent: version/* USER_AGENT */._,
            requestTimeoutMs: opts.requestTimeoutMs,
            retry: opts.retry,
            random: opts.random,
            debug: opts.debug,
            secrets: [opts.accessKeySecret, opts.securityToken ?? ''].filter(Boolean),
            failureOf: classicFailure,
            hintFor: errors/* classicHint */.Eu,
        });
    }
    async listDeployJobs(pipelineId, o) {
        const body = await this.call('ListPipelineJobs', 'POST', `/pipeline/${pipelineId}/jobs`, { category: 'DEPLOY' }, false, o);
        return (0,normalize/* toDeployJobs */.pX)(body['jobs']);
    }
    async listJobHistory(pipelineId, identifier, cursor, o) {
        const query = {
            category: 'DEPLOY',
            identifier,
            maxResults: String(HISTORY_PAGE_SIZE),
            nextToken: cursor,
        };
        const body = await this.call('ListPipelineJobHistorys', 'POST', `/pipeline/${pipelineId}/job/historys`, query, false, o);
        const next = typeof body['nextToken'] === 'string' && body['nextToken'] !== '' ? body['nextToken'] : undefined;
        return { items: (0,normalize/* toJobHistory */.Bi)(body['jobs']), next };
    }
    async getPipelineRun(pipelineId, pipelineRunId, o) {
        const body = await this.call('GetPipelineRun', 'GET', `/pipelines/${pipelineId}/pipelineRuns/${pipelineRunId}`, {}, false, o);
        return (0,normalize/* toPipelineRun */.Tk)(body['pipelineRun']);
    }
    async getDeployOrder(pipelineId, deployOrderId, o) {
        // The answer is read into the buffer the last one is in: that one is let go of first.
        this.lastOrder = undefined;
        const { body, read } = await this.callWithText('GetVMDeployOrder', 'GET', this.orderPath(pipelineId, deployOrderId), {}, false, o, ORDER_ENVELOPE_FIELDS, this.orderBody);
        const order = (0,normalize/* toDeployOrderRead */.Jm)(body['deployOrder']);
        // The payload inside the envelope, as it came, for the report.
        this.lastOrder = read.member('deployOrder');
        return order;
    }
    lastRawDeployOrder() {
        return this.lastOrder;
    }
    stopDeployOrder(pipelineId, deployOrderId, o) {
        return this.write('StopVMDeployOrder', `${this.orderPath(pipelineId, deployOrderId)}/stop`, o);
    }
    resumeDeployOrder(pipelineId, deployOrderId, o) {
        return this.write('ResumeVMDeployOrder', `${this.orderPath(pipelineId, deployOrderId)}/resume`, o);
    }
    skipMachine(pipelineId, deployOrderId, machineSn, o) {
        return this.write('SkipPipelineJobMachine', `${this.orderPath(pipelineId, deployOrderId)}/machine/${machineSn}/skip`, o);
    }
    retryMachine(pipelineId, deployOrderId, machineSn, o) {
        return this.write('RetryVMDeployMachine', `${this.orderPath(pipelineId, deployOrderId)}/machine/${machineSn}/retry`, o);
    }
    async getMachineLog(pipelineId, deployOrderId, machineSn, o) {
        const path = `${this.orderPath(pipelineId, deployOrderId)}/machine/${machineSn}/log`;
        const body = await this.call('GetVMDeployMachineLog', 'GET', path, {}, false, o);
        return (0,normalize/* toMachineLog */.RE)(body['deployMachineLog']);
    }
    async getEmasArtifactUrl(req, o) {
        const path = `/pipeline/${req.pipelineId}/pipelineRun/${req.pipelineRunId}/emas/artifact/${req.emasJobInstanceId}/${req.md5}`;
        const body = await this.call('GetPipelineEmasArtifactUrl', 'POST', path, { serviceConnectionId: req.serviceConnectionId }, false, o);
        const url = body['fileUrl'];
        if (typeof url !== 'string' || url === '') {
            throw new errors/* YunxiaoError */.ah({
                operation: 'GetPipelineEmasArtifactUrl',
                status: 200,
                errorMessage: 'the answer has no fileUrl',
                retryable: false,
            });
        }
        return url;
    }
    orderPath(pipelineId, deployOrderId) {
        return `/pipelines/${pipelineId}/deploy/${deployOrderId}`;
    }
    async write(action, path, o) {
        const body = await this.call(action, 'PUT', path, {}, true, o);
        // The envelope says success; some operations add a boolean `result`.
        return body['result'] === undefined ? body['success'] !== false : (0,normalize/* toBoolean */.G4)(body['result']);
    }
    async call(action, method, path, query, write, o) {
        return (await this.callWithText(action, method, path, query, write, o)).body;
    }
    async callWithText(action, method, path, query, write, o, keep = true, into) {
        const fullPath = `/organization/${this.opts.organizationId}${path}`;
        const qs = canonicalQuery(query);
        const url = `${this.origin.origin}${encodePath(fullPath)}${qs ? `?${qs}` : ''}`;
        const res = await this.transport.send({
            operation: action,
            method,
            url,
            headers: {},
            write,
            signal: o?.signal,
            into,
            sign: () => signRequest({
                method,
                host: this.origin.host,
                path: fullPath,
                query,
                action,
                version: CLASSIC_VERSION,
                accessKeyId: this.opts.accessKeyId,
                accessKeySecret: this.opts.accessKeySecret,
                securityToken: this.opts.securityToken,
                date: this.opts.now?.(),
            }).headers,
        });
        try {
            const read = (0,json/* readJson */.Vh)(res.bytes, keep);
            if (read.value && typeof read.value === 'object' && !Array.isArray(read.value)) {
                return { body: read.value, read };
            }
        }
        catch (err) {
            // Not JSON: said below. A shape error (a machine read as it came) says what is wrong itself.
            if (!(err instanceof SyntaxError))
                throw err;
        }
        throw new errors/* YunxiaoError */.ah({
            operation: action,
            status: res.status,
            errorMessage: (0,redact/* redact */.E)(`the answer is not a JSON envelope: ${(0,http/* bodyStart */.ld)(res.text)}`, [
                this.opts.accessKeySecret,
            ]),
            hint: 'check `endpoint` (the classic API is https://devops.cn-hangzhou.aliyuncs.com), or a proxy answered instead',
            retryable: false,
        });
    }
}
/** What classicFailure reads of an envelope (a large order inside it is checked, not built). */
const FAILURE_FIELDS = {
    success: true,
    errorCode: true,
    code: true,
    errorMessage: true,
    message: true,
    requestId: true,
};
/** A failure is HTTP 4xx/5xx or `success: false`, even on HTTP 200. */
function classicFailure(res) {
    let body;
    try {
        const parsed = (0,json/* readJson */.Vh)(res.bytes, FAILURE_FIELDS).value;
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
            body = parsed;
    }
    catch {
        body = undefined;
    }
    const header = (name) => {
        const v = res.headers[name];
        return Array.isArray(v) ? v[0] : v;
    };
    if (!body) {
        if (res.status < 400 && !(0,http/* looksLikeMarkup */.mo)(res))
            return undefined;
        return {
            errorMessage: `non-JSON answer: ${(0,http/* bodyStart */.ld)(res.text)}`,
            requestId: header('x-acs-request-id'),
            retryable: res.status < 400 ? true : undefined,
        };
    }
    if (res.status < 400 && body['success'] !== false)
        return undefined;
    const code = typeof body['errorCode'] === 'string'
        ? body['errorCode']
        : typeof body['code'] === 'string'
            ? body['code']
            : undefined;
    const message = typeof body['errorMessage'] === 'string'
        ? body['errorMessage']
        : typeof body['message'] === 'string'
            ? body['message']
            : undefined;
    const throttled = code?.includes('Throttling') === true;
    return {
        errorCode: code,
        errorMessage: message,
        requestId: typeof body['requestId'] === 'string' ? body['requestId'] : header('x-acs-request-id'),
        throttled,
        retryAfterMs: throttled ? acsRetryAfter(header('x-acs-retry-after')) : undefined,
    };
}
/** x-acs-retry-after: milliseconds, as Alibaba Cloud's SDK retry policies read it. */
function acsRetryAfter(value) {
    if (!value || !/^\d+$/.test(value.trim()))
        return undefined;
    return Number(value);
}


/***/ })

};
