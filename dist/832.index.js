export const id = 832;
export const ids = [832];
export const modules = {

/***/ 6832:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ClassicClient: () => (/* binding */ ClassicClient)
});

// UNUSED EXPORTS: CLASSIC_VERSION, classicFailure

// EXTERNAL MODULE: ./src/version.ts + 1 modules
var version = __webpack_require__(1013);
// EXTERNAL MODULE: ./src/providers/yunxiao/hints.ts
var hints = __webpack_require__(8140);
// EXTERNAL MODULE: ./src/http/transport.ts + 1 modules
var transport = __webpack_require__(2692);
// EXTERNAL MODULE: ./src/http/json.ts
var json = __webpack_require__(2868);
// EXTERNAL MODULE: ./src/http/shape.ts
var shape = __webpack_require__(1513);
// EXTERNAL MODULE: ./src/providers/yunxiao/normalize.ts
var normalize = __webpack_require__(7705);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/providers/yunxiao/signer.ts
// ACS3-HMAC-SHA256 request signing for the classic Yunxiao API (yunxiao-api.md section 3), as
// Alibaba Cloud's current SDKs compute it. Pure apart from the clock and the random nonce defaults.

const ALGORITHM = 'ACS3-HMAC-SHA256';
/** RFC 3986: everything but A-Z a-z 0-9 - _ . ~ percent-encoded over UTF-8 (space %20, `*` %2A). */
function percentEncode(text) {
    // toWellFormed: a lone surrogate (possible in JSON text) must not make encodeURIComponent throw
    return encodeURIComponent(text.toWellFormed()).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
/** `/` and each segment encoded (a `/` inside a segment is %2F). */
function encodePath(segments) {
    return `/${segments.map(percentEncode).join('/')}`;
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

;// CONCATENATED MODULE: ./src/providers/yunxiao/classic.ts







const CLASSIC_VERSION = '2021-06-25';
/** Rows per history page: the documented maximum. */
const HISTORY_PAGE_SIZE = 50;
/** Rows per run list page: what every list of runs takes at least. */
const RUNS_PAGE_SIZE = 30;
/** GetVMDeployOrder's envelope: only the order's fields that the model reads are built. */
const ORDER_ENVELOPE_FIELDS = { deployOrder: normalize/* DEPLOY_ORDER_FIELDS */.PS };
class ClassicClient {
    opts;
    kind = 'classic';
    transport;
    origin;
    /** the machines of the last order read: unchanged ones are not read again */
    orderMemo = new json/* ElementMemo */.le(normalize/* MACHINE_FIELDS */.MC);
    orderBody = new transport/* BodyBuffer */.FJ();
    constructor(opts) {
        this.opts = opts;
        this.origin = new URL(opts.endpoint);
        this.transport = new transport/* Transport */.oK({
            dispatcher: opts.dispatcher,
            userAgent: version/* USER_AGENT */._,
            requestTimeoutMs: opts.requestTimeoutMs,
            retry: opts.retry,
            random: opts.random,
            debug: opts.debug,
            secrets: [opts.accessKeySecret, opts.securityToken ?? ''].filter(Boolean),
            failureOf: classicFailure,
            hintFor: hints/* classicHint */.Eu,
        });
    }
    listDeployJobs(pipelineId, o) {
        return this.call('ListPipelineJobs', 'POST', ['pipeline', pipelineId, 'jobs'], { category: 'DEPLOY' }, o, (body) => (0,normalize/* toDeployJobs */.pX)(body['jobs']));
    }
    listJobHistory(pipelineId, identifier, cursor, o) {
        const query = {
            category: 'DEPLOY',
            identifier,
            maxResults: String(HISTORY_PAGE_SIZE),
            nextToken: cursor,
        };
        return this.call('ListPipelineJobHistorys', 'POST', ['pipeline', pipelineId, 'job', 'historys'], query, o, (body) => {
            const token = body['nextToken'];
            const next = typeof token === 'string' && token !== '' ? token : undefined;
            return { items: (0,normalize/* toJobHistory */.Bi)(body['jobs']), next };
        });
    }
    getPipelineRun(pipelineId, pipelineRunId, o) {
        return this.call('GetPipelineRun', 'GET', ['pipelines', pipelineId, 'pipelineRuns', pipelineRunId], {}, o, (body) => (0,normalize/* checkRunId */.np)((0,normalize/* toPipelineRun */.Tk)(body['pipelineRun']), pipelineRunId));
    }
    getPipeline(pipelineId, o) {
        return this.call('GetPipeline', 'GET', ['pipelines', pipelineId], {}, o, (body) => (0,normalize/* toPipelineDefinition */.rS)(body['pipeline']));
    }
    listPipelineRuns(pipelineId, cursor, o) {
        const query = { maxResults: String(RUNS_PAGE_SIZE), nextToken: cursor };
        return this.call('ListPipelineRuns', 'GET', ['pipelines', pipelineId, 'pipelineRuns'], query, o, (body) => {
            const token = body['nextToken'];
            const next = typeof token === 'string' && token !== '' ? token : undefined;
            return { items: (0,normalize/* toRunRows */.cN)(body['pipelineRuns']), next };
        });
    }
    /**
     * StartPipelineRun: a form body `params=<JSON text>` (the SDK's formData), and the one classic path
     * under /organizations/ (plural), as the official SDKs have it.
     */
    createPipelineRun(pipelineId, params, o) {
        const body = Object.keys(params).length > 0 ? `params=${percentEncode(JSON.stringify(params))}` : '';
        return this.call('StartPipelineRun', 'POST', ['pipelines', pipelineId, 'run'], {}, o, (envelope) => (0,normalize/* toCreatedRunId */.W_)(envelope['pipelineRunId']), {
            write: true,
            root: 'organizations',
            body,
            contentType: 'application/x-www-form-urlencoded',
        });
    }
    getDeployOrder(pipelineId, deployOrderId, o) {
        return this.call('GetVMDeployOrder', 'GET', orderPath(pipelineId, deployOrderId), {}, o, (body, read) => {
            const snapshot = (0,normalize/* toDeployOrderRead */.Jm)(body['deployOrder']);
            if (snapshot.id !== deployOrderId)
                throw (0,normalize/* orderMismatch */.DI)(snapshot.id, deployOrderId);
            // The payload inside the envelope, as it came, for the report.
            const raw = read.member('deployOrder');
            if (!raw)
                throw new shape/* ShapeError */.ym('the envelope has no deployOrder');
            return { snapshot, raw };
        }, { keep: ORDER_ENVELOPE_FIELDS, memo: this.orderMemo, into: this.orderBody, maxBytes: normalize/* MAX_ORDER_BYTES */.A2 });
    }
    lastError() {
        return this.transport.lastError();
    }
    stopDeployOrder(pipelineId, deployOrderId, o) {
        return this.write('StopVMDeployOrder', [...orderPath(pipelineId, deployOrderId), 'stop'], o);
    }
    resumeDeployOrder(pipelineId, deployOrderId, o) {
        return this.write('ResumeVMDeployOrder', [...orderPath(pipelineId, deployOrderId), 'resume'], o);
    }
    skipMachine(pipelineId, deployOrderId, machineSn, o) {
        return this.write('SkipVMDeployMachine', [...machinePath(pipelineId, deployOrderId, machineSn), 'skip'], o);
    }
    retryMachine(pipelineId, deployOrderId, machineSn, o) {
        return this.write('RetryVMDeployMachine', [...machinePath(pipelineId, deployOrderId, machineSn), 'retry'], o);
    }
    getMachineLog(pipelineId, deployOrderId, machineSn, o) {
        return this.call('LogVMDeployMachine', 'GET', [...machinePath(pipelineId, deployOrderId, machineSn), 'log'], {}, o, (body) => (0,normalize/* toMachineLog */.RE)(body['deployMachineLog']), { maxBytes: normalize/* MAX_LOG_BYTES */.w5 });
    }
    getEmasArtifactUrl(req, o) {
        const path = [
            'pipeline',
            req.pipelineId,
            'pipelineRun',
            req.pipelineRunId,
            'emas',
            'artifact',
            req.emasJobInstanceId,
            req.md5,
        ];
        return this.call('GetPipelineEmasArtifactUrl', 'POST', path, { serviceConnectionId: req.serviceConnectionId }, o, (body) => {
            const url = body['fileUrl'];
            if (typeof url !== 'string' || url === '')
                throw new shape/* ShapeError */.ym('the answer has no fileUrl');
            return url;
        });
    }
    write(action, path, o) {
        return this.call(action, 'PUT', path, {}, o, 
        // The envelope says success; some operations add a boolean `result`.
        (body) => (body['result'] === undefined ? body['success'] !== false : (0,normalize/* toBoolean */.G4)(body['result'])), { write: true, empty: false });
    }
    /**
     * One classic call: `path` is the segments after /organization/{id}, each encoded (a machine SN may
     * hold any character), and `payload` reads the envelope. An answer that is not an envelope, or whose
     * payload is not of its shape, is a bad answer (see Transport.send). `empty`: what an empty answer
     * means (a write's says nothing was done).
     */
    call(action, method, path, query, o, payload, opts = {}) {
        const segments = [opts.root ?? 'organization', this.opts.organizationId, ...path];
        const qs = canonicalQuery(query);
        const url = `${this.origin.origin}${encodePath(segments)}${qs ? `?${qs}` : ''}`;
        const write = opts.write ?? false;
        return this.transport.send({
            operation: action,
            method,
            url,
            headers: {},
            ...(opts.body !== undefined ? { body: opts.body } : {}),
            write,
            signal: o?.signal,
            into: opts.into,
            maxBytes: opts.maxBytes,
            read: (res) => {
                if (opts.empty !== undefined && (0,transport/* isBlank */.z3)(res.bytes))
                    return opts.empty;
                const read = (0,json/* readJson */.Vh)(res.bytes, opts.keep ?? true, opts.memo);
                const body = read.value;
                if (!body || typeof body !== 'object' || Array.isArray(body))
                    throw new shape/* ShapeError */.ym('the answer is not a JSON envelope');
                return payload(body, read);
            },
            sign: () => signRequest({
                method,
                host: this.origin.host,
                path: segments,
                query,
                body: opts.body,
                contentType: opts.contentType,
                action,
                version: CLASSIC_VERSION,
                accessKeyId: this.opts.accessKeyId,
                accessKeySecret: this.opts.accessKeySecret,
                securityToken: this.opts.securityToken,
                date: this.opts.now?.(),
            }).headers,
        });
    }
}
function orderPath(pipelineId, deployOrderId) {
    return ['pipelines', pipelineId, 'deploy', deployOrderId];
}
function machinePath(pipelineId, deployOrderId, machineSn) {
    return [...orderPath(pipelineId, deployOrderId), 'machine', machineSn];
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
        // With a success status, what it is instead is the reader's to say (a bad answer).
        if (res.status < 400)
            return undefined;
        return { errorMessage: 'non-JSON answer', requestId: header('x-acs-request-id'), showBody: true };
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
