export const id = 853;
export const ids = [853];
export const modules = {

/***/ 5503:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ collectYoung),
/* harmony export */   H: () => (/* binding */ releaseMemory)
/* harmony export */ });
/* harmony import */ var node_v8__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8877);
/* harmony import */ var node_v8__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_v8__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_vm__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(714);
/* harmony import */ var node_vm__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_vm__WEBPACK_IMPORTED_MODULE_1__);
// V8's collector, asked for at the two moments where it cannot see what is coming. V8 gives no flag
// for either; its `gc` function is exposed once, in one new context only, and the flag set back, so
// no other context (and no code of the server's) ever gets a `gc`. Where the runtime refuses it,
// nothing happens: memory is then given back at V8's own next GC, as before.


let gc;
function collect(options) {
    try {
        if (!gc) {
            (0,node_v8__WEBPACK_IMPORTED_MODULE_0__.setFlagsFromString)('--expose-gc');
            try {
                gc = (0,node_vm__WEBPACK_IMPORTED_MODULE_1__.runInNewContext)('gc');
            }
            finally {
                (0,node_v8__WEBPACK_IMPORTED_MODULE_0__.setFlagsFromString)('--no-expose-gc');
            }
        }
        gc(options);
    }
    catch {
        gc = () => undefined;
    }
}
/**
 * A young-generation GC: frees the socket's read buffers of a large answer, copied and dropped.
 * Each chunk comes in a fresh buffer outside V8's heap, freed only when the small JavaScript object
 * that holds it is collected; a burst of reads allocates too few of those objects to set off a GC,
 * so a large answer piled up tens of MiB of dead chunks (measured by the bench, peak of a 20-poll
 * watch: 10,000 machines 105 -> 91 MiB, 50,000 machines 185 -> 150 MiB with a GC every MiB read, at
 * no measurable CPU cost).
 */
function collectYoung() {
    collect({ type: 'minor' });
}
/**
 * A memory-reducing full GC, once, when the watch is over: what the last polls left behind (a whole
 * set of units when every machine changed at the end, the pages V8 keeps pooled after them) is
 * given back before the reports are made, instead of the reports' work being added on top of it.
 * Measured by the bench at 50,000 machines: the end's peak ~6 MiB lower; a regular full GC does
 * not release the pooled pages. Costs one collection of a heap that no longer grows.
 */
function releaseMemory() {
    collect({ type: 'major', flavor: 'last-resort' });
}


/***/ }),

/***/ 978:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ messageOf)
/* harmony export */ });
/** The text of anything thrown, for one-line messages. */
function messageOf(err) {
    return err instanceof Error ? err.message : String(err);
}


/***/ }),

/***/ 6800:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* binding */ clip),
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   Ob: () => (/* binding */ redactKnownBytes),
/* harmony export */   cl: () => (/* binding */ registerSecret),
/* harmony export */   rA: () => (/* binding */ redactKnown),
/* harmony export */   tX: () => (/* binding */ redactedPreview)
/* harmony export */ });
/* harmony import */ var _untrusted_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4891);
// Credentials never reach a log line, an error message or a report, whole or in part: every text
// leaving the client goes through here, and every output goes through redactKnown at the end. A
// server may echo a credential (an error page showing the request headers), or a piece of one (its
// own truncation), and our own cuts make pieces too.

/** A run of this many characters of a secret, anywhere in a text, is masked. */
const WINDOW = 8;
/** A piece at least this long of a secret's start, where a text ends (a cut), is masked. */
const MIN_CUT_PIECE = 3;
/** Bytes of a body read for a preview: a preview never decodes a large answer whole. */
const PREVIEW_BYTES = 4096;
const MASK = '***';
/** Shorter values are not redacted from every output (they would mangle ordinary text); the runner still masks them. */
const MIN_KNOWN = 6;
/** The secrets of this run: every value masked with the runner is also redacted again at every output. */
const known = new Set();
function registerSecret(secret) {
    if (secret.length >= MIN_KNOWN)
        known.add(secret);
}
/** A text on its way out (log, summary, outputs, report), with every secret of this run redacted. */
function redactKnown(text) {
    return known.size === 0 ? text : redact(text, [...known]);
}
/**
 * Bytes on their way into the report (the server's own answer), redacted likewise. A secret (or a
 * run of WINDOW of its characters) is looked for in the bytes first, so an order of many MB without
 * one is passed through without being decoded.
 */
function redactKnownBytes(bytes) {
    if (known.size === 0)
        return bytes;
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const hit = [...known].some((secret) => {
        for (let i = 0; i + WINDOW <= secret.length; i++)
            if (buf.indexOf(secret.slice(i, i + WINDOW)) >= 0)
                return true;
        return secret.length < WINDOW && buf.indexOf(secret) >= 0;
    });
    return hit ? Buffer.from(redactKnown(buf.toString('utf8'))) : bytes;
}
function redact(text, secrets) {
    // Escapes, bidi and zero-width characters first: a secret split by them would not be found.
    let out = (0,_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .cleanText */ .X5)(text);
    // Longest first: a secret that contains another must not leave its own tail behind.
    const sorted = secrets.filter((s) => s !== '').sort((a, b) => b.length - a.length);
    for (const secret of sorted)
        out = out.split(secret).join(MASK);
    for (const secret of sorted)
        out = maskPieces(out, secret);
    return out;
}
/** Every run of WINDOW or more characters that also occurs in `secret`, masked. O(text + secret). */
function maskPieces(text, secret) {
    if (secret.length < WINDOW || text.length < WINDOW)
        return text;
    const windows = new Set();
    for (let i = 0; i + WINDOW <= secret.length; i++)
        windows.add(secret.slice(i, i + WINDOW));
    let out = '';
    let from = 0;
    let i = 0;
    while (i + WINDOW <= text.length) {
        if (!windows.has(text.slice(i, i + WINDOW))) {
            i++;
            continue;
        }
        let end = i + WINDOW;
        while (end < text.length && windows.has(text.slice(end - WINDOW + 1, end + 1)))
            end++;
        out += text.slice(from, i) + MASK;
        from = i = end;
    }
    return out + text.slice(from);
}
/** The text with a piece of a secret's start that it ends with (a cut) masked. */
function maskCutPiece(text, secrets) {
    for (const secret of secrets) {
        for (let k = Math.min(secret.length - 1, text.length); k >= MIN_CUT_PIECE; k--) {
            if (text.endsWith(secret.slice(0, k)))
                return text.slice(0, text.length - k) + MASK;
        }
    }
    return text;
}
/**
 * A text cut to at most `max` characters (ending in …): redacted before the cut, so the cut makes no
 * piece of a secret that the redaction at the output would no longer recognise, and a secret's start
 * at the cut masked. Every cut of server text goes through here.
 */
function clip(text, max) {
    const clean = redactKnown(text);
    return clean.length > max ? `${maskCutPiece(clean.slice(0, max - 1), [...known])}…` : clean;
}
/**
 * The start of an answer for a message (an HTML page, a body that is not what was expected): read
 * from its first few KiB only, redacted before it is cut, and a secret's piece at the cut masked.
 */
function redactedPreview(bytes, secrets, max = 200) {
    const head = new TextDecoder().decode(bytes.subarray(0, PREVIEW_BYTES)).replace(/\uFFFD$/, '');
    const flat = redact(head, secrets).replace(/\s+/g, ' ').trim();
    if (flat === '')
        return '(empty body)';
    const cut = flat.length > max || bytes.length > PREVIEW_BYTES;
    const text = maskCutPiece(flat.slice(0, max), secrets.filter(Boolean));
    return cut ? `${text}…` : text;
}


/***/ }),

/***/ 7814:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ sleep)
/* harmony export */ });
// A timer that a deadline or a cancel cuts short, rejecting with the signal's reason. Used by the
// watch loop between polls and by the HTTP transport between retries.
function sleep(ms, signal) {
    if (signal?.aborted)
        return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
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


/***/ }),

/***/ 4891:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fq: () => (/* binding */ inertLine),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   X5: () => (/* binding */ cleanText),
/* harmony export */   av: () => (/* binding */ displaySafeJson),
/* harmony export */   jt: () => (/* binding */ commandText),
/* harmony export */   v3: () => (/* binding */ cleanLines)
/* harmony export */ });
/* unused harmony export MAX_LINE_CHARS */
// Text that came from a server (SNs, IPs, statuses, names, messages, deploy logs) on its way to a
// reader: the runner's log, the job summary, annotations, the JSON report. What it must never do there:
// - become a workflow command: the runner executes a line that starts with `::` (after white space)
//   and the first `##[name]` anywhere in a line, and it splits lines at a lone CR as well as at LF;
// - hide or reorder what a person reads: terminal escapes (ANSI CSI, OSC hyperlinks and titles),
//   other control characters, and bidi controls ("Trojan Source").
/** Terminal escapes: OSC (ended by BEL or ST, or cut off), CSI (7- and 8-bit), and two-byte ones. */
const ESCAPES = new RegExp(
// eslint-disable-next-line no-control-regex -- terminal escapes are what this removes
'\\u001b(?:\\][^\\u0007\\u001b]*(?:\\u0007|\\u001b\\\\)?|\\[[0-?]*[ -/]*[@-~]|[@-Z\\\\-_])|\\u009b[0-?]*[ -/]*[@-~]', 'g');
/**
 * Bidi embedding, override and isolate controls and the implicit marks, and the characters that
 * show nothing (zero-width spaces and joiners, word joiners, soft hyphen, BOM): they reorder text or
 * hide what it holds (a token split by them is no longer the token a masker looks for).
 */
const BIDI = /[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
/** Line and paragraph separators: line breaks to some viewers. */
const SEPARATORS = /[\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex -- control characters are what this removes
const CONTROLS_BUT_TAB_LF = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex -- control characters are what this removes
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]+/g;
/** Longest single line written to the log: a value of a megabyte must not flood it. */
const MAX_LINE_CHARS = 2000;
/** Escapes, bidi controls and control characters removed; line breaks (any of CRLF, CR, LF) become LF. */
function cleanText(text) {
    return text.replace(ESCAPES, '').replace(BIDI, '').replace(/\r\n?/g, '\n').replace(CONTROLS_BUT_TAB_LF, '');
}
/** One value inside a line: no escapes, no bidi, no control character, no line break. */
function oneLine(text) {
    return text.replace(ESCAPES, '').replace(BIDI, '').replace(SEPARATORS, ' ').replace(CONTROLS, ' ');
}
/**
 * A line for the runner's log that the runner cannot read as a command, whatever values it holds:
 * one line, `##[` broken up, and a line that would start with `::` shown after a marker.
 */
function inertLine(line) {
    const out = clipLine(oneLine(line).replace(/##\[/g, '##\\['));
    return /^\s*::/.test(out) ? `‣ ${out}` : out;
}
/** The text of a workflow command (a warning, an error): cleaned and bounded (the runner escapes its line breaks). */
function commandText(text) {
    const out = cleanText(text);
    return out.length > MAX_COMMAND_CHARS ? `${out.slice(0, MAX_COMMAND_CHARS - 1)}…` : out;
}
/** Longest text of a workflow command. */
const MAX_COMMAND_CHARS = 4000;
/**
 * The lines of a block of server text (a deploy log), cleaned and bounded; lone CRs split lines as
 * the runner would. `##[` is broken up too: inside ::stop-commands:: it is no command, but the log
 * viewer may still style a line by it.
 */
function cleanLines(text) {
    return cleanText(text)
        .split('\n')
        .map((line) => clipLine(line.replace(/##\[/g, '##\\[')));
}
function clipLine(line) {
    return line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS - 1)}…` : line;
}
/**
 * A JSON text made safe to display, with the same meaning: bidi controls and C1 control characters
 * (which JSON.stringify leaves raw) written as \u escapes.
 */
function displaySafeJson(json) {
    return json.replace(/[\u0080-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}


/***/ }),

/***/ 9999:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ DirectAgent)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
// Requests straight to the service over Node's own HTTP client (node:http, node:https), with
// keep-alive. Most runs need nothing more, and it costs next to nothing to load: undici (needed
// for proxies, see dispatch.ts) costs ~16 MiB of memory and a third of the start-up just to load.

class DirectAgent {
    http = new (node_http__WEBPACK_IMPORTED_MODULE_0___default().Agent)({ keepAlive: true, maxSockets: 8 });
    /** TLS is loaded with the first https request (a loopback simulator never needs it) */
    https;
    async request(url, opts) {
        const u = new URL(url);
        let client = (node_http__WEBPACK_IMPORTED_MODULE_0___default());
        let agent = this.http;
        if (u.protocol === 'https:') {
            this.https ??= Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 4708, 23)).then((module) => ({
                module,
                agent: new module.Agent({ keepAlive: true, maxSockets: 8 }),
            }));
            ({ module: client, agent } = await this.https);
        }
        return new Promise((resolve, reject) => {
            const req = client.request(u, { method: opts.method, headers: opts.headers, agent, signal: opts.signal }, (res) => resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, body: res }));
            req.on('error', reject);
            req.end(opts.body);
        });
    }
    /** Closes every socket, idle or not. */
    async destroy() {
        this.http.destroy();
        (await this.https)?.agent.destroy();
    }
}


/***/ }),

/***/ 8549:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   XY: () => (/* binding */ badAnswerHint),
/* harmony export */   dV: () => (/* binding */ AnswerError),
/* harmony export */   hD: () => (/* binding */ ApiError),
/* harmony export */   x6: () => (/* binding */ networkError)
/* harmony export */ });
/* harmony import */ var _common_redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6800);
// One error type for every failed API call, whichever provider: the HTTP status, the service's error
// code and message, the request id to quote to support, and a hint (the provider's) saying what to do.

class ApiError extends Error {
    name = 'ApiError';
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
/** One line (annotations and logs show the first line only): a server's message may hold newlines. */
function describe(f) {
    const parts = [`${f.operation} failed`];
    if (f.status !== undefined)
        parts.push(`: HTTP ${f.status}`);
    if (f.errorCode)
        parts.push(` ${(0,_common_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .clip */ .$Q)(f.errorCode, 100)}`);
    if (f.errorMessage)
        parts.push(`: ${(0,_common_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .clip */ .$Q)(f.errorMessage, 500)}`);
    if (f.requestId)
        parts.push(` (request id ${(0,_common_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .clip */ .$Q)(f.requestId, 100)})`);
    let text = parts.join('').replace(/\s+/g, ' ');
    if (f.hint)
        text += `. Hint: ${f.hint}`;
    return text;
}
class AnswerError extends Error {
    kind;
    name = 'AnswerError';
    constructor(kind, message) {
        super(message);
        this.kind = kind;
    }
}
/** The hint for an answer that is not what was expected, whichever API generation. */
function badAnswerHint(bad, endpointHint) {
    if (bad === 'html')
        return 'an HTML page with status 200 is most often a login page: check `endpoint`, the credentials and `organization-id`, or a proxy that wants a login';
    if (bad === 'too-large')
        return 'the answer is far larger than any real one; check `endpoint`';
    if (bad)
        return endpointHint;
    return undefined;
}
/** A failure that never got an HTTP answer (reset, refused, DNS, timeout). */
function networkError(operation, cause, url) {
    const code = cause?.code;
    const msg = cause instanceof Error ? cause.message : String(cause);
    return new ApiError({
        operation,
        errorCode: code,
        errorMessage: `no answer from ${new URL(url).host} (${msg})`,
        hint: 'check the endpoint and the network (proxy variables HTTPS_PROXY / NO_PROXY on self-hosted runners)',
        retryable: true,
    });
}


/***/ }),

/***/ 2868:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KK: () => (/* binding */ parseJsonLossless),
/* harmony export */   Uv: () => (/* binding */ toIdString),
/* harmony export */   Vh: () => (/* binding */ readJson),
/* harmony export */   le: () => (/* binding */ ElementMemo)
/* harmony export */ });
/* unused harmony export MAX_MAPPED_ELEMENTS */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _shape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1513);
// Lossless JSON: services return 64-bit ids as JSON numbers, and JSON.parse rounds anything above
// 2^53. Integer tokens of 16 digits or more come out as exact decimal strings instead.
//
// One reader, over the UTF-8 bytes as they came: it validates the whole text as strictly as
// JSON.parse does, but builds only the parts the caller asks for (`Keep`). A deploy order of 10,000
// machines is ~7 MB of JSON; parsed whole, its tree is several times that at every poll, while the
// gate reads eight fields of each machine. Whatever is skipped is still checked, so a malformed
// answer is rejected as a whole, never half read.


/** The shortest integer that may be past 2^53 (9007199254740992 has 16 digits). */
const LONG_INT_DIGITS = 16;
/** Deeper nesting than any real answer: refused rather than risking the stack. */
const MAX_DEPTH = 256;
/**
 * Elements of a mapped array at most: each becomes a model (a machine, a job). No real answer is
 * near it (64 MiB of real machines is about 95,000); an answer of tiny elements (`{},` twenty
 * million times) would otherwise make a model of each and run the heap out.
 */
const MAX_MAPPED_ELEMENTS = 200_000;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const ONE = 0x31;
const NINE = 0x39;
const LOWER_E = 0x65;
const UPPER_E = 0x45;
const LOWER_U = 0x75;
const LOWER_T = 0x74;
const LOWER_F = 0x66;
const LOWER_N = 0x6e;
/**
 * What a mapped array (`[keep, map]`) held at the last read of the same answer: each element's
 * length, a SHA-256 digest of its bytes, and what map made of it. An element whose bytes come again
 * unchanged (same length, same digest) is not read again: its value is reused. A 10,000-machine
 * order changes a few machines from one poll to the next; the rest costs one digest each. Digests,
 * not the bytes: the last answer need not be kept beside the next one (at 50,000 machines, 35 MB
 * less), and a changed element passes for unchanged only by a SHA-256 collision. Only a read that
 * succeeds replaces what the memo holds.
 */
class ElementMemo {
    of;
    /** what the last read that succeeded found */
    last = new MemoRecord();
    /** what the read under way writes into: the one before the last, its buffers already sized */
    next = new MemoRecord();
    constructor(
    /** the mapped array this memo is for (the `[keep, map]` tuple itself) */
    of) {
        this.of = of;
    }
    /** A record for a new read, into `values`; what it holds becomes the memo only by commit(). */
    begin(values) {
        this.next.start(values, this.last.count);
        return this.next;
    }
    /** The last read's record. */
    get before() {
        return this.last;
    }
    /** After a read that succeeded: what it read is what the next read compares with. */
    commit(read) {
        if (read !== this.next)
            return;
        this.next = this.last;
        this.last = read;
        // the record written next holds none of the values it held (a set of units no one needs)
        this.next.start([], read.count);
    }
}
/** Bytes of an element's digest (SHA-256). */
const DIGEST = 32;
/** Elements a memo's buffers first have room for. */
const MIN_ROOM = 64;
/**
 * One read of a memo's array. Lengths and digests sit in two flat buffers outside V8's heap, reused
 * from read to read: at 50,000 machines, one string and three array slots less per element.
 */
class MemoRecord {
    /** what map made of each element, in order: as many as the elements read */
    values = [];
    /** element -> the offsets of its long integer tokens from its start; only elements with any */
    longInts = new Map();
    lengths = new Int32Array(0);
    digests = Buffer.alloc(0);
    /**
     * Empty, for a read expected to hold about `expected` elements: buffers grown far past that (by an
     * answer since refused, or a much longer one before) are let go rather than kept for the watch.
     */
    start(values, expected) {
        this.values = values;
        this.longInts = new Map();
        if (this.lengths.length > 2 * Math.max(MIN_ROOM, expected)) {
            this.lengths = new Int32Array(0);
            this.digests = Buffer.alloc(0);
        }
    }
    get count() {
        return this.values.length;
    }
    length(k) {
        return this.lengths[k];
    }
    /** Element k's digest is b[from, to)'s. */
    digest(k, b, from, to) {
        this.room(k);
        this.digests.write((0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.hash)('sha256', b.subarray(from, to), 'binary'), k * DIGEST, DIGEST, 'latin1');
    }
    /** Element k has the same digest here as in `other`. */
    sameDigest(k, other) {
        const at = k * DIGEST;
        return this.digests.compare(other.digests, at, at + DIGEST, at, at + DIGEST) === 0;
    }
    /** The next element is done: its length and value. */
    add(length, value) {
        const k = this.values.length;
        this.room(k);
        this.lengths[k] = length;
        this.values.push(value);
    }
    room(k) {
        if (k < this.lengths.length)
            return;
        const size = Math.max(MIN_ROOM, this.lengths.length * 2, k + 1);
        const lengths = new Int32Array(size);
        lengths.set(this.lengths);
        const digests = Buffer.alloc(size * DIGEST);
        this.digests.copy(digests);
        this.lengths = lengths;
        this.digests = digests;
    }
}
/** Reads UTF-8 JSON bytes. Throws SyntaxError when they are not JSON. */
function readJson(data, keep = true, memo) {
    const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const reader = new Reader(bytes, memo);
    const value = reader.document(keep);
    const { longInts, begin, end, members } = reader;
    const range = (from, to) => ({
        isObject: bytes[from] === OPEN_OBJECT,
        bytes: () => quotedPieces(bytes, longInts, from, to),
        text: () => Buffer.concat(quotedPieces(bytes, longInts, from, to)).toString('utf8'),
    });
    return {
        value,
        ...range(begin, end),
        isObject: value !== null && typeof value === 'object' && !Array.isArray(value),
        member: (key) => {
            const at = members.get(key);
            return at && range(at[0], at[1]);
        },
    };
}
function parseJsonLossless(text) {
    return readJson(Buffer.from(text)).value;
}
/**
 * An id as an exact decimal string, whatever JSON type it came in; undefined when it is not an id
 * (ids are never negative; an unsafe number has already lost its digits).
 */
function toIdString(value) {
    if (typeof value === 'string')
        return /^\d+$/.test(value) ? value : undefined;
    if (typeof value === 'number')
        return Number.isSafeInteger(value) && value >= 0 ? String(value) : undefined;
    if (typeof value === 'bigint')
        return value >= 0n ? value.toString() : undefined;
    return undefined;
}
const QUOTE_BYTES = Buffer.from('"');
/** bytes[begin, end) in pieces, each long integer token in it between two quote pieces. */
function quotedPieces(bytes, longInts, begin, end) {
    const out = [];
    let pos = begin;
    for (let k = 0; k < longInts.length; k += 2) {
        if (longInts[k] < begin || longInts[k] >= end)
            continue;
        out.push(bytes.subarray(pos, longInts[k]), QUOTE_BYTES, bytes.subarray(longInts[k], longInts[k + 1]), QUOTE_BYTES);
        pos = longInts[k + 1];
    }
    out.push(bytes.subarray(pos, end));
    return out;
}
const pickers = new WeakMap();
function pickerOf(keep) {
    let p = pickers.get(keep);
    if (!p) {
        p = { byLength: [], byName: new Map() };
        for (const [name, k] of Object.entries(keep)) {
            (p.byLength[name.length] ??= []).push({ name, keep: k });
            p.byName.set(name, k);
        }
        pickers.set(keep, p);
    }
    return p;
}
class Reader {
    b;
    memo;
    i = 0;
    /** where the value starts and ends, without the byte order mark and the white space around it */
    begin = 0;
    end = 0;
    depth = 0;
    /** [start, end) of every integer token of 16+ digits, in order */
    longInts = [];
    /** the top-level object's members: key -> [start, end) of the value */
    members = new Map();
    mapError;
    /** the memo's array as read now: committed when the whole document has been read */
    memoed;
    constructor(b, memo) {
        this.b = b;
        this.memo = memo;
    }
    document(keep) {
        const b = this.b;
        // A UTF-8 byte order mark: skipped, as TextDecoder does.
        if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf)
            this.i = 3;
        this.ws();
        this.begin = this.i;
        const value = this.value(keep);
        this.end = this.i;
        this.ws();
        if (this.i < b.length)
            this.fail('unexpected data after the JSON value');
        if (this.mapError)
            throw this.mapError.err;
        if (this.memo && this.memoed)
            this.memo.commit(this.memoed);
        return value;
    }
    fail(what) {
        const i = this.i;
        throw new SyntaxError(i >= this.b.length
            ? `JSON ends early: ${what}`
            : `bad JSON at byte ${i} (${this.b.toString('latin1', i, i + 16)}): ${what}`);
    }
    ws() {
        const b = this.b;
        let i = this.i;
        for (;;) {
            const c = b[i];
            if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09)
                i++;
            else
                break;
        }
        this.i = i;
    }
    /** The value at i, built as `keep` says. */
    value(keep) {
        const c = this.b[this.i];
        if (c === QUOTE)
            return this.string();
        if (c === OPEN_OBJECT) {
            if (keep === true || Array.isArray(keep))
                return this.container(true, true);
            return this.picked(pickerOf(keep));
        }
        if (c === OPEN_ARRAY) {
            if (Array.isArray(keep)) {
                const [each, map] = keep;
                return this.elements(each, map, keep);
            }
            return this.container(false, true);
        }
        return this.scalar(true);
    }
    /** Steps over the value at i, checking it all the same. */
    skip() {
        const c = this.b[this.i];
        if (c === QUOTE)
            this.skipString();
        else if (c === OPEN_OBJECT)
            this.container(true, false);
        else if (c === OPEN_ARRAY)
            this.container(false, false);
        else
            this.scalar(false);
    }
    /** Steps over an opening bracket; true (and out again) when the closing one follows at once. */
    empty(close) {
        if (++this.depth > MAX_DEPTH)
            this.fail(`nested deeper than ${MAX_DEPTH}`);
        this.i++;
        this.ws();
        if (this.b[this.i] !== close)
            return false;
        this.i++;
        this.depth--;
        return true;
    }
    /** After a member or element: `,` (then more) or the closing bracket. True when it closed. */
    next(close) {
        this.ws();
        const c = this.b[this.i];
        if (c === COMMA) {
            this.i++;
            this.ws();
            return false;
        }
        if (c === close) {
            this.i++;
            this.depth--;
            return true;
        }
        return this.fail(close === CLOSE_OBJECT ? 'expected , or }' : 'expected , or ]');
    }
    colon() {
        this.ws();
        if (this.b[this.i] !== COLON)
            this.fail('expected :');
        this.i++;
        this.ws();
    }
    /** A whole object or array, built when `build`. */
    container(object, build) {
        const close = object ? CLOSE_OBJECT : CLOSE_ARRAY;
        const out = build ? (object ? {} : []) : undefined;
        if (this.empty(close))
            return out;
        do {
            if (object) {
                if (this.b[this.i] !== QUOTE)
                    this.fail('expected a key');
                const top = this.depth === 1;
                const key = build || top ? this.string() : (this.skipString(), '');
                this.colon();
                const start = this.i;
                if (build)
                    define(out, key, this.value(true));
                else
                    this.skip();
                if (top)
                    this.members.set(key, [start, this.i]);
            }
            else if (build)
                out.push(this.value(true));
            else
                this.skip();
        } while (!this.next(close));
        return out;
    }
    /** An object of which only the picker's keys are built. */
    picked(p) {
        const b = this.b;
        const out = {};
        if (this.empty(CLOSE_OBJECT))
            return out;
        do {
            if (b[this.i] !== QUOTE)
                this.fail('expected a key');
            const start = this.i + 1;
            const escaped = this.skipString();
            const end = this.i - 1;
            let name;
            let keep;
            if (!escaped) {
                const candidates = p.byLength[end - start];
                if (candidates)
                    for (const c of candidates)
                        if (sameChars(b, start, c.name)) {
                            name = c.name;
                            keep = c.keep;
                            break;
                        }
            }
            if (keep === undefined && (escaped || !isAscii(b, start, end))) {
                // rare: a key with escapes or non-ASCII text is compared by what it decodes to
                name = decoded(b, start, end, escaped);
                keep = p.byName.get(name);
            }
            this.colon();
            const valueStart = this.i;
            if (keep !== undefined)
                define(out, name, this.value(keep));
            else
                this.skip();
            if (this.depth === 1)
                this.members.set(name ?? decoded(b, start, end, escaped), [valueStart, this.i]);
        } while (!this.next(CLOSE_OBJECT));
        return out;
    }
    /** An array whose every element is built as `keep` says (and mapped). */
    elements(keep, map, tuple) {
        const out = [];
        if (this.empty(CLOSE_ARRAY))
            return out;
        if (map && this.memo && this.memo.of === tuple && !this.memoed)
            return this.memoElements(keep, map, out);
        do {
            // Once an element could not be mapped the read is refused: the rest is only checked.
            if (this.mapError)
                this.skip();
            else if (map && out.length >= MAX_MAPPED_ELEMENTS)
                this.tooMany();
            else
                out.push(map ? this.mapped(map, this.value(keep)) : this.value(keep));
        } while (!this.next(CLOSE_ARRAY));
        return out;
    }
    /** The same, each element's bytes first compared with the same element at the last read. */
    memoElements(keep, map, out) {
        const memo = this.memo;
        const b = this.b;
        const last = memo.before;
        const now = memo.begin(out);
        this.memoed = now;
        let k = 0;
        do {
            // Once an element could not be mapped the read is refused (and the memo kept as it was):
            // the rest is only checked, with no value, digest or map call for it.
            if (this.mapError) {
                this.skip();
                continue;
            }
            if (k >= MAX_MAPPED_ELEMENTS) {
                this.tooMany();
                continue;
            }
            const start = this.i;
            // The digest of as many bytes as element k had: when it is the same, these are the very
            // bytes read (and checked) last time, and the element is not read again.
            const length = k < last.count ? last.length(k) : -1;
            const digested = length >= 0 && start + length <= b.length;
            if (digested)
                now.digest(k, b, start, start + length);
            if (digested && now.sameDigest(k, last)) {
                const ints = last.longInts.get(k);
                if (ints) {
                    for (const off of ints)
                        this.longInts.push(start + off);
                    now.longInts.set(k, ints);
                }
                this.i = start + length;
                now.add(length, last.values[k]);
            }
            else {
                const before = this.longInts.length;
                const value = this.mapped(map, this.value(keep), last.values[k]);
                if (this.longInts.length > before)
                    now.longInts.set(k, this.longInts.slice(before).map((x) => x - start));
                // the digest already taken is of these bytes when the element kept its length
                if (!digested || this.i - start !== length)
                    now.digest(k, b, start, this.i);
                now.add(this.i - start, value);
            }
            k++;
        } while (!this.next(CLOSE_ARRAY));
        return out;
    }
    /** One element too many in a mapped array: the read is refused, the rest only checked. */
    tooMany() {
        this.mapError ??= {
            err: new _shape_js__WEBPACK_IMPORTED_MODULE_1__/* .ShapeError */ .ym(`a list of more than ${MAX_MAPPED_ELEMENTS.toLocaleString('en')} elements, more than any real answer`),
        };
        this.skip();
    }
    /** map(value); what it throws waits until the whole text has been checked (bad JSON is said first). */
    mapped(map, value, before) {
        try {
            return map(value, before);
        }
        catch (err) {
            this.mapError ??= { err };
            return undefined;
        }
    }
    /** The string at i, decoded. */
    string() {
        const b = this.b;
        const start = this.i + 1;
        // Short ASCII strings without escapes (statuses, action types, ips, host names) come back from
        // a cache: a 10,000-machine order repeats them, and the next poll repeats them all.
        let h = 0;
        let i = start;
        for (;;) {
            const c = b[i];
            if (c === QUOTE)
                break;
            if (c === BACKSLASH || !(c >= 0x20 && c < 0x80))
                return this.decodedString();
            h = (h * 31 + c) | 0;
            i++;
        }
        this.i = i + 1;
        const length = i - start;
        if (length > CACHED_STRING_MAX)
            return b.toString('latin1', start, i);
        const slot = h & (STRING_CACHE_SIZE - 1);
        const cached = stringCache[slot];
        if (cached !== undefined && cached.length === length && sameChars(b, start, cached))
            return cached;
        return (stringCache[slot] = b.toString('latin1', start, i));
    }
    /** The string at i, with escapes or non-ASCII text. */
    decodedString() {
        const start = this.i + 1;
        const escaped = this.skipString();
        return decoded(this.b, start, this.i - 1, escaped);
    }
    /** Steps over the string at i (checking its escapes); true when it has any. */
    skipString() {
        const b = this.b;
        let i = this.i + 1;
        let escaped = false;
        for (;;) {
            const c = b[i];
            if (c === QUOTE)
                break;
            if (c === BACKSLASH) {
                escaped = true;
                const e = b[i + 1];
                if (e === LOWER_U) {
                    for (let k = i + 2; k < i + 6; k++)
                        if (!isHex(b[k]))
                            this.failAt(k, 'bad \\u escape');
                    i += 6;
                }
                else if (e === QUOTE ||
                    e === BACKSLASH ||
                    e === 0x2f ||
                    e === 0x62 ||
                    e === LOWER_F ||
                    e === LOWER_N ||
                    e === 0x72 ||
                    e === LOWER_T) {
                    i += 2;
                }
                else {
                    this.failAt(i, 'bad escape');
                }
                continue;
            }
            // a control character, or the end of the text (undefined compares false)
            if (!(c >= 0x20))
                this.failAt(i, 'unterminated string or a control character in it');
            i++;
        }
        this.i = i + 1;
        return escaped;
    }
    failAt(i, what) {
        this.i = i;
        return this.fail(what);
    }
    /** A number or literal at i; its value when `build`. */
    scalar(build) {
        const b = this.b;
        const c = b[this.i];
        if (c === LOWER_T)
            return this.literal('true', true);
        if (c === LOWER_F)
            return this.literal('false', false);
        if (c === LOWER_N)
            return this.literal('null', null);
        const start = this.i;
        let i = start;
        const negative = c === MINUS;
        if (negative)
            i++;
        const digitsFrom = i;
        let d = b[i];
        if (d === ZERO)
            i++;
        else if (d >= ONE && d <= NINE) {
            do
                d = b[++i];
            while (d >= ZERO && d <= NINE);
        }
        else
            this.failAt(i, 'expected a value');
        const digitsTo = i;
        let integer = true;
        if (b[i] === DOT) {
            integer = false;
            i = this.digits(i + 1);
        }
        d = b[i];
        if (d === LOWER_E || d === UPPER_E) {
            integer = false;
            d = b[++i];
            if (d === PLUS || d === MINUS)
                i++;
            i = this.digits(i);
        }
        this.i = i;
        if (integer && digitsTo - digitsFrom >= LONG_INT_DIGITS) {
            this.longInts.push(start, i);
            return build ? b.toString('latin1', start, i) : undefined;
        }
        if (!build)
            return undefined;
        if (!integer)
            return Number(b.toString('latin1', start, i));
        // up to 15 digits: exact in a double, computed without making a string
        let v = 0;
        for (let k = digitsFrom; k < digitsTo; k++)
            v = v * 10 + (b[k] - ZERO);
        return negative ? -v : v;
    }
    /** One or more digits from i; the index after them. */
    digits(i) {
        const b = this.b;
        let d = b[i];
        if (!(d >= ZERO && d <= NINE))
            this.failAt(i, 'expected a digit');
        do
            d = b[++i];
        while (d >= ZERO && d <= NINE);
        return i;
    }
    literal(word, value) {
        const b = this.b;
        for (let k = 0; k < word.length; k++)
            if (b[this.i + k] !== word.charCodeAt(k))
                this.failAt(this.i + k, `expected ${word}`);
        this.i += word.length;
        return value;
    }
}
/** Recently read short strings, by a hash of their bytes (see Reader.string). */
const STRING_CACHE_SIZE = 1 << 14;
const CACHED_STRING_MAX = 40;
const stringCache = new Array(STRING_CACHE_SIZE).fill(undefined);
/** A string's text from the bytes between its quotes: UTF-8 decoded, escapes by JSON.parse. */
function decoded(b, start, end, escaped) {
    return escaped
        ? JSON.parse(b.toString('utf8', start - 1, end + 1))
        : b.toString('utf8', start, end);
}
function isAscii(b, from, to) {
    for (let k = from; k < to; k++)
        if (b[k] >= 0x80)
            return false;
    return true;
}
function sameChars(b, at, s) {
    for (let k = 0; k < s.length; k++)
        if (b[at + k] !== s.charCodeAt(k))
            return false;
    return true;
}
function isHex(c) {
    return (c !== undefined && ((c >= ZERO && c <= NINE) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)));
}
/** obj[key] = value as JSON.parse does it: `__proto__` becomes an own property, not the prototype. */
function define(obj, key, value) {
    if (key === '__proto__')
        Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
    else
        obj[key] = value;
}


/***/ }),

/***/ 1513:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WL: () => (/* binding */ obj),
/* harmony export */   p_: () => (/* binding */ list),
/* harmony export */   q0: () => (/* binding */ describe),
/* harmony export */   ym: () => (/* binding */ ShapeError)
/* harmony export */ });
/* unused harmony export isObj */
/* harmony import */ var _common_redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6800);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8549);
// What every provider's normalizer needs to read an answer of the wrong shape as a bad answer (a
// ShapeError, retried and then reported like any other: see Transport.send), never a crash.


/** JSON, but not of the shape the operation returns. */
class ShapeError extends _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AnswerError */ .dV {
    name = 'ShapeError';
    constructor(message) {
        super('shape', message);
    }
}
const isObj = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
function obj(value, what) {
    if (isObj(value))
        return value;
    throw new ShapeError(`expected ${what} to be a JSON object, got ${describe(value)}`);
}
/** An optional list: absent or null is empty. */
function list(value, what) {
    if (value === undefined || value === null)
        return [];
    if (Array.isArray(value))
        return value;
    throw new ShapeError(`expected ${what} to be a JSON array, got ${describe(value)}`);
}
/** A server value in a message: its type, or the start of the string. */
function describe(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    return typeof value === 'string' ? `the string "${(0,_common_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .clip */ .$Q)(value, 60)}"` : typeof value;
}


/***/ }),

/***/ 2692:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  FJ: () => (/* binding */ BodyBuffer),
  oK: () => (/* binding */ Transport),
  z3: () => (/* binding */ isBlank),
  U2: () => (/* binding */ mayHaveBeenDone)
});

// UNUSED EXPORTS: BAD_ANSWERS_IN_A_ROW, DEFAULT_MAX_BYTES, DEFAULT_RETRY, httpResponse, looksLikeMarkup, retryAfterOf, shouldRetry

// EXTERNAL MODULE: ./src/http/direct.ts
var direct = __webpack_require__(9999);
;// CONCATENATED MODULE: ./src/http/dispatch.ts

function request(dispatcher, url, opts) {
    if (dispatcher instanceof direct/* DirectAgent */.T)
        return dispatcher.request(url, opts);
    return Promise.all(/* import() */[__webpack_require__.e(43), __webpack_require__.e(150)]).then(__webpack_require__.bind(__webpack_require__, 1150)).then(({ request: viaUndici }) => viaUndici(dispatcher, url, opts));
}

// EXTERNAL MODULE: ./src/http/errors.ts
var errors = __webpack_require__(8549);
// EXTERNAL MODULE: ./src/common/redact.ts
var redact = __webpack_require__(6800);
// EXTERNAL MODULE: ./src/common/message.ts
var message = __webpack_require__(978);
// EXTERNAL MODULE: ./src/common/sleep.ts
var sleep = __webpack_require__(7814);
// EXTERNAL MODULE: ./src/common/gc.ts
var gc = __webpack_require__(5503);
;// CONCATENATED MODULE: ./src/http/transport.ts
// The transport both API clients share: over an injected dispatcher (Node's own client, or undici
// for proxies and tests, which plug in there), a per-attempt timeout, the caller's AbortSignal, and
// retries with full-jitter backoff.






const DEFAULT_RETRY = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 10_000 };
/** A server asking for more than this is not waited for beyond it (the deadline still rules). */
const MAX_RETRY_AFTER_MS = 60_000;
function httpResponse(status, headers, bytes) {
    let text;
    return {
        status,
        headers,
        bytes,
        get text() {
            return (text ??= new TextDecoder().decode(bytes));
        },
    };
}
/** The body starts with `<` (after white space): an HTML page from a gateway, not a JSON answer. */
function looksLikeMarkup(res) {
    for (const b of res.bytes) {
        if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)
            continue;
        return b === 0x3c;
    }
    return false;
}
/** Connection errors that prove the request never reached the server. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);
/** The largest answer accepted when a call names no limit: far above any listing, run or log a provider sends. */
const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;
/** This many bad answers in a row are not a blip: the call fails for good. */
const BAD_ANSWERS_IN_A_ROW = 3;
/** The most read of an error answer's body: enough for any error format and a preview. */
const MAX_ERROR_BYTES = 64 * 1024;
class Transport {
    opts;
    retry;
    timeoutMs;
    random;
    /** bad answers in a row, over calls: only a good answer ends the row (an error between does not) */
    badRow;
    last;
    constructor(opts) {
        this.opts = opts;
        this.retry = { ...DEFAULT_RETRY, ...opts.retry };
        this.timeoutMs = opts.requestTimeoutMs ?? 30_000;
        this.random = opts.random ?? Math.random;
    }
    /** The last failed attempt of any call (retried or not), for a verdict that must name it. */
    lastError() {
        return this.last;
    }
    async send(call) {
        for (let attempt = 1;; attempt++) {
            call.signal?.throwIfAborted();
            const started = Date.now();
            let error;
            let retryAfterMs;
            let sent = true;
            let res;
            try {
                res = await this.once(call);
                this.log(`${call.method} ${call.url} -> ${res.status} in ${Date.now() - started} ms (attempt ${attempt})`);
                const failure = redirected(res) ?? this.opts.failureOf(res);
                if (!failure) {
                    const value = call.read ? call.read(res) : res;
                    this.badRow = undefined;
                    return value;
                }
                const retryable = failure.retryable ??
                    (failure.throttled === true || res.status === 408 || res.status === 429 || res.status >= 500);
                error = this.error(call, res, failure, retryable);
                // Retry-After means "come back then" on 429 and 503 only (RFC 9110); elsewhere, plain backoff.
                retryAfterMs =
                    failure.retryAfterMs ??
                        (res.status === 429 || res.status === 503 ? retryAfterOf(res.headers['retry-after']) : undefined);
                // A throttled (429) call was refused before any work was done.
                sent = !(res.status === 429 || failure.throttled === true);
            }
            catch (err) {
                if (call.signal?.aborted)
                    throw call.signal.reason;
                if (err instanceof SyntaxError || err instanceof errors/* AnswerError */.dV) {
                    error = this.badAnswer(call, res, err);
                }
                else {
                    this.log(`${call.method} ${call.url} -> ${errCode(err) ?? 'error'} after ${Date.now() - started} ms (attempt ${attempt})`);
                    error = (0,errors/* networkError */.x6)(call.operation, redactedError(err, this.opts.secrets), call.url);
                    sent = !NOT_SENT_CODES.has(errCode(err) ?? '');
                }
            }
            this.last = error;
            if (!shouldRetry(error, call.write, sent) || attempt >= this.retry.maxAttempts)
                throw error;
            const backoff = this.random() * Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
            const delay = retryAfterMs !== undefined ? Math.min(retryAfterMs, MAX_RETRY_AFTER_MS) : backoff;
            this.log(`${call.operation}: retrying in ${Math.round(delay)} ms (${error.message})`);
            await (0,sleep/* sleep */.y)(delay, call.signal);
        }
    }
    async once(call) {
        const timeout = AbortSignal.timeout(this.timeoutMs);
        const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
        const res = await request(this.opts.dispatcher, call.url, {
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
            // Of an error's body only what a message needs is kept (the rest is read, to keep the
            // connection, and dropped): a failure can neither flood the log nor fill the memory.
            const max = call.maxBytes ?? DEFAULT_MAX_BYTES;
            const bytes = res.statusCode >= 300
                ? await readBody(res, max, undefined, MAX_ERROR_BYTES)
                : await readBody(res, max, call.into);
            return httpResponse(res.statusCode, res.headers, bytes);
        }
        catch (err) {
            res.body.destroy();
            throw err;
        }
    }
    /**
     * An answer that is not what the operation returns. One is a blip, retried like a 5xx;
     * BAD_ANSWERS_IN_A_ROW of them with no good answer between (whatever their kinds) are what the
     * endpoint answers, and the call fails at once.
     */
    badAnswer(call, res, err) {
        const kind = err instanceof errors/* AnswerError */.dV ? err.kind : res ? syntaxKind(res) : 'not-json';
        const count = (this.badRow?.count ?? 0) + 1;
        this.badRow = { count };
        const status = res?.status ?? 200;
        const type = res ? header(res, 'content-type') : undefined;
        const what = err instanceof errors/* AnswerError */.dV ? err.message : BAD_ANSWER_TEXT[kind];
        const times = count > 1 ? `, ${count} bad answers in a row` : '';
        const body = res ? `: ${(0,redact/* redactedPreview */.tX)(res.bytes, this.opts.secrets)}` : '';
        this.log(`${call.method} ${call.url}: bad answer (${kind}${times})`);
        return new errors/* ApiError */.hD({
            operation: call.operation,
            status,
            errorMessage: (0,redact/* redact */.E$)(`${what} (content type ${type || 'none'}${times})${body}`, this.opts.secrets),
            hint: this.opts.hintFor(call.operation, status, undefined, kind),
            retryable: count < BAD_ANSWERS_IN_A_ROW,
        });
    }
    error(call, res, f, retryable) {
        const secrets = this.opts.secrets;
        const message = f.showBody
            ? `${f.errorMessage ?? 'non-JSON answer'}: ${(0,redact/* redactedPreview */.tX)(res.bytes, secrets)}`
            : f.errorMessage;
        return new errors/* ApiError */.hD({
            operation: call.operation,
            status: res.status,
            errorCode: f.errorCode && (0,redact/* redact */.E$)(f.errorCode, secrets),
            errorMessage: message && (0,redact/* redact */.E$)(message, secrets),
            requestId: f.requestId && (0,redact/* redact */.E$)(f.requestId, secrets),
            hint: f.redirect
                ? 'set `endpoint` to the API address itself (the one it redirects to, if you trust it); no credential was sent there'
                : this.opts.hintFor(call.operation, res.status, f.errorCode),
            retryable,
        });
    }
    log(line) {
        this.opts.debug?.((0,redact/* redact */.E$)(line, this.opts.secrets));
    }
}
/**
 * A redirect is no answer: undici does not follow it (so no credential goes elsewhere), and a body
 * that came with it is never read as the API's answer.
 */
function redirected(res) {
    if (res.status < 300 || res.status >= 400)
        return undefined;
    const to = header(res, 'location');
    return {
        errorMessage: `the endpoint answers with a redirect${to ? ` to ${(0,redact/* clip */.$Q)(to, 200)}` : ''}, which the gate does not follow`,
        retryable: false,
        redirect: true,
    };
}
const BAD_ANSWER_TEXT = {
    html: 'the answer is an HTML page, not JSON',
    empty: 'the answer is empty',
    'not-json': 'the answer is not JSON',
    shape: 'the answer is not of the expected shape',
    mismatch: 'the answer is about something else',
    'too-large': 'the answer is too large',
};
function syntaxKind(res) {
    if (looksLikeMarkup(res))
        return 'html';
    return isBlank(res.bytes) ? 'empty' : 'not-json';
}
/** Nothing but white space (or nothing at all). */
function isBlank(bytes) {
    return bytes.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09);
}
function header(res, name) {
    const v = res.headers[name];
    return Array.isArray(v) ? v[0] : v;
}
/**
 * The buffer for an answer that is fetched again and again (the deploy order, ~7 MB at 10,000
 * machines), reused from poll to poll. It is as large as the largest answer accepted, allocated
 * once: only the pages an answer is written into take memory, so it never grows by copies, and
 * there are no freed copies to leave the allocator holding memory it will not give back. The answer
 * read before is overwritten: the caller lets go of its bytes before it sends again.
 */
class BodyBuffer {
    buffer = Buffer.alloc(0);
    /** The buffer, at least `capacity` bytes long (its content is the caller's to write). */
    take(capacity) {
        if (this.buffer.length < capacity)
            this.buffer = Buffer.allocUnsafeSlow(capacity);
        return this.buffer;
    }
}
/**
 * The body as one Buffer, kept as bytes: the caller decodes what it needs (see HttpResponse.text).
 * At most `max` bytes (a declared length over it is refused before reading), so a hostile or broken
 * server cannot make the action hold gigabytes. Into `into` when given, chunk by chunk as they come
 * (each socket chunk can be freed at once, rather than all of them living beside the copy), else
 * joined once at the end: no growing copies on the way.
 */
async function readBody(res, max, into, 
/** keep only the first `keep` bytes (the rest is read and dropped) */
keep = max) {
    const declared = Number(res.headers['content-length']);
    if (Number.isFinite(declared) && declared > max)
        throw tooLarge(max);
    if (into && keep >= max) {
        const known = Number.isSafeInteger(declared) && declared >= 0;
        const out = into.take(max);
        let at = 0;
        for await (const chunk of res.body) {
            const c = chunk;
            const end = at + c.length;
            // With a declared length the HTTP client holds the body to it; this only guards the buffer.
            if (known && end > declared)
                throw new errors/* AnswerError */.dV('too-large', 'the answer is longer than it declared');
            if (end > max)
                throw tooLarge(max);
            at += c.copy(out, at);
            if (at >>> RECLAIM_SHIFT !== (at - c.length) >>> RECLAIM_SHIFT)
                (0,gc/* collectYoung */.D)();
        }
        return out.subarray(0, at);
    }
    const chunks = [];
    let read = 0;
    let total = 0;
    for await (const chunk of res.body) {
        const c = chunk;
        read += c.length;
        if (read > max)
            throw tooLarge(max);
        if (total >= keep)
            continue;
        const kept = total + c.length > keep ? c.subarray(0, keep - total) : c;
        chunks.push(kept);
        total += kept.length;
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}
/** A young-generation GC after every 1 MiB of a large answer (see common/gc.ts). */
const RECLAIM_SHIFT = 20;
function tooLarge(max) {
    return new errors/* AnswerError */.dV('too-large', `the answer is larger than ${Math.round(max / 1024 / 1024)} MiB`);
}
/**
 * A failed write that may still have been carried out: the request went out and no answer refused it
 * (no answer at all, a 5xx, or a success status whose body could not be read). A refusal (a 4xx, or
 * an error code in a success status) and a request that never left say it was not.
 */
function mayHaveBeenDone(error) {
    if (error.status === undefined)
        return !NOT_SENT_CODES.has(error.errorCode ?? '');
    if (error.status >= 500)
        return true;
    return error.status < 300 && !error.errorCode;
}
/**
 * Reads are repeated freely. A write (skip, retry, resume, stop) is repeated only when the server
 * surely did not act on it: the connection was refused, or the call was throttled (429). After a
 * reset, a timeout or a 5xx the server may have applied it, and a repeated retry of a unit
 * would retry it twice; the gate's next poll sees the real state and decides again.
 */
function shouldRetry(error, write, sent) {
    if (!error.retryable)
        return false;
    return !write || !sent;
}
/** Retry-After: delay-seconds or an HTTP date (a date in the past means now). */
function retryAfterOf(value, now = Date.now()) {
    const v = Array.isArray(value) ? value[0] : value;
    if (!v)
        return undefined;
    if (/^\d+(\.\d+)?$/.test(v.trim()))
        return Number(v) * 1000;
    const at = Date.parse(v);
    return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
function errCode(err) {
    const e = err;
    // The attempt's own time limit: undici throws the signal's reason, Node's client an AbortError with it as the cause.
    if (e?.name === 'TimeoutError' || e?.cause?.name === 'TimeoutError')
        return 'ETIMEDOUT';
    return e?.code ?? e?.cause?.code;
}
function redactedError(err, secrets) {
    const out = new Error((0,redact/* redact */.E$)((0,message/* messageOf */.b)(err), secrets));
    out.code = errCode(err);
    return out;
}


/***/ }),

/***/ 8853:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

;// CONCATENATED MODULE: ./src/inputs/durations.ts
const UNITS = /^(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+)s)?(?:(\d+)ms)?$/;
const SECONDS = /^\d+(?:\.\d+)?$/;
const DURATION_FORMS = '500ms, 45s, 10m, 1h30m or a number of seconds';
/**
 * The longest duration a Node timer can hold (2^31 - 1 ms, about 24.8 days), rounded down to whole
 * hours. A longer one makes setTimeout fire at once: a huge timeout would end the watch immediately and
 * a huge poll interval would poll without pause.
 */
const MAX_DURATION_MS = 596 * 3_600_000;
/** Milliseconds, not yet range-checked (0 is returned as 0). */
function parseDuration(text) {
    const t = text.trim();
    if (SECONDS.test(t))
        return { ok: true, value: Math.round(Number(t) * 1000) };
    const m = UNITS.exec(t);
    if (!t || !m || m.slice(1).every((g) => g === undefined)) {
        return { ok: false, problem: 'is not a duration', accepted: DURATION_FORMS };
    }
    const [h, min, s, ms] = m.slice(1).map((g) => Number(g ?? 0));
    return { ok: true, value: ((h * 60 + min) * 60 + s) * 1000 + ms };
}
/** A duration from `minMs` to MAX_DURATION_MS; `why` says why the minimum is what it is. */
function durationWithin(minMs, why = '') {
    return (text) => {
        const r = parseDuration(text);
        if (!r.ok)
            return r;
        if (r.value === 0) {
            return { ok: false, problem: 'is zero', accepted: `a positive duration: ${DURATION_FORMS}` };
        }
        if (r.value < minMs) {
            return { ok: false, problem: `is shorter than ${minMs}ms`, accepted: `at least ${minMs}ms${why}` };
        }
        if (r.value > MAX_DURATION_MS) {
            return {
                ok: false,
                problem: 'is longer than 596h',
                accepted: 'at most 596h (about 24 days, the longest timer Node.js can hold)',
            };
        }
        return r;
    };
}

;// CONCATENATED MODULE: ./src/inputs/values.ts
const BOOLEANS = {
    true: true,
    True: true,
    TRUE: true,
    false: false,
    False: false,
    FALSE: false,
};
/** Strict, like the YAML 1.2 core schema: `yes`, `on` or `1` are refused rather than guessed. */
function parseBoolean(text) {
    const v = BOOLEANS[text.trim()];
    return v === undefined
        ? { ok: false, problem: 'is not a boolean', accepted: 'true or false' }
        : { ok: true, value: v };
}
/** Exact match: `Auto` is refused, so a typo never silently picks another behaviour. */
function parseEnum(text, values) {
    const v = values.find((x) => x === text.trim());
    if (v !== undefined)
        return { ok: true, value: v };
    const choices = `${values.slice(0, -1).join(', ')} or ${values.at(-1) ?? ''}`;
    return { ok: false, problem: `is not ${choices}`, accepted: `${choices} (lower case)` };
}
/** A count (`2`) or a share of all units (`10%`, `12.5%`); `unit` names them (machine). */
function parseBudget(text, unit = 'unit') {
    const BUDGET_FORMS = `a count of ${unit}s (2) or a share of all ${unit}s from 0% to 100% (10%)`;
    const t = text.trim();
    if (/^\d+$/.test(t))
        return { ok: true, value: { kind: 'count', count: Number(t) } };
    const share = /^(\d+(?:\.\d+)?)%$/.exec(t);
    if (!share)
        return { ok: false, problem: 'is not a count or a share', accepted: BUDGET_FORMS };
    const percent = Number(share[1]);
    if (percent > 100)
        return { ok: false, problem: 'is more than 100%', accepted: BUDGET_FORMS };
    return { ok: true, value: { kind: 'share', percent } };
}
/** A whole number from 0 to `max`. */
function parseCount(text, max) {
    const t = text.trim();
    const accepted = `a whole number from 0 to ${max}`;
    if (!/^\d+$/.test(t))
        return { ok: false, problem: 'is not a whole number', accepted };
    const n = Number(t);
    return n <= max ? { ok: true, value: n } : { ok: false, problem: `is more than ${max}`, accepted };
}
/**
 * Decimal digits only (at most 20: a 64-bit id); kept as a string, as a number it could lose
 * precision. `where` says where people find it (the Yunxiao URL).
 */
function parseId(text, where = 'the URL') {
    const t = text.trim();
    return /^\d{1,20}$/.test(t)
        ? { ok: true, value: t }
        : { ok: false, problem: 'is not a numeric id', accepted: `decimal digits only, as in ${where}` };
}
/** An id that goes into a URL path: letters, digits, `-` and `_` only, as in `where`, like `example`. */
function parseSlug(text, what, where, example) {
    const t = text.trim();
    return /^[A-Za-z0-9_-]{1,64}$/.test(t)
        ? { ok: true, value: t }
        : {
            ok: false,
            problem: `is not ${what}`,
            accepted: `letters, digits, - and _ only, as in ${where} (for example ${example})`,
        };
}
/** An opaque value that becomes one URL path segment (EMAS coordinates): no `/`, no `..`, no spaces. */
function parseSegment(text) {
    const t = text.trim();
    return /^[A-Za-z0-9._~-]{1,128}$/.test(t) && t !== '.' && t !== '..'
        ? { ok: true, value: t }
        : { ok: false, problem: 'is not accepted', accepted: 'letters, digits, ., _, ~ and - only' };
}
/**
 * A base URL: `https://` for any host, `http://` only for loopback, so no credential is ever sent in
 * clear text over a network. No path: the clients build every path themselves from the origin (a
 * signature covers the path), so a path here would be dropped or doubled, never what was meant.
 * `example` is the service's own base URL, shown in the errors.
 */
function parseEndpoint(text, example) {
    let url;
    try {
        url = new URL(text.trim());
    }
    catch {
        return { ok: false, problem: 'is not a URL', accepted: `a base URL such as ${example}` };
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        return {
            ok: false,
            problem: `uses ${url.protocol}`,
            accepted: `an https:// URL such as ${example}`,
        };
    }
    if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
        return {
            ok: false,
            problem: 'is plain http to a host that is not loopback (no credential was sent)',
            accepted: 'https://, or http:// only for loopback hosts (127.0.0.0/8, ::1, localhost)',
        };
    }
    if (url.username || url.password || url.search || url.hash) {
        return {
            ok: false,
            problem: 'has a user, query or fragment',
            accepted: `a base URL without them, such as ${example}`,
        };
    }
    if (url.pathname !== '/') {
        return {
            ok: false,
            problem: 'has a path',
            accepted: `the base URL only (scheme, host and port), such as ${example}; the action adds every path itself`,
        };
    }
    return { ok: true, value: url.origin };
}
/** 127.0.0.0/8, ::1 (with or without brackets) and localhost; nothing that merely looks like them. */
function isLoopback(hostname) {
    const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (h === 'localhost' || h === '::1')
        return true;
    const v4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
    return v4 !== null && v4.slice(1).every((o) => Number(o) <= 255);
}

;// CONCATENATED MODULE: ./src/inputs/common.ts
// The inputs every gate has, whichever provider: how long to wait and how often to look, what to do
// on a failure or a cancel, and what to write where.


/** Polls faster than this only load the API; the tests and the bench poll at 100-200ms. */
const MIN_POLL_MS = 100;
/** More retries than this hide a broken deploy rather than ride out a flaky host. */
const MAX_RETRIES = 10;
const COMMON_DEFAULTS = {
    wait: 'true',
    timeout: '30m',
    'poll-interval': '10s',
    'retry-failed': '0',
    'on-failure': 'leave',
    'stop-on-cancel': 'false',
    summary: 'true',
};
/** The common inputs, and on-failure apart: it belongs to the policy the core reads. */
function readCommon(r) {
    const onFailure = r.take('on-failure', (t) => parseEnum(t, ['leave', 'stop']), 'leave');
    const common = {
        wait: r.take('wait', parseBoolean, true),
        timeoutMs: r.take('timeout', durationWithin(1), 30 * 60_000),
        pollIntervalMs: r.take('poll-interval', durationWithin(MIN_POLL_MS, ' (polling faster only loads the API)'), 10_000),
        stopOnCancel: r.take('stop-on-cancel', parseBoolean, false),
        summary: r.take('summary', parseBoolean, true),
        githubToken: r.raw('github-token') || undefined,
        environment: r.raw('environment') || undefined,
    };
    return { common, onFailure };
}

;// CONCATENATED MODULE: ./src/inputs/reader.ts
/** Longest value shown in an error: enough to recognise it, not a wall of text. */
const SHOWN_CHARS = 80;
class InputReader {
    spec;
    get;
    mask;
    errors = [];
    constructor(spec, get, mask) {
        this.spec = spec;
        this.get = get;
        this.mask = mask;
        // Mask first, before anything could print a value.
        for (const name of spec.secrets)
            maskSecret(get(name).trim(), mask);
        for (const name of spec.headers) {
            if (!headerSafe(this.raw(name)))
                this.error(`${name}: ${this.shown(name, this.raw(name))} has a control character or a character outside Latin-1, which no HTTP header can carry; use the value exactly as issued.`);
        }
    }
    /** The input, trimmed, or its default. */
    raw(name) {
        return this.get(name).trim() || (this.spec.defaults[name] ?? '');
    }
    /** The input parsed, or `fallback` with its problem recorded. */
    take(name, parser, fallback) {
        const text = this.raw(name);
        const r = parser(text);
        if (r.ok)
            return r.value;
        this.error(`${name}: ${this.shown(name, text)} ${r.problem}; use ${r.accepted}.`);
        return fallback;
    }
    /** The input parsed when given, else undefined. */
    optional(name, parser) {
        return this.raw(name) ? this.take(name, parser, undefined) : undefined;
    }
    /** A problem, starting with the input's name. */
    error(message) {
        this.errors.push(message);
    }
    /** The problems in the order of action.yml (each starts with its input's name), whatever order they were found in. */
    sortedErrors() {
        const rank = (e) => this.spec.names.indexOf(/^[a-z-]+/.exec(e)?.[0] ?? '');
        return this.errors
            .map((e, i) => ({ e, i, r: rank(e) }))
            .sort((a, b) => a.r - b.r || a.i - b.i)
            .map((x) => x.e);
    }
    /** The value as an error shows it: quoted (control characters escaped), cut short, never a secret. */
    shown(name, value) {
        if (this.spec.secrets.includes(name))
            return '(value hidden)';
        // A user:password@ in an endpoint is a credential too.
        const safe = name === 'endpoint' ? value.replace(/^([a-z][a-z0-9+.-]*:\/*)[^/?#]*@/i, '$1***@') : value;
        return JSON.stringify(safe.length > SHOWN_CHARS ? `${safe.slice(0, SHOWN_CHARS)}...` : safe);
    }
}
/** The whole value, and each line of a multi-line one: the runner matches masks line by line. */
function maskSecret(value, mask) {
    if (!value)
        return;
    mask(value);
    const lines = value.split(/\r?\n/).map((l) => l.trim());
    if (lines.length > 1)
        for (const line of lines)
            if (line)
                mask(line);
}
/** Visible ASCII and Latin-1, and spaces: what an HTTP header value may hold. Control characters never. */
function headerSafe(value) {
    return /^[\x20-\x7e\xa0-\xff]*$/.test(value);
}

;// CONCATENATED MODULE: ./src/providers/yunxiao/run-inputs.ts

/** Inputs that only mean something with `start: true`. */
const START_ONLY = ['branch', 'tag', 'variables', 'comment'];
/** Yunxiao reserves this variable name (CreatePipelineRun's `envs`). */
const RESERVED_VARIABLES = new Set(['version']);
/**
 * `start`, `new-run-only` and the start's own inputs, with the rules between them and the inputs
 * that name a run or an order (`deploy-order-id`, `pipeline-run-id`).
 */
function readRunChoice(r) {
    const start = r.take('start', parseBoolean, false);
    const newRunOnly = r.take('new-run-only', parseBoolean, false);
    // an unreadable `start` is its own error: the inputs that depend on it are not blamed for it
    if (!parseBoolean(r.raw('start')).ok)
        return { newRunOnly };
    const named = ['deploy-order-id', 'pipeline-run-id'].filter((n) => r.raw(n));
    if (start) {
        for (const n of [...named, ...(newRunOnly ? ['new-run-only'] : [])])
            r.error(`start: true excludes ${n} (the gate watches the deploy of the run it starts); remove ${n}, or set start: false.`);
    }
    else {
        for (const n of START_ONLY)
            if (r.raw(n))
                r.error(`${n}: only used with start: true (it goes to the run the gate starts).`);
        if (newRunOnly)
            for (const n of named)
                r.error(`new-run-only: true excludes ${n} (the gate waits for the next run, not a given one); remove one of them.`);
    }
    if (!start)
        return { newRunOnly };
    if (r.raw('branch') && r.raw('tag'))
        r.error('tag: give either branch or tag, not both (a run builds its sources on one or the other).');
    return {
        newRunOnly: false,
        start: {
            branch: r.optional('branch', (t) => parseRef(t, 'branch')),
            tag: r.optional('tag', (t) => parseRef(t, 'tag')),
            variables: readVariables(r),
            ...(r.raw('comment') ? { comment: r.raw('comment') } : {}),
        },
    };
}
/**
 * A branch or tag name as git allows it (check-ref-format's rules, short form): no spaces or control
 * characters, none of ~ ^ : ? * [ \, no `..` or `@{`, no leading `-` or `/`, no trailing `/`, `.` or
 * `.lock`. A full ref (refs/heads/main) is refused: Yunxiao takes the short name.
 */
function parseRef(text, kind) {
    const t = text.trim();
    const full = kind === 'branch' ? 'refs/heads/' : 'refs/tags/';
    const accepted = kind === 'branch'
        ? 'a branch name such as main or release/1.2 (github.ref_name gives it)'
        : 'a tag name such as v1.2.0 (github.ref_name gives it)';
    if (t.startsWith('refs/'))
        return { ok: false, problem: `is a full ref, not a ${kind} name (drop ${full})`, accepted };
    const bad = t.length > 255 ||
        // eslint-disable-next-line no-control-regex
        /[\x00-\x20\x7f~^:?*[\\]/.test(t) ||
        t.includes('..') ||
        t.includes('@{') ||
        t.includes('//') ||
        /^[-/.]|[/.]$|\.lock$/.test(t) ||
        t === '@';
    return bad ? { ok: false, problem: `is not a git ${kind} name`, accepted } : { ok: true, value: t };
}
/**
 * `variables`: one NAME=value per line (blank lines ignored; spaces around the name and the value
 * dropped). A value is never shown in an error: it may be a secret.
 */
function readVariables(r) {
    const text = r.raw('variables');
    const out = [];
    const seen = new Map();
    const lines = text ? text.split(/\r?\n/) : [];
    const accepted = 'one NAME=value per line, NAME of letters, digits and _, not starting with a digit (MY_VAR=1)';
    lines.forEach((raw, i) => {
        const line = raw.trim();
        if (!line)
            return;
        const n = i + 1;
        const eq = line.indexOf('=');
        if (eq < 0)
            return r.error(`variables: line ${n} has no "=" (its text is not shown); use ${accepted}.`);
        const name = line.slice(0, eq).trim();
        if (!/^[A-Za-z_][A-Za-z0-9_]{0,127}$/.test(name))
            return r.error(`variables: line ${n}: ${JSON.stringify(name.slice(0, 40))} is not a name; use ${accepted}.`);
        if (RESERVED_VARIABLES.has(name))
            return r.error(`variables: line ${n}: ${name} is reserved by Yunxiao; use another name.`);
        const first = seen.get(name);
        if (first !== undefined)
            return r.error(`variables: ${name} is given twice (lines ${first} and ${n}); give it once.`);
        seen.set(name, n);
        out.push({ name, value: line.slice(eq + 1).trim() });
    });
    return out;
}

;// CONCATENATED MODULE: ./src/providers/yunxiao/inputs.ts




const WHERE = 'the Yunxiao URL';
const yunxiaoId = (t) => parseId(t, WHERE);
const organizationIdOf = (t) => parseSlug(t, 'an organization id', WHERE, '5ebbc0228123212b59xxxxx');
const INPUT_NAMES = [
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
    'start',
    'branch',
    'tag',
    'variables',
    'comment',
    'new-run-only',
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
];
/** Defaults of action.yml, applied when an input is empty (the runner fills them in; tests may not). */
const DEFAULTS = {
    ...COMMON_DEFAULTS,
    edition: 'auto',
    start: 'false',
    'new-run-only': 'false',
    'skip-unreachable': 'false',
    'max-skipped': '10%',
    resume: 'never',
    'machine-logs': 'true',
};
const CENTRAL_HOST = 'openapi-rdc.aliyuncs.com';
const OPENAPI_ENDPOINT = `https://${CENTRAL_HOST}`;
const CLASSIC_ENDPOINT = 'https://devops.cn-hangzhou.aliyuncs.com';
const SPEC = {
    names: INPUT_NAMES,
    defaults: DEFAULTS,
    secrets: ['token', 'access-key-secret', 'security-token', 'github-token'],
    headers: ['token', 'access-key-id', 'access-key-secret', 'security-token', 'github-token'],
};
/**
 * Reads and validates every input before any request. `get` returns '' for an unset input (trimmed,
 * like core.getInput); `mask` registers a secret with the runner. All problems come back together.
 */
function parseInputs(get, mask, env = {}) {
    const r = new InputReader(SPEC, get, mask);
    const raw = (name) => r.raw(name);
    const credentials = readCredentials(raw, r) ?? credentialsFromEnv(raw, env, mask, r);
    const defaultEndpoint = credentials?.kind === 'access-key' ? CLASSIC_ENDPOINT : OPENAPI_ENDPOINT;
    const endpointText = raw('endpoint') || defaultEndpoint;
    const endpointParsed = parseEndpoint(endpointText, defaultEndpoint);
    const endpoint = r.take('endpoint', () => endpointParsed, OPENAPI_ENDPOINT);
    const editionChoice = r.take('edition', (t) => parseEnum(t, ['central', 'region', 'auto']), 'auto');
    const edition = editionChoice === 'auto'
        ? new URL(endpoint).hostname === CENTRAL_HOST
            ? 'central'
            : 'region'
        : editionChoice;
    const organizationId = r.optional('organization-id', organizationIdOf);
    if (!raw('organization-id') && credentials?.kind === 'access-key') {
        r.error('organization-id: required with access-key-id / access-key-secret (the classic API has it in every path).');
    }
    else if (!raw('organization-id') &&
        credentials?.kind === 'token' &&
        edition === 'central' &&
        // with a bad endpoint and edition auto the edition is unknown: one error, not a guessed second
        (endpointParsed.ok || editionChoice === 'central')) {
        r.error('organization-id: required for the central edition (openapi-rdc.aliyuncs.com); set it, or set edition: region for a region-edition endpoint.');
    }
    let pipelineId = '';
    if (!raw('pipeline-id'))
        r.error('pipeline-id: required; use the numeric id of the Yunxiao pipeline.');
    else
        pipelineId = r.take('pipeline-id', yunxiaoId, '');
    const deployOrderId = r.optional('deploy-order-id', yunxiaoId);
    const pipelineRunId = r.optional('pipeline-run-id', yunxiaoId);
    const { start, newRunOnly } = readRunChoice(r);
    const { common, onFailure } = readCommon(r);
    const resume = r.take('resume', (t) => parseEnum(t, ['never', 'auto']), 'never');
    const policy = {
        skipUnreachable: r.take('skip-unreachable', parseBoolean, false),
        maxSkipped: r.take('max-skipped', (t) => parseBudget(t, 'machine'), {
            kind: 'share',
            percent: 10,
        }),
        retryFailed: r.take('retry-failed', (t) => parseCount(t, MAX_RETRIES), 0),
        // a pause between batches is a point a person confirms: resume never waits, auto passes it
        confirm: resume === 'auto' ? 'pass' : 'wait',
        onFailure,
    };
    const config = {
        ...common,
        credentials: credentials ?? { kind: 'token', token: '' },
        endpoint,
        edition,
        organizationId,
        pipelineId,
        deployOrderId,
        pipelineRunId,
        job: raw('job') || undefined,
        ...(start ? { start } : {}),
        newRunOnly,
        policy,
        machineLogs: r.take('machine-logs', parseBoolean, true),
        emas: readEmas(raw, (name) => r.optional(name, parseSegment), r),
    };
    const errors = r.sortedErrors();
    return errors.length > 0 ? { ok: false, errors } : { ok: true, config };
}
function readCredentials(raw, r) {
    const token = raw('token');
    const id = raw('access-key-id');
    const secret = raw('access-key-secret');
    const sts = raw('security-token');
    if (sts && !id && !secret && token) {
        r.error('security-token: only used with access-key-id and access-key-secret (STS credentials).');
    }
    if (token && (id || secret)) {
        r.error('token: give either token (OpenAPI) or access-key-id + access-key-secret (classic API), not both.');
        return undefined;
    }
    if (token)
        return { kind: 'token', token };
    if (id && secret) {
        return {
            kind: 'access-key',
            accessKeyId: id,
            accessKeySecret: secret,
            ...(sts ? { securityToken: sts } : {}),
        };
    }
    if (id || secret) {
        const [missing, given] = id
            ? ['access-key-secret', 'access-key-id']
            : ['access-key-id', 'access-key-secret'];
        r.error(`${missing}: required with ${given}.`);
        return undefined;
    }
    return undefined;
}
/** The standard Alibaba Cloud variables, as aliyun/configure-aliyun-credentials-action exports them. */
const ENV_CREDENTIALS = {
    id: 'ALIBABA_CLOUD_ACCESS_KEY_ID',
    secret: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
    token: 'ALIBABA_CLOUD_SECURITY_TOKEN',
};
/**
 * With no token and no key inputs at all: the AccessKey (and STS token) from the environment, masked
 * the moment they are read. Inputs always win: this is only asked when none was given.
 */
function credentialsFromEnv(raw, env, mask, r) {
    if (raw('token') || raw('access-key-id') || raw('access-key-secret'))
        return undefined;
    const read = (name) => (env[name] ?? '').trim();
    const [id, secret, sts] = [
        read(ENV_CREDENTIALS.id),
        read(ENV_CREDENTIALS.secret),
        read(ENV_CREDENTIALS.token),
    ];
    // All three, as aliyun/configure-aliyun-credentials-action masks them (the key id included: with
    // STS it is a short-lived id that names the role session).
    for (const value of [id, secret, sts])
        maskSecret(value, mask);
    if (!id || !secret) {
        if (raw('security-token'))
            r.error(`security-token: only used with access-key-id and access-key-secret, or with ${ENV_CREDENTIALS.id} and ${ENV_CREDENTIALS.secret} (STS credentials).`);
        r.error(`token: required (a Yunxiao personal access token), unless access-key-id and access-key-secret are given, or ${ENV_CREDENTIALS.id} and ${ENV_CREDENTIALS.secret} are set (as aliyun/configure-aliyun-credentials-action does).`);
        return undefined;
    }
    if (![id, secret, sts].every(headerSafe)) {
        r.error(`token: ${ENV_CREDENTIALS.id}, ${ENV_CREDENTIALS.secret} or ${ENV_CREDENTIALS.token} has a control character or a character outside Latin-1, which no HTTP header can carry.`);
        return undefined;
    }
    const securityToken = raw('security-token') || sts;
    return {
        kind: 'access-key',
        accessKeyId: id,
        accessKeySecret: secret,
        ...(securityToken ? { securityToken } : {}),
    };
}
const EMAS_INPUTS = ['emas-job-instance-id', 'emas-md5', 'service-connection-id'];
function readEmas(raw, read, r) {
    const given = EMAS_INPUTS.filter((n) => raw(n));
    if (given.length === 0)
        return undefined;
    if (given.length < EMAS_INPUTS.length) {
        const missing = EMAS_INPUTS.filter((n) => !raw(n));
        r.error(`${missing.join(', ')}: required with ${given.join(', ')} (the EMAS artifact needs all three, or none to use the run's own).`);
        return undefined;
    }
    const [emasJobInstanceId, md5, serviceConnectionId] = EMAS_INPUTS.map(read);
    if (emasJobInstanceId === undefined || md5 === undefined || serviceConnectionId === undefined)
        return undefined;
    return { emasJobInstanceId, md5, serviceConnectionId };
}

;// CONCATENATED MODULE: ./src/report/counts.ts
function emptyCounts() {
    return {
        total: 0,
        succeeded: 0,
        failed: 0,
        skipped: 0,
        other: 0,
        byStatus: new Map(),
        otherByStatus: new Map(),
    };
}
function addToCounts(c, u) {
    c.total++;
    if (u.phase === 'succeeded')
        c.succeeded++;
    else if (u.phase === 'failed')
        c.failed++;
    else if (u.phase === 'skipped')
        c.skipped++;
    else {
        c.other++;
        c.otherByStatus.set(u.status, (c.otherByStatus.get(u.status) ?? 0) + 1);
    }
    c.byStatus.set(u.status, (c.byStatus.get(u.status) ?? 0) + 1);
}
function needsALook(u) {
    return u.phase === 'failed' || u.phase === 'skipped' || u.reachable === false;
}
function actionsByUnit(taken) {
    const per = new Map();
    for (const a of taken) {
        if (!a.target || (a.kind !== 'skip' && a.kind !== 'retry'))
            continue;
        let e = per.get(a.target);
        if (!e) {
            e = { skipped: false, retries: 0, refused: new Map(), unanswered: new Set() };
            per.set(a.target, e);
        }
        if (a.outcome === 'error')
            e.refused.set(a.kind, (e.refused.get(a.kind) ?? 0) + 1);
        else if (a.outcome === 'unknown')
            e.unanswered.add(a.kind);
        else if (a.kind === 'skip')
            e.skipped = true;
        else
            e.retries++;
    }
    return per;
}
function skippedByThisRun(taken) {
    const seen = new Set();
    for (const a of taken)
        if (a.kind === 'skip' && a.outcome === 'ok' && a.target)
            seen.add(a.target);
    return [...seen];
}
function tallyOf(outcome) {
    const units = outcome.snapshot?.units ?? [];
    const counts = outcome.snapshot ? emptyCounts() : undefined;
    const byGroup = new Map();
    const failed = [];
    const skipped = [];
    const unreachableIds = [];
    for (const u of units) {
        if (u.reachable === false)
            unreachableIds.push(u.id);
        if (counts)
            addToCounts(counts, u);
        let g = byGroup.get(u.group);
        if (!g) {
            g = { group: u.group, units: [], counts: emptyCounts() };
            byGroup.set(u.group, g);
        }
        g.units.push(u);
        addToCounts(g.counts, u);
        if (u.phase === 'failed')
            failed.push(u);
        else if (u.phase === 'skipped')
            skipped.push(u);
    }
    // Few groups: sorting their keys is cheap, and walking them keeps the units in order.
    const groups = [...byGroup.values()].sort((a, b) => a.group - b.group);
    const needsLook = [];
    for (const g of groups)
        for (const u of g.units)
            if (needsALook(u))
                needsLook.push(u);
    return {
        counts,
        groups,
        needsLook,
        failed,
        skipped,
        skippedByUs: skippedByThisRun(outcome.taken),
        failedIds: failed.map((u) => u.id),
        unreachableIds,
        byUnit: actionsByUnit(outcome.taken),
    };
}
/** What this run did to a unit, or what happened to it otherwise, in a few words. */
function whatHappened(u, tally, actionNames) {
    const e = tally.byUnit.get(u.id);
    const parts = [];
    if (e?.retries)
        parts.push(`retried ${times(e.retries)}`);
    if (e?.skipped)
        parts.push('skipped by this run');
    for (const [kind, n] of e?.refused ?? [])
        parts.push(`${actionNames[kind]} refused${n > 1 ? ` ${times(n)}` : ''}`);
    for (const kind of e?.unanswered ?? [])
        parts.push(`${actionNames[kind]} sent, no answer`);
    if (u.phase === 'skipped' && !e?.skipped && !e?.unanswered.has('skip'))
        parts.push('skipped by someone else');
    return parts.length ? parts.join(', ') : 'nothing';
}
function times(n) {
    return n === 1 ? '1 time' : `${n} times`;
}
/** Every confirmation point the run reached (where the provider shows them), with its decision. */
function pointsOf(outcome) {
    const byUs = new Map();
    for (const a of outcome.taken)
        if (a.outcome === 'ok' && a.target && (a.kind === 'pass' || a.kind === 'refuse'))
            byUs.set(a.target, a.kind === 'pass' ? 'passed' : 'refused');
    // A pass the server answered `ok` while the point still waits at the end did not take: the point
    // is pending, never "passed by this gate". (A refusal ends the watch on the answer before it.)
    return (outcome.snapshot?.reached ?? []).map((point) => {
        const mine = byUs.get(point.id);
        const decision = mine === 'refused' ? mine : point.waiting ? 'pending' : (mine ?? 'done');
        return { point, decision };
    });
}

;// CONCATENATED MODULE: ./src/report/outputs.ts
// The step outputs of an action's contract: every name always set ('' when unknown, [] for a list),
// ids as exact strings. Each provider declares its names, in action.yml's order, and how each is had
// from the outcome; the ones every gate has are here.

function outputsOf(specs, outcome, reportPath) {
    const t = tallyOf(outcome);
    return Object.fromEntries(specs.map((s) => [s.name, s.value(outcome, t, reportPath)]));
}
/**
 * Every output of a run that read nothing: '' for values, [] for lists (fromJSON() never fails on
 * them), and the values of the facts known all the same (a run it started).
 */
function emptyOutputs(specs, facts = []) {
    return Object.fromEntries(specs.map((s) => [s.name, s.fact ? factIn(facts, s.fact) : s.list ? '[]' : '']));
}
/** A fact of the run's resolution (`resolved` in the report), by its key. */
function fact(outcome, key) {
    return factIn(outcome.presentation.facts, key);
}
function factIn(facts, key) {
    const f = facts.find((x) => x.key === key);
    return f?.id ?? f?.text ?? '';
}
const RESULT = { name: 'result', value: (o) => o.result };
const STATUS = { name: 'status', value: (o) => o.snapshot?.status ?? '' };
const REPORT_PATH = { name: 'report-path', value: (_o, _t, path) => path ?? '' };
const DURATION = {
    name: 'duration-seconds',
    value: (o) => Number.isFinite(o.durationSeconds) ? String(Math.max(0, Math.round(o.durationSeconds))) : '',
};
const ARTIFACT_URL = { name: 'artifact-url', value: (o) => o.artifactUrl ?? '' };

;// CONCATENATED MODULE: ./src/providers/yunxiao/outputs.ts
// The Yunxiao gate's outputs (action.yml), in its order.

const json = (list) => JSON.stringify(list);
const YUNXIAO_OUTPUTS = [
    RESULT,
    STATUS,
    { name: 'deploy-order-id', fact: 'deployOrderId', value: (o) => fact(o, 'deployOrderId') },
    // a run the gate started is known even when no deploy order is (wait: false, a run that never deploys)
    { name: 'pipeline-run-id', fact: 'pipelineRunId', value: (o) => fact(o, 'pipelineRunId') },
    { name: 'job-id', fact: 'jobId', value: (o) => fact(o, 'jobId') },
    { name: 'job-name', fact: 'jobName', value: (o) => fact(o, 'jobName') },
    { name: 'current-batch', value: (o) => (o.snapshot ? String(o.snapshot.progress.current) : '') },
    { name: 'total-batch', value: (o) => (o.snapshot ? String(o.snapshot.progress.total) : '') },
    { name: 'machines-total', value: (_o, t) => (t.counts ? String(t.counts.total) : '') },
    { name: 'machines-succeeded', value: (_o, t) => (t.counts ? String(t.counts.succeeded) : '') },
    { name: 'machines-failed', value: (_o, t) => (t.counts ? String(t.counts.failed) : '') },
    { name: 'machines-skipped', value: (_o, t) => (t.counts ? String(t.counts.skipped) : '') },
    // Known from this run's own actions even when no order was read.
    { name: 'skipped-machines', list: true, value: (_o, t) => json(t.skippedByUs) },
    { name: 'failed-machines', list: true, value: (_o, t) => json(t.failedIds) },
    { name: 'unreachable-machines', list: true, value: (_o, t) => json(t.unreachableIds) },
    REPORT_PATH,
    ARTIFACT_URL,
    { name: 'deploy-url', fact: 'deployUrl', value: (o) => o.presentation.url ?? '' },
    DURATION,
];

;// CONCATENATED MODULE: ./src/watch/provider.ts
/**
 * Thrown by `resolve` when it did what was asked (a run started, say) and, with `wait: false`, there
 * is nothing to watch yet: the gate reports `in-progress` with this message and exits 0.
 */
class NothingToWatchYet extends Error {
    name = 'NothingToWatchYet';
}

// EXTERNAL MODULE: ./src/version.ts + 1 modules
var version = __webpack_require__(1013);
// EXTERNAL MODULE: ./src/providers/yunxiao/hints.ts
var hints = __webpack_require__(8140);
// EXTERNAL MODULE: ./src/http/transport.ts + 1 modules
var transport = __webpack_require__(2692);
// EXTERNAL MODULE: ./src/http/json.ts
var http_json = __webpack_require__(2868);
// EXTERNAL MODULE: ./src/http/shape.ts
var shape = __webpack_require__(1513);
// EXTERNAL MODULE: ./src/providers/yunxiao/normalize.ts
var normalize = __webpack_require__(7705);
;// CONCATENATED MODULE: ./src/providers/yunxiao/openapi.ts






/** Rows per history or run list page: the documented maximum. */
const HISTORY_PAGE_SIZE = 30;
const enc = encodeURIComponent;
class OpenApiClient {
    opts;
    kind = 'openapi';
    base;
    transport;
    /** the machines of the last order read: unchanged ones are not read again */
    orderMemo = new http_json/* ElementMemo */.le(normalize/* MACHINE_FIELDS */.MC);
    orderBody = new transport/* BodyBuffer */.FJ();
    constructor(opts) {
        this.opts = opts;
        if (opts.edition === 'central' && !opts.organizationId) {
            throw new Error('organization-id is required for the central edition');
        }
        const root = `${opts.endpoint.replace(/\/+$/, '')}/oapi/v1/flow`;
        this.base = opts.edition === 'central' ? `${root}/organizations/${enc(opts.organizationId ?? '')}` : root;
        this.transport = new transport/* Transport */.oK({
            dispatcher: opts.dispatcher,
            userAgent: version/* USER_AGENT */._,
            requestTimeoutMs: opts.requestTimeoutMs,
            retry: opts.retry,
            random: opts.random,
            debug: opts.debug,
            secrets: [opts.token],
            failureOf: openApiFailure,
            hintFor: hints/* openApiHint */.Gz,
        });
    }
    listDeployJobs(pipelineId, o) {
        return this.get('ListPipelineJobs', `/pipelines/${enc(pipelineId)}/listTasksByCategory/DEPLOY`, openapi_json(normalize/* toDeployJobs */.pX), o);
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
        return this.get('ListPipelineJobHistorys', `/pipelines/getComponentsWithoutButtons?${query}`, (res) => {
            const items = (0,normalize/* toJobHistory */.Bi)((0,http_json/* readJson */.Vh)(res.bytes).value);
            const total = Number(header(res, 'x-total-pages'));
            const last = Number.isSafeInteger(total) && total > 0 ? String(total) : undefined;
            return { items, next: nextPage(res, page, items.length), ...(last ? { last } : {}) };
        }, o);
    }
    getPipelineRun(pipelineId, pipelineRunId, o) {
        return this.get('GetPipelineRun', `/pipelines/${enc(pipelineId)}/runs/${enc(pipelineRunId)}`, openapi_json((raw) => (0,normalize/* checkRunId */.np)((0,normalize/* toPipelineRun */.Tk)(raw), pipelineRunId)), o);
    }
    getLatestPipelineRun(pipelineId, o) {
        return this.get('GetLatestPipelineRun', `/pipelines/${enc(pipelineId)}/runs/latestPipelineRun`, openapi_json(normalize/* toPipelineRun */.Tk), o);
    }
    getPipeline(pipelineId, o) {
        return this.get('GetPipeline', `/pipelines/${enc(pipelineId)}`, openapi_json(normalize/* toPipelineDefinition */.rS), o);
    }
    async listPipelineRuns(pipelineId, cursor, o) {
        const page = Number(cursor ?? '1') || 1;
        const query = new URLSearchParams({ page: String(page), perPage: String(HISTORY_PAGE_SIZE) });
        return this.get('ListPipelineRuns', `/pipelines/${enc(pipelineId)}/runs?${query}`, (res) => {
            const items = (0,normalize/* toRunRows */.cN)((0,http_json/* readJson */.Vh)(res.bytes).value);
            const total = Number(header(res, 'x-total-pages'));
            const last = Number.isSafeInteger(total) && total > 0 ? String(total) : undefined;
            return { items, next: nextPage(res, page, items.length), ...(last ? { last } : {}) };
        }, o);
    }
    createPipelineRun(pipelineId, params, o) {
        // `params` is a JSON string inside the JSON body; no params at all is `{}`, as the MCP server sends it.
        const body = Object.keys(params).length > 0 ? { params: JSON.stringify(params) } : {};
        return this.transport.send({
            operation: 'CreatePipelineRun',
            method: 'POST',
            url: `${this.base}/pipelines/${enc(pipelineId)}/runs`,
            headers: { 'x-yunxiao-token': this.opts.token, 'content-type': 'application/json' },
            body: JSON.stringify(body),
            write: true,
            signal: o?.signal,
            read: openapi_json(normalize/* toCreatedRunId */.W_),
        });
    }
    /** GetUserByToken: the same path in both editions, outside /flow. */
    currentUserId(o) {
        return this.transport.send({
            operation: 'GetUserByToken',
            method: 'GET',
            url: `${this.opts.endpoint.replace(/\/+$/, '')}/oapi/v1/platform/user`,
            headers: { 'x-yunxiao-token': this.opts.token },
            write: false,
            signal: o?.signal,
            read: openapi_json((raw) => {
                const user = raw && typeof raw === 'object' ? raw['id'] : undefined;
                if ((typeof user !== 'string' && typeof user !== 'number') || user === '')
                    throw new shape/* ShapeError */.ym('expected the user, with an id');
                return String(user);
            }),
        });
    }
    getDeployOrder(pipelineId, deployOrderId, o) {
        return this.get('GetVMDeployOrder', this.orderPath(pipelineId, deployOrderId), (res) => {
            const read = readDeployOrder(res.bytes, this.orderMemo);
            if (read.snapshot.id !== deployOrderId)
                throw (0,normalize/* orderMismatch */.DI)(read.snapshot.id, deployOrderId);
            return read;
        }, o, { into: this.orderBody, maxBytes: normalize/* MAX_ORDER_BYTES */.A2 });
    }
    lastError() {
        return this.transport.lastError();
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
    getMachineLog(pipelineId, deployOrderId, machineSn, o) {
        return this.get('GetVMDeployMachineLog', `${this.machinePath(pipelineId, deployOrderId, machineSn)}/log`, openapi_json(normalize/* toMachineLog */.RE), o, { maxBytes: normalize/* MAX_LOG_BYTES */.w5 });
    }
    getEmasArtifactUrl(req, o) {
        const query = new URLSearchParams({
            emasJobInstanceId: req.emasJobInstanceId,
            md5: req.md5,
            pipelineId: req.pipelineId,
            pipelineRunId: req.pipelineRunId,
            serviceConnectionId: req.serviceConnectionId,
        });
        return this.get('GetPipelineEmasArtifactUrl', `/pipelines/getEmasArtifactDownloadUrl?${query}`, (res) => {
            const text = res.text.trim();
            // A bare string: JSON-quoted, or unquoted as the documentation's example shows it.
            const url = text.startsWith('"') ? (0,http_json/* readJson */.Vh)(res.bytes).value : text;
            if (typeof url !== 'string' || !/^https?:\/\/\S+$/.test(url))
                throw new shape/* ShapeError */.ym('expected the artifact URL');
            return url;
        }, o);
    }
    orderPath(pipelineId, deployOrderId) {
        return `/pipelines/${enc(pipelineId)}/deploy/${enc(deployOrderId)}`;
    }
    machinePath(pipelineId, deployOrderId, machineSn) {
        return `${this.orderPath(pipelineId, deployOrderId)}/machine/${enc(machineSn)}`;
    }
    get(operation, path, read, o, body) {
        return this.transport.send({
            operation,
            method: 'GET',
            url: this.base + path,
            headers: { 'x-yunxiao-token': this.opts.token },
            write: false,
            signal: o?.signal,
            read,
            ...body,
        });
    }
    put(operation, path, o) {
        return this.transport.send({
            operation,
            method: 'PUT',
            url: this.base + path,
            headers: { 'x-yunxiao-token': this.opts.token },
            write: true,
            signal: o?.signal,
            read: (res) => (0,normalize/* toWriteResult */.MK)(res.bytes, (bytes) => (0,http_json/* readJson */.Vh)(bytes).value),
        });
    }
}
/** A reader of a JSON answer into the model: SyntaxError and ShapeError say it is a bad answer. */
function openapi_json(normalize) {
    return (res) => normalize((0,http_json/* readJson */.Vh)(res.bytes).value);
}
/**
 * GetVMDeployOrder's answer (UTF-8 bytes) to the model, and its text for the report. Only the fields
 * the model reads are built (DEPLOY_ORDER_FIELDS): a 10,000-machine order is ~7 MB of JSON, and its
 * whole tree would be several times that at every poll.
 * Throws SyntaxError (not JSON) or ShapeError (not a deploy order).
 */
function readDeployOrder(bytes, memo) {
    const raw = (0,http_json/* readJson */.Vh)(bytes, normalize/* DEPLOY_ORDER_FIELDS */.PS, memo);
    return { snapshot: (0,normalize/* toDeployOrderRead */.Jm)(raw.value), raw };
}
/** The documented error body: {traceId, code, errorCode, errorMessage, errorDescription}. */
function openApiFailure(res) {
    const requestId = header(res, 'x-request-id');
    // An answer with a success status that is not what was asked for is the reader's to say (a bad answer).
    if (res.status < 400)
        return undefined;
    let body;
    try {
        const parsed = (0,http_json/* readJson */.Vh)(res.bytes).value;
        if (parsed && typeof parsed === 'object')
            body = parsed;
    }
    catch {
        body = undefined;
    }
    if (!body)
        return { errorMessage: 'non-JSON answer', requestId, showBody: true };
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

;// CONCATENATED MODULE: ./src/providers/yunxiao/api.ts

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
    const { ClassicClient } = await __webpack_require__.e(/* import() */ 832).then(__webpack_require__.bind(__webpack_require__, 6832));
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

// EXTERNAL MODULE: ./src/common/message.ts
var message = __webpack_require__(978);
;// CONCATENATED MODULE: ./src/common/log-tail.ts
// The end of a log, for the summary and the report: the last lines, never a line cut in half, and
// never more than a bounded piece of a log of any size looked at.
/** Lines kept from the end of each log. */
const LOG_TAIL_LINES = 30;
/** Characters of a log's end looked at for them: a log of hundreds of MB is never split whole. */
const TAIL_CHARS = 64 * 1024;
const isBreak = (code) => code === 0x0a || code === 0x0d;
/** The last lines of a log (CRLF, CR and LF all end a line, as the runner reads them). */
function tail(text, lines = LOG_TAIL_LINES) {
    // The line breaks it ends with are counted off, not matched by a regex: /[\r\n]+$/ tries every
    // run of breaks against the end, quadratic in a log of many breaks ending in another character
    // (a 16 MB one from a server would hold the gate for hours, past its deadline).
    let end = text.length;
    while (end > 0 && isBreak(text.charCodeAt(end - 1)))
        end--;
    const from = Math.max(0, end - TAIL_CHARS);
    const all = text.slice(from, end).split(/\r\n|\r|\n/);
    // A piece cut from a longer log starts inside a line: that partial line is not shown.
    if (from > 0 && all.length > 1)
        all.shift();
    return all.slice(-lines).join('\n');
}
/**
 * The last lines of a log sent newest line first (a page read with `sort: desc`), oldest first as
 * `tail` gives them. Only its start is looked at: a page of many MB is never split whole.
 */
function tailOfNewestFirst(text, lines = LOG_TAIL_LINES) {
    let from = 0;
    while (from < text.length && isBreak(text.charCodeAt(from)))
        from++;
    const to = Math.min(text.length, from + TAIL_CHARS);
    const all = text.slice(from, to).split(/\r\n|\r|\n/);
    // A piece cut from a longer log ends inside a line (its oldest one here): not shown.
    if (to < text.length && all.length > 1)
        all.pop();
    return tail(all.slice(0, lines).reverse().join('\n'), lines);
}

;// CONCATENATED MODULE: ./src/providers/yunxiao/extras.ts


/** Failed machines whose logs are fetched at most: the rest are in Yunxiao. */
const MAX_LOGGED_MACHINES = 10;
/** SN -> last lines of its deploy log, for the failed machines of the order. */
async function fetchFailedLogs(api, order, pipelineId, signal, warn) {
    const failed = order.units.filter((m) => m.phase === 'failed').slice(0, MAX_LOGGED_MACHINES);
    const logs = {};
    await Promise.all(failed.map(async (m) => {
        try {
            const log = await api.getMachineLog(pipelineId, order.id, m.id, { signal });
            const excerpt = { lines: tail(log.deployLog ?? '') };
            if (log.deployBeginTime !== undefined)
                excerpt.began = isoTime(log.deployBeginTime);
            if (log.deployEndTime !== undefined)
                excerpt.ended = isoTime(log.deployEndTime);
            logs[m.id] = excerpt;
        }
        catch (err) {
            if (!signal.aborted)
                warn(`Could not fetch the deploy log of machine ${m.label}: ${(0,message/* messageOf */.b)(err)}`);
        }
    }));
    return logs;
}
function isoTime(ms) {
    const d = new Date(ms);
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
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
        return { error: (0,message/* messageOf */.b)(err) };
    }
}

;// CONCATENATED MODULE: ./src/providers/yunxiao/links.ts
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

// EXTERNAL MODULE: ./src/http/errors.ts
var errors = __webpack_require__(8549);
;// CONCATENATED MODULE: ./src/providers/yunxiao/run-actions.ts
// Reading what a pipeline run's job actions carry: the deploy order id and the EMAS coordinates.

/**
 * Run and job statuses after which no deploy order will appear. Yunxiao documents five statuses
 * (RUNNING, SUCCESS, FAIL, CANCELED, WAITING); real answers carry more:
 * - FAILED and CANCELLED are other spellings of FAIL and CANCELED: ended.
 * - TIMEOUT: the run or the job ran out of its own time: ended.
 * - SKIPPED: a job whose condition was not met (or a run that did not run) will not run now: ended.
 * Not ended, so the gate keeps waiting for the deploy job (within `timeout`):
 * - QUEUED and INIT: waiting for a runner or to start;
 * - WAITING and SWITCH_MANUAL: waiting for a person to start or confirm a stage;
 * - RUNNING, and any word Yunxiao does not document: never taken for an ending.
 */
const ENDED_STATUSES = new Set([
    'SUCCESS',
    'FAIL',
    'FAILED',
    'CANCELED',
    'CANCELLED',
    'TIMEOUT',
    'SKIPPED',
]);
/** The deploy order id of a job: its GetVMDeployOrder action's params, or the JSON string in `data`. */
function deployOrderIdOf(job) {
    for (const action of job.actions) {
        if (action.type !== 'GetVMDeployOrder')
            continue;
        const id = (0,http_json/* toIdString */.Uv)(action.params['deployOrderId']) ?? (0,http_json/* toIdString */.Uv)(dataField(action, 'deployOrderId'));
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
                return typeof v === 'string' ? v : (0,http_json/* toIdString */.Uv)(v);
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
        const parsed = (0,http_json/* parseJsonLossless */.KK)(action.data);
        return parsed && typeof parsed === 'object' ? parsed[key] : undefined;
    }
    catch {
        return undefined; // `data` is free text in some responses; not having the field is not an error
    }
}

;// CONCATENATED MODULE: ./src/providers/yunxiao/resolve.ts
// From a pipeline (and maybe a run or a job name) to the deploy order to watch.
// The chain (yunxiao-api.md section 5): DEPLOY jobs -> the job's history row for its last run
// -> the pipeline run -> the deploy job's GetVMDeployOrder action -> deployOrderId.


class ResolveError extends Error {
    name = 'ResolveError';
}
/** History pages to read at most when looking for a job's last run (600 rows in the OpenAPI, 1,000 classic). */
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
    let last;
    try {
        for (let reads = 0;; reads++) {
            const run = await api.getPipelineRun(req.pipelineId, runId, { signal });
            last = run;
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
            if (job && ENDED_STATUSES.has(job.status)) {
                throw new ResolveError(`The deploy job "${job.name}" of pipeline run ${runId} ended (${job.status}) without creating a deploy order: nothing to watch. ` +
                    'Check the run in Yunxiao; pass deploy-order-id to watch a specific order.');
            }
            if (ENDED_STATUSES.has(run.status)) {
                const what = job ? `its deploy job "${job.name}"` : 'any deploy job';
                throw new ResolveError(`Pipeline run ${runId} ended (${run.status}) without ${what} creating a deploy order: nothing to watch. ` +
                    'Check the run in Yunxiao; pass deploy-order-id to watch a specific order.');
            }
            if (reads === 0)
                ctx.log(`Pipeline run ${runId} has not reached its deploy job yet (run ${run.status}); waiting for it.`);
            await ctx.sleep(ctx.pollIntervalMs, signal);
        }
    }
    catch (err) {
        if (!signal.aborted || !last)
            throw err;
        // Cut short while waiting: say for what.
        throw new ResolveError(`pipeline run ${runId} had not reached its deploy job (run ${last.status}) when ${(0,message/* messageOf */.b)(signal.reason)}.`, { cause: signal.reason });
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
/**
 * The history row of the job's last run. The history's order is not documented: the row is on the
 * first page when it is newest first, on the last when oldest first, so the last page (when the
 * server says which) is read second, then the rest in order. A cursor is never read twice, so a
 * server whose pages point back at each other cannot keep the gate paging.
 */
async function findRunOfJob(ctx, pipelineId, job) {
    const read = new Set();
    const page = async (cursor) => {
        read.add(cursor ?? '');
        return ctx.api.listJobHistory(pipelineId, job.identifier, cursor, { signal: ctx.signal });
    };
    const rowIn = (p) => p.items.find((r) => r.jobId === job.lastJobId);
    const first = await page(undefined);
    let row = rowIn(first);
    if (!row && first.last !== undefined && first.last !== first.next && !read.has(first.last))
        row = rowIn(await page(first.last));
    let cursor = first.next;
    while (!row && cursor !== undefined && !read.has(cursor) && read.size < MAX_HISTORY_PAGES) {
        const next = await page(cursor);
        row = rowIn(next);
        cursor = next.next;
    }
    if (row)
        return { pipelineRunId: row.pipelineRunId, pages: read.size };
    throw new ResolveError(`DEPLOY job "${job.jobName}" (${job.identifier}) of pipeline ${pipelineId}: its last run (job ${job.lastJobId}) ` +
        `is not in the job history (${read.size} pages read, ${MAX_HISTORY_PAGES} at most). Pass pipeline-run-id or deploy-order-id.`);
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

;// CONCATENATED MODULE: ./src/providers/yunxiao/runs.ts
/** Run list pages to read at most when the newest run is on the last page and no page says which that is. */
const MAX_RUN_PAGES = 20;
/**
 * The rows among which the newest runs are, whatever order the list is in (Yunxiao does not
 * document it): the first page, and the last when the server says which it is. With no such page
 * (the classic nextToken), a first page in descending order holds the newest; otherwise the pages
 * are read in turn to the end.
 */
async function newestRuns(api, pipelineId, opts) {
    const read = new Set();
    const page = (cursor) => {
        read.add(cursor ?? '');
        return api.listPipelineRuns(pipelineId, cursor, opts);
    };
    const first = await page(undefined);
    // Rows are added one by one, never spread into push(): a page of hundreds of thousands of rows
    // would pass the engine's limit on arguments (a RangeError instead of the newest run).
    const rows = [...first.items];
    if (first.next === undefined)
        return { rows, complete: true, pages: 1 };
    if (first.last !== undefined) {
        if (!read.has(first.last))
            for (const r of (await page(first.last)).items)
                rows.push(r);
        return { rows, complete: true, pages: read.size };
    }
    if (descending(first.items))
        return { rows, complete: true, pages: 1 };
    let cursor = first.next;
    while (cursor !== undefined && !read.has(cursor) && read.size < MAX_RUN_PAGES) {
        const next = await page(cursor);
        for (const r of next.items)
            rows.push(r);
        cursor = next.next;
    }
    return { rows, complete: cursor === undefined, pages: read.size };
}
/** The largest run id of `rows`, or undefined when there is none. */
function newestId(rows) {
    let best;
    for (const r of rows)
        if (best === undefined || idAfter(r.pipelineRunId, best))
            best = r.pipelineRunId;
    return best;
}
/** Run ids are decimal strings of any length: compared as integers. */
function idAfter(a, b) {
    if (!/^\d+$/.test(a))
        return false;
    if (b === undefined)
        return true;
    return BigInt(a) > BigInt(b);
}
/** At least two rows, each id below the one before it. */
function descending(rows) {
    return (rows.length > 1 && rows.every((r, i) => i === 0 || idAfter(rows[i - 1].pipelineRunId, r.pipelineRunId)));
}

;// CONCATENATED MODULE: ./src/providers/yunxiao/next-run.ts
// new-run-only: true: for pipelines that Yunxiao starts itself on a push. The gate records the newest
// run when it begins (by id: the runner's clock and Yunxiao's differ), then waits for a newer one and
// gates that: the next run, the first after the one it recorded.




/** What the gate waits for, in words: "a run newer than run 88". */
const newerThan = (after) => after ? `a pipeline run newer than run ${after}` : 'a first pipeline run';
async function waitForNextRun(pipelineId, ctx, now = () => new Date()) {
    const { api, signal } = ctx;
    const first = await newestRuns(api, pipelineId, { signal });
    if (!first.complete)
        throw new ResolveError(`new-run-only: the run list of pipeline ${pipelineId} is longer than ${MAX_RUN_PAGES} pages, oldest first, so ` +
            'the newest run cannot be told. Use start: true (the gate starts the run and knows it).');
    let calls = first.pages;
    // the newest run now, by id: any run after it is new
    const after = newestId(first.rows);
    const since = now().toISOString();
    const what = newerThan(after);
    ctx.log(`new-run-only: waiting for ${what} (the newest when the gate began, at ${since} runner time).`);
    try {
        for (;;) {
            await ctx.sleep(ctx.pollIntervalMs, signal);
            let rows;
            try {
                const runs = await newestRuns(api, pipelineId, { signal });
                calls += runs.pages;
                rows = runs.rows;
            }
            catch (err) {
                // a blip that outlived the client's retries: the run may still come, keep looking
                if (signal.aborted || !(err instanceof errors/* ApiError */.hD) || !err.retryable)
                    throw err;
                ctx.log(`Reading the run list failed, will look again: ${err.message}`);
                continue;
            }
            // the next run: the first after the recorded one (a later push has its own gate)
            let next;
            for (const r of rows)
                if (idAfter(r.pipelineRunId, after) && (next === undefined || idAfter(next, r.pipelineRunId)))
                    next = r.pipelineRunId;
            if (next) {
                ctx.log(`new-run-only: pipeline run ${next} appeared; gating its deploy.`);
                return { pipelineRunId: next, ...(after ? { after } : {}), since, calls };
            }
        }
    }
    catch (err) {
        if (!signal.aborted)
            throw err;
        throw new ResolveError(`no new run appeared: ${what} (the newest when the gate began waiting at ${since}) did not appear before ${(0,message/* messageOf */.b)(signal.reason)}.`, { cause: signal.reason });
    }
}

;// CONCATENATED MODULE: ./src/core/budget.ts
/** Units that may end skipped: a count, or a share of all units rounded down. */
function skipBudget(budget, total) {
    if (budget.kind === 'any')
        return Infinity;
    if (budget.kind === 'count')
        return Math.max(0, Math.floor(budget.count));
    // The epsilon keeps a fractional percent that is exact on paper (0.3% of 1000 = 3) from losing
    // a unit to binary rounding; it is far below any real fraction of a unit.
    return Math.max(0, Math.floor((total * budget.percent) / 100 + 1e-9));
}
/** The budget as the inputs say it; '' when there is none to say. */
function describeBudget(budget, total) {
    if (budget.kind === 'any')
        return '';
    const n = skipBudget(budget, total);
    return budget.kind === 'count' ? `max-skipped ${n}` : `max-skipped ${budget.percent}% = ${n} of ${total}`;
}

// EXTERNAL MODULE: ./src/providers/yunxiao/snapshot.ts + 2 modules
var snapshot = __webpack_require__(7141);
;// CONCATENATED MODULE: ./src/providers/yunxiao/presentation.ts
// What the reports say of a Yunxiao run: the facts resolved (pipeline, run, job, deploy order), the
// API used, the policy in the inputs' words, and the JSON report's names, kept from before there
// were other providers (machines, machineSn, deployOrder, machineLogs).


/** The summary's row for the origin ("Started: by this gate, on branch main"; "Waited for: ..."). */
function originFact(o) {
    if (o.kind === 'started')
        return {
            key: 'started',
            label: 'Started',
            text: `by this gate${o.with ? `, ${o.with}` : ''}${o.recovered ? ' (found after its answer was lost)' : ''}`,
        };
    const after = o.after ? `the first run newer than run ${o.after}` : 'the first run of the pipeline';
    return {
        key: 'waitedFor',
        label: 'Waited for',
        text: `run ${o.pipelineRunId}, ${after} (the newest when the gate began waiting, at ${o.since})`,
    };
}
/** What the reports say of a Yunxiao run: its ids and links, the API used, the policy as inputs. */
function yunxiaoPresentation(config, apiKind, r, url, origin) {
    const facts = [
        { key: 'pipelineId', label: 'Pipeline', id: config.pipelineId },
        { key: 'deployOrderId', label: 'Deploy order', id: r.deployOrderId },
        { key: 'pipelineRunId', label: 'Run', ...(r.pipelineRunId ? { id: r.pipelineRunId, link: url } : {}) },
        {
            key: 'jobId',
            label: 'Job',
            ...(r.jobId ? { id: r.jobId } : {}),
            ...(r.jobName ? { text: r.jobName } : {}),
        },
        { key: 'jobName', label: 'Job name', ...(r.jobName ? { text: r.jobName } : {}), hidden: true },
        { key: 'deployUrl', label: 'Link', text: url, hidden: true },
        ...(origin ? [originFact(origin)] : []),
    ];
    // The summary's rows in their usual order: Pipeline, Run (and how it came), Job, Deploy order.
    const order = [
        'pipelineId',
        'pipelineRunId',
        'started',
        'waitedFor',
        'jobId',
        'deployOrderId',
        'jobName',
        'deployUrl',
    ];
    facts.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
    const edition = apiKind === 'openapi' ? config.edition : undefined;
    return {
        words: snapshot/* YUNXIAO_WORDS */.Kh,
        short: 'order',
        runId: r.deployOrderId,
        facts,
        api: {
            text: apiKind === 'openapi' ? `OpenAPI (${edition ?? 'central'} edition)` : 'classic (AccessKey)',
            json: { kind: apiKind, edition: edition ?? null, organizationId: config.organizationId ?? null },
        },
        policy: (total) => policyOf(config.policy, total),
        url,
        reportKeys: {
            run: 'order',
            units: 'machines',
            unit: 'machineSn',
            raw: 'deployOrder',
            logs: 'machineLogs',
            skipped: 'skippedMachines',
            failed: 'failedMachines',
        },
        unitEntry: (u) => ({
            machineSn: u.id,
            ip: u.detail ?? '',
            hostName: u.extra?.['hostName'] ?? null,
            batch: u.group,
            status: u.status,
            clientStatus: u.agent ?? '',
        }),
    };
}
/** The policy as the inputs say it. */
function policyOf(p, total) {
    const resume = p.confirm === 'pass' ? 'auto' : 'never';
    return {
        text: `skip-unreachable ${p.skipUnreachable}, ${describeBudget(p.maxSkipped, total)}, retry-failed ${p.retryFailed}, resume ${resume}, on-failure ${p.onFailure}`,
        json: {
            skipUnreachable: p.skipUnreachable,
            maxSkipped: p.maxSkipped,
            retryFailed: p.retryFailed,
            resume,
            onFailure: p.onFailure,
        },
    };
}

;// CONCATENATED MODULE: ./src/providers/yunxiao/sources.ts
/** The repositories of a definition: its sources, else those its YAML text declares. */
function repositoriesOf(def) {
    if (def.repositories.length > 0)
        return def.repositories;
    return def.flow ? yamlRepositories(def.flow) : [];
}
/**
 * Characters of a line of the YAML looked at: a repository URL is far shorter. A longer line keeps
 * its place in the structure but gives no URL, and no regex ever runs over more of a line (the YAML
 * is the server's text, up to 8 MB).
 */
const MAX_LINE_CHARS = 4096;
/**
 * The `endpoint` of each entry of the top-level `sources:` mapping of a pipeline's YAML, in block
 * style (as Yunxiao writes it). Not a YAML parser: anything else (flow style, anchors, multi-line
 * scalars) yields nothing rather than a guess.
 */
function yamlRepositories(flow) {
    // Split at LF, then a CR before it dropped: /\r?\n/ would run over the whole text.
    const lines = flow.split('\n').map((l) => {
        const line = l.endsWith('\r') ? l.slice(0, -1) : l;
        return { line: line.slice(0, MAX_LINE_CHARS), whole: line.length <= MAX_LINE_CHARS };
    });
    const start = lines.findIndex(({ line }) => /^sources:\s*(#.*)?$/.test(line));
    if (start < 0)
        return [];
    const out = [];
    let sourceIndent;
    let fieldIndent;
    for (const { line, whole } of lines.slice(start + 1)) {
        if (/^\s*(#.*)?$/.test(line))
            continue;
        const indent = /^ */.exec(line)[0].length;
        if (indent === 0)
            break; // the next top-level key
        sourceIndent ??= indent;
        if (indent < sourceIndent)
            break;
        if (indent === sourceIndent) {
            fieldIndent = undefined; // a new source
            continue;
        }
        fieldIndent ??= indent;
        if (indent !== fieldIndent)
            continue; // inside a nested mapping (certificate: ...)
        const endpoint = /^\s+endpoint:\s*(.*)$/.exec(line);
        const url = endpoint && whole ? scalar(endpoint[1]) : undefined;
        if (url && !out.includes(url))
            out.push(url);
    }
    return out;
}
/** A plain or quoted one-line scalar, its comment dropped. */
function scalar(text) {
    const t = text.trim();
    const quoted = /^(["'])(.*)\1\s*(#.*)?$/.exec(t);
    if (quoted)
        return quoted[2] || undefined;
    if (/^[[{|>&*!]/.test(t))
        return undefined;
    // The comment starts at the first `#` after white space. Found by a two-character search:
    // /\s+#.*$/ tries every run of spaces against every `#`, quadratic in a line of spaces.
    const comment = t.search(/\s#/);
    const plain = (comment < 0 ? t : t.slice(0, comment)).trim();
    return plain || undefined;
}
/** CreatePipelineRun's params for the inputs: the branch or tag on every repository, the variables, the comment. */
function runParams(start, repositories) {
    const onEach = (ref) => Object.fromEntries(repositories.map((url) => [url, ref]));
    const params = {};
    if (start.branch)
        params.runningBranchs = onEach(start.branch);
    if (start.tag)
        params.runningTags = onEach(start.tag);
    if (start.variables.length > 0)
        params.envs = Object.fromEntries(start.variables.map((v) => [v.name, v.value]));
    if (start.comment)
        params.comment = start.comment;
    return params;
}

;// CONCATENATED MODULE: ./src/providers/yunxiao/start.ts
// start: true: start a run of the pipeline (CreatePipelineRun / StartPipelineRun), once. Its answer
// names the run; when that answer is lost the request is never sent again: the gate looks for the run
// it may have started (its own, newer than the newest before the request, by id) or says that a run
// may have been started, with the link.






/** Looks at the run list for the run a lost answer hid: it may take a moment to be listed. */
const RECOVERY_LOOKS = 3;
async function startRun(pipelineId, start, ctx) {
    const { api, signal } = ctx;
    let calls = 0;
    let repositories = [];
    const ref = start.branch ? 'branch' : start.tag ? 'tag' : undefined;
    if (ref) {
        const def = await api.getPipeline(pipelineId, { signal });
        calls++;
        repositories = repositoriesOf(def);
        if (repositories.length === 0)
            throw new ResolveError(`${ref}: pipeline ${pipelineId} has no code source with a repository (GetPipeline: pipelineConfig.sources, ` +
                `nor sources in its YAML), so there is nothing to run on ${ref} "${start.branch ?? start.tag}". ` +
                `Nothing was started. Add a code source to the pipeline, or remove ${ref}.`);
    }
    // The newest run before the request: a run the request started can only come after it.
    const before = await newestRuns(api, pipelineId, { signal });
    calls += before.pages;
    const baseline = before.complete ? { id: newestId(before.rows) } : undefined;
    const operation = api.kind === 'classic' ? 'StartPipelineRun' : 'CreatePipelineRun';
    try {
        const pipelineRunId = await api.createPipelineRun(pipelineId, runParams(start, repositories), { signal });
        // A run the request started comes after every run before it: an answer naming an older one (a
        // cached or crafted answer, someone else's run) is not the gate's, and its deploy is not gated.
        if (baseline?.id !== undefined && !idAfter(pipelineRunId, baseline.id))
            throw new ResolveError(`${operation} answered run ${pipelineRunId}, which is not newer than run ${baseline.id}, the newest before ` +
                `the request: not the run it started, so the gate watches none. A run may have been started; see the ` +
                `pipeline's runs before running the job again: ${ctx.pipelineUrl}`);
        return { pipelineRunId, recovered: false, calls: calls + 1 };
    }
    catch (err) {
        if (signal.aborted)
            throw new ResolveError(`${operation} was sent, and ${(0,message/* messageOf */.b)(signal.reason)} before its answer came: a run may have been started ` +
                `(the gate started no other). See the pipeline's runs: ${ctx.pipelineUrl}`, { cause: signal.reason });
        if (!(err instanceof errors/* ApiError */.hD) || !(0,transport/* mayHaveBeenDone */.U2)(err))
            throw err;
        const lostLine = `${operation} was sent once and its answer was lost (${err.message})`;
        ctx.log(`${lostLine}; it is not sent again. Looking for the run it may have started.`);
        const mayHave = `${lostLine}. A run may have been started, and the gate did not start another`;
        const see = `See the pipeline's runs before running the job again: ${ctx.pipelineUrl}`;
        let found;
        try {
            found = await findOwnRun(pipelineId, baseline, ctx);
        }
        catch (lookErr) {
            if (signal.aborted)
                throw new ResolveError(`${mayHave}; ${(0,message/* messageOf */.b)(signal.reason)} while it looked for it. ${see}`, {
                    cause: signal.reason,
                });
            found = { why: `looking for it failed: ${(0,message/* messageOf */.b)(lookErr)}` };
        }
        if ('pipelineRunId' in found)
            return { pipelineRunId: found.pipelineRunId, recovered: true, calls: calls + 1 + found.calls };
        throw new ResolveError(`${mayHave}; it could not find one of its own: ${found.why}. ${see}`);
    }
}
/**
 * The run a lost answer hid: the newest run created by these credentials after `baseline`, by id.
 * Who the credentials are comes from GetUserByToken (the OpenAPI only), compared with each run's
 * creator; a run that names no creator is never taken for the gate's own.
 */
async function findOwnRun(pipelineId, baseline, ctx) {
    const { api, signal } = ctx;
    if (!baseline)
        return { why: 'the run list was too long to tell which runs came after the request' };
    if (!api.currentUserId)
        return { why: 'the classic API cannot say which account the AccessKey is, to tell its runs' };
    let me;
    try {
        me = await api.currentUserId({ signal });
    }
    catch (err) {
        if (signal.aborted)
            throw err;
        return { why: `GetUserByToken, which tells whose runs are the token's, failed: ${(0,message/* messageOf */.b)(err)}` };
    }
    let calls = 1;
    let newer;
    for (let look = 1;; look++) {
        const runs = await newestRuns(api, pipelineId, { signal });
        calls += runs.pages;
        const after = runs.rows.filter((r) => idAfter(r.pipelineRunId, baseline.id));
        newer = after.length;
        const id = newestId(after.filter((r) => r.creatorAccountId === me));
        if (id) {
            ctx.log(`Found run ${id}, created by this token after the request: the run the gate started.`);
            return { pipelineRunId: id, calls };
        }
        if (look >= RECOVERY_LOOKS)
            break;
        await ctx.sleep(ctx.pollIntervalMs, signal);
    }
    const since = baseline.id ? `after run ${baseline.id}` : 'at all';
    return {
        why: newer === 0
            ? `no run was created ${since}`
            : `${newer} run(s) were created ${since}, none of them named as this token's`,
    };
}

;// CONCATENATED MODULE: ./src/providers/yunxiao/provider.ts










async function yunxiaoProvider(config, dispatcher, debug) {
    const api = await createApi(config, dispatcher, debug);
    const { pipelineId } = config;
    const link = (runId) => deployUrl({ api: api.kind, edition: config.edition, endpoint: config.endpoint }, pipelineId, runId);
    // the run the gate started or waited for, once it knows it: the reports have it even when no order came
    let origin;
    return {
        words: snapshot/* YUNXIAO_WORDS */.Kh,
        get facts() {
            const facts = [{ key: 'pipelineId', label: 'Pipeline', id: pipelineId }];
            if (!origin)
                return facts;
            const url = link(origin.pipelineRunId);
            return [
                ...facts,
                { key: 'pipelineRunId', label: 'Run', id: origin.pipelineRunId, link: url },
                originFact(origin),
                { key: 'deployUrl', label: 'Link', text: url, hidden: true },
            ];
        },
        outputs: YUNXIAO_OUTPUTS,
        lastError: () => api.lastError(),
        async resolve(ctx) {
            const rctx = {
                api,
                signal: ctx.signal,
                pollIntervalMs: ctx.pollIntervalMs,
                sleep: ctx.sleep,
                log: ctx.log,
            };
            let pipelineRunId = config.pipelineRunId;
            let calls = 0;
            if (config.start) {
                const started = await startRun(pipelineId, config.start, { ...rctx, pipelineUrl: link() });
                const what = startedWith(config.start);
                origin = {
                    kind: 'started',
                    pipelineRunId: started.pipelineRunId,
                    recovered: started.recovered,
                    with: what,
                };
                pipelineRunId = started.pipelineRunId;
                calls = started.calls;
                const line = `Started pipeline run ${pipelineRunId} of pipeline ${pipelineId}${what ? ` ${what}` : ''}`;
                if (!config.wait)
                    throw new NothingToWatchYet(`${line}; not waiting for its deploy (wait: false): ${link(pipelineRunId)}`);
                ctx.log(`${line}: ${link(pipelineRunId)}`);
            }
            else if (config.newRunOnly) {
                const next = await waitForNextRun(pipelineId, rctx);
                origin = { kind: 'next', pipelineRunId: next.pipelineRunId, after: next.after, since: next.since };
                pipelineRunId = next.pipelineRunId;
                calls = next.calls;
            }
            const resolution = await resolveDeployOrder({ pipelineId, deployOrderId: config.deployOrderId, pipelineRunId, job: config.job }, rctx);
            return watched(config, api, { ...resolution, calls: resolution.calls + calls }, origin);
        },
    };
}
/** What the run was asked to run, in words: "on branch main, with 2 variables (A, B)". */
function startedWith(s) {
    const parts = [];
    if (s.branch)
        parts.push(`on branch ${s.branch}`);
    if (s.tag)
        parts.push(`on tag ${s.tag}`);
    const n = s.variables.length;
    if (n > 0)
        parts.push(`with ${n} variable${n === 1 ? '' : 's'} (${s.variables.map((v) => v.name).join(', ')})`);
    return parts.join(', ');
}
function watched(config, api, r, origin) {
    const { pipelineId } = config;
    const orderId = r.deployOrderId;
    const url = deployUrl({ api: api.kind, edition: config.edition, endpoint: config.endpoint }, pipelineId, r.pipelineRunId);
    return {
        presentation: yunxiaoPresentation(config, api.kind, r, url, origin),
        line: `Deploy order ${orderId} of pipeline ${pipelineId}` +
            (r.pipelineRunId ? `, run ${r.pipelineRunId}` : '') +
            (r.jobName ? `, job "${r.jobName}"` : '') +
            ` (${r.calls} lookup calls): ${url}`,
        description: `Yunxiao deploy order ${orderId}`,
        read: (signal) => api.getDeployOrder(pipelineId, orderId, { signal }),
        perform: (action, signal) => perform(api, pipelineId, orderId, action, signal),
        async extras(last, result, signal) {
            const warnings = [];
            const [logs, artifact] = await Promise.all([
                config.machineLogs && last
                    ? fetchFailedLogs(api, last, pipelineId, signal, (w) => warnings.push(w))
                    : Promise.resolve({}),
                fetchArtifactUrl(api, (config.emas ?? r.emasFromRun) && {
                    ...(config.emas ?? r.emasFromRun),
                    pipelineId,
                    pipelineRunId: r.pipelineRunId ?? config.pipelineRunId,
                }, signal),
            ]);
            const extras = { logs, warnings };
            if (artifact && 'url' in artifact)
                extras.artifactUrl = artifact.url;
            else if (artifact) {
                const line = `Could not get the EMAS artifact URL: ${artifact.error}`;
                // Asked for explicitly: a success without it is a failure; from the run, a warning.
                if (config.emas && result === 'success')
                    extras.failure = `could not get the EMAS artifact URL: ${artifact.error}`;
                else
                    warnings.push(line);
            }
            return extras;
        },
    };
}
function perform(api, pipelineId, orderId, action, signal) {
    const o = { signal };
    const sn = action.target ?? '';
    switch (action.kind) {
        case 'skip':
            return api.skipMachine(pipelineId, orderId, sn, o);
        case 'retry':
            return api.retryMachine(pipelineId, orderId, sn, o);
        case 'pass':
            return api.resumeDeployOrder(pipelineId, orderId, o);
        case 'stop':
            return api.stopDeployOrder(pipelineId, orderId, o);
        case 'refuse':
            // Yunxiao has no refusal of a pause: the policy never asks for one (resume is never or auto).
            return Promise.resolve(false);
    }
}

// EXTERNAL MODULE: ./src/common/gc.ts
var gc = __webpack_require__(5503);
// EXTERNAL MODULE: ./src/common/sleep.ts
var sleep = __webpack_require__(7814);
;// CONCATENATED MODULE: ./src/core/words.ts
/** "Deploy order" from "deploy order": a sentence starts with it. */
function capital(word) {
    return word.charAt(0).toUpperCase() + word.slice(1);
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}

;// CONCATENATED MODULE: ./src/core/changes.ts

/** Unit lines per poll at most; the rest are counted in one "... and N more" line. */
const MAX_UNIT_LINES = 50;
/** Picture lines per poll at most, shared by the pictures of that poll. */
const MAX_PICTURE_LINES = 50;
/** A group is settled when none of its units is still on its way (unknown statuses are). */
const SETTLED = new Set(['succeeded', 'skipped', 'cancelled', 'failed']);
function describeChanges(prev, next, words) {
    const to = next.progress.current;
    if (!prev) {
        const events = [
            {
                kind: 'first',
                runId: next.id,
                status: next.status,
                current: next.progress.current,
                total: next.progress.total,
                units: next.units.length,
                counts: countByStatus(next.units, words),
                ...(next.exception ? { exception: next.exception } : {}),
            },
        ];
        if (to > 0) {
            const members = next.units.filter((u) => u.group === to);
            events.push(groupEvent('group-start', to, next.progress.total, members, MAX_PICTURE_LINES, words));
        }
        return events;
    }
    const from = prev.progress.current;
    const prevGroup = new GroupTally();
    const prevCurrent = new GroupTally();
    for (const u of prev.units) {
        if (u.group === from)
            prevGroup.add(u);
        if (u.group === to)
            prevCurrent.add(u);
    }
    // Units come in the same order from poll to poll, most of them the very same objects (the reader
    // reuses unchanged ones): the unit at the same place first, a map by id only when the order moved.
    let byId;
    const previous = (u, i) => {
        const same = prev.units[i];
        if (same !== undefined && same.id === u.id)
            return same;
        byId ??= new Map(prev.units.map((p) => [p.id, p]));
        return byId.get(u.id);
    };
    // Problems (a unit turning failed or unreachable) are listed before routine progress.
    const urgent = [];
    const routine = [];
    let changed = 0;
    const endedMembers = [];
    const currentMembers = [];
    const nextCurrent = new GroupTally();
    for (const [i, u] of next.units.entries()) {
        if (u.group === to) {
            currentMembers.push(u);
            nextCurrent.add(u);
        }
        else if (u.group === from)
            endedMembers.push(u);
        if (prev.units[i] === u)
            continue;
        const old = previous(u, i);
        if (old && old.status === u.status && old.agent === u.agent)
            continue;
        changed++;
        const problem = u.phase === 'failed' || (u.reachable === false && old?.reachable !== false);
        const list = problem ? urgent : routine;
        if (list.length >= MAX_UNIT_LINES)
            continue;
        list.push({
            kind: 'unit-status',
            label: u.label,
            detail: u.detail ?? '',
            group: u.group,
            ...(old ? { from: old.status, fromAgent: old.agent } : {}),
            to: u.status,
            toAgent: u.agent,
        });
    }
    const events = [];
    if (prev.status !== next.status) {
        events.push({
            kind: 'run-status',
            runId: next.id,
            from: prev.status,
            to: next.status,
            current: next.progress.current,
            total: next.progress.total,
            ...(next.exception ? { exception: next.exception } : {}),
        });
    }
    const lines = [...urgent, ...routine].slice(0, MAX_UNIT_LINES);
    events.push(...lines);
    if (changed > lines.length)
        events.push({ kind: 'more', count: changed - lines.length });
    // A group ends once: when it settles, or when the provider moves on before we saw it settle.
    const pictures = [];
    if (from !== to) {
        if (from > 0 && !prevGroup.settled())
            pictures.push({ kind: 'group-end', group: from, members: endedMembers });
        if (to > 0)
            pictures.push({ kind: 'group-start', group: to, members: currentMembers });
    }
    else if (to > 0 && nextCurrent.settled() && !prevCurrent.settled()) {
        pictures.push({ kind: 'group-end', group: to, members: currentMembers });
    }
    const share = pictures.length > 0 ? Math.floor(MAX_PICTURE_LINES / pictures.length) : 0;
    for (const p of pictures)
        events.push(groupEvent(p.kind, p.group, next.progress.total, p.members, share, words));
    return events;
}
function formatChange(e, words) {
    switch (e.kind) {
        case 'first': {
            const exception = e.exception ? `, exception ${e.exception}` : '';
            return `${capital(words.run)} ${e.runId}: ${e.status}, ${words.group} ${e.current}/${e.total}, ${plural(e.units, words.unit)} (${formatCounts(e.counts)})${exception}`;
        }
        case 'run-status': {
            const exception = e.exception ? `, exception ${e.exception}` : '';
            return `${capital(words.run)} ${e.runId}: ${e.from} -> ${e.to} (${words.group} ${e.current}/${e.total}${exception})`;
        }
        case 'unit-status': {
            const status = e.from === undefined ? `new, ${e.to}` : e.from === e.to ? e.to : `${e.from} -> ${e.to}`;
            const detail = e.detail || `no ${words.detail}`;
            return `${words.unit} ${e.label} (${detail}, ${words.group} ${e.group}): ${status}${agentNote(e.fromAgent, e.toAgent, words)}`;
        }
        case 'group-start':
        case 'group-end': {
            const verb = e.kind === 'group-start' ? 'started' : 'finished';
            return `${capital(words.group)} ${e.group}/${e.total} ${verb}: ${plural(e.units, words.unit)} (${formatCounts(e.counts)})`;
        }
        case 'more':
            return `... and ${e.count} more ${words.unit} changes`;
    }
}
/** Units per status: documented statuses in their usual order, then new ones as first seen. */
function countByStatus(units, words) {
    const counts = new Map();
    for (const u of units)
        counts.set(u.status, (counts.get(u.status) ?? 0) + 1);
    const order = words.unitStatuses;
    const rank = (s) => {
        const i = order.indexOf(s);
        return i < 0 ? order.length : i;
    };
    return [...counts]
        .map(([status, count]) => ({ status, count }))
        .sort((a, b) => rank(a.status) - rank(b.status));
}
class GroupTally {
    size = 0;
    unsettled = 0;
    add(u) {
        this.size++;
        if (!SETTLED.has(u.phase))
            this.unsettled++;
    }
    settled() {
        return this.size > 0 && this.unsettled === 0;
    }
}
function formatCounts(counts) {
    return counts.length > 0 ? counts.map((c) => `${c.count} ${c.status}`).join(', ') : 'none';
}
/** What changed about a unit's reachability (machines' agents); nothing for units without one. */
function agentNote(from, to, words) {
    const agent = words.reachability;
    if (!agent || to === undefined)
        return '';
    if (to === 'error')
        return ` (${agent} unreachable)`;
    if (from === 'error')
        return ` (${agent} reachable again)`;
    if (to !== 'ok' && to !== '' && to !== from)
        return ` (${agent} ${to})`;
    return '';
}
function isProblem(u) {
    const agentTrouble = u.agent !== undefined && u.agent !== 'ok' && u.agent !== '';
    return u.phase === 'failed' || agentTrouble || !u.known;
}
function groupEvent(kind, group, total, members, maxLines, words) {
    // Problems first so a bounded picture still shows them; otherwise the provider's order.
    const shown = [];
    for (const u of members)
        if (shown.length < maxLines && isProblem(u))
            shown.push(u);
    for (const u of members)
        if (shown.length < maxLines && !isProblem(u))
            shown.push(u);
    const labelWidth = Math.max(0, ...shown.map((u) => u.label.length));
    const detailWidth = Math.max(0, ...shown.map((u) => (u.detail || '-').length));
    const statusWidth = Math.max(0, ...shown.map((u) => u.status.length));
    const agent = words.reachability;
    // Each row starts with "- ", never with a value from the provider (see common/untrusted.ts).
    const picture = shown.map((u) => {
        const row = `- ${u.label.padEnd(labelWidth)}  ${(u.detail || '-').padEnd(detailWidth)}  ${u.status.padEnd(statusWidth)}`;
        return agent ? `${row}  ${agent} ${u.agent || '-'}` : row.trimEnd();
    });
    if (members.length > shown.length)
        picture.push(`... and ${members.length - shown.length} more`);
    return { kind, group, total, units: members.length, counts: countByStatus(members, words), picture };
}

// EXTERNAL MODULE: ./src/common/redact.ts
var redact = __webpack_require__(6800);
;// CONCATENATED MODULE: ./src/core/memory.ts
/** An error that says "no": trying again would get the same answer. */
const permanent = (a) => a.outcome === 'error' && a.transient !== true;
/** Sent and maybe applied. */
const went = (a) => a.outcome !== 'error';
function historyOf(memory) {
    const units = new Map();
    const h = {
        units,
        skippedCount: 0,
        stopped: false,
        confirmations: new Map(),
        confirmRefused: new Map(),
        runRetries: 0,
    };
    memory.taken.forEach((a, index) => {
        const pending = () => ({ index, seen: a.seen, effectSeen: memory.effectsSeen.has(index) });
        if (a.kind === 'stop') {
            if (went(a))
                h.stopped = true;
            return;
        }
        if (a.kind === 'pass' || a.kind === 'refuse') {
            if (a.target === undefined)
                return;
            if (went(a)) {
                h.confirmations.set(a.target, pending());
                h.confirmRefused.delete(a.target);
            }
            else if (permanent(a))
                h.confirmRefused.set(a.target, { seen: a.seen, detail: a.detail ?? 'refused' });
            return;
        }
        if (a.target === undefined) {
            // a retry of the whole run
            if (a.kind === 'retry' && went(a)) {
                h.runRetries++;
                h.runRetry = pending();
            }
            else if (a.kind === 'retry' && permanent(a))
                h.runRetryRefused = a.detail ?? 'refused';
            return;
        }
        let u = units.get(a.target);
        if (!u)
            units.set(a.target, (u = { skipped: false, retries: 0 }));
        if (a.kind === 'skip') {
            if (went(a) && !u.skipped) {
                u.skipped = true;
                h.skippedCount++;
            }
            if (!went(a) && permanent(a))
                u.skipRefused = a.detail ?? 'refused';
        }
        else if (a.kind === 'retry') {
            if (went(a)) {
                u.retries++;
                u.lastRetry = pending();
            }
            else if (permanent(a))
                u.retryRefused = a.detail ?? 'refused';
        }
    });
    return h;
}
/**
 * Whether `now` (the same thing, in a later answer) differs from what was acted on: then the
 * action's effect has shown, and what comes next is new. Only the server's own words and clock.
 */
function differs(seen, now) {
    if (!seen)
        return true;
    if (seen.status !== now.status)
        return true;
    if (seen.group !== undefined && now.group !== undefined && seen.group !== now.group)
        return true;
    return seen.updateTime !== undefined && now.updateTime !== undefined && seen.updateTime !== now.updateTime;
}

;// CONCATENATED MODULE: ./src/core/decide.ts
// The functional core: what to do next, from the latest snapshot of the run, the policy and what
// this run already did. No I/O, no clock, no randomness: the same inputs always give the same
// decision. Cost: one pass over the units, then work on the few that need an action. The provider
// hands in the words people read (a "deploy order" of "machines" in "batches").




/** Units named in a reason at most; the rest are counted. */
const MAX_NAMED = 5;
/**
 * Distinct warnings (undocumented statuses, duplicate ids) a run gives at most, then one saying there
 * are more: a server sending a new word for every unit at every poll must not flood the log.
 */
const MAX_WARNINGS = 20;
const MORE_WARNINGS = 'more';
/** Phases a unit has not finished in: the only ones an unreachable unit may be skipped in. */
const UNFINISHED = new Set(['pending', 'running', 'failed']);
function decide(run, policy, memory, words) {
    const history = historyOf(memory);
    const scan = scanRun(run, history, memory.warnedStatuses, words);
    const { warnings, newlyWarned } = scan;
    const effectsSeen = [...scan.effectsSeen];
    const Run = `${capital(words.run)} ${run.id}`;
    const groupAt = `${words.group} ${run.progress.current}/${run.progress.total}`;
    const total = scan.distinct;
    const end = (verdict, actions = []) => ({
        actions,
        verdict,
        warnings,
        newlyWarned,
        effectsSeen,
    });
    const fail = (reason, also = []) => end({ result: 'failure', reason }, [
        ...also,
        ...stopOnFailure(run, policy, history, 'the gate failed (on-failure: stop)'),
    ]);
    const wait = (actions, waitingFor) => waitingFor === undefined
        ? { actions, warnings, newlyWarned, effectsSeen }
        : { actions, warnings, newlyWarned, effectsSeen, waitingFor };
    if (run.phase === 'cancelled') {
        const how = history.stopped ? 'was stopped by this gate' : `was cancelled in ${words.provider}`;
        return end({ result: 'cancelled', reason: `${Run} ${how} (${groupAt}).` });
    }
    const budget = skipBudget(policy.maxSkipped, total);
    const budgetText = describeBudget(policy.maxSkipped, total);
    if (run.phase === 'succeeded') {
        // Success is every unit done or skipped within the budget: the provider's word alone is not enough.
        if (total === 0)
            return fail(`${Run} ended ${run.status} with no ${words.unit}s: nothing was ${words.done}.`);
        if (scan.notDone.length > 0) {
            return fail(`${Run} ended ${run.status}, but ${plural(scan.notDone.length, words.unit)} did not ${words.verb}: ${listWithStatus(scan.notDone)}.`);
        }
        if (scan.skipped > budget)
            return fail(overBudget(Run, scan, budgetText, words));
        // Every unit skipped (within a budget, or by the pipeline's choice): nothing was done, whatever
        // the run's own word. No success without at least one unit done.
        if (scan.succeeded === 0)
            return fail(`${Run} ended ${run.status}, but none of its ${plural(total, words.unit)} ${words.done}: ${listUnits(scan.skippedNamed, scan.skipped)} skipped.`);
        const within = budgetText ? ` (within ${budgetText})` : '';
        const skippedNote = scan.skipped > 0 ? `, ${scan.skipped} skipped${within}` : '';
        return end({
            result: 'success',
            reason: `${Run} succeeded: ${scan.succeeded} of ${plural(total, words.unit)} ${words.done}${skippedNote}.`,
        });
    }
    if (run.phase === 'failed')
        return failedRun(run, policy, history, scan, words, { end, fail, wait });
    // Running, paused, or a status the provider does not document (never an ending).
    // Skips by anyone count: a group emptied by hand is not a healthy deploy.
    const counted = scan.skipped + scan.inFlight;
    if (counted > budget)
        return fail(overBudget(Run, scan, budgetText, words));
    const skips = [];
    const retries = [];
    const unhandled = [];
    const unreachable = [];
    const lagging = [...scan.awaitingSkip];
    for (const u of sortByGroup(scan.candidates)) {
        const h = history.units.get(u.id);
        if (u.reachable === false) {
            unreachable.push(u);
            const blocked = skipBlocker(u, h, policy, words);
            if (blocked !== undefined) {
                // An unfinished unit may still come back; a failed one is a failure nobody here handles.
                if (u.phase === 'failed')
                    unhandled.push({ u, why: blocked });
                continue;
            }
            skips.push({
                kind: 'skip',
                target: u.id,
                label: u.label,
                reason: `${words.reachability ?? 'agent'} unreachable while ${u.status} (${words.group} ${u.group}); ${counted + skips.length + 1} skipped with this one (${budgetText})`,
            });
            continue;
        }
        // A reachable failed unit. The failure we already retried, seen again before the provider shows
        // the retry (nothing about the unit changed since, by the provider's own words and clock): wait.
        const retried = h?.lastRetry;
        if (retried && !retried.effectSeen && !differs(retried.seen, seenOf(u))) {
            lagging.push(u);
            continue;
        }
        const blocked = retryBlocker(u, h, policy, words);
        if (blocked !== undefined)
            unhandled.push({ u, why: blocked });
        else
            retries.push({
                kind: 'retry',
                target: u.id,
                label: u.label,
                reason: `${u.status} (${words.group} ${u.group}); retry ${(h?.retries ?? 0) + 1} of ${policy.retryFailed}`,
                seen: seenOf(u),
            });
    }
    if (skips.length > 0 && counted + skips.length > budget) {
        // All or none: a budget that cannot take every unreachable unit fails the gate, and no skip is made.
        const earlier = history.skippedCount > 0 ? ` (${history.skippedCount} skipped earlier by this gate)` : '';
        return fail(`${Run}: ${plural(unreachable.length, words.unit)} unreachable (${listUnits(unreachable)}); ` +
            `skipping them would make ${counted + skips.length} skipped ${words.unit}s, more than ${budgetText}${earlier}. None was skipped.`);
    }
    const paused = run.phase === 'paused';
    // A paused run with a failure nobody here will handle would only wait for the deadline.
    if (paused && unhandled.length > 0) {
        return fail(`${Run} is paused on ${plural(unhandled.length, `failed ${words.unit}`)} the gate cannot handle: ${listUnhandled(unhandled)}.`);
    }
    const actions = [...skips, ...retries];
    if (actions.length > 0)
        return wait(actions);
    if (unhandled.length > 0)
        return wait([], `${plural(unhandled.length, `failed ${words.unit}`)} the gate cannot handle (${listUnhandled(unhandled)}); waiting for the ${words.group} to settle`);
    if (paused && scan.failed.length > 0) {
        return wait([], `${words.run} ${run.id} is paused; waiting for ${words.provider} to show this gate's actions on ${listUnits(lagging.length > 0 ? lagging : scan.failed)}`);
    }
    const confirmation = run.confirmations[0];
    if (confirmation)
        return decide_confirm(run, confirmation, policy, history, words, { end, fail, wait });
    if (!run.known)
        return wait([], `${words.run} ${run.id} is in status "${run.status}", which ${words.provider} does not document`);
    return wait([]);
}
/**
 * A point where a person is expected to confirm (a pause between batches, a manual review): the
 * policy waits for the person, passes or refuses. Passing goes on; refusing is the gate failing.
 */
function decide_confirm(run, c, policy, history, words, { fail, wait }) {
    // The label says where: "after batch 1 of 3", "at manual review “Approve” (Deploy / approve)".
    const at = `${words.run} ${run.id} is ${run.phase === 'paused' ? 'paused' : 'waiting'} ${c.label}`;
    const who = c.who ? ` (${c.who})` : '';
    if (policy.confirm === 'wait')
        return wait([], `${at}, waiting for a person${who} to ${words.pass} it in ${words.provider} (${words.waitPolicy})`);
    const done = history.confirmations.get(c.id);
    if (done && !done.effectSeen && !differs(done.seen, confirmationSeen(run, c)))
        return wait([], `${at}; waiting for ${words.provider} to show this gate's ${words.pass}`);
    const verb = policy.confirm === 'pass' ? words.pass : words.refuse;
    // A pass the provider refused (false, a 4xx) is not sent again at every poll: only once the
    // confirmation shows a change (the next pause, a review entered again).
    const refused = history.confirmRefused.get(c.id);
    if (refused && !differs(refused.seen, confirmationSeen(run, c)))
        return wait([], `${at}; ${ing(verb)} it failed (${refused.detail}): waiting for a person to ${words.pass} it in ${words.provider}`);
    const offer = policy.confirm === 'pass' ? c.offers.pass : c.offers.refuse;
    if (!offer || !offer.allowed) {
        const why = offer ? `does not allow ${ing(verb)} it now` : `offers no ${verb} action for it`;
        return wait([], `${at} and ${words.provider} ${why}; waiting for a person to ${words.pass} it in ${words.provider}`);
    }
    if (policy.confirm === 'pass') {
        return wait([
            {
                kind: 'pass',
                target: c.id,
                label: c.label,
                reason: `${run.phase === 'paused' ? 'paused' : 'waiting'} ${c.label}; ${words.passPolicy}`,
                seen: confirmationSeen(run, c),
            },
        ]);
    }
    // Refusing is this gate's verdict on the run: it ends the watch.
    return fail(`${capital(words.run)} ${run.id}: refused by this gate ${c.label} (${words.refusePolicy}).`, [
        {
            kind: 'refuse',
            target: c.id,
            label: c.label,
            reason: `${run.phase === 'paused' ? 'paused' : 'waiting'} ${c.label}; ${words.refusePolicy}`,
        },
    ]);
}
/**
 * A run the provider says has failed (an ending, unless retried): retried as a whole when the
 * provider offers it and the policy allows, else the gate's failure, naming the failed units.
 */
function failedRun(run, policy, history, scan, words, { fail, wait }) {
    const Run = `${capital(words.run)} ${run.id}`;
    const failedUnits = scan.failed.length > 0 ? `: ${listWithMessages(scan.failed)}` : '';
    const retried = history.runRetry;
    if (retried && !retried.effectSeen && !differs(retried.seen, runSeen(run)))
        return wait([], `${words.run} ${run.id} ${run.status}; waiting for ${words.provider} to show this gate's retry`);
    const offer = run.offers.retry;
    // A retry the provider refused (false, a 4xx) is not sent again: the run's failure stands.
    const refused = history.runRetryRefused;
    if (policy.retryFailed > history.runRetries && offer?.allowed && refused === undefined) {
        return wait([
            {
                kind: 'retry',
                reason: `${run.status}${failedUnits ? ` (${plural(scan.failed.length, `failed ${words.unit}`)})` : ''}; retry ${history.runRetries + 1} of ${policy.retryFailed}`,
                seen: runSeen(run),
            },
        ]);
    }
    const why = policy.retryFailed === 0
        ? ''
        : history.runRetries >= policy.retryFailed
            ? ` after ${plural(history.runRetries, 'retry')}`
            : refused !== undefined
                ? ` (retrying it failed: ${refused})`
                : offer?.why
                    ? ` (${offer.why})`
                    : offer
                        ? ` (${words.provider} does not allow retrying it now)`
                        : ` (${words.provider} offers no retry for it)`;
    return fail(`${Run} ended ${run.status}${why}${failedUnits}.`);
}
/** At the deadline: stop the run when on-failure is stop and it has not ended. */
function actionsOnTimeout(run, policy, memory) {
    if (!run)
        return []; // nothing read, nothing known to stop
    return stopOnFailure(run, policy, historyOf(memory), 'the deadline was reached (on-failure: stop)');
}
/** Phases after which there is nothing to stop. */
const ENDED = new Set(['succeeded', 'cancelled', 'failed']);
function ended(run) {
    return ENDED.has(run.phase);
}
function stopOnFailure(run, policy, history, reason) {
    if (policy.onFailure !== 'stop' || history.stopped || ended(run))
        return [];
    // Unlike skip/retry/pass, an absent stop action is still tried: stopping is the safe side, and the
    // provider refusing it costs nothing but a warning.
    if (run.offers.stop && !run.offers.stop.allowed)
        return [];
    return [{ kind: 'stop', reason }];
}
function scanRun(run, history, warned, words) {
    const scan = {
        distinct: 0,
        succeeded: 0,
        skipped: 0,
        skippedNamed: [],
        notDone: [],
        inFlight: 0,
        failed: [],
        candidates: [],
        awaitingSkip: [],
        effectsSeen: [],
        warnings: [],
        newlyWarned: [],
    };
    const fresh = new Set();
    const note = (key, text) => {
        if (warned.has(key) || fresh.has(key))
            return;
        if (warned.size + fresh.size >= MAX_WARNINGS) {
            if (warned.has(MORE_WARNINGS) || fresh.has(MORE_WARNINGS))
                return;
            key = MORE_WARNINGS;
            text = `${capital(words.run)} ${shown(run.id)} has more undocumented statuses or repeated ${words.unit}s than the gate lists (${MAX_WARNINGS}); the JSON report has it as ${words.provider} sent it.`;
        }
        fresh.add(key);
        scan.newlyWarned.push(key);
        scan.warnings.push(text);
    };
    if (!run.known) {
        note(`run:${run.status}`, `${capital(words.run)} ${shown(run.id)} has status ${shown(run.status)}, which ${words.provider} does not document; the gate keeps watching.`);
    }
    const runRetry = history.runRetry;
    if (runRetry && !runRetry.effectSeen && differs(runRetry.seen, runSeen(run)))
        scan.effectsSeen.push(runRetry.index);
    for (const c of run.confirmations) {
        const done = history.confirmations.get(c.id);
        if (done && !done.effectSeen && differs(done.seen, confirmationSeen(run, c)))
            scan.effectsSeen.push(done.index);
    }
    // A pass whose confirmation is gone shows too (the run went on).
    for (const [id, done] of history.confirmations) {
        if (!done.effectSeen &&
            !run.confirmations.some((c) => c.id === id) &&
            !scan.effectsSeen.includes(done.index))
            scan.effectsSeen.push(done.index);
    }
    const ids = new Set();
    const Unit = capital(words.unit);
    for (const u of run.units) {
        if (!u.known) {
            note(`unit:${u.status}`, `${Unit} ${shown(u.label)} has status ${shown(u.status)}, which ${words.provider} does not document; it is treated as not finished and never skipped.`);
        }
        if (u.agentKnown === false) {
            note(`agent:${u.agent ?? ''}`, `${Unit} ${shown(u.label)} has ${words.reachability ?? 'agent'} status ${shown(u.agent ?? '')}, which ${words.provider} does not document; it is treated as reachable.`);
        }
        // One id twice in one answer is one unit: counted once, acted on once at most.
        const duplicate = ids.has(u.id);
        ids.add(u.id);
        if (duplicate) {
            note(`duplicate:${u.id}`, `${Unit} ${shown(u.label)} appears more than once in ${words.run} ${shown(run.id)}; the gate acts on it once at most.`);
        }
        // Any listing of it that is not done still stands against success.
        if (u.phase !== 'succeeded' && u.phase !== 'skipped')
            scan.notDone.push(u);
        if (duplicate)
            continue;
        scan.distinct++;
        if (u.phase === 'succeeded')
            scan.succeeded++;
        const h = history.units.get(u.id);
        const retried = h?.lastRetry;
        if (retried && !retried.effectSeen && differs(retried.seen, seenOf(u)))
            scan.effectsSeen.push(retried.index);
        if (u.phase === 'skipped') {
            scan.skipped++;
            if (scan.skippedNamed.length < MAX_NAMED)
                scan.skippedNamed.push(u);
            continue;
        }
        if (u.phase === 'failed')
            scan.failed.push(u);
        if (!UNFINISHED.has(u.phase))
            continue;
        if (h?.skipped) {
            // Our skip went through but does not show yet: wait, count it, never skip or retry it again.
            scan.inFlight++;
            if (u.phase === 'failed')
                scan.awaitingSkip.push(u);
            continue;
        }
        if (u.reachable === false || u.phase === 'failed')
            scan.candidates.push(u);
    }
    return scan;
}
/** Why an unreachable unfinished unit may not be skipped, or undefined when it may. */
function skipBlocker(u, h, policy, words) {
    const its = `its ${words.reachability ?? 'agent'} is unreachable`;
    if (!policy.skipUnreachable)
        return `${its} and skip-unreachable is off`;
    if (h?.skipRefused !== undefined)
        return `${its} and skipping it failed (${h.skipRefused})`;
    if (!u.offers.skip)
        return `${its} and ${words.provider} offers no skip action for it`;
    if (!u.offers.skip.allowed)
        return `${its} and ${words.provider} does not allow skipping it now`;
    return undefined;
}
/** Why a reachable failed unit may not be retried, or undefined when it may. */
function retryBlocker(u, h, policy, words) {
    if (h?.retryRefused !== undefined)
        return `retrying it failed (${h.retryRefused})`;
    const done = h?.retries ?? 0;
    if (policy.retryFailed <= 0)
        return 'retry-failed is 0';
    if (done >= policy.retryFailed)
        return `retried ${plural(done, 'time')} already (retry-failed ${policy.retryFailed})`;
    if (!u.offers.retry)
        return `${words.provider} offers no retry action for it`;
    if (!u.offers.retry.allowed)
        return `${words.provider} does not allow retrying it now`;
    return undefined;
}
/** A unit as the server shows it, for telling a new failure from one already acted on. */
function seenOf(u) {
    return u.updateTime === undefined ? { status: u.status } : { status: u.status, updateTime: u.updateTime };
}
function runSeen(run) {
    const seen = { status: run.status, group: run.progress.current };
    if (run.updateTime !== undefined)
        seen.updateTime = run.updateTime;
    return seen;
}
function confirmationSeen(run, c) {
    const seen = runSeen(run);
    if (c.updateTime !== undefined)
        seen.updateTime = c.updateTime;
    return seen;
}
function sortByGroup(units) {
    return units.sort((a, b) => a.group - b.group || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
function overBudget(Run, scan, budgetText, words) {
    const shownList = listUnits(scan.skippedNamed, scan.skipped);
    const ours = scan.inFlight > 0 ? ` and ${scan.inFlight} more being skipped by this gate` : '';
    return `${Run} has ${plural(scan.skipped, `skipped ${words.unit}`)} (${shownList})${ours}, more than ${budgetText}.`;
}
/** A value from the provider inside a warning: quoted, and short whatever it holds. */
function shown(value) {
    return JSON.stringify((0,redact/* clip */.$Q)(value, 60));
}
function decide_name(u) {
    return u.detail ? `${u.label} (${u.detail})` : u.label;
}
/** "a (ip): Running, b: Failed and 3 more": units with the status each is in. */
function listWithStatus(list) {
    const shownList = list
        .slice(0, MAX_NAMED)
        .map((u) => `${decide_name(u)}: ${u.status || 'no status'}`)
        .join(', ');
    return list.length > MAX_NAMED ? `${shownList} and ${list.length - MAX_NAMED} more` : shownList;
}
/** "build (Build): compile error; test (Test)": failed units with the provider's message for each. */
function listWithMessages(list) {
    const shownList = list
        .slice(0, MAX_NAMED)
        .map((u) => (u.message ? `${decide_name(u)}: ${(0,redact/* clip */.$Q)(u.message, 200)}` : decide_name(u)))
        .join('; ');
    return list.length > MAX_NAMED ? `${shownList}; and ${list.length - MAX_NAMED} more` : shownList;
}
/** "a (ip), b (ip) and 3 more": at most MAX_NAMED names of `total` units. */
function listUnits(list, total = list.length) {
    const shownList = list.slice(0, MAX_NAMED).map(decide_name).join(', ');
    const rest = total - Math.min(list.length, MAX_NAMED);
    return rest > 0 ? `${shownList} and ${rest} more` : shownList;
}
function listUnhandled(list) {
    const shownList = list
        .slice(0, MAX_NAMED)
        .map((x) => `${decide_name(x.u)}: ${x.why}`)
        .join('; ');
    return list.length > MAX_NAMED ? `${shownList}; and ${list.length - MAX_NAMED} more` : shownList;
}
/** "resuming" from "resume", "passing" from "pass". */
function ing(verb) {
    return verb.endsWith('e') ? `${verb.slice(0, -1)}ing` : `${verb}ing`;
}

// EXTERNAL MODULE: ./src/watch/abort.ts
var abort = __webpack_require__(9253);
;// CONCATENATED MODULE: ./src/watch/watch.ts
// The watch, for any provider: resolve what to watch, then poll it, log what changed, perform what
// decide() plans, and end on a verdict, the deadline or a cancel (stopping the run when the policy
// says so); then the outcome is built, written, completed with the extras, and written again. Every
// choice is decide()'s; this module only fetches, acts, waits and reports.
//
// Time: the user plans for `timeout`. Everything after the deadline (a stop, a last read, logs,
// artifacts, GitHub) shares one grace period, and so does everything after a cancel; each wait in it
// also ends when a cancel comes (Clock.bounded).








function newWatchState() {
    return {
        memory: { taken: [], warnedStatuses: new Set(), effectsSeen: new Set() },
        warnings: [],
        polls: 0,
    };
}
/** Of the grace period: the stop and a last read. */
const STOP_MS = 4000;
/** Warnings kept for the summary and the report (each was logged when it came). */
const MAX_KEPT_WARNINGS = 50;
/** After an action, look again soon: the change it made is what the next decision needs. */
const QUICK_REPOLL_MS = 1000;
/** After a stop, a last read gets this long at most. */
const LAST_READ_MS = 4000;
async function resolve(provider, opts, clock, log) {
    try {
        const watched = await provider.resolve({
            signal: clock.signal,
            pollIntervalMs: opts.pollIntervalMs,
            sleep: sleep/* sleep */.y,
            log: log.info,
        });
        log.info(watched.line);
        return { ok: true, watched };
    }
    catch (err) {
        if (err instanceof NothingToWatchYet && !clock.signal.aborted)
            return { ok: false, result: 'in-progress', reason: err.message };
        const aborted = clock.signal.aborted ? clock.signal.reason : undefined;
        const cause = aborted ?? err;
        const result = cause instanceof abort/* RunCancelled */.zL
            ? 'cancelled'
            : cause instanceof abort/* DeadlineReached */.h_
                ? 'timed-out'
                : 'failure';
        // The provider may say what the deadline or the cancel cut short: an error caused by the abort.
        const explained = aborted !== undefined && err instanceof Error && err.cause === aborted ? err : cause;
        const reason = `Could not find the ${provider.words.run} to watch: ${(0,message/* messageOf */.b)(explained)}`;
        return { ok: false, result, reason: withLastError(reason, provider, cause) };
    }
}
/**
 * Watches the resolved run to its end (or reads it once with `wait: false`), and builds the outcome:
 * the one place it is made. A deadline or a cancel is an outcome too, with the run stopped when the
 * policy says so, within the grace period.
 */
async function watchRun(provider, watched, opts, clock, log, startedAt) {
    const { signal } = clock;
    const words = provider.words;
    const state = newWatchState();
    const ctx = {
        watched,
        words,
        policy: opts.policy,
        pollIntervalMs: opts.pollIntervalMs,
        signal,
        sleep: sleep/* sleep */.y,
        log,
    };
    const id = watched.presentation.runId;
    let final;
    let stoppedOnCancel;
    try {
        final = opts.wait ? await watch(ctx, state) : await readOnce(ctx, state);
    }
    catch (err) {
        const cause = signal.aborted ? signal.reason : err;
        if (cause instanceof abort/* RunCancelled */.zL) {
            stoppedOnCancel = opts.stopOnCancel
                ? await stopRun(ctx, state, clock.bounded(STOP_MS), 'stop-on-cancel: the workflow run was cancelled')
                : false;
            final = {
                result: 'cancelled',
                reason: `The workflow run was cancelled while watching ${words.run} ${id}; ` +
                    (stoppedOnCancel
                        ? `the ${words.run} was stopped.`
                        : `the ${words.run} was left running in ${words.provider}.`),
            };
        }
        else if (cause instanceof abort/* DeadlineReached */.h_) {
            const bound = clock.bounded(STOP_MS);
            for (const action of actionsOnTimeout(state.snapshot, opts.policy, state.memory)) {
                await stopRun(ctx, state, bound, action.reason);
            }
            const s = state.snapshot;
            final = {
                result: 'timed-out',
                reason: withLastError(`${capital(words.run)} ${id} did not finish within ${(0,abort/* formatDuration */.a3)(opts.timeoutMs)} ` +
                    `(last status ${s?.status ?? 'unknown'}, ${words.group} ${s?.progress.current ?? '?'}/${s?.progress.total ?? '?'})` +
                    // what it was waiting for at the end says who must act (a person, at which review)
                    (state.waitingFor ? `; at the end: ${state.waitingFor}.` : '.'), provider),
            };
        }
        else {
            final = { result: 'failure', reason: `Reading ${words.run} ${id} failed: ${(0,message/* messageOf */.b)(cause)}` };
        }
    }
    if (final.result === 'failure')
        final = { ...final, reason: withLastError(final.reason, provider) };
    return {
        result: final.result,
        reason: final.reason,
        presentation: watched.presentation,
        snapshot: state.snapshot,
        raw: state.snapshot ? state.raw : undefined,
        taken: state.memory.taken,
        logs: {},
        warnings: state.warnings,
        startedAt: startedAt.toISOString(),
        finishedAt: '',
        durationSeconds: 0,
        stoppedOnCancel,
    };
}
/** The outcome with what the extras found (a new outcome, never a patched one). */
function withExtras(outcome, extras, log) {
    for (const w of extras.warnings)
        log.warning(w);
    const nothing = Object.keys(extras.logs).length === 0 &&
        extras.artifactUrl === undefined &&
        extras.artifacts === undefined &&
        !extras.failure &&
        extras.warnings.length === 0;
    if (nothing)
        return outcome;
    const next = {
        ...outcome,
        logs: extras.logs,
        warnings: [...outcome.warnings, ...extras.warnings],
    };
    if (extras.artifactUrl !== undefined)
        next.artifactUrl = extras.artifactUrl;
    if (extras.artifacts !== undefined)
        next.artifacts = extras.artifacts;
    // Asked for explicitly: a later step depends on it, so the step must not pass without it.
    if (extras.failure && outcome.result === 'success') {
        next.result = 'failure';
        next.reason = `The deploy succeeded, but ${extras.failure}`;
    }
    return next;
}
/** A reason, with the last error the provider's client saw when the reason does not already say it. */
function withLastError(reason, provider, cause) {
    const last = provider.lastError();
    if (!last || last === cause || reason.includes(last.message))
        return reason;
    return `${reason} Last error: ${last.message}`;
}
/**
 * Polls until decide() gives a verdict. Rejects with the signal's reason on the deadline or a cancel,
 * and with the API error when reading fails for good (401, 403, 404, ...).
 */
async function watch(ctx, state) {
    const now = ctx.now ?? (() => new Date());
    let readFailures = 0;
    for (;;) {
        let snapshot;
        try {
            snapshot = await read(ctx, state);
            readFailures = 0;
        }
        catch (err) {
            if (ctx.signal.aborted)
                throw ctx.signal.reason;
            // A transient failure that outlived the client's own retries: the run goes on without us,
            // so keep watching until the deadline rather than give a verdict on a read error.
            if (err instanceof errors/* ApiError */.hD && err.retryable) {
                readFailures++;
                ctx.log.warning(`Reading the ${ctx.words.run} failed (${readFailures} in a row), will try again: ${err.message}`);
                await ctx.sleep(ctx.pollIntervalMs, ctx.signal);
                continue;
            }
            throw err;
        }
        state.polls++;
        logChanges(ctx.log, state.snapshot, snapshot, ctx.words);
        state.snapshot = snapshot;
        const decision = decide(snapshot, ctx.policy, state.memory, ctx.words);
        for (const status of decision.newlyWarned)
            state.memory.warnedStatuses.add(status);
        for (const i of decision.effectsSeen)
            state.memory.effectsSeen.add(i);
        for (const w of decision.warnings) {
            ctx.log.warning(w);
            if (state.warnings.length < MAX_KEPT_WARNINGS)
                state.warnings.push(w);
        }
        for (const action of decision.actions)
            await watch_perform(ctx, state, action, now);
        if (decision.verdict) {
            // After a stop, what the outputs and the summary show is the run as it is now, not as it was.
            if (decision.actions.some((a) => a.kind === 'stop'))
                await readAgain(ctx, state);
            return decision.verdict;
        }
        if (decision.waitingFor !== state.waitingFor && decision.waitingFor)
            ctx.log.info(`Waiting: ${decision.waitingFor}`);
        state.waitingFor = decision.waitingFor;
        const acted = decision.actions.length > 0;
        await ctx.sleep(acted ? Math.min(QUICK_REPOLL_MS, ctx.pollIntervalMs) : ctx.pollIntervalMs, ctx.signal);
    }
}
/** One read: the last answer's bytes are let go of first (the provider may read into their buffer). */
async function read(ctx, state) {
    state.raw = undefined;
    const got = await ctx.watched.read(ctx.signal);
    state.raw = got.raw;
    return got.snapshot;
}
/** wait: false — one read; `in-progress` unless the run already ended. */
async function readOnce(ctx, state) {
    const snapshot = await read(ctx, state);
    state.snapshot = snapshot;
    state.polls = 1;
    if (ended(snapshot)) {
        const decision = decide(snapshot, ctx.policy, state.memory, ctx.words);
        if (decision.verdict)
            return decision.verdict;
    }
    return {
        result: 'in-progress',
        reason: `${capital(ctx.words.run)} ${snapshot.id} is ${snapshot.status} (${ctx.words.group} ${snapshot.progress.current}/${snapshot.progress.total}); not waiting for it (wait: false).`,
    };
}
/**
 * Performs one planned action and records its outcome in the state's memory; a failed action is
 * recorded, not thrown. One cut short by the deadline or a cancel is recorded as sent with its
 * outcome unknown (it may have been applied), then the signal's reason is thrown.
 */
async function watch_perform(ctx, state, action, now = () => new Date()) {
    const at = now().toISOString();
    const { signal, words } = ctx;
    const verb = words.actions[action.kind];
    // A unit's action names the unit; the run's, and a confirmation's (whose reason says where), the run.
    const what = action.kind === 'skip' || (action.kind === 'retry' && action.target)
        ? `${verb} ${words.unit} ${action.label ?? action.target}`
        : `${verb} the ${words.run}`;
    const record = (taken) => {
        state.memory.taken.push(taken);
        return taken;
    };
    try {
        const ok = await ctx.watched.perform(action, signal);
        if (!ok) {
            const no = `${words.provider} answered false`;
            ctx.log.warning(`Could not ${what}: ${no}.`);
            return record({ ...action, at, outcome: 'error', detail: no, transient: false });
        }
        ctx.log.info(`Action: ${what} (${action.reason})`);
        return record({ ...action, at, outcome: 'ok' });
    }
    catch (err) {
        if (signal.aborted) {
            record({ ...action, at, outcome: 'unknown', detail: `no answer before ${(0,message/* messageOf */.b)(signal.reason)}` });
            throw signal.reason;
        }
        const detail = (0,message/* messageOf */.b)(err);
        const transient = err instanceof errors/* ApiError */.hD && err.retryable;
        ctx.log.warning(`Could not ${what}: ${detail}`);
        return record({ ...action, at, outcome: 'error', detail, transient });
    }
}
/** One more read after a stop, bounded; the snapshot as last read stays if it fails. */
async function readAgain(ctx, state) {
    const signal = AbortSignal.any([ctx.signal, AbortSignal.timeout(LAST_READ_MS)]);
    try {
        state.snapshot = await read({ ...ctx, signal }, state);
    }
    catch {
        // Out of time or refused: the report says what is known.
    }
}
/** Stops the run within `bound` (the main signal has already fired) and reads it once more. */
async function stopRun(ctx, state, bound, reason) {
    if (state.snapshot && ended(state.snapshot))
        return false;
    const bounded = { ...ctx, signal: bound };
    try {
        const taken = await watch_perform(bounded, state, { kind: 'stop', reason });
        await readAgain(bounded, state);
        return taken.outcome === 'ok';
    }
    catch {
        return false; // out of time: recorded as sent, outcome unknown
    }
}
function logChanges(log, prev, next, words) {
    for (const change of describeChanges(prev, next, words)) {
        const line = formatChange(change, words);
        if (change.kind === 'group-start' || change.kind === 'group-end')
            log.group(line, change.picture ?? []);
        else
            log.info(line);
    }
}

;// CONCATENATED MODULE: ./src/runner/action-ref.ts
// A workflow that runs this action from a branch (`uses: owner/repo@main`) runs whatever is pushed
// to that branch next, unreviewed: well-kept actions say so in the log. The runner gives the ref
// in GITHUB_ACTION_REF (unset for a local action, `uses: ./`). Git cannot tell a branch from a tag
// by its name alone, so a ref is taken for a tag or a commit when it reads like one: a full SHA, or
// a version (v1, v1.2, v1.2.3, 1.2.3-rc.1).
const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;
const VERSION_TAG = /^v?\d+(?:\.\d+){0,2}(?:[-+][0-9A-Za-z.+-]+)?$/;
/** The warning to log when the action runs from what looks like a branch; undefined otherwise. */
function branchRefWarning(env) {
    const ref = (env['GITHUB_ACTION_REF'] ?? '').trim();
    if (!ref || ref.startsWith('refs/tags/'))
        return undefined;
    const branch = ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
    if (branch === undefined && (FULL_SHA.test(ref) || VERSION_TAG.test(ref)))
        return undefined;
    const repo = env['GITHUB_ACTION_REPOSITORY'] || 'this action';
    return (`${repo} runs from "${branch ?? ref}", which looks like a branch: whatever is pushed to it next ` +
        'runs in this workflow. Pin a release tag (@v1, or @v1.2.3 for exactly one release) or a full commit SHA.');
}

// EXTERNAL MODULE: ./src/http/direct.ts
var direct = __webpack_require__(9999);
;// CONCATENATED MODULE: ./src/runner/dispatcher.ts


const PROXY_VARS = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];
function proxyConfigured(env) {
    return PROXY_VARS.some((name) => (env[name] ?? '') !== '');
}
/** For requests to `endpoint`: direct when it is loopback or no proxy is set, else the proxy rules. */
async function createDispatcher(env, endpoint) {
    if (isLoopback(new URL(endpoint).hostname) || !proxyConfigured(env))
        return new direct/* DirectAgent */.T();
    return proxyDispatcher();
}
/** For GitHub's API (undici's fetch): the proxy rules when a proxy is set, else undici's own default. */
async function dispatcher_githubDispatcher(env) {
    return proxyConfigured(env) ? proxyDispatcher() : undefined;
}
async function proxyDispatcher() {
    // It reads the variables (and NO_PROXY) itself.
    const { loadProxyAgent } = await Promise.all(/* import() */[__webpack_require__.e(43), __webpack_require__.e(150)]).then(__webpack_require__.bind(__webpack_require__, 1150));
    const EnvHttpProxyAgent = await loadProxyAgent();
    return new EnvHttpProxyAgent({ keepAliveTimeout: 10_000 });
}
/** How long closing may take: a socket that will not close must not hold the step. */
const CLOSE_MS = 500;
/**
 * Closes the dispatcher's keep-alive sockets, which would hold the process open for seconds after
 * the verdict. Waits at most CLOSE_MS, and leaves no timer behind: the process exits the moment
 * the sockets are closed.
 */
async function closeDispatcher(dispatcher) {
    let timer;
    const late = new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_MS)));
    try {
        await Promise.race([dispatcher.destroy().catch(() => undefined), late]);
    }
    finally {
        clearTimeout(timer);
    }
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/common/untrusted.ts
var untrusted = __webpack_require__(4891);
;// CONCATENATED MODULE: ./src/report/annotations.ts
// Annotations: an error per failed unit, a warning per skipped one. GitHub shows at most 10 of each
// level per step, so a few are shown and one more says how many were left out and where they are.




const MAX_PER_LEVEL = 8;
const WHERE_ALL = 'Every one is listed in the job summary and in the JSON report (output report-path).';
function annotationsOf(outcome) {
    const t = tallyOf(outcome);
    const words = outcome.presentation.words;
    const run = `${words.run} ${outcome.snapshot?.id ?? ''}`;
    const did = (u) => whatHappened(u, t, words.actions);
    return [
        ...capped('error', t.failed, 'failed', words, (u) => `${capital(words.group)} ${u.group} of ${run}: ${u.status}${agent(u, words)}; this run: ${did(u)}.`),
        ...capped('warning', t.skipped, 'skipped', words, (u) => skippedMessage(u, t, run, words)),
    ];
}
function capped(level, units, word, words, message) {
    const out = units.slice(0, MAX_PER_LEVEL).map((u) => ({
        level,
        title: `${capital(words.unit)} ${annotations_short(u.label)}${u.detail ? ` (${annotations_short(u.detail)})` : ''} ${word}`,
        message: message(u),
    }));
    const left = units.length - MAX_PER_LEVEL;
    if (left > 0) {
        out.push({
            level,
            title: `${left} more ${word} ${words.unit}${left > 1 ? 's' : ''}`,
            message: `${units.length} ${words.unit}s ${word}; ${MAX_PER_LEVEL} are annotated above. ${WHERE_ALL}`,
        });
    }
    return out;
}
function skippedMessage(u, t, run, words) {
    return `${capital(words.group)} ${u.group} of ${run}: ${whatHappened(u, t, words.actions)}${agent(u, words)}. It did not get this release.`;
}
function agent(u, words) {
    if (u.agent === undefined || !words.reachability)
        return '';
    const name = words.reachability;
    return u.agent === 'error'
        ? ` (${name} unreachable)`
        : u.agent === 'ok'
            ? ''
            : ` (${name} ${annotations_short(u.agent || 'unknown')})`;
}
/** Names come from outside: one line, bounded. */
function annotations_short(text) {
    return (0,redact/* clip */.$Q)((0,untrusted/* oneLine */.TN)(text).replace(/\s+/g, ' '), 120);
}

// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
;// CONCATENATED MODULE: ./src/report/json-report.ts
// The JSON report (output report-path): the verdict, every unit with what this run did to it, every
// action taken, and the run's last answer as the provider sent it. Ids are exact strings. The keys
// that name the provider's things are the provider's (one report lists "machines", another "jobs").




/** 2: machineLogs entries are {lines, began, ended} (were the lines alone). */
const REPORT_SCHEMA_VERSION = 2;
const TOOL_NAME = 'yunxiao-deploy-gate';
/** Placeholders for the two large fields, which reportParts writes piece by piece. */
const RAW = Symbol('raw answer');
const json_report_UNITS = Symbol('units');
/** units per written part: bounded pieces rather than one multi-MB string */
const UNITS_PER_PART = 500;
/**
 * The report as the parts of one JSON text, one top-level field per line, compact values: the deploy
 * order of a large host group is several MB and is written as the bytes it came in, not copied. The
 * parts are made as they are written: the units' entries of 50,000 machines never all exist at once.
 */
function* reportParts(outcome) {
    const t = tallyOf(outcome);
    yield '{\n';
    const list = fields(outcome, t);
    for (const [i, [k, v]] of list.entries()) {
        yield `  ${JSON.stringify(k)}: `;
        if (v === RAW) {
            for (const piece of outcome.raw?.bytes() ?? ['null'])
                yield displaySafeBytes(piece);
        }
        else if (v === json_report_UNITS)
            yield* unitParts(outcome, t);
        else
            yield json_report_json(v);
        yield i < list.length - 1 ? ',\n' : '\n';
    }
    yield '}\n';
}
function fields(o, t) {
    const p = o.presentation;
    const keys = p.reportKeys;
    const snap = o.snapshot;
    return [
        ['schemaVersion', REPORT_SCHEMA_VERSION],
        ['tool', { name: TOOL_NAME, version: version/* VERSION */.x }],
        ['verdict', { result: o.result, reason: (0,untrusted/* cleanText */.X5)(o.reason) }],
        ['resolved', Object.fromEntries(p.facts.map((f) => [f.key, f.id ?? f.text ?? null]))],
        ['api', p.api.json],
        ['policy', p.policy(snap?.units.length ?? 0).json],
        ['timing', { startedAt: o.startedAt, finishedAt: o.finishedAt, durationSeconds: o.durationSeconds }],
        [
            keys.run,
            snap
                ? { status: snap.status, currentBatch: snap.progress.current, totalBatch: snap.progress.total }
                : null,
        ],
        ['counts', t.counts ? countsJson(t.counts) : null],
        ['stoppedOnCancel', o.stoppedOnCancel ?? null],
        [keys.skipped, t.skippedByUs],
        [keys.failed, t.failedIds],
        ['needsALook', t.needsLook.map((u) => u.id)],
        [
            'actions',
            o.taken.map((a) => ({
                at: a.at,
                kind: p.words.actions[a.kind],
                // a unit's id for a unit's action; a confirmation's only where the provider names one
                [keys.unit]: isUnitAction(a) ? (a.target ?? null) : null,
                ...(keys.confirmation && !isUnitAction(a) && a.target ? { [keys.confirmation]: a.target } : {}),
                reason: (0,untrusted/* cleanText */.X5)(a.reason),
                outcome: a.outcome,
                detail: a.detail === undefined ? null : (0,untrusted/* cleanText */.X5)(a.detail),
                transient: a.transient ?? false,
            })),
        ],
        ['warnings', o.warnings.map(untrusted/* cleanText */.X5)],
        ...(keys.points
            ? [
                [
                    keys.points,
                    pointsOf(o).map(({ point, decision }) => ({
                        id: point.id,
                        where: (0,untrusted/* cleanText */.X5)(point.label),
                        who: point.who === undefined ? null : (0,untrusted/* cleanText */.X5)(point.who),
                        status: point.status,
                        decision,
                        ...point.extra,
                    })),
                ],
            ]
            : []),
        ['artifactUrl', o.artifactUrl ?? null],
        ...(o.artifacts ? [['artifacts', o.artifacts]] : []),
        [
            keys.logs,
            Object.fromEntries(Object.entries(o.logs).map(([id, log]) => [
                id,
                {
                    lines: (0,untrusted/* cleanText */.X5)(log.lines),
                    began: log.began ?? null,
                    ended: log.ended ?? null,
                    ...(log.title === undefined ? {} : { title: (0,untrusted/* cleanText */.X5)(log.title) }),
                    ...(log.message === undefined ? {} : { message: (0,untrusted/* cleanText */.X5)(log.message) }),
                },
            ])),
        ],
        [keys.units, json_report_UNITS],
        // As the provider sent it when the client kept the text (unknown fields kept), else our model of it.
        [keys.raw, o.raw?.isObject ? RAW : (snap ?? null)],
    ];
}
function isUnitAction(a) {
    return a.kind === 'skip' || a.kind === 'retry';
}
function countsJson(c) {
    return {
        total: c.total,
        succeeded: c.succeeded,
        failed: c.failed,
        skipped: c.skipped,
        other: c.other,
        byStatus: Object.fromEntries(c.byStatus),
    };
}
function unitEntry(o, u, t) {
    const did = t.byUnit.get(u.id);
    return {
        ...o.presentation.unitEntry(u),
        action: whatHappened(u, t, o.presentation.words.actions),
        thisRun: did ? thisRunJson(did) : null,
    };
}
function thisRunJson(d) {
    return { skipped: d.skipped, retries: d.retries, refused: Object.fromEntries(d.refused) };
}
function* unitParts(o, t) {
    const units = o.snapshot?.units ?? [];
    if (units.length === 0) {
        yield '[]';
        return;
    }
    yield '[';
    for (let i = 0; i < units.length; i += UNITS_PER_PART) {
        const chunk = units.slice(i, i + UNITS_PER_PART);
        const lines = chunk.map((u) => `\n    ${json_report_json(unitEntry(o, u, t))}`);
        yield (i > 0 ? ',' : '') + lines.join(',');
    }
    yield '\n  ]';
}
/** JSON text that displays as it reads: bidi and C1 controls as \u escapes (the same data). */
function json_report_json(v) {
    return (0,untrusted/* displaySafeJson */.av)(JSON.stringify(v) ?? 'null');
}
/**
 * A piece of the server's JSON as it came, made valid UTF-8 (a broken sequence becomes U+FFFD) and
 * safe to display. Pieces split only at ASCII, so no character spans two. Most pieces hold none of
 * the lead bytes of the characters escaped, and are passed through as they are.
 */
function displaySafeBytes(piece) {
    if (typeof piece === 'string')
        return piece;
    const valid = (0,external_node_buffer_.isUtf8)(piece);
    const buf = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    if (valid && buf.indexOf(0xc2) < 0 && buf.indexOf(0xd8) < 0 && buf.indexOf(0xe2) < 0)
        return piece;
    const text = buf.toString('utf8');
    const safe = (0,untrusted/* displaySafeJson */.av)(text);
    return valid && safe === text ? piece : Buffer.from(safe);
}

;// CONCATENATED MODULE: ./src/report/summary.ts
// The job summary: the verdict at a glance, the facts, the units that need a look (always all of them
// while the size allows, and a line saying how many did not fit), the groups, the timeline, log
// excerpts, warnings and the link. GitHub refuses a summary of 1 MiB or more: the byte count is kept
// as it is built, the must-list table goes first, and the rest shrinks to what is left. Every word of
// the provider's comes from its presentation (a "deploy order" of "machines" in "batches").




const DEFAULT_MAX_BYTES = 1_000_000;
const DEFAULT_MAX_UNIT_ROWS = 300;
const HARD_LIMIT = 1024 * 1024 - 1;
const HEADLINE = {
    success: ['✅', 'Deploy succeeded'],
    failure: ['❌', 'Deploy failed'],
    'timed-out': ['⏱️', 'Deploy gate timed out'],
    cancelled: ['🛑', 'Deploy cancelled'],
    'in-progress': ['⏳', 'Deploy in progress'],
};
const MAX_GROUP_ROWS = 200;
const MAX_GROUPS_IN_ROW = 30;
const MAX_POINT_ROWS = 50;
const MAX_ARTIFACT_ROWS = 50;
/** A group's icon by its phase; a word the provider does not document gets a plain dot. */
const PHASE_ICONS = {
    succeeded: '✅',
    failed: '❌',
    cancelled: '🛑',
    running: '🔄',
    paused: '⏸️',
    pending: '⚪',
    skipped: '⏭️',
    unknown: '•',
};
const MAX_TIMELINE_ROWS = 200;
const summary_MAX_WARNINGS = 20;
const MAX_LOG_CHARS = 4000;
const MAX_CELL_CHARS = 300;
const MAX_REASON_CHARS = 2000;
/** room kept for the one-line note of each section that comes after the must-list table */
const NOTE_ROOM = 300;
function renderSummary(outcome, opts = {}) {
    const maxBytes = Math.min(opts.maxBytes ?? DEFAULT_MAX_BYTES, HARD_LIMIT);
    const maxUnitRows = Math.max(0, opts.maxUnitRows ?? DEFAULT_MAX_UNIT_ROWS);
    const t = tallyOf(outcome);
    const p = outcome.presentation;
    const head = headSection(outcome, t);
    const points = pointsSection(outcome);
    const products = artifactsSection(outcome);
    const warns = warningsSection(outcome);
    const link = linkSection(p);
    // Three sections may be cut down to a note after the table that must list everything.
    let room = maxBytes -
        bytes(head) -
        bytes(points) -
        bytes(products) -
        bytes(warns) -
        bytes(link) -
        3 * NOTE_ROOM -
        64;
    const needs = needsLookSection(t, p.words, room, withDuration(outcome));
    room += 3 * NOTE_ROOM - bytes(needs);
    const groups = groupSection(outcome, t, maxUnitRows, room);
    room -= bytes(groups);
    const timeline = timelineSection(outcome, room);
    room -= bytes(timeline);
    const logs = logsSection(outcome, room);
    const text = [head, points, needs, groups, timeline, logs, products, warns, link]
        .filter(Boolean)
        .join('\n');
    // Only reachable when maxBytes is too small for even the headline and facts.
    if (bytes(text) <= maxBytes)
        return text;
    const note = '\n\n… summary cut at the size limit; see the JSON report.\n';
    return truncateBytes(text, Math.max(0, maxBytes - bytes(note))) + note;
}
/**
 * The summary of a run that found nothing to watch: the reason, escaped like any server text. In
 * progress: the provider did its part (started a run) and, with wait: false, did not wait for one.
 */
function unresolvedSummary(reason, words, facts, result = 'failure') {
    const rows = facts.filter((f) => !f.hidden).map((f) => `${f.label} ${factValue(f)}.`);
    const head = result === 'in-progress'
        ? `## ⏳ Deploy gate: in progress, no ${words.run} watched yet`
        : `## ❌ Deploy gate: no ${words.run} to watch`;
    return `${head}\n\n${summary_text((0,redact/* clip */.$Q)(reason, MAX_REASON_CHARS))}\n\n${rows.join(' ')}\n`;
}
// ---- sections -------------------------------------------------------------------------------------
function headSection(o, t) {
    const [icon, words] = HEADLINE[o.result];
    const p = o.presentation;
    const w = p.words;
    const lines = [
        `## ${icon} ${words} — ${p.short} ${o.snapshot?.id ?? runIdOf(p)} in ${humanDuration(o.durationSeconds)}`,
        '',
        summary_text((0,redact/* clip */.$Q)(o.reason, MAX_REASON_CHARS)),
        '',
    ];
    if (o.stoppedOnCancel !== undefined) {
        const url = safeUrl(p.url);
        lines.push(o.stoppedOnCancel
            ? `The workflow run was cancelled: the ${w.run} was **stopped**.${url ? ` [See it in ${w.provider}](${url}).` : ''}`
            : `The workflow run was cancelled: the ${w.run} was **left running**.${url ? ` [Follow it in ${w.provider}](${url}).` : ''}`, '');
    }
    lines.push(factsTable(o, t));
    const row = groupsRow(o);
    if (row)
        lines.push(row);
    return lines.join('\n');
}
/** The groups by name as one row of statuses (stages), where the provider names them. */
function groupsRow(o) {
    const groups = (o.snapshot?.groups ?? []).slice(0, MAX_GROUPS_IN_ROW);
    if (groups.length === 0)
        return '';
    const names = groups.map((g) => cell(g.name || '—'));
    const statuses = groups.map((g) => `${PHASE_ICONS[g.phase]} ${cell(g.status || '—')}`);
    return `| ${names.join(' | ')} |\n|${'---|'.repeat(groups.length)}\n| ${statuses.join(' | ')} |\n`;
}
/** The confirmation points the run reached, and what became of each (or, where the provider keeps no record of them, the ones still waiting). */
function pointsSection(o) {
    const w = o.presentation.words;
    const points = pointsOf(o).slice(0, MAX_POINT_ROWS);
    if (w.points && points.length > 0) {
        const rows = points.map(({ point, decision }) => {
            const who = point.who ? cell(point.who) : '—';
            const what = decision === 'pending'
                ? `⏳ waiting for ${who === '—' ? 'a person' : who}`
                : decision === 'passed'
                    ? `✅ ${w.pass}ed by this gate`
                    : decision === 'refused'
                        ? `❌ ${w.refuse}d by this gate`
                        : `done in ${w.provider} (${cell(point.status)})`;
            return `| ${cell(point.label)} | ${who} | ${what} |`;
        });
        return `### ${capital(w.points)}\n\n| Where | Who acts | Decision |\n|---|---|---|\n${rows.join('\n')}\n`;
    }
    const waiting = (o.snapshot?.confirmations ?? []).slice(0, MAX_POINT_ROWS);
    if (waiting.length === 0 || o.result === 'success')
        return '';
    const lines = waiting.map((c) => `- ${capital(w.run)} ${code(o.snapshot?.id ?? '')} waits ${cell(c.label)}${c.who ? `: ${cell(c.who)} must ${w.pass} it` : `: a person must ${w.pass} it`} in ${w.provider}.`);
    return `### Waiting for a person\n\n${lines.join('\n')}\n`;
}
/** The run's build products, as links where they have a safe one. */
function artifactsSection(o) {
    const list = (o.artifacts ?? []).slice(0, MAX_ARTIFACT_ROWS);
    if (list.length === 0)
        return '';
    const rows = list.map((a) => {
        const name = cell([a.name, a.version].filter(Boolean).join(' ') || 'artifact');
        const url = safeUrl(a.url);
        const type = a.type ? ` (${cell(a.type)})` : '';
        return `- ${url ? `[${name}](${url})` : name}${type}`;
    });
    const more = (o.artifacts?.length ?? 0) > list.length
        ? `\n- … and ${(o.artifacts?.length ?? 0) - list.length} more in the JSON report`
        : '';
    return `### Build products\n\n${rows.join('\n')}${more}\n`;
}
/** The run's id as resolved, when no snapshot was read. */
function runIdOf(p) {
    return p.runId;
}
function factsTable(o, t) {
    const p = o.presentation;
    const w = p.words;
    const snap = o.snapshot;
    const c = t.counts;
    const rows = p.facts.filter((f) => !f.hidden).map((f) => [f.label, factValue(f)]);
    rows.push(['Status', snap ? cell(snap.status) : 'not read'], [groupsWord(w), snap ? `${snap.progress.current} / ${snap.progress.total}` : '—'], [
        `${capital(w.unit)}s`,
        c
            ? `${c.total}: ${c.succeeded} succeeded, ${c.failed} failed, ${c.skipped} skipped, ${otherText(c)} other`
            : '—',
    ], ['API', cell(p.api.text)], ['Policy', cell(p.policy(snap?.units.length ?? 0).text)]);
    const artifact = safeUrl(o.artifactUrl);
    if (artifact)
        rows.push(['Artifact', `[download](${artifact})`]);
    return `| | |\n|---|---|\n${rows.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}\n`;
}
/** A fact as a cell: an id as code (a link when it has one), text, or text with its id. */
function factValue(f) {
    const link = safeUrl(f.link);
    const id = f.id ? (link ? `[${code(f.id)}](${link})` : code(f.id)) : '';
    if (f.text && id)
        return `${cell(f.text)} (${id})`;
    return f.text ? cell(f.text) : id || '—';
}
/** The must-list table: every failed, skipped or unreachable unit, as long as bytes allow. */
function needsLookSection(t, w, room, duration) {
    if (t.needsLook.length === 0)
        return '';
    const what = w.reachability ? `Failed, skipped or unreachable ${w.unit}s` : `Failed or skipped ${w.unit}s`;
    const head = `### Needs a look (${t.needsLook.length})\n\n${what}, and what this run did to each.\n\n${unitHead(w, duration)}\n`;
    return rowsWithin(head, t.needsLook, (u) => unitRow(u, t, w, duration), room, (left) => `\n**${left} more ${w.unit}s not shown; see the JSON report (output \`report-path\`).**\n`);
}
function groupSection(o, t, maxUnitRows, room) {
    if (t.groups.length === 0)
        return '';
    const w = o.presentation.words;
    const Groups = groupsWord(w);
    const current = o.snapshot?.progress.current;
    const head = `### ${Groups}\n\n| ${capital(w.group)} | ${capital(w.unit)}s | Success | Failed | Skipped | Other |\n|---|---|---|---|---|---|\n`;
    const shown = t.groups.slice(0, MAX_GROUP_ROWS);
    let out = rowsWithin(head, shown, (g) => `| ${g.group}${groupName(g, w)}${g.group === current ? ' (current)' : ''} | ${g.counts.total} | ${g.counts.succeeded} | ${g.counts.failed} | ${g.counts.skipped} | ${otherText(g.counts)} |`, room - NOTE_ROOM, (left) => `\n_${left} more ${Groups.toLowerCase()} in the JSON report._\n`);
    if (t.groups.length > shown.length)
        out += `\n_${t.groups.length - shown.length} more ${Groups.toLowerCase()} in the JSON report._\n`;
    if (out === '')
        return '';
    const total = t.counts?.total ?? 0;
    const listAll = total <= maxUnitRows;
    const blocks = [];
    let used = bytes(out);
    if (!listAll) {
        const note = `\n_${total} ${w.unit}s, more than ${maxUnitRows}: successes are counted above rather than listed, failed, skipped and unreachable ones are under Needs a look, and every ${w.unit} is in the JSON report._\n`;
        if (used + bytes(note) > room)
            return out;
        blocks.push(note);
        used += bytes(note);
    }
    let rowsLeft = maxUnitRows;
    const cutNote = `\n_The ${w.unit} lists of the other ${Groups.toLowerCase()} did not fit; see the JSON report._\n`;
    for (const g of t.groups) {
        if (rowsLeft <= 0)
            break;
        // Over the limit, only what is neither a success nor already under Needs a look (e.g. queued).
        const list = listAll ? g.units : g.units.filter((u) => u.phase !== 'succeeded' && !needsALook(u));
        if (list.length === 0)
            continue;
        const block = groupBlock(g, list.slice(0, rowsLeft), list.length, t, w, withDuration(o));
        if (used + bytes(block) + bytes(cutNote) > room) {
            if (used + bytes(cutNote) <= room)
                blocks.push(cutNote);
            break;
        }
        blocks.push(block);
        used += bytes(block);
        rowsLeft -= list.length;
    }
    return out + blocks.join('');
}
function groupBlock(g, list, of, t, w, duration) {
    const more = of > list.length ? `\n_${of - list.length} more in the JSON report._\n` : '';
    const what = of === g.units.length
        ? plural(of, w.unit)
        : `${of} of ${plural(g.units.length, w.unit)}, in other states`;
    const name = w.detail === w.group && g.units[0]?.detail ? ` (${html((0,redact/* clip */.$Q)(g.units[0].detail, MAX_CELL_CHARS))})` : '';
    return `\n<details><summary>${capital(w.group)} ${g.group}${name}: ${what}</summary>\n\n${unitHead(w, duration)}\n${list.map((u) => unitRow(u, t, w, duration)).join('\n')}\n${more}\n</details>\n`;
}
function timelineSection(o, room) {
    const taken = o.taken;
    const w = o.presentation.words;
    if (taken.length === 0)
        return '';
    const head = `### Timeline\n\n| Time (UTC) | Action | ${capital(w.unit)} | Outcome | Why |\n|---|---|---|---|---|\n`;
    const shown = taken.slice(0, MAX_TIMELINE_ROWS);
    const more = (left) => `\n_${left} more actions in the JSON report._\n`;
    const runId = o.snapshot?.id ?? runIdOf(o.presentation);
    let out = rowsWithin(head, shown, (a) => actionRow(a, w, o.presentation.short, runId), room - NOTE_ROOM, more);
    if (out && taken.length > shown.length)
        out += more(taken.length - shown.length);
    if (out === '' && bytes(more(taken.length)) <= room)
        return `### Timeline\n${more(taken.length)}`;
    return out;
}
/** `2026-01-01 10:00:05` from an ISO time (the date is kept: a log may be days old). */
function utcTime(iso) {
    const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)/.exec(iso);
    return m ? `${m[1]} ${m[2]}` : '?';
}
/** What an action acted on: a unit (its id as code), a confirmation point, or the run itself. */
function actionRow(a, w, short, runId) {
    const time = /^\d{4}-\d\d-\d\dT(\d\d:\d\d:\d\d)/.exec(a.at)?.[1] ?? cell(a.at);
    const result = a.outcome === 'ok'
        ? '✅ ok'
        : a.outcome === 'unknown'
            ? `❔ ${cell(a.detail ?? 'no answer')}`
            : `❌ ${cell(a.detail ?? 'error')}${a.transient ? ' (transient)' : ''}`;
    const unit = a.kind === 'skip' || a.kind === 'retry';
    const target = a.target === undefined || a.target === runId
        ? short
        : unit
            ? code(a.label ?? a.target)
            : cell(a.label ?? a.target);
    return `| ${time} | ${w.actions[a.kind]} | ${target} | ${result} | ${cell(a.reason)} |`;
}
function logsSection(o, room) {
    const w = o.presentation.words;
    const entries = Object.entries(o.logs);
    if (entries.length === 0)
        return '';
    const labels = new Map((o.snapshot?.units ?? []).map((u) => [u.id, u.label]));
    const head = `### ${capital(w.log)}s of failed ${w.unit}s\n`;
    const blocks = [];
    let used = bytes(head);
    for (const [id, log] of entries) {
        const block = logBlock(capital(w.log), log.title ?? labels.get(id) ?? id, log);
        if (used + bytes(block) + NOTE_ROOM > room) {
            const left = entries.length - blocks.length;
            const note = `\n_${left} more log excerpts in the JSON report (${o.presentation.reportKeys.logs})._\n`;
            if (used + bytes(note) > room)
                return '';
            blocks.push(note);
            break;
        }
        blocks.push(block);
        used += bytes(block);
    }
    return head + blocks.join('');
}
function logBlock(what, label, log) {
    // Colour codes are common in deploy logs; hyperlinks (OSC 8) and bidi controls are not harmless.
    let body = (0,untrusted/* cleanText */.X5)((0,redact/* redactKnown */.rA)(log.lines));
    if (body.length > MAX_LOG_CHARS)
        body = `…${body.slice(-MAX_LOG_CHARS)}`;
    body = body.replace(/\n+$/, '');
    // A fence longer than any run of backticks in the log: nothing inside can close it.
    const fence = '`'.repeat(Math.max(3, longestRun(body, '`') + 1));
    const when = log.began ? `, ${utcTime(log.began)}${log.ended ? `–${utcTime(log.ended)}` : ''} UTC` : '';
    const message = log.message ? `${summary_text((0,redact/* clip */.$Q)(log.message, MAX_REASON_CHARS))}\n\n` : '';
    return `\n<details><summary>${what} of ${html((0,redact/* clip */.$Q)(label, MAX_CELL_CHARS))} (last lines${when})</summary>\n\n${message}${fence}text\n${body}\n${fence}\n\n</details>\n`;
}
function warningsSection(o) {
    if (o.warnings.length === 0)
        return '';
    const shown = o.warnings.slice(0, summary_MAX_WARNINGS).map((w) => `- ${summary_text((0,redact/* clip */.$Q)(w, 500))}`);
    if (o.warnings.length > summary_MAX_WARNINGS)
        shown.push(`- … and ${o.warnings.length - summary_MAX_WARNINGS} more in the JSON report`);
    return `### Warnings\n\n${shown.join('\n')}\n`;
}
function linkSection(p) {
    const url = safeUrl(p.url);
    return url ? `[Open the pipeline run in ${p.words.provider}](${url})\n` : '';
}
// ---- rows and cells -------------------------------------------------------------------------------
/** "Batches" from "batch", "Stages" from "stage". */
function groupsWord(w) {
    const g = capital(w.group);
    return /(s|sh|ch|x)$/.test(g) ? `${g}es` : `${g}s`;
}
/** " Build" where a unit's detail names its group (a job's stage); nothing for numbered batches. */
function groupName(g, w) {
    const name = w.detail === w.group ? g.units[0]?.detail : undefined;
    return name ? ` ${cell(name)}` : '';
}
/** Units have durations (jobs): a column for them. */
function withDuration(o) {
    return (o.snapshot?.units ?? []).some((u) => u.durationMs !== undefined);
}
function unitHead(w, duration) {
    const agent = w.reachability ? ` ${capital(w.reachability)} |` : '';
    const took = duration ? ' Duration |' : '';
    // A unit's detail may be its group's name (a job's stage): then one column says both.
    const group = w.detail === w.group ? '' : ` ${capital(w.group)} |`;
    const cols = 4 + (group ? 1 : 0) + (w.reachability ? 1 : 0) + (duration ? 1 : 0);
    return `| ${capital(w.unit)} | ${w.detail.length <= 2 ? w.detail.toUpperCase() : capital(w.detail)} |${group} Status |${took}${agent} This run |\n|${'---|'.repeat(cols)}`;
}
function unitRow(u, t, w, duration) {
    const agent = w.reachability ? ` ${u.reachable === false ? '⚠️ unreachable' : cell(u.agent || '—')} |` : '';
    const took = duration ? ` ${u.durationMs === undefined ? '—' : humanDuration(u.durationMs / 1000)} |` : '';
    const detail = w.detail === w.group ? `${u.group}. ${u.detail || '—'}` : u.detail || '—';
    const group = w.detail === w.group ? '' : ` ${u.group} |`;
    return `| ${code(u.label)} | ${cell(detail)} |${group} ${cell(u.status)} |${took}${agent} ${cell(whatHappened(u, t, w.actions))} |`;
}
/**
 * head + one row per item while they fit in `room` bytes with the note; if some do not fit, the note
 * says how many. '' when not even the head and the note fit. Bytes are summed row by row (linear).
 */
function rowsWithin(head, items, row, room, note) {
    const noteRoom = bytes(note(items.length));
    let used = bytes(head);
    if (used + noteRoom > room)
        return '';
    const out = [head];
    let i = 0;
    for (; i < items.length; i++) {
        const line = row(items[i]) + '\n';
        const b = bytes(line);
        // The last row needs no room for a note after it.
        const reserve = i === items.length - 1 ? 0 : noteRoom;
        if (used + b + reserve > room)
            break;
        out.push(line);
        used += b;
    }
    if (i < items.length)
        out.push(note(items.length - i));
    return out.join('');
}
function otherText(c) {
    if (c.other === 0)
        return '0';
    const parts = [];
    for (const [status, n] of c.otherByStatus)
        parts.push(`${status || '?'} ${n}`);
    return `${c.other} (${cell(parts.join(', '))})`;
}
/** Text from outside made safe for a table cell: no HTML, no line breaks, no cell breaks, no markup. */
function cell(s) {
    return summary_text((0,redact/* clip */.$Q)(s, MAX_CELL_CHARS));
}
/** Text from outside made safe for a line of markdown. */
function summary_text(s) {
    // Markup characters escaped, and bare links broken up so that GitHub does not make them links
    // (a zero-width space after `@` stops an e-mail address from becoming one).
    return html(s)
        .replace(/[\\`*_[\]~!#|]/g, '\\$&')
        .replace(/@/g, '@\u200b')
        .replace(/:\/\//g, '\\://')
        .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\\.`);
}
/** Text from outside made safe inside an HTML tag's content (no markdown is parsed there). */
function html(s) {
    return (0,untrusted/* oneLine */.TN)((0,redact/* redactKnown */.rA)(s))
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/\s*[\r\n]+\s*/g, ' ');
}
/** An id or SN as a code span, safe in a table cell whatever it contains. */
function code(s) {
    const v = (0,untrusted/* oneLine */.TN)((0,redact/* clip */.$Q)(s, MAX_CELL_CHARS)).replace(/\|/g, '\\|');
    const ticks = '`'.repeat(longestRun(v, '`') + 1);
    const pad = v.startsWith('`') || v.endsWith('`') ? ' ' : '';
    return `${ticks}${pad}${v}${pad}${ticks}`;
}
/** Longest URL made a link: a server's URL of many KB would take the room of the units' table. */
const MAX_URL_CHARS = 2048;
/** Only http(s) links, with the characters that could end a markdown link encoded. */
function safeUrl(url) {
    if (!url || url.length > MAX_URL_CHARS || !/^https?:\/\/\S/i.test(url))
        return undefined;
    return url
        .trim()
        .replace(/[\s()<>"'|[\]\\`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
function longestRun(s, ch) {
    let max = 0;
    let run = 0;
    for (const c of s) {
        run = c === ch ? run + 1 : 0;
        if (run > max)
            max = run;
    }
    return max;
}
function humanDuration(seconds) {
    if (!Number.isFinite(seconds) || seconds < 0)
        return '?';
    const s = Math.round(seconds);
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const sec = s % 60;
    if (h)
        return `${h}h ${m}m ${sec}s`;
    if (m)
        return `${m}m ${sec}s`;
    return `${sec}s`;
}
function bytes(s) {
    return Buffer.byteLength(s);
}
function truncateBytes(s, max) {
    return Buffer.from(s)
        .subarray(0, max)
        .toString('utf8')
        .replace(/\uFFFD$/, '');
}

;// CONCATENATED MODULE: ./src/runner/finish.ts
// The end of a run: outputs, the JSON report, the job summary, the log blocks, annotations, and the
// one failure message. Success, failure, timeout and cancel all come through here, and so do runs
// that never got as far as a deploy order. Nothing here may lose the verdict: a failed write is a
// warning, and the verdict still reaches the log and the summary.










/**
 * Writes (or writes again, over the first) the outputs, the summary and the JSON report, the
 * smallest first: the report of a large order takes longest, and must never hold up the others.
 */
async function writeResults(outcome, specs, summary, io) {
    const finished = new Date();
    outcome.finishedAt = finished.toISOString();
    outcome.durationSeconds = secondsSince(outcome.startedAt, finished);
    setOutputs(io, outputsOf(specs, outcome, outcome.reportPath));
    if (summary)
        await writeSummarySafely(io, renderSummary(outcome));
    const path = outcome.reportPath ?? reportPathFor(outcome);
    try {
        await writeReport(outcome, path);
    }
    catch (err) {
        io.warning(`Could not write the JSON report: ${(0,message/* messageOf */.b)(err)}`);
        return;
    }
    // Named only once it is there (a first write's path is kept for the second).
    if (outcome.reportPath === undefined) {
        outcome.reportPath = path;
        setOutputs(io, { 'report-path': path });
    }
}
/** The log blocks (deploy logs), the annotations and the verdict line; the exit code. */
function conclude(outcome, io) {
    const w = outcome.presentation.words;
    const labels = new Map((outcome.snapshot?.units ?? []).map((u) => [u.id, u.label]));
    for (const [id, log] of Object.entries(outcome.logs)) {
        // A unit's own log (a machine's), or a titled one (a failed step of a job).
        const of = log.title ?? `failed ${w.unit} ${labels.get(id) ?? id}`;
        const when = log.began
            ? `, ${log.title ? 'ran' : w.done} ${log.began}${log.ended ? ` to ${log.ended}` : ''}`
            : '';
        const lines = log.message ? `${log.message}\n${log.lines}` : log.lines;
        io.block(`${capital(w.log)} of ${of} (last lines${when})`, lines);
    }
    for (const annotation of annotationsOf(outcome))
        io.annotate(annotation);
    return verdictLine(io, outcome.result, outcome.reason);
}
/** Nothing was found to watch (or the run was cut short before): the result, the reason, empty outputs. */
async function finishUnresolved(io, what, startedAt, result, reason) {
    setOutputs(io, {
        ...emptyOutputs(what.specs, what.facts),
        result,
        'duration-seconds': String(secondsSince(startedAt.toISOString(), new Date())),
    });
    if (what.summary)
        await writeSummarySafely(io, unresolvedSummary(reason, what.words, what.facts, result));
    return verdictLine(io, result, reason);
}
/** Inputs that cannot be used: nothing was sent; the outputs say failure, so later steps can tell. */
function finishInvalid(io, specs, reason) {
    setOutputs(io, { ...emptyOutputs(specs), result: 'failure' });
    return verdictLine(io, 'failure', reason);
}
function verdictLine(io, result, reason) {
    if (result === 'success' || result === 'in-progress') {
        io.info(reason);
        return 0;
    }
    io.fail(reason);
    return 1;
}
/** Set once the outputs could not be written: said once, and not tried again. */
let outputsBroken = false;
/** Every output, each on its own: one that cannot be written is a warning, never a lost verdict. */
function setOutputs(io, outputs) {
    if (outputsBroken)
        return;
    for (const [name, value] of Object.entries(outputs)) {
        try {
            io.setOutput(name, value);
        }
        catch (err) {
            outputsBroken = true;
            io.warning(`Could not write the step outputs (GITHUB_OUTPUT): ${(0,message/* messageOf */.b)(err)}`);
            return;
        }
    }
}
function reportPathFor(outcome) {
    const dir = process.env['RUNNER_TEMP'] || (0,external_node_os_.tmpdir)();
    return (0,external_node_path_.join)(dir, `yunxiao-deploy-gate-${outcome.presentation.runId}-${Date.now()}.json`);
}
async function writeReport(outcome, file) {
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(file), { recursive: true });
    const handle = await (0,promises_.open)(file, 'w');
    try {
        // Bytes, not strings: a string written to a file is first copied into a buffer sized for the
        // worst case (three bytes a character), which for the raw order of 10,000 machines is ~20 MB.
        // Every part has this run's secrets redacted, the server's own bytes included.
        for (const part of reportParts(outcome))
            await handle.write(typeof part === 'string' ? Buffer.from((0,redact/* redactKnown */.rA)(part)) : (0,redact/* redactKnownBytes */.Ob)(part));
    }
    finally {
        await handle.close();
    }
}
async function writeSummarySafely(io, markdown) {
    try {
        await io.writeSummary(markdown);
    }
    catch (err) {
        // Outside a runner (no GITHUB_STEP_SUMMARY) there is nowhere to write it; not a deploy problem.
        io.debug(`Job summary not written: ${(0,message/* messageOf */.b)(err)}`);
    }
}
function secondsSince(startIso, end) {
    return Math.max(0, Math.round((end.getTime() - Date.parse(startIso)) / 1000));
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "os"
var external_os_ = __webpack_require__(857);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_.EOL);
}
function issue(name, message = '') {
    issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
// EXTERNAL MODULE: external "crypto"
var external_crypto_ = __webpack_require__(6982);
// EXTERNAL MODULE: external "fs"
var external_fs_ = __webpack_require__(9896);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_.appendFileSync(filePath, `${toCommandValue(message)}${external_os_.EOL}`, {
        encoding: 'utf8'
    });
}
function prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_.randomUUID()}`;
    const convertedValue = toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_.EOL}${convertedValue}${external_os_.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_.constants.R_OK | external_fs_.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return __awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return __awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = (/* unused pure expression or super */ null && (_summary));
const summary = _summary;
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./src/runner/io.ts
// The one place the action talks to the runner: log commands, outputs, the summary, annotations.
//
// It is built from @actions/core's own command, file-command and summary modules, not from its
// index: core.js also imports its OIDC client, which brings a second HTTP stack (undici 6, compiling
// its WebAssembly parser as it loads). That cost every run ~40 MB of memory and ~30 ms of start-up
// for a feature this action never uses. Each function below is what core.js does for the same call.
//
// Run from source instead (by tsx, as GitHub's @github/local-action runs an action), the secrets,
// the outputs, the failure and the summary go through @actions/core's public API (useToolkitApi),
// which such tools replace with their own: there it costs no start-up, and the bundle never loads it.








let toolkit = {
    setSecret: (secret) => issueCommand('add-mask', {}, secret),
    setOutput(name, value) {
        if (process.env['GITHUB_OUTPUT'])
            return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
        process.stdout.write(external_node_os_.EOL);
        issueCommand('set-output', { name }, toCommandValue(value));
    },
    setFailed: (message) => issueCommand('error', {}, message),
    async writeSummary(markdown) {
        await summary.emptyBuffer().addRaw(markdown, true).write({ overwrite: true });
    },
};
/**
 * From source (this module is a .ts file, not a bundle), use @actions/core's public API. Its import is
 * left out of the bundle: it can only ever run where node_modules is.
 */
async function useToolkitApi() {
    // (a loader may add a query to the URL: ?__quibble=1)
    if (!new URL(import.meta.url).pathname.endsWith('.ts'))
        return;
    const core = await import(/* webpackIgnore: true */ '@actions/core');
    toolkit = {
        setSecret: core.setSecret,
        setOutput: core.setOutput,
        setFailed: core.setFailed,
        async writeSummary(markdown) {
            await core.summary.emptyBuffer().addRaw(markdown, true).write({ overwrite: true });
        },
    };
}
const io_io = {
    /** INPUT_<NAME> as the runner sets it (core.getInput), trimmed. */
    input: (name) => (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim(),
    mask(secret) {
        (0,redact/* registerSecret */.cl)(secret);
        toolkit.setSecret(secret);
    },
    info: (line) => void process.stdout.write((0,untrusted/* inertLine */.Fq)((0,redact/* redactKnown */.rA)(line)) + external_node_os_.EOL),
    warning: (text) => issueCommand('warning', {}, (0,untrusted/* commandText */.jt)((0,redact/* redactKnown */.rA)(text))),
    debug: (text) => issueCommand('debug', {}, (0,untrusted/* commandText */.jt)((0,redact/* redactKnown */.rA)(text))),
    /** a collapsible group of lines the gate wrote (values in them made inert) */
    group(title, lines) {
        issue('group', (0,untrusted/* inertLine */.Fq)((0,redact/* redactKnown */.rA)(title)));
        for (const line of lines)
            process.stdout.write((0,untrusted/* inertLine */.Fq)((0,redact/* redactKnown */.rA)(line)) + external_node_os_.EOL);
        issue('endgroup');
    },
    /** a collapsible block of server text, shown as it is but never read as commands */
    block(title, text) {
        const token = (0,external_node_crypto_.randomUUID)().replace(/-/g, '');
        issue('group', (0,untrusted/* inertLine */.Fq)((0,redact/* redactKnown */.rA)(title)));
        issueCommand('stop-commands', {}, token);
        for (const line of (0,untrusted/* cleanLines */.v3)((0,redact/* redactKnown */.rA)(text)))
            process.stdout.write(line + external_node_os_.EOL);
        issue(token);
        issue('endgroup');
    },
    annotate(a) {
        const title = (0,untrusted/* inertLine */.Fq)((0,redact/* redactKnown */.rA)(a.title));
        issueCommand(a.level, toCommandProperties({ title }), (0,untrusted/* commandText */.jt)((0,redact/* redactKnown */.rA)(a.message)));
    },
    setOutput: (name, value) => toolkit.setOutput(name, (0,redact/* redactKnown */.rA)(value)),
    /** The step's failure message (run() sets the exit code). */
    fail: (message) => toolkit.setFailed((0,untrusted/* commandText */.jt)((0,redact/* redactKnown */.rA)(message))),
    /** The job summary, replacing what this step wrote before (a second write after the extras). */
    writeSummary: (markdown) => toolkit.writeSummary((0,redact/* redactKnown */.rA)(markdown)),
};

;// CONCATENATED MODULE: ./src/runner/gate.ts
// One run of a gate, for any provider: inputs, the clock (deadline, cancel, grace period, backstop),
// the provider over the run's dispatcher, resolution, the GitHub Deployment, the watch, and the
// results: written first, completed with the extras, written again, then the verdict.








/** After the deadline or a cancel: everything left must be done within this (the bound is 10 s). */
const GRACE_MS = 8000;
/** Logs, artifacts, GitHub: best effort, each at most this long (and within the grace period). */
const EXTRAS_MS = 10_000;
const EXTRAS_ON_CANCEL_MS = 1500;
/** Creating the GitHub Deployment before the watch: bounded, and cut by the deadline or a cancel. */
const GITHUB_START_MS = 10_000;
/**
 * Runs a gate as an action and sets the process exit code (also returned). Run from source (by
 * @github/local-action), the runner's toolkit is @actions/core's public API (see io.ts).
 */
async function runAction(gate, cancel, io) {
    if (io === io_io)
        await useToolkitApi();
    const code = await runGate(gate, cancel, io);
    process.exitCode = code;
    return code;
}
async function runGate(gate, cancel, io) {
    const startedAt = new Date();
    const pin = branchRefWarning(process.env);
    if (pin)
        io.warning(pin);
    const parsed = gate.parse();
    if (!parsed.ok) {
        return finishInvalid(io, gate.outputs, `Invalid inputs (nothing was sent to ${gate.name}):\n${parsed.errors.map((e) => `  - ${e}`).join('\n')}`);
    }
    const config = parsed.config;
    const deadline = new AbortController();
    const deadlineAt = Date.now() + config.timeoutMs;
    const timer = setTimeout(() => deadline.abort(new abort/* DeadlineReached */.h_(config.timeoutMs)), config.timeoutMs);
    const announce = () => io.warning(`Received ${cancel.signal.reason.signalName}: the workflow run is being cancelled; the watch stops now.`);
    if (cancel.signal.aborted)
        announce();
    else
        cancel.signal.addEventListener('abort', announce, { once: true });
    // The last resort: whatever hangs, the process is gone by the deadline (or the cancel) plus 10 s.
    const backstop = () => setTimeout(() => {
        io.warning('The gate did not finish within the grace period after the deadline or the cancel; exiting.');
        process.exit(process.exitCode ?? 1);
    }, GRACE_MS + 1500).unref();
    deadline.signal.addEventListener('abort', backstop, { once: true });
    cancel.signal.addEventListener('abort', backstop, { once: true });
    if (cancel.signal.aborted)
        backstop();
    const clock = {
        signal: AbortSignal.any([deadline.signal, cancel.signal]),
        cancelled: () => cancel.signal.aborted,
        bounded(ms) {
            const end = Math.min(deadlineAt, cancel.at ?? Infinity) + GRACE_MS;
            const left = Math.max(0, Math.min(ms, end - Date.now()));
            const time = AbortSignal.timeout(left);
            return cancel.signal.aborted ? time : AbortSignal.any([time, cancel.signal]);
        },
    };
    const dispatcher = await createDispatcher(process.env, config.endpoint);
    try {
        const provider = await gate.provider(config, dispatcher);
        return await watchAndReport(gate, provider, config, io, startedAt, clock);
    }
    catch (err) {
        // A bug of ours: still one clear line, the stack only in debug output.
        io.debug(err instanceof Error ? (err.stack ?? err.message) : String(err));
        io.fail(`The deploy gate failed unexpectedly: ${(0,message/* messageOf */.b)(err)}`);
        return 1;
    }
    finally {
        clearTimeout(timer);
        // Keep-alive sockets would hold the process open for seconds after the verdict.
        await closeDispatcher(dispatcher);
    }
}
async function watchAndReport(gate, provider, config, io, startedAt, clock) {
    const log = { info: io.info, warning: io.warning, group: io.group };
    const resolved = await resolve(provider, config, clock, log);
    if (!resolved.ok) {
        const what = {
            specs: gate.outputs,
            words: provider.words,
            facts: provider.facts,
            summary: config.summary,
        };
        return finishUnresolved(io, what, startedAt, resolved.result, resolved.reason);
    }
    const { watched } = resolved;
    let deployment;
    let githubDispatcher;
    if (config.environment) {
        const { startDeployment } = await __webpack_require__.e(/* import() */ 808).then(__webpack_require__.bind(__webpack_require__, 9808));
        githubDispatcher = await dispatcher_githubDispatcher(process.env);
        deployment = await startDeployment({
            environment: config.environment,
            githubToken: config.githubToken ?? '',
            environmentUrl: watched.presentation.url ?? '',
            description: watched.description,
            service: watched.presentation.words.provider,
            dispatcher: githubDispatcher,
            signal: AbortSignal.any([clock.signal, AbortSignal.timeout(GITHUB_START_MS)]),
            warn: io.warning,
            info: io.info,
        });
    }
    try {
        const outcome = await watchRun(provider, watched, config, clock, log, startedAt);
        // not after a cancel: the runner's kill comes within seconds, and a GC of a large heap takes some
        if (!clock.cancelled())
            (0,gc/* releaseMemory */.H)();
        // What is known now is written first: whatever happens to the extras, the results are there.
        await writeResults(outcome, gate.outputs, config.summary, io);
        const extrasMs = clock.cancelled() ? EXTRAS_ON_CANCEL_MS : EXTRAS_MS;
        const extras = await watched.extras(outcome.snapshot, outcome.result, clock.bounded(extrasMs));
        const complete = withExtras(outcome, extras, log);
        if (complete !== outcome)
            await writeResults(complete, gate.outputs, config.summary, io);
        const code = conclude(complete, io);
        // GitHub is a record, not the verdict: bounded, so it never holds the step past the runner's window.
        if (deployment)
            await deployment.finish(complete.result, clock.bounded(extrasMs));
        return code;
    }
    finally {
        if (githubDispatcher)
            await closeDispatcher(githubDispatcher);
    }
}

// EXTERNAL MODULE: ./src/runner/signals.ts
var signals = __webpack_require__(715);
;// CONCATENATED MODULE: ./src/main.ts
// The Yunxiao gate's shell: read the inputs, make the provider, run one watch, finish.






/**
 * Runs the action and sets the process exit code (also returned): the entry point calls it, and so
 * does a tool that runs the action from source, such as @github/local-action, with no arguments.
 */
function run(cancel = (0,signals/* cancelOnSignals */.d)(), io = io_io) {
    return runAction({
        name: 'Yunxiao',
        outputs: YUNXIAO_OUTPUTS,
        parse: () => parseInputs(io.input, io.mask, process.env),
        provider: (config, dispatcher) => yunxiaoProvider(config, dispatcher, io.debug),
    }, cancel, io);
}


/***/ }),

/***/ 8140:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Eu: () => (/* binding */ classicHint),
/* harmony export */   Gz: () => (/* binding */ openApiHint)
/* harmony export */ });
/* unused harmony export permissionFor */
/* harmony import */ var _http_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8549);
// What Yunxiao's errors mean, for the hint of a failed call: per API generation, from the HTTP
// status, Yunxiao's error code, and the operation (the token permission it needs).

/** Token permission each OpenAPI operation needs (yunxiao-api.md section 1). */
function permissionFor(operation) {
    if (/^(Stop|Resume)VMDeployOrder$|^(Skip|Retry)VMDeployMachine$/.test(operation))
        return 'Flow > host deployment (read-write)';
    if (/VMDeploy/.test(operation))
        return 'Flow > host deployment (read-only)';
    if (/^(Create|Start)PipelineRun$/.test(operation))
        return 'Flow > pipeline run (read-write)';
    if (operation === 'GetUserByToken')
        return 'Organization management > user (read-only)';
    if (/PipelineRun/.test(operation))
        return 'Flow > pipeline run (read-only)';
    return 'Flow > pipeline (read-only)';
}
const openApiHint = (operation, status, code, bad) => {
    if (bad)
        return (0,_http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .badAnswerHint */ .XY)(bad, 'the endpoint may not be a Yunxiao API (check `endpoint`), or a proxy answered instead');
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
const classicHint = (operation, status, code, bad) => {
    if (bad)
        return (0,_http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .badAnswerHint */ .XY)(bad, 'check `endpoint` (the classic API is https://devops.cn-hangzhou.aliyuncs.com), or a proxy answered instead');
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

/***/ 7705:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A2: () => (/* binding */ MAX_ORDER_BYTES),
/* harmony export */   Bi: () => (/* binding */ toJobHistory),
/* harmony export */   DI: () => (/* binding */ orderMismatch),
/* harmony export */   G4: () => (/* binding */ toBoolean),
/* harmony export */   Jm: () => (/* binding */ toDeployOrderRead),
/* harmony export */   MC: () => (/* binding */ MACHINE_FIELDS),
/* harmony export */   MK: () => (/* binding */ toWriteResult),
/* harmony export */   PS: () => (/* binding */ DEPLOY_ORDER_FIELDS),
/* harmony export */   RE: () => (/* binding */ toMachineLog),
/* harmony export */   Tk: () => (/* binding */ toPipelineRun),
/* harmony export */   W_: () => (/* binding */ toCreatedRunId),
/* harmony export */   cN: () => (/* binding */ toRunRows),
/* harmony export */   np: () => (/* binding */ checkRunId),
/* harmony export */   pX: () => (/* binding */ toDeployJobs),
/* harmony export */   rS: () => (/* binding */ toPipelineDefinition),
/* harmony export */   w5: () => (/* binding */ MAX_LOG_BYTES)
/* harmony export */ });
/* harmony import */ var _common_redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6800);
/* harmony import */ var _http_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8549);
/* harmony import */ var _http_transport_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2692);
/* harmony import */ var _http_json_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2868);
/* harmony import */ var _http_shape_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1513);
/* harmony import */ var _snapshot_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7141);
// From Yunxiao's JSON (parsed losslessly) to the domain model. Shared by both API generations:
// tolerant of missing optional fields and of fields it does not know; statuses kept as given.






const str = (v) => typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
const id = (v) => (0,_http_json_js__WEBPACK_IMPORTED_MODULE_3__/* .toIdString */ .Uv)(v) ?? str(v);
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
/** the last list returned: consecutive machines in the same state carry equal lists, found without allocating */
let lastActions;
function actions(value) {
    const raw = (0,_http_shape_js__WEBPACK_IMPORTED_MODULE_4__/* .list */ .p_)(value, 'actions');
    if (lastActions && sameActions(lastActions, raw))
        return lastActions;
    const states = [];
    for (const a of raw) {
        const o = (0,_http_shape_js__WEBPACK_IMPORTED_MODULE_4__/* .obj */ .WL)(a, 'an action');
        states.push({ type: str(o['type']), disable: disabled(o['disable']) });
    }
    const key = JSON.stringify(states); // unambiguous, whatever characters the types hold
    let hit = internedActions.get(key);
    if (!hit) {
        if (internedActions.size > 1000)
            internedActions.clear(); // bounded, whatever Yunxiao sends
        hit = Object.freeze(states);
        internedActions.set(key, hit);
    }
    lastActions = hit;
    return hit;
}
const disabled = (v) => v === true || v === 'true';
function sameActions(list, raw) {
    if (list.length !== raw.length)
        return false;
    for (let i = 0; i < list.length; i++) {
        const o = raw[i];
        if (!o || typeof o !== 'object' || Array.isArray(o))
            return false; // obj() then says what is wrong
        const a = o;
        if (str(a['type']) !== list[i].type || disabled(a['disable']) !== list[i].disable)
            return false;
    }
    return true;
}
/**
 * A deploy machine, straight into the core's unit (the mapping table is snapshot.ts). `before`: the
 * unit this made of the machine at the same place in the last answer (see MapElement).
 */
function machine(value, before) {
    const m = (0,_http_shape_js__WEBPACK_IMPORTED_MODULE_4__/* .obj */ .WL)(value, 'a deploy machine');
    const updated = optNum(m['updateTime']);
    return (0,_snapshot_js__WEBPACK_IMPORTED_MODULE_5__/* .machineUnit */ ._2)({
        machineSn: id(m['machineSn']),
        ip: str(m['ip']),
        status: str(m['status']),
        clientStatus: str(m['clientStatus']),
        batchNum: num(m['batchNum']),
        actions: actions(m['actions']),
        ...(typeof m['hostName'] === 'string' ? { hostName: m['hostName'] } : {}),
        ...(updated !== undefined ? { updateTime: updated } : {}),
    }, before);
}
/**
 * What of a deploy order's answer to build (see readJson): the fields the model holds, and each
 * machine turned into the model as soon as it is read, so no tree of 10,000 raw machines ever
 * exists. toDeployOrderRead takes what this builds.
 */
const ACTION_FIELDS = [{ type: true, disable: true }];
/** The machines: each turned into a unit as it is read (an ElementMemo of this reuses unchanged ones). */
const MACHINE_FIELDS = [
    {
        machineSn: true,
        ip: true,
        status: true,
        clientStatus: true,
        batchNum: true,
        hostName: true,
        updateTime: true,
        actions: ACTION_FIELDS,
    },
    machine,
];
const DEPLOY_ORDER_FIELDS = {
    deployOrderId: true,
    status: true,
    currentBatch: true,
    totalBatch: true,
    exceptionCode: true,
    updateTime: true,
    actions: ACTION_FIELDS,
    deployMachineInfo: { deployMachines: MACHINE_FIELDS },
};
/** An order read with DEPLOY_ORDER_FIELDS, in the core's terms: its machines are units already. */
function toDeployOrderRead(raw) {
    const o = (0,_http_shape_js__WEBPACK_IMPORTED_MODULE_4__/* .obj */ .WL)(raw, 'the deploy order');
    const info = o['deployMachineInfo'] === undefined || o['deployMachineInfo'] === null
        ? {}
        : (0,_http_shape_js__WEBPACK_IMPORTED_MODULE_4__/* .obj */ .WL)(o['deployMachineInfo'], 'deployMachineInfo');
    const updateTime = optNum(o['updateTime']);
    return (0,_snapshot_js__WEBPACK_IMPORTED_MODULE_5__/* .orderSnapshot */ .HY)({
        deployOrderId: id(o['deployOrderId']),
        status: str(o['status']),
        currentBatch: num(o['currentBatch']),
        totalBatch: num(o['totalBatch']),
        ...(o['exceptionCode'] !== undefined && o['exceptionCode'] !== null
            ? { exceptionCode: str(o['exceptionCode']) }
            : {}),
        ...(updateTime !== undefined ? { updateTime } : {}),
        actions: actions(o['actions']),
    }, (0,_http_shape_js__WEBPACK_IMPORTED_MODULE_4__/* .list */ .p_)(info['deployMachines'], 'deployMachineInfo.deployMachines'));
}
function toDeployJobs(raw) {
    return (0,_http_shape_js__WEBPACK_IMPORTED_MODULE_4__/* .list */ .p_)(raw, 'the deploy job list').map((j) => {
        const o = (0,_http_shape_js__WEBPACK_IMPORTED_MODULE_4__/* .obj */ .WL)(j, 'a deploy job');
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
    return (0,_http_shape_js__WEBPACK_IMPORTED_MODULE_4__/* .list */ .p_)(raw, 'the job history').map((j) => {
        const o = (0,_http_shape_js__WEBPACK_IMPORTED_MODULE_4__/* .obj */ .WL)(j, 'a job history row');
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
    const a = (0,_http_shape_js__WEBPACK_IMPORTED_MODULE_4__/* .obj */ .WL)(value, 'a job action');
    const params = a['params'] && typeof a['params'] === 'object' && !Array.isArray(a['params']) ? a['params'] : {};
    const out = { type: str(a['type']), params };
    if (typeof a['data'] === 'string')
        out.data = a['data'];
    if (typeof a['disable'] === 'boolean')
        out.disable = a['disable'];
    return out;
}
function toPipelineRun(raw) {
    const r = (0,_http_shape_js__WEBPACK_IMPORTED_MODULE_4__/* .obj */ .WL)(raw, 'the pipeline run');
    const jobs = [];
    for (const s of (0,_http_shape_js__WEBPACK_IMPORTED_MODULE_4__/* .list */ .p_)(r['stages'], 'stages')) {
        const stage = (0,_http_shape_js__WEBPACK_IMPORTED_MODULE_4__/* .obj */ .WL)(s, 'a stage');
        const info = stage['stageInfo'] ? (0,_http_shape_js__WEBPACK_IMPORTED_MODULE_4__/* .obj */ .WL)(stage['stageInfo'], 'stageInfo') : {};
        const stageName = str(info['name'] ?? stage['name']);
        for (const j of (0,_http_shape_js__WEBPACK_IMPORTED_MODULE_4__/* .list */ .p_)(info['jobs'], 'stageInfo.jobs')) {
            const job = (0,_http_shape_js__WEBPACK_IMPORTED_MODULE_4__/* .obj */ .WL)(j, 'a job');
            jobs.push({
                id: id(job['id']),
                name: str(job['name']),
                status: str(job['status']),
                stageName,
                actions: (0,_http_shape_js__WEBPACK_IMPORTED_MODULE_4__/* .list */ .p_)(job['actions'], 'job actions').map(runAction),
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
/**
 * GetPipeline's answer: the repository of each code source (`pipelineConfig.sources[].data.repo`,
 * as the official MCP server reads it; `sources` as a JSON text too, as the job history sends its
 * own) and the YAML text (`pipelineConfig.flow`). A pipeline with neither is not an error here.
 */
function toPipelineDefinition(raw) {
    const p = (0,_http_shape_js__WEBPACK_IMPORTED_MODULE_4__/* .obj */ .WL)(raw, 'the pipeline');
    const config = p['pipelineConfig'] === undefined || p['pipelineConfig'] === null
        ? {}
        : (0,_http_shape_js__WEBPACK_IMPORTED_MODULE_4__/* .obj */ .WL)(p['pipelineConfig'], 'pipelineConfig');
    let sources = config['sources'];
    if (typeof sources === 'string') {
        try {
            sources = sources.trim() ? (0,_http_json_js__WEBPACK_IMPORTED_MODULE_3__/* .parseJsonLossless */ .KK)(sources) : [];
        }
        catch {
            throw new _http_shape_js__WEBPACK_IMPORTED_MODULE_4__/* .ShapeError */ .ym('pipelineConfig.sources is text that is not JSON');
        }
    }
    const repositories = [];
    for (const source of (0,_http_shape_js__WEBPACK_IMPORTED_MODULE_4__/* .list */ .p_)(sources, 'pipelineConfig.sources')) {
        const data = (0,_http_shape_js__WEBPACK_IMPORTED_MODULE_4__/* .obj */ .WL)(source, 'a code source')['data'];
        const repo = data && typeof data === 'object' ? data['repo'] : undefined;
        if (typeof repo === 'string' && repo.trim() && !repositories.includes(repo))
            repositories.push(repo);
    }
    const flow = config['flow'];
    return { repositories, ...(typeof flow === 'string' && flow.trim() ? { flow } : {}) };
}
/** ListPipelineRuns' rows (OpenAPI: the answer; classic: `pipelineRuns`). */
function toRunRows(raw) {
    return (0,_http_shape_js__WEBPACK_IMPORTED_MODULE_4__/* .list */ .p_)(raw, 'the run list').map((r) => {
        const o = (0,_http_shape_js__WEBPACK_IMPORTED_MODULE_4__/* .obj */ .WL)(r, 'a run list row');
        const runId = id(o['pipelineRunId']);
        if (!/^\d+$/.test(runId))
            throw new _http_shape_js__WEBPACK_IMPORTED_MODULE_4__/* .ShapeError */ .ym('a run list row has no numeric pipelineRunId');
        const creator = o['creatorAccountId'];
        return {
            pipelineRunId: runId,
            status: str(o['status']),
            creatorAccountId: typeof creator === 'string' || typeof creator === 'number' ? String(creator) : '',
        };
    });
}
/**
 * The new run's id from CreatePipelineRun / StartPipelineRun: a bare number (what the official MCP
 * server and public clients read), the same quoted, or an object carrying `pipelineRunId`.
 * Anything else (no id, zero, a negative or fractional number) is a bad answer.
 */
function toCreatedRunId(raw) {
    const value = raw && typeof raw === 'object' && !Array.isArray(raw) ? raw['pipelineRunId'] : raw;
    const runId = (0,_http_json_js__WEBPACK_IMPORTED_MODULE_3__/* .toIdString */ .Uv)(typeof value === 'string' ? value.trim() : value);
    if (!runId || /^0+$/.test(runId))
        throw new _http_shape_js__WEBPACK_IMPORTED_MODULE_4__/* .ShapeError */ .ym(`expected the new run's id, got ${(0,_http_shape_js__WEBPACK_IMPORTED_MODULE_4__/* .describe */ .q0)(value)}`);
    return runId;
}
/** A time as epoch milliseconds: a number, or a string of digits ("1590730400000"); else unknown. */
function epochMs(v) {
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,15}$/.test(v.trim()) ? Number(v) : NaN;
    return Number.isFinite(n) && n > 0 ? n : undefined;
}
function toMachineLog(raw) {
    const o = (0,_http_shape_js__WEBPACK_IMPORTED_MODULE_4__/* .obj */ .WL)(raw, 'the machine log');
    const log = { deployLog: str(o['deployLog']) };
    if (o['deployLogPath'] !== undefined)
        log.deployLogPath = str(o['deployLogPath']);
    if (o['aliyunRegion'] !== undefined)
        log.aliyunRegion = str(o['aliyunRegion']);
    const begin = epochMs(o['deployBeginTime']);
    const end = epochMs(o['deployEndTime']);
    if (begin !== undefined)
        log.deployBeginTime = begin;
    if (end !== undefined)
        log.deployEndTime = end;
    return log;
}
/** A boolean answer (stop, resume, skip, retry): `true`, or the string "true". */
function toBoolean(raw) {
    return raw === true || raw === 'true';
}
/**
 * The answer to a write (stop, resume, skip, retry): an empty body says nothing was done (`false`),
 * not that the answer is broken; anything else is read as JSON by `parse` and must be a boolean.
 */
function toWriteResult(bytes, parse) {
    return (0,_http_transport_js__WEBPACK_IMPORTED_MODULE_2__/* .isBlank */ .z3)(bytes) ? false : toBoolean(parse(bytes));
}
/**
 * The largest deploy order answer accepted. A machine takes ~700 bytes (10,000 machines are ~7 MB),
 * so this is ~95,000 machines: far above any host group, far below what would exhaust the runner.
 */
const MAX_ORDER_BYTES = 64 * 1024 * 1024;
/** The largest machine log answer accepted; only its last lines are kept. */
const MAX_LOG_BYTES = 16 * 1024 * 1024;
/**
 * An answer about another pipeline run than the one asked for: its deploy order is never taken for
 * the run's (the run the gate started or waited for). A run that names no id is read as asked.
 */
function checkRunId(run, asked) {
    if (run.pipelineRunId === '' || run.pipelineRunId === asked)
        return run;
    throw new _http_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AnswerError */ .dV('mismatch', `the answer is about pipeline run "${(0,_common_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .clip */ .$Q)(run.pipelineRunId, 40)}", not pipeline run ${asked}`);
}
/** An answer about another deploy order than the one asked for: never a verdict. */
function orderMismatch(got, asked) {
    const shown = got === '' ? 'no deployOrderId' : `deploy order "${(0,_common_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .clip */ .$Q)(got, 40)}"`;
    return new _http_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AnswerError */ .dV('mismatch', `the answer is about ${shown}, not deploy order ${asked}`);
}


/***/ }),

/***/ 7141:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Kh: () => (/* binding */ YUNXIAO_WORDS),
  _2: () => (/* binding */ machineUnit),
  HY: () => (/* binding */ orderSnapshot)
});

// UNUSED EXPORTS: MACHINE_PHASES, ORDER_PHASES

;// CONCATENATED MODULE: ./src/providers/yunxiao/model.ts
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

;// CONCATENATED MODULE: ./src/common/lookup.ts
// A server's word looked up in one of our tables: only the table's own entries count, so a status
// of "constructor" or "__proto__" is an unknown word, never a function or a prototype.
/** The table's own entry for `key`, or undefined. */
function lookup(table, key) {
    return Object.hasOwn(table, key) ? table[key] : undefined;
}

;// CONCATENATED MODULE: ./src/providers/yunxiao/snapshot.ts


/** Order status -> phase. `Waiting` is a pause; no failure value is documented. */
const ORDER_PHASES = {
    Waiting: 'paused',
    Running: 'running',
    Cancelled: 'cancelled',
    Success: 'succeeded',
};
/** Machine status -> phase. */
const MACHINE_PHASES = {
    Success: 'succeeded',
    Pending: 'pending',
    Queued: 'pending',
    Running: 'running',
    Cancelled: 'cancelled',
    Failed: 'failed',
    Skipped: 'skipped',
};
/** clientStatus -> reachable. An empty clientStatus is a missing field, not a new value. */
const AGENT = { ok: true, '': true, error: false };
const YUNXIAO_WORDS = {
    provider: 'Yunxiao',
    run: 'deploy order',
    unit: 'machine',
    group: 'batch',
    detail: 'ip',
    done: 'deployed',
    verb: 'deploy',
    pass: 'resume',
    refuse: 'refuse',
    waitPolicy: 'resume: never',
    passPolicy: 'resume: auto',
    // Yunxiao has no way to refuse a pause: the gate never asks it to
    refusePolicy: 'resume: never',
    unitStatuses: MACHINE_STATUSES,
    reachability: 'agent',
    log: 'deploy log',
    actions: { skip: 'skip', retry: 'retry', pass: 'resume', refuse: 'refuse', stop: 'stop' },
};
/** The order in the core's terms, from its own fields and its machines already mapped. */
function orderSnapshot(order, units) {
    const phase = lookup(ORDER_PHASES, order.status);
    const snapshot = {
        id: order.deployOrderId,
        status: order.status,
        phase: phase ?? 'unknown',
        known: phase !== undefined,
        progress: { current: order.currentBatch, total: order.totalBatch },
        offers: offers(order.actions, ORDER_OFFERS),
        units,
        confirmations: [],
    };
    if (order.updateTime !== undefined)
        snapshot.updateTime = order.updateTime;
    if (order.exceptionCode)
        snapshot.exception = order.exceptionCode;
    // Paused between batches, nothing failed: the point where a person resumes the order.
    if (order.status === 'Waiting' && !units.some((u) => u.phase === 'failed')) {
        snapshot.confirmations.push({
            id: order.deployOrderId,
            label: `after ${YUNXIAO_WORDS.group} ${order.currentBatch} of ${order.totalBatch}`,
            offers: offers(order.actions, RESUME_OFFER),
            ...(order.updateTime !== undefined ? { updateTime: order.updateTime } : {}),
        });
    }
    return snapshot;
}
/**
 * A machine in the core's terms. Its SN is the unit's id (sent back exactly to act on it). What is
 * equal in `before` (its unit at the last read) is taken from it: at 50,000 machines, a poll where
 * every machine changed status then holds one more set of units, not of their names too.
 */
function machineUnit(m, before) {
    const phase = lookup(MACHINE_PHASES, m.status);
    const reachable = lookup(AGENT, m.clientStatus);
    const id = same(before?.id, m.machineSn);
    // Every field in the literal, set or not: one shape, all fields inside the object (a field added
    // afterwards goes to a separate store, ~40 bytes more a unit).
    const unit = {
        id,
        label: id,
        detail: same(before?.detail, m.ip),
        group: m.batchNum,
        status: m.status,
        phase: phase ?? 'unknown',
        known: phase !== undefined,
        // an undocumented agent status is taken as reachable (and warned about)
        reachable: reachable ?? true,
        agent: m.clientStatus,
        agentKnown: reachable !== undefined,
        offers: machineOffers(m.actions),
        updateTime: m.updateTime,
        extra: m.hostName === undefined
            ? undefined
            : before?.extra?.['hostName'] === m.hostName
                ? before.extra
                : { hostName: m.hostName },
    };
    return unit;
}
/** `before` when it equals `now` (the very string already held), else `now`. */
const same = (before, now) => (before === now ? before : now);
const ORDER_OFFERS = { stop: 'StopVMDeployOrder' };
const RESUME_OFFER = { pass: 'ResumeVMDeployOrder' };
const MACHINE_OFFERS = { skip: 'SkipVMDeployMachine', retry: 'RetryVMDeployMachine' };
/**
 * A machine's offers, one object per action list: the lists are interned (normalize.ts), so 10,000
 * machines in the same state share one list and one offers object.
 */
const machineOffersOf = new WeakMap();
function machineOffers(actions) {
    let o = machineOffersOf.get(actions);
    if (!o)
        machineOffersOf.set(actions, (o = Object.freeze(offers(actions, MACHINE_OFFERS))));
    return o;
}
/** The offers named, from Yunxiao's action list: absent when it does not list the action. */
function offers(actions, types) {
    const out = {};
    for (const key of Object.keys(types)) {
        const a = actions.find((x) => x.type === types[key]);
        if (a)
            out[key] = a.disable ? DISABLED : ALLOWED;
    }
    return out;
}
const ALLOWED = Object.freeze({ allowed: true });
const DISABLED = Object.freeze({ allowed: false });


/***/ })

};
