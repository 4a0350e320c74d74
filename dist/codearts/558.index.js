export const id = 558;
export const ids = [558];
export const modules = {

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

/***/ 5558:
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

;// CONCATENATED MODULE: ./src/common/lookup.ts
// A server's word looked up in one of our tables: only the table's own entries count, so a status
// of "constructor" or "__proto__" is an unknown word, never a function or a prototype.
/** The table's own entry for `key`, or undefined. */
function lookup(table, key) {
    return Object.hasOwn(table, key) ? table[key] : undefined;
}

;// CONCATENATED MODULE: ./src/providers/codearts/regions.ts
// Where CodeArts Pipeline answers, per region (codearts-api.md 1.1: the SDKs' region tables, the Go
// and Python lists being identical). Three host patterns; a region not listed has no known host.

/** Regions of each host pattern. */
const PATTERNS = [
    [
        (r) => `https://cloudpipeline-ext.${r}.myhuaweicloud.com`,
        [
            'cn-north-1',
            'cn-north-4',
            'cn-south-1',
            'cn-south-2',
            'cn-east-2',
            'cn-east-3',
            'cn-southwest-2',
            'ap-southeast-3',
            'sa-brazil-1',
            'la-north-2',
        ],
    ],
    [(r) => `https://pipeline-external.${r}.myhuaweicloud.com`, ['tr-west-1', 'la-south-2']],
    [(r) => `https://pipeline.${r}.myhuaweicloud.com`, ['af-north-1', 'me-east-1', 'af-south-1']],
];
/** Region id -> CodeArts Pipeline endpoint (no trailing slash). */
const PIPELINE_ENDPOINTS = Object.freeze(Object.fromEntries(PATTERNS.flatMap(([host, regions]) => regions.map((r) => [r, host(r)]))));
/** Every region with a known endpoint. */
const REGIONS = Object.freeze(Object.keys(PIPELINE_ENDPOINTS));
/** The CodeArts Pipeline endpoint of a region; undefined for a region not in the table. */
function endpointFor(region) {
    const r = region.trim().toLowerCase();
    return lookup(PIPELINE_ENDPOINTS, r);
}

;// CONCATENATED MODULE: ./src/providers/codearts/inputs.ts




const INPUT_NAMES = [
    'region',
    'endpoint',
    'access-key',
    'secret-key',
    'security-token',
    'auth-token',
    'project-id',
    'pipeline-id',
    'pipeline-run-id',
    'start',
    'variables',
    'choose-stages',
    'choose-jobs',
    'description',
    'commit',
    'wait',
    'timeout',
    'poll-interval',
    'manual-review',
    'review-comment',
    'retry-failed',
    'on-failure',
    'stop-on-cancel',
    'step-logs',
    'summary',
    'github-token',
    'environment',
];
/** Defaults of action.yml, applied when an input is empty (the runner fills them in; tests may not). */
const DEFAULTS = {
    ...COMMON_DEFAULTS,
    start: 'false',
    'manual-review': 'wait',
    'step-logs': 'true',
};
/** The standard variables, as huaweicloud/auth-action exports them. Inputs always win. */
const ENV_NAMES = {
    region: 'HUAWEI_CLOUD_REGION',
    accessKey: 'HUAWEI_CLOUD_ACCESS_KEY_ID',
    secretKey: 'HUAWEI_CLOUD_SECRET_ACCESS_KEY',
    securityToken: 'HUAWEI_CLOUD_SECURITY_TOKEN',
};
const SPEC = {
    names: INPUT_NAMES,
    defaults: DEFAULTS,
    secrets: ['secret-key', 'security-token', 'auth-token', 'github-token'],
    headers: ['access-key', 'secret-key', 'security-token', 'auth-token', 'github-token'],
};
/** shown in a bad endpoint's error */
const ENDPOINT_EXAMPLE = endpointFor('cn-north-4');
/** Variables sent with a start at most; RunPipeline takes a value of up to 8192 characters. */
const MAX_VARIABLES = 100;
const MAX_VALUE_CHARS = 8192;
const MAX_DESCRIPTION_CHARS = 1024;
const MAX_COMMENT_CHARS = 1024;
/**
 * Reads and validates every input before any request. `get` returns '' for an unset input (trimmed,
 * like core.getInput); `mask` registers a secret with the runner. All problems come back together.
 */
function parseInputs(get, mask, env = {}) {
    const fromEnv = (name) => (env[name] ?? '').trim();
    // The variables' secrets are masked the moment they are read, like the inputs'.
    for (const name of [ENV_NAMES.secretKey, ENV_NAMES.securityToken])
        maskSecret(fromEnv(name), mask);
    const r = new InputReader(SPEC, get, mask);
    const raw = (name) => r.raw(name);
    const credentials = readCredentials(r, fromEnv);
    const region = raw('region') || fromEnv(ENV_NAMES.region) || undefined;
    let endpoint = '';
    if (raw('endpoint'))
        endpoint = r.take('endpoint', (t) => parseEndpoint(t, ENDPOINT_EXAMPLE), '');
    else if (!region)
        r.error(`region: required unless endpoint is set (or ${ENV_NAMES.region} is); use a region id such as cn-north-4.`);
    else {
        const known = endpointFor(region);
        if (known)
            endpoint = known;
        else
            r.error(`region: ${r.shown('region', region)} has no known CodeArts Pipeline endpoint; use one of ${REGIONS.join(', ')}, or set endpoint.`);
    }
    const projectId = required(r, 'project-id', 'the CodeArts project id (32 letters and digits, from the project URL)');
    const pipelineId = required(r, 'pipeline-id', 'the pipeline id (32 letters and digits, from the pipeline URL)');
    const target = readTarget(r);
    const { common, onFailure } = readCommon(r);
    const policy = {
        // Jobs are not hosts: nothing is unreachable, and a job not selected for a run is skipped by design.
        skipUnreachable: false,
        maxSkipped: { kind: 'any' },
        retryFailed: r.take('retry-failed', (t) => parseCount(t, MAX_RETRIES), 0),
        confirm: r.take('manual-review', (t) => parseEnum(t, ['wait', 'pass', 'refuse']), 'wait'),
        onFailure,
    };
    const reviewComment = raw('review-comment') || undefined;
    if (reviewComment && reviewComment.length > MAX_COMMENT_CHARS)
        r.error(`review-comment: is ${reviewComment.length} characters long; use at most ${MAX_COMMENT_CHARS}.`);
    if (reviewComment && policy.confirm === 'wait')
        r.error('review-comment: only sent with manual-review: pass or refuse; the gate does not act on reviews with wait.');
    if (policy.confirm !== 'wait' && !common.wait)
        r.error(`manual-review: ${policy.confirm} acts on a review while the gate watches; with wait: false it would never be used.`);
    const config = {
        ...common,
        credentials: credentials ?? { kind: 'token', token: '' },
        endpoint,
        ...(region ? { region } : {}),
        projectId,
        pipelineId,
        target,
        policy,
        ...(reviewComment ? { reviewComment } : {}),
        stepLogs: r.take('step-logs', parseBoolean, true),
    };
    const errors = r.sortedErrors();
    return errors.length > 0 ? { ok: false, errors } : { ok: true, config };
}
/** 32 letters and digits: the ids CodeArts shows in its URLs. */
function codeArtsId(text, what) {
    const t = text.trim();
    return /^[A-Za-z0-9]{32}$/.test(t)
        ? { ok: true, value: t }
        : { ok: false, problem: 'is not a CodeArts id', accepted: `${what}` };
}
function required(r, name, what) {
    if (!r.raw(name)) {
        r.error(`${name}: required; use ${what}.`);
        return '';
    }
    return r.take(name, (t) => codeArtsId(t, what), '');
}
/**
 * Exactly one of an IAM token or the AK/SK pair: from the inputs, or (no credential input at all)
 * the AK/SK from the environment. An STS token goes with an AK/SK only.
 */
function readCredentials(r, fromEnv) {
    const token = r.raw('auth-token');
    let ak = r.raw('access-key');
    let sk = r.raw('secret-key');
    let sts = r.raw('security-token');
    if (token && (ak || sk)) {
        r.error('auth-token: give either auth-token (an IAM token) or access-key + secret-key, not both.');
        return undefined;
    }
    if (token) {
        if (sts)
            r.error('security-token: only used with access-key and secret-key (temporary AK/SK), not with auth-token.');
        return { kind: 'token', token };
    }
    if (!ak && !sk) {
        ak = fromEnv(ENV_NAMES.accessKey);
        sk = fromEnv(ENV_NAMES.secretKey);
        sts ||= ak && sk ? fromEnv(ENV_NAMES.securityToken) : '';
        if (!ak || !sk) {
            r.error(`access-key: required (with secret-key), unless auth-token is given or ${ENV_NAMES.accessKey} and ${ENV_NAMES.secretKey} are set (as huaweicloud/auth-action does).`);
            return undefined;
        }
        if (![ak, sk, sts].every(headerSafe)) {
            r.error(`access-key: ${ENV_NAMES.accessKey}, ${ENV_NAMES.secretKey} or ${ENV_NAMES.securityToken} has a control character or a character outside Latin-1, which no HTTP header can carry.`);
            return undefined;
        }
    }
    else if (!ak || !sk) {
        const [missing, given] = ak ? ['secret-key', 'access-key'] : ['access-key', 'secret-key'];
        r.error(`${missing}: required with ${given}.`);
        return undefined;
    }
    return { kind: 'aksk', accessKey: ak, secretKey: sk, ...(sts ? { securityToken: sts } : {}) };
}
/** pipeline-run-id, start (with what it sends), commit, or none of them: the newest run. */
function readTarget(r) {
    const raw = (name) => r.raw(name);
    const start = r.take('start', parseBoolean, false);
    const runId = raw('pipeline-run-id');
    const commit = raw('commit');
    const startOnly = ['variables', 'choose-stages', 'choose-jobs', 'description'].filter((n) => raw(n));
    if (start && runId)
        r.error('pipeline-run-id: cannot be used with start: true (the gate watches the run it starts).');
    if (commit && (start || runId))
        r.error(`commit: cannot be used with ${start ? 'start: true' : 'pipeline-run-id'}; commit picks the run to watch when neither is given.`);
    if (!start)
        for (const name of startOnly)
            r.error(`${name}: only used with start: true (it is sent when the gate starts a run).`);
    if (runId) {
        const id = r.take('pipeline-run-id', (t) => codeArtsId(t, 'the run id (32 letters and digits, from the run URL)'), '');
        return { kind: 'run', runId: id };
    }
    if (start) {
        const description = raw('description') || undefined;
        if (description && description.length > MAX_DESCRIPTION_CHARS)
            r.error(`description: is ${description.length} characters long; use at most ${MAX_DESCRIPTION_CHARS}.`);
        return {
            kind: 'start',
            variables: r.take('variables', parseVariables, []),
            stages: r.optional('choose-stages', (t) => parseIdentifiers(t, 'stage')) ?? [],
            jobs: r.optional('choose-jobs', (t) => parseIdentifiers(t, 'job')) ?? [],
            ...(description ? { description } : {}),
        };
    }
    if (commit)
        return { kind: 'commit', sha: r.take('commit', parseSha, '') };
    return { kind: 'newest' };
}
/** One `NAME=value` per line; blank lines ignored; a name at most once. */
function parseVariables(text) {
    const accepted = 'one NAME=value per line (NAME of letters, digits, _, - and ., starting with a letter or _)';
    const out = [];
    const seen = new Set();
    const lines = text.split(/\r?\n/);
    for (const [i, line] of lines.entries()) {
        if (line.trim() === '')
            continue;
        const eq = line.indexOf('=');
        const name = eq < 0 ? line.trim() : line.slice(0, eq).trim();
        if (eq < 0 || !/^[A-Za-z_][A-Za-z0-9_.-]{0,127}$/.test(name))
            return { ok: false, problem: `has line ${i + 1} that is not NAME=value`, accepted };
        if (seen.has(name))
            return { ok: false, problem: `sets ${name} twice`, accepted };
        const value = line.slice(eq + 1);
        if (value.length > MAX_VALUE_CHARS)
            return {
                ok: false,
                problem: `has a value of ${name} longer than ${MAX_VALUE_CHARS} characters`,
                accepted,
            };
        seen.add(name);
        out.push({ name, value });
    }
    if (out.length > MAX_VARIABLES)
        return { ok: false, problem: `sets ${out.length} variables`, accepted: `at most ${MAX_VARIABLES}` };
    return { ok: true, value: out };
}
/** Comma-separated identifiers, as the pipeline's YAML names its stages and jobs. */
function parseIdentifiers(text, what) {
    const ids = text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    const bad = ids.find((id) => !/^[A-Za-z0-9_.-]{1,128}$/.test(id));
    return bad === undefined && ids.length > 0
        ? { ok: true, value: [...new Set(ids)] }
        : {
            ok: false,
            problem: bad === undefined
                ? 'names nothing'
                : `has ${JSON.stringify(bad.slice(0, 40))}, which is not an identifier`,
            accepted: `comma-separated ${what} identifiers (letters, digits, _, - and .), as in the pipeline's definition`,
        };
}
/** A commit SHA, full or abbreviated (at least 7 hex digits). */
function parseSha(text) {
    const t = text.trim().toLowerCase();
    return /^[0-9a-f]{7,64}$/.test(t)
        ? { ok: true, value: t }
        : {
            ok: false,
            problem: 'is not a commit SHA',
            accepted: 'a commit SHA of 7 to 64 hex digits, for example ${{ github.sha }}',
        };
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

;// CONCATENATED MODULE: ./src/providers/codearts/outputs.ts
// The CodeArts gate's outputs (codearts/action.yml), in its order.


const json = (v) => JSON.stringify(v);
const count = (n) => (n === undefined ? '' : String(n));
const CODEARTS_OUTPUTS = [
    RESULT,
    STATUS,
    { name: 'pipeline-run-id', value: (o) => fact(o, 'pipelineRunId') },
    { name: 'run-number', value: (o) => o.snapshot?.extra?.['runNumber'] ?? fact(o, 'runNumber') },
    { name: 'jobs-total', value: (_o, t) => count(t.counts?.total) },
    { name: 'jobs-succeeded', value: (_o, t) => count(t.counts?.succeeded) },
    { name: 'jobs-failed', value: (_o, t) => count(t.counts?.failed) },
    { name: 'jobs-skipped', value: (_o, t) => count(t.counts?.skipped) },
    { name: 'failed-jobs', list: true, value: (_o, t) => json(t.failed.map((u) => u.label)) },
    {
        name: 'reviews',
        list: true,
        value: (o) => json(pointsOf(o).map(({ point, decision }) => ({
            stage: point.extra?.['stage'] ?? '',
            job: point.extra?.['job'] ?? '',
            step: point.extra?.['step'] ?? '',
            decision,
        }))),
    },
    {
        name: 'artifacts',
        list: true,
        value: (o) => json((o.artifacts ?? []).map((a) => ({
            name: a.name,
            version: a.version ?? '',
            type: a.type ?? '',
            url: a.url ?? '',
        }))),
    },
    ARTIFACT_URL,
    { name: 'run-url', value: (o) => o.presentation.url ?? '' },
    REPORT_PATH,
    DURATION,
];

// EXTERNAL MODULE: ./src/common/untrusted.ts
var untrusted = __webpack_require__(4891);
// EXTERNAL MODULE: ./src/common/redact.ts
var redact = __webpack_require__(6800);
// EXTERNAL MODULE: ./src/version.ts + 1 modules
var version = __webpack_require__(1013);
;// CONCATENATED MODULE: ./src/http/errors.ts
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
        parts.push(` ${(0,redact/* clip */.$Q)(f.errorCode, 100)}`);
    if (f.errorMessage)
        parts.push(`: ${(0,redact/* clip */.$Q)(f.errorMessage, 500)}`);
    if (f.requestId)
        parts.push(` (request id ${(0,redact/* clip */.$Q)(f.requestId, 100)})`);
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

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
;// CONCATENATED MODULE: ./src/http/direct.ts
// Requests straight to the service over Node's own HTTP client (node:http, node:https), with
// keep-alive. Most runs need nothing more, and it costs next to nothing to load: undici (needed
// for proxies, see dispatch.ts) costs ~16 MiB of memory and a third of the start-up just to load.

class DirectAgent {
    http = new (external_node_http_default()).Agent({ keepAlive: true, maxSockets: 8 });
    /** TLS is loaded with the first https request (a loopback simulator never needs it) */
    https;
    async request(url, opts) {
        const u = new URL(url);
        let client = (external_node_http_default());
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

;// CONCATENATED MODULE: ./src/http/dispatch.ts

function request(dispatcher, url, opts) {
    if (dispatcher instanceof DirectAgent)
        return dispatcher.request(url, opts);
    return Promise.all(/* import() */[__webpack_require__.e(43), __webpack_require__.e(150)]).then(__webpack_require__.bind(__webpack_require__, 1150)).then(({ request: viaUndici }) => viaUndici(dispatcher, url, opts));
}

// EXTERNAL MODULE: ./src/common/message.ts
var message = __webpack_require__(978);
;// CONCATENATED MODULE: ./src/common/sleep.ts
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

// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(8877);
// EXTERNAL MODULE: external "node:vm"
var external_node_vm_ = __webpack_require__(714);
;// CONCATENATED MODULE: ./src/common/gc.ts
// V8's collector, asked for at the two moments where it cannot see what is coming. V8 gives no flag
// for either; its `gc` function is exposed once, in one new context only, and the flag set back, so
// no other context (and no code of the server's) ever gets a `gc`. Where the runtime refuses it,
// nothing happens: memory is then given back at V8's own next GC, as before.


let gc;
function collect(options) {
    try {
        if (!gc) {
            (0,external_node_v8_.setFlagsFromString)('--expose-gc');
            try {
                gc = (0,external_node_vm_.runInNewContext)('gc');
            }
            finally {
                (0,external_node_v8_.setFlagsFromString)('--no-expose-gc');
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
                if (err instanceof SyntaxError || err instanceof AnswerError) {
                    error = this.badAnswer(call, res, err);
                }
                else {
                    this.log(`${call.method} ${call.url} -> ${errCode(err) ?? 'error'} after ${Date.now() - started} ms (attempt ${attempt})`);
                    error = networkError(call.operation, redactedError(err, this.opts.secrets), call.url);
                    sent = !NOT_SENT_CODES.has(errCode(err) ?? '');
                }
            }
            this.last = error;
            if (!shouldRetry(error, call.write, sent) || attempt >= this.retry.maxAttempts)
                throw error;
            const backoff = this.random() * Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
            const delay = retryAfterMs !== undefined ? Math.min(retryAfterMs, MAX_RETRY_AFTER_MS) : backoff;
            this.log(`${call.operation}: retrying in ${Math.round(delay)} ms (${error.message})`);
            await sleep(delay, call.signal);
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
        const kind = err instanceof AnswerError ? err.kind : res ? syntaxKind(res) : 'not-json';
        const count = (this.badRow?.count ?? 0) + 1;
        this.badRow = { count };
        const status = res?.status ?? 200;
        const type = res ? header(res, 'content-type') : undefined;
        const what = err instanceof AnswerError ? err.message : BAD_ANSWER_TEXT[kind];
        const times = count > 1 ? `, ${count} bad answers in a row` : '';
        const body = res ? `: ${(0,redact/* redactedPreview */.tX)(res.bytes, this.opts.secrets)}` : '';
        this.log(`${call.method} ${call.url}: bad answer (${kind}${times})`);
        return new ApiError({
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
        return new ApiError({
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
                throw new AnswerError('too-large', 'the answer is longer than it declared');
            if (end > max)
                throw tooLarge(max);
            at += c.copy(out, at);
            if (at >>> RECLAIM_SHIFT !== (at - c.length) >>> RECLAIM_SHIFT)
                collectYoung();
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
    return new AnswerError('too-large', `the answer is larger than ${Math.round(max / 1024 / 1024)} MiB`);
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/http/shape.ts
// What every provider's normalizer needs to read an answer of the wrong shape as a bad answer (a
// ShapeError, retried and then reported like any other: see Transport.send), never a crash.


/** JSON, but not of the shape the operation returns. */
class ShapeError extends AnswerError {
    name = 'ShapeError';
    constructor(message) {
        super('shape', message);
    }
}
const isObj = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
function obj(value, what) {
    if (isObj(value))
        return value;
    throw new ShapeError(`expected ${what} to be a JSON object, got ${shape_describe(value)}`);
}
/** An optional list: absent or null is empty. */
function list(value, what) {
    if (value === undefined || value === null)
        return [];
    if (Array.isArray(value))
        return value;
    throw new ShapeError(`expected ${what} to be a JSON array, got ${shape_describe(value)}`);
}
/** A server value in a message: its type, or the start of the string. */
function shape_describe(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    return typeof value === 'string' ? `the string "${(0,redact/* clip */.$Q)(value, 60)}"` : typeof value;
}

;// CONCATENATED MODULE: ./src/http/json.ts
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
        this.digests.write(hash('sha256', b.subarray(from, to), 'binary'), k * DIGEST, DIGEST, 'latin1');
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
                    json_define(out, key, this.value(true));
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
                json_define(out, name, this.value(keep));
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
            err: new ShapeError(`a list of more than ${MAX_MAPPED_ELEMENTS.toLocaleString('en')} elements, more than any real answer`),
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
function json_define(obj, key, value) {
    if (key === '__proto__')
        Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
    else
        obj[key] = value;
}

;// CONCATENATED MODULE: ./src/providers/codearts/hints.ts
// What CodeArts' errors mean, for the hint of a failed call (codearts-api.md 2.8): from the API
// gateway's codes (APIG.*), the service's (DEVPIPE.*, DEVCP.*, COCT.*), the HTTP status and the
// operation (the CodeArts permission it needs).

/**
 * Throttling: the service's COCT.0070003 (HTTP 500, "too frequent") and the gateway's APIG.0308 /
 * APIGW.0308 (HTTP 429, no Retry-After). Refused before any work was done.
 */
const THROTTLE_CODES = new Set(['COCT.0070003', 'APIG.0308', 'APIGW.0308']);
/** "The network is busy, try again later" (HTTP 500): retryable, but a write may have been applied. */
const BUSY_CODES = new Set(['DEVCP.00020500', 'COCT.0070500']);
/** The gateway's: who is calling is wrong (unknown AK, bad signature, bad STS or IAM token). */
const CREDENTIAL_CODES = new Set(['APIG.0301', 'APIGW.0301']);
/** The gateway's: the signature's date is too far off, or it does not cover what it must. */
const SIGNATURE_CODES = new Set(['APIG.0303', 'APIGW.0303']);
/** The gateway's: no such API at this address (route not published in the region). */
const NO_ROUTE_CODES = new Set(['APIG.0101', 'APIGW.0101']);
/** Insufficient permissions (HTTP 200) and "user lacks operation permission" (HTTP 401). */
const PERMISSION_CODES = new Set(['DEVCP.00014031', 'DEVCP.00021018']);
/** The project does not exist or the user is no member of it. */
const PROJECT_CODES = new Set(['DEVPIPE.00011412', 'DEV_21_100169']);
const READS = /^(ShowPipelineRunDetail|ListPipelineRuns|ShowPipelineLog|ShowPipelineArtifacts)$/;
const REVIEWS = /^(Accept|Reject)ManualReview$/;
const CHECKPOINTS = /^(Accept|Reject)Checkpoint$/;
/**
 * The CodeArts permission an operation needs: the pipeline's View or Execute (its Permissions
 * settings, or the user's project role), or being an approver of the review. Which permission a
 * check point needs is not documented; its approvers and Execute are the likely ones.
 */
function permissionFor(operation) {
    if (READS.test(operation))
        return 'the pipeline permission "View"';
    if (REVIEWS.test(operation))
        return "to be one of the manual review's approvers";
    if (CHECKPOINTS.test(operation))
        return 'to be one of the check point\'s approvers, or the pipeline permission "Execute"';
    return 'the pipeline permission "Execute"';
}
const codeArtsHint = (operation, status, code, bad) => {
    if (bad === 'html')
        // badAnswerHint's words for a page are Yunxiao's (organization-id): CodeArts has its own here.
        return 'an HTML page with status 200 is most often a login page: check `endpoint` (or `region`) and the credentials, or a proxy that wants a login';
    if (bad)
        return badAnswerHint(bad, 'the endpoint may not be the CodeArts Pipeline API (check `endpoint` or `region`), or a proxy answered instead');
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
    if (c === 'DEVCP.00012002')
        return 'the run, job or step was not found: check the ids (and `pipeline-id`)';
    if (NO_ROUTE_CODES.has(c))
        return 'this API is not published at this address: check `endpoint` or `region`';
    if (PERMISSION_CODES.has(c) || status === 401 || status === 403)
        return `the user lacks a permission for ${operation}: it needs ${permissionFor(operation)} (and membership of the CodeArts project)`;
    if (status === 404)
        return 'check `endpoint` or `region`, `project-id`, `pipeline-id` and the run ids';
    if (BUSY_CODES.has(c) || (status !== undefined && status >= 500))
        return 'CodeArts had a server error; it usually passes, run the job again';
    return undefined;
};

// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
;// CONCATENATED MODULE: ./src/providers/codearts/signer.ts
// SDK-HMAC-SHA256 request signing for the CodeArts Pipeline API (codearts-api.md 1.4), as Huawei Cloud's SDKs
// compute it for AK/SK and STS credentials; CodeArts clients use no derived (V11) signing. Pure apart from the
// clock default. The default signed set is the one the signing guide shows, plus the STS token and X-Project-Id.


const ALGORITHM = 'SDK-HMAC-SHA256';
/** Everything but A-Z a-z 0-9 - _ . ~ as upper-case %XX over UTF-8 (space %20, never `+`). */
function percentEncode(text) {
    // toWellFormed: a lone surrogate must not make encodeURIComponent throw
    return encodeURIComponent(text.toWellFormed()).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
/** Runs of %XX decoded as UTF-8 (invalid bytes as U+FFFD), anything else kept: Python's `unquote`. */
const percentDecode = (text) => text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => external_node_buffer_.Buffer.from(run.replaceAll('%', ''), 'hex').toString('utf8'));
/**
 * The path decoded, then split on `/`, each segment encoded, and a `/` appended when it does not end with one
 * (the request line keeps the path as sent): `/v5/p/api/x` -> `/v5/p/api/x/`.
 */
function canonicalUri(pathname) {
    const uri = percentDecode(pathname).split('/').map(percentEncode).join('/');
    return uri.endsWith('/') ? uri : `${uri}/`;
}
/** Code point order, which is the UTF-8 byte order the SDKs sort by (JS's default sorts UTF-16 units). */
const byBytes = (a, b) => external_node_buffer_.Buffer.compare(external_node_buffer_.Buffer.from(a), external_node_buffer_.Buffer.from(b));
/** Keys sorted, then one `k=v` per value, values sorted; keys and values encoded; joined by `&`. */
function canonicalQuery(params) {
    return [...new Set(params.keys())]
        .sort(byBytes)
        .flatMap((k) => params
        .getAll(k)
        .sort(byBytes)
        .map((v) => `${percentEncode(k)}=${percentEncode(v)}`))
        .join('&');
}
/** `YYYYMMDDTHHMMSSZ` in UTC. */
function sdkDate(d) {
    return d.toISOString().replace(/[-:]|\.\d{3}/g, '');
}
/** Signed when sent (codearts-api.md 1.4, recommendation); never anything else by default. */
const DEFAULT_SIGNED = ['content-type', 'host', 'x-project-id', 'x-sdk-date', 'x-security-token'];
/** The signer's own: a caller's copy would be sent twice or differ from what is signed. */
const SIGNER_HEADERS = new Set(['authorization', 'host', 'x-sdk-date', 'x-security-token']);
const sha256Hex = (data) => (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');
function signRequest(req) {
    const url = new URL(req.url);
    const date = sdkDate(req.date ?? new Date());
    const sent = new Map();
    for (const [name, value] of Object.entries(req.headers ?? {})) {
        const key = name.toLowerCase();
        if (SIGNER_HEADERS.has(key) || sent.has(key)) {
            throw new Error(`signRequest: header ${name} is given twice or is the signer's own`);
        }
        sent.set(key, value);
    }
    const added = { 'x-sdk-date': date };
    if (req.securityToken)
        added['x-security-token'] = req.securityToken;
    for (const [name, value] of Object.entries({ host: url.host, ...added }))
        sent.set(name, value);
    const names = req.signedHeaders
        ? [...new Set(req.signedHeaders.map((h) => h.toLowerCase()))].sort()
        : DEFAULT_SIGNED.filter((h) => sent.has(h));
    const bad = names.find((h) => h.includes('_') || !sent.has(h));
    if (bad !== undefined || !names.includes('x-sdk-date')) {
        throw new Error(`signRequest: cannot sign ${bad ?? 'without x-sdk-date'}`);
    }
    const signedHeaders = names.join(';');
    const canonicalRequest = [
        req.method.toUpperCase(),
        canonicalUri(url.pathname),
        canonicalQuery(url.searchParams),
        names.map((h) => `${h}:${(sent.get(h) ?? '').trim()}\n`).join(''),
        signedHeaders,
        sha256Hex(req.body ?? ''),
    ].join('\n');
    const stringToSign = `${ALGORITHM}\n${date}\n${sha256Hex(canonicalRequest)}`;
    const signature = (0,external_node_crypto_.createHmac)('sha256', req.secretKey).update(stringToSign).digest('hex');
    return {
        headers: {
            ...added,
            authorization: `${ALGORITHM} Access=${req.accessKey}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
        },
        canonicalRequest,
        stringToSign,
    };
}

;// CONCATENATED MODULE: ./src/providers/codearts/normalize.ts
// From CodeArts' JSON (parsed losslessly) to the model: tolerant of missing optional fields and of
// fields it does not know, statuses kept as given. Ids and statuses must be scalars, lists lists
// and records objects: anything else is a ShapeError (a bad answer, see Transport.send).
// Descriptive fields (names, messages) of another type are read as '' rather than failing a run.


/** The largest step log answer accepted (run details and lists: the transport's default, 8 MiB). */
const MAX_LOG_BYTES = 16 * 1024 * 1024;
/** Queue codes: the run started and waits for the pipeline's (00011169) or tenant's (00011170) limit. */
const QUEUE_CODES = new Set(['DEVPIPE.00011169', 'DEVPIPE.00011170']);
/** An optional record: absent or null is empty. */
function optObj(value, what) {
    return value === undefined || value === null ? {} : obj(value, what);
}
/** An id or a status: a string (a number is written out); absent is ''. */
function word(value, what) {
    if (typeof value === 'string')
        return value;
    if (value === undefined || value === null)
        return '';
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    throw new ShapeError(`expected ${what} to be a string, got ${shape_describe(value)}`);
}
/** A name, a message, a URL: text when it is a scalar, else ''. */
function normalize_text(value) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    return '';
}
const optText = (value) => {
    const t = normalize_text(value);
    return t === '' ? undefined : t;
};
/** A whole number (a JSON number or a string of digits); undefined otherwise. */
function normalize_int(value) {
    const n = typeof value === 'number'
        ? value
        : typeof value === 'string' && /^-?\d{1,15}$/.test(value.trim())
            ? Number(value)
            : NaN;
    return Number.isSafeInteger(n) ? n : undefined;
}
/**
 * Below this an int64 time is taken as seconds: as seconds it would be the year 5138, as
 * milliseconds March 1973. v5 times are epoch ms by convention; the unit is UNVERIFIED
 * (codearts-api.md 9.5), and the simulator serves seconds as a variant.
 */
const SECONDS_BELOW = 1e11;
/** A time as epoch ms: a number or a string of digits, in ms or seconds; 0 or absent is not set. */
function epochMs(value) {
    const n = typeof value === 'number'
        ? value
        : typeof value === 'string' && /^\d{1,16}(\.\d+)?$/.test(value.trim())
            ? Number(value)
            : NaN;
    if (!Number.isFinite(n) || n <= 0)
        return undefined;
    return n < SECONDS_BELOW ? Math.round(n * 1000) : Math.trunc(n);
}
/** The job's `async`: the SDK says a string ("true"/"false"), Terraform reads a boolean. */
function flag(value) {
    if (value === true || value === 'true')
        return true;
    if (value === false || value === 'false')
        return false;
    return undefined;
}
/** start_time / end_time of a record, set only when given. */
function normalize_times(o) {
    const out = {};
    const start = epochMs(o['start_time']);
    const end = epochMs(o['end_time']);
    if (start !== undefined)
        out.startTime = start;
    if (end !== undefined)
        out.endTime = end;
    return out;
}
function input(value) {
    const i = obj(value, 'a step input');
    return { key: normalize_text(i['key']), value: i['value'] ?? null };
}
function step(value) {
    const s = obj(value, 'a step');
    return {
        id: word(s['id'], 'a step id'),
        name: normalize_text(s['name']),
        task: word(s['task'], 'a step task'),
        businessType: normalize_text(s['business_type']),
        status: word(s['status'], 'a step status'),
        message: normalize_text(s['message']),
        ...normalize_times(s),
        inputs: list(s['inputs'], 'a step inputs').map(input),
    };
}
function job(value) {
    const j = obj(value, 'a job');
    const out = {
        id: word(j['id'], 'a job id'),
        name: normalize_text(j['name']),
        identifier: normalize_text(j['identifier']),
        status: word(j['status'], 'a job status'),
        message: normalize_text(j['message']),
        ...normalize_times(j),
        steps: list(j['steps'], 'a job steps').map(step),
    };
    const async = flag(j['async']);
    if (async !== undefined)
        out.async = async;
    return out;
}
function stage(value, index) {
    const s = obj(value, 'a stage');
    return {
        id: word(s['id'], 'a stage id'),
        sequence: normalize_int(s['sequence']) ?? index,
        name: normalize_text(s['name']),
        identifier: normalize_text(s['identifier']),
        status: word(s['status'], 'a stage status'),
        ...normalize_times(s),
        pre: list(s['pre'], 'a stage pre').map(step),
        jobs: list(s['jobs'], 'a stage jobs').map(job),
    };
}
/** A code source's build_params (and its repository). */
function source(buildParams, gitUrl) {
    const b = optObj(buildParams, 'build_params');
    const out = {};
    const url = optText(gitUrl ?? b['git_url']);
    const commit = optText(b['commit_id']);
    const branch = optText(b['target_branch']);
    const tag = optText(b['tag']);
    if (url !== undefined)
        out.gitUrl = url;
    if (commit !== undefined)
        out.commitId = commit;
    if (branch !== undefined)
        out.branch = branch;
    if (tag !== undefined)
        out.tag = tag;
    return out;
}
function runArtifact(value) {
    const a = obj(value, 'an artifact');
    return {
        name: normalize_text(a['name']),
        version: normalize_text(a['version']),
        type: normalize_text(a['packageType']),
        url: normalize_text(a['downloadUrl']),
    };
}
function executor(o) {
    return { id: word(o['executor_id'], 'executor_id'), name: normalize_text(o['executor_name']) };
}
/** What the step, job and stage readers use. */
const STEP_FIELDS = {
    id: true,
    name: true,
    task: true,
    business_type: true,
    status: true,
    message: true,
    start_time: true,
    end_time: true,
    inputs: true,
};
const JOB_FIELDS = {
    id: true,
    name: true,
    identifier: true,
    status: true,
    message: true,
    start_time: true,
    end_time: true,
    async: true,
    steps: [STEP_FIELDS],
};
/** What toRunDetail reads of ShowPipelineRunDetail's answer: nothing else is built (see readJson). */
const RUN_DETAIL_FIELDS = {
    id: true,
    pipeline_id: true,
    name: true,
    status: true,
    run_number: true,
    trigger_type: true,
    start_time: true,
    end_time: true,
    executor_id: true,
    executor_name: true,
    stages: [
        {
            id: true,
            sequence: true,
            name: true,
            identifier: true,
            status: true,
            start_time: true,
            end_time: true,
            pre: [STEP_FIELDS],
            jobs: [JOB_FIELDS],
        },
    ],
    sources: [{ params: { git_url: true, build_params: true } }],
    artifacts: [{ name: true, version: true, packageType: true, downloadUrl: true }],
    detail_url: true,
    current_system_time: true,
};
/** ShowPipelineRunDetail's answer. A run without an id is no run (the gate acts on it by id). */
function toRunDetail(raw) {
    const r = obj(raw, 'the run detail');
    const id = word(r['id'], 'the run id');
    if (id === '')
        throw new ShapeError('expected the run detail to have an id');
    const out = {
        id,
        pipelineId: word(r['pipeline_id'], 'pipeline_id'),
        name: normalize_text(r['name']),
        status: word(r['status'], 'the run status'),
        trigger: normalize_text(r['trigger_type']),
        ...normalize_times(r),
        executor: executor(r),
        stages: list(r['stages'], 'stages').map(stage),
        sources: list(r['sources'], 'sources').map((s) => {
            const params = optObj(obj(s, 'a source')['params'], 'a source params');
            return source(params['build_params'], params['git_url']);
        }),
        artifacts: list(r['artifacts'], 'artifacts').map(runArtifact),
    };
    const runNumber = normalize_int(r['run_number']);
    const detailUrl = optText(r['detail_url']);
    const serverTime = epochMs(r['current_system_time']);
    if (runNumber !== undefined)
        out.runNumber = runNumber;
    if (detailUrl !== undefined)
        out.detailUrl = detailUrl;
    if (serverTime !== undefined)
        out.serverTime = serverTime;
    return out;
}
function stageSummary(value, index) {
    const s = obj(value, 'a stage status');
    return {
        id: word(s['id'], 'a stage id'),
        name: normalize_text(s['name']),
        sequence: normalize_int(s['sequence']) ?? index,
        status: word(s['status'], 'a stage status'),
        ...normalize_times(s),
    };
}
function runRow(value) {
    const r = obj(value, 'a pipeline run');
    const out = {
        id: word(r['pipeline_run_id'], 'pipeline_run_id'),
        pipelineId: word(r['pipeline_id'], 'pipeline_id'),
        status: word(r['status'], 'a run status'),
        trigger: normalize_text(r['trigger_type']),
        ...normalize_times(r),
        executor: executor(r),
        source: source(r['build_params']),
        stages: list(r['stage_status_list'], 'stage_status_list').map(stageSummary),
    };
    const runNumber = normalize_int(r['run_number']);
    const detailUrl = optText(r['detail_url']);
    if (runNumber !== undefined)
        out.runNumber = runNumber;
    if (detailUrl !== undefined)
        out.detailUrl = detailUrl;
    return out;
}
/** ListPipelineRuns' answer: `{offset, limit, total, pipeline_runs}`. */
function toRunPage(raw) {
    const o = obj(raw, 'the run list');
    const runs = list(o['pipeline_runs'], 'pipeline_runs').map(runRow);
    return {
        offset: normalize_int(o['offset']) ?? 0,
        limit: normalize_int(o['limit']) ?? runs.length,
        total: normalize_int(o['total']) ?? runs.length,
        runs,
    };
}
/** ShowPipelineLog's answer: `{has_more, start_offset, end_offset, log, step_run_id}` (offsets are strings). */
function toStepLog(raw) {
    const o = obj(raw, 'the step log');
    const out = {
        stepRunId: word(o['step_run_id'], 'step_run_id'),
        log: normalize_text(o['log']),
        hasMore: flag(o['has_more']) ?? false,
    };
    const start = normalize_int(o['start_offset']);
    const end = normalize_int(o['end_offset']);
    if (start !== undefined)
        out.startOffset = start;
    if (end !== undefined)
        out.endOffset = end;
    return out;
}
function pipelineArtifact(value) {
    const a = obj(value, 'an artifact');
    const out = {
        name: normalize_text(a['name']),
        version: normalize_text(a['artifact_version']),
        type: normalize_text(a['artifact_package_type']),
        url: normalize_text(a['artifact_download_url_with_id']),
        hashes: list(a['hash_code'], 'hash_code').map((h) => {
            const o = obj(h, 'a hash code');
            return { type: normalize_text(o['hash_type']), value: normalize_text(o['hash_value']) };
        }),
    };
    const jobId = optText(a['job_id']);
    const size = normalize_int(a['file_size']);
    if (jobId !== undefined)
        out.jobId = jobId;
    if (size !== undefined)
        out.size = size;
    return out;
}
/** ShowPipelineArtifacts' answer: `{artifacts: [...]}`. */
function toArtifacts(raw) {
    return list(obj(raw, 'the artifact list')['artifacts'], 'artifacts').map(pipelineArtifact);
}
/**
 * A queued start (RunPipeline, RetryPipelineRun): `{error_code: DEVPIPE.00011169|70, error_msg,
 * error: {pipeline_run_id, queue_id}}`; undefined when the answer is not one.
 */
function toQueued(raw) {
    if (!isObj(raw))
        return undefined;
    const code = raw['error_code'];
    if (typeof code !== 'string' || !QUEUE_CODES.has(code) || !isObj(raw['error']))
        return undefined;
    const runId = word(raw['error']['pipeline_run_id'], 'error.pipeline_run_id');
    if (runId === '')
        return undefined;
    const out = { pipelineRunId: runId, queueCode: code };
    const queueId = optText(raw['error']['queue_id']);
    const message = optText(raw['error_msg']);
    if (queueId !== undefined)
        out.queueId = queueId;
    if (message !== undefined)
        out.queueMessage = message;
    return out;
}
/** RunPipeline's answer: `{pipeline_run_id}`, or a queued start. */
function toStartResult(raw) {
    const queued = toQueued(raw);
    if (queued)
        return queued;
    const id = word(obj(raw, 'the start answer')['pipeline_run_id'], 'pipeline_run_id');
    if (id === '')
        throw new ShapeError('expected the start answer to have a pipeline_run_id');
    return { pipelineRunId: id };
}
/**
 * An action's answer (stop, retry, pass, refuse): `{"success": boolean}`. `false`, an empty body
 * or an object without `success` say nothing was done; what is not an object is a bad answer.
 */
function toActionResult(bytes, parse) {
    return isBlank(bytes) ? false : succeeded(parse(bytes));
}
function succeeded(raw) {
    const success = obj(raw, 'the action answer')['success'];
    return success === true || success === 'true';
}
/**
 * RetryPipelineRun's answer: `{"success": true}` (the run itself goes on), a queued start (its run
 * id and queue), or undefined when nothing was done (`false`, an empty body).
 */
function toRetryResult(bytes, parse, runId) {
    if (isBlank(bytes))
        return undefined;
    const raw = parse(bytes);
    return toQueued(raw) ?? (succeeded(raw) ? { pipelineRunId: runId } : undefined);
}

;// CONCATENATED MODULE: ./src/providers/codearts/client.ts
// The CodeArts Pipeline v5 API (codearts-api.md 2): the operations the gate needs, under
// /v5/{project_id}/api/pipelines/{pipeline_id}, over the shared Transport. Signed with
// SDK-HMAC-SHA256 for AK/SK (and STS) credentials, or an IAM token in X-Auth-Token; no secret is
// ever part of a URL. Errors come in two bodies, at any HTTP status, 200 included (see
// codeArtsFailure); a start or retry held by the concurrency limit is no error but a queued run.








/** Content type of a request with a body, as the SDKs send it. */
const JSON_BODY = 'application/json;charset=UTF-8';
const seg = percentEncode;
/** A query string: keys and values encoded as the signer does (space %20, never `+`). */
function query(params) {
    const pairs = Object.entries(params).filter((p) => p[1] !== undefined);
    return pairs.length === 0 ? '' : `?${pairs.map(([k, v]) => `${seg(k)}=${seg(v)}`).join('&')}`;
}
class CodeArtsClient {
    opts;
    base;
    transport;
    detailBody = new BodyBuffer();
    constructor(opts) {
        this.opts = opts;
        const c = opts.credentials;
        if (c.kind === 'aksk' ? !c.accessKey || !c.secretKey : !c.token)
            throw new Error('CodeArts credentials are incomplete: an access key and a secret key, or an IAM token');
        const endpoint = opts.endpoint.replace(/\/+$/, '');
        this.base = `${endpoint}/v5/${seg(opts.projectId)}/api/pipelines/${seg(opts.pipelineId)}`;
        this.transport = new Transport({
            dispatcher: opts.dispatcher,
            userAgent: version/* USER_AGENT */._,
            requestTimeoutMs: opts.requestTimeoutMs,
            retry: opts.retry,
            random: opts.random,
            debug: opts.debug,
            secrets: c.kind === 'aksk' ? [c.secretKey, c.securityToken ?? ''].filter(Boolean) : [c.token],
            failureOf: codeArtsFailure,
            hintFor: codeArtsHint,
        });
    }
    /** RunPipeline: starts a run (it may wait in the queue: see StartResult). */
    runPipeline(body = {}, o) {
        return this.send({
            operation: 'RunPipeline',
            method: 'POST',
            path: '/run',
            body: pick(body, ['variables', 'choose_stages', 'choose_jobs', 'description']),
            write: true,
            read: client_json(toStartResult),
        }, o);
    }
    /** ListPipelineRuns, by start time. */
    listRuns(q, o) {
        const body = {
            offset: q.offset,
            limit: q.limit,
            sort_key: 'start_time',
            sort_dir: q.sort_dir,
        };
        if (q.status && q.status.length > 0)
            body['status'] = q.status;
        return this.send({
            operation: 'ListPipelineRuns',
            method: 'POST',
            path: '/pipeline-runs/list',
            body,
            write: false,
            read: client_json(toRunPage),
        }, o);
    }
    /**
     * ShowPipelineRunDetail: the run, or the latest run without an id, with the answer as it came
     * (unknown fields kept) for the report. Its bytes are in a buffer the next read reuses: a caller
     * lets go of them before it reads again. An answer about another run than the one asked for is a
     * bad answer, never a verdict.
     */
    getRun(runId, o) {
        return this.send({
            operation: 'ShowPipelineRunDetail',
            method: 'GET',
            path: `/pipeline-runs/detail${query({ pipeline_run_id: runId })}`,
            write: false,
            into: this.detailBody,
            read: (res) => {
                const raw = readJson(res.bytes, RUN_DETAIL_FIELDS);
                const run = toRunDetail(raw.value);
                if (runId !== undefined && run.id !== runId)
                    throw runMismatch(run.id, runId);
                return { run, raw };
            },
        }, o);
    }
    /** The last failed attempt of any call, for a verdict that must name the last error seen. */
    lastError() {
        return this.transport.lastError();
    }
    /** StopPipelineRun: true when CodeArts says it stopped the run. */
    async stopRun(runId, o) {
        return this.action('StopPipelineRun', 'POST', `${runPath(runId)}/stop`, undefined, o);
    }
    /**
     * RetryPipelineRun: the failed jobs again (or only `jobRunIds`). Undefined when CodeArts says
     * nothing was done; the run's id (and its queue entry when it waits) otherwise.
     */
    async retryRun(runId, jobRunIds, o) {
        return this.send({
            operation: 'RetryPipelineRun',
            method: 'PUT',
            path: `${runPath(runId)}/retry`,
            // the newest SDKs' body; older ones send none, which retries every failed job
            body: jobRunIds && jobRunIds.length > 0 ? { job_run_ids: [...jobRunIds] } : undefined,
            write: true,
            read: (res) => toRetryResult(res.bytes, parse, runId),
        }, o);
    }
    /** AcceptManualReview: passes a waiting review step (task official_devcloud_checkpoint). */
    passReview(runId, jobRunId, stepRunId, description, o) {
        return this.review('AcceptManualReview', 'pass', runId, jobRunId, stepRunId, description, o);
    }
    /** RejectManualReview: refuses a waiting review step. */
    refuseReview(runId, jobRunId, stepRunId, description, o) {
        return this.review('RejectManualReview', 'refuse', runId, jobRunId, stepRunId, description, o);
    }
    /** AcceptCheckpoint: passes a stage's waiting entry check point (a `pre` step). */
    passCheckpoint(runId, stepRunId, description, o) {
        return this.checkpoint('AcceptCheckpoint', 'pass', runId, stepRunId, description, o);
    }
    /** RejectCheckpoint: refuses a stage's waiting entry check point. */
    refuseCheckpoint(runId, stepRunId, description, o) {
        return this.checkpoint('RejectCheckpoint', 'refuse', runId, stepRunId, description, o);
    }
    /** ShowPipelineLog: one page of a step's log. */
    async getStepLog(runId, jobRunId, stepRunId, q, o) {
        const body = { limit: q.limit, sort: q.sort };
        if (q.start_offset !== undefined)
            body['start_offset'] = q.start_offset;
        if (q.end_offset !== undefined)
            body['end_offset'] = q.end_offset;
        return this.send({
            operation: 'ShowPipelineLog',
            method: 'POST',
            path: `${runPath(runId)}/jobs/${idSegment(jobRunId, 'job run')}/steps/${idSegment(stepRunId, 'step run')}/logs`,
            body,
            write: false,
            read: client_json(toStepLog),
            maxBytes: MAX_LOG_BYTES,
        }, o);
    }
    /** ShowPipelineArtifacts: the run's build products. */
    async listArtifacts(runId, o) {
        return this.send({
            operation: 'ShowPipelineArtifacts',
            method: 'GET',
            path: `${runPath(runId)}/artifacts`,
            write: false,
            read: client_json(toArtifacts),
        }, o);
    }
    async review(operation, action, runId, jobRunId, stepRunId, description, o) {
        const path = `${runPath(runId)}/jobs/${idSegment(jobRunId, 'job run')}/steps/${idSegment(stepRunId, 'step run')}/${action}`;
        return this.action(operation, 'POST', path + query({ approval_description: description }), undefined, o);
    }
    async checkpoint(operation, action, runId, stepRunId, description, o) {
        // The docs show RejectCheckpoint with the body `{ }` (the SDK's AcceptCheckpoint has none, and
        // an empty object is harmless there). Where a description goes is documented for neither: it is
        // sent as the manual review's `approval_description` query (UNVERIFIED).
        const path = `${runPath(runId)}/steps/${idSegment(stepRunId, 'step run')}/manual/${action}`;
        return this.action(operation, 'POST', path + query({ approval_description: description }), {}, o);
    }
    action(operation, method, path, body, o) {
        return this.send({ operation, method, path, body, write: true, read: (res) => toActionResult(res.bytes, parse) }, o);
    }
    send(r, o) {
        const url = this.base + r.path;
        const body = r.body === undefined ? undefined : JSON.stringify(r.body);
        const headers = body === undefined ? {} : { 'content-type': JSON_BODY };
        const c = this.opts.credentials;
        if (c.kind === 'token')
            headers['x-auth-token'] = c.token;
        return this.transport.send({
            operation: r.operation,
            method: r.method,
            url,
            headers,
            body,
            write: r.write,
            signal: o?.signal,
            read: r.read,
            into: r.into,
            maxBytes: r.maxBytes,
            // Signed afresh at each attempt (the date is part of it): content-type when a body is sent,
            // host, x-sdk-date and x-security-token (signer.ts).
            sign: c.kind === 'aksk'
                ? () => signRequest({
                    method: r.method,
                    url,
                    headers: body === undefined ? {} : { 'content-type': JSON_BODY },
                    body,
                    accessKey: c.accessKey,
                    secretKey: c.secretKey,
                    securityToken: c.securityToken,
                    date: this.opts.now?.(),
                }).headers
                : undefined,
        });
    }
}
const runPath = (runId) => `/pipeline-runs/${idSegment(runId, 'run')}`;
/**
 * An id (from the server's answers) as one path segment, percent-encoded. Never empty, `.` or `..`:
 * a URL parser resolves those, and a pass, a retry or a stop would go to another path than the one
 * the gate means (`…/steps/../manual/pass` is `…/manual/pass`). Refused before anything is sent.
 */
function idSegment(id, what) {
    if (id === '' || id === '.' || id === '..')
        throw new Error(`the ${what} id ${JSON.stringify(id)} cannot name a path segment: nothing was sent`);
    return seg(id);
}
const parse = (bytes) => readJson(bytes).value;
/** A reader of a JSON answer into the model: SyntaxError and ShapeError say it is a bad answer. */
function client_json(normalize) {
    return (res) => normalize(readJson(res.bytes).value);
}
/** The fields of `body` that are set, no others (a caller's object may carry more). */
function pick(body, keys) {
    const out = {};
    for (const k of keys)
        if (body[k] !== undefined)
            out[k] = body[k];
    return out;
}
/** An answer about another run than the one asked for. */
function runMismatch(got, asked) {
    return new AnswerError('mismatch', `the answer is about run "${(0,redact/* clip */.$Q)(got, 40)}", not run ${asked}`);
}
/** What codeArtsFailure reads of an answer (a large one is checked, not built). */
const FAILURE_FIELDS = {
    error_code: true,
    error_msg: true,
    error: true,
    code: true,
    message: true,
    request_id: true,
};
/** `"error` (a key error_code or error, or a string starting so): only then is a 2xx answer read for an error. */
const ERROR_MARK = Buffer.from('"error');
/**
 * The documented error bodies, `{error_code, error_msg}` and `{error: {code, message}}`, at ANY
 * HTTP status: an error inside a 200 is an error (codearts-api.md 2.8). Except a queued start
 * (DEVPIPE.00011169/70 with the run's id in `error`): the run started, and the reader returns it
 * (only RunPipeline and RetryPipelineRun answer so; any other reader finds no answer of its shape).
 * Throttling (COCT.0070003, APIG(W).0308, HTTP 429) is retried, and a write refused by it repeated;
 * "busy" codes and 5xx are retried (not a write); everything else is not.
 */
function codeArtsFailure(res) {
    const requestId = client_header(res, 'x-request-id');
    const ok = res.status < 400;
    // A success answer is read for an error only when it may hold one: a step log of many MB is not
    // parsed twice.
    if (ok && Buffer.from(res.bytes.buffer, res.bytes.byteOffset, res.bytes.byteLength).indexOf(ERROR_MARK) < 0)
        return undefined;
    let body;
    try {
        const parsed = readJson(res.bytes, FAILURE_FIELDS).value;
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
            body = parsed;
    }
    catch {
        body = undefined;
    }
    // With a success status, what a body that is no error is instead is the reader's to say.
    if (!body)
        return ok ? undefined : { errorMessage: 'non-JSON answer', requestId, showBody: true };
    const nested = body['error'] && typeof body['error'] === 'object' && !Array.isArray(body['error'])
        ? body['error']
        : {};
    const text = (v) => (typeof v === 'string' && v !== '' ? v : undefined);
    let code = text(body['error_code']) ?? text(nested['code']);
    if (code !== undefined && QUEUE_CODES.has(code) && text(nested['pipeline_run_id']) !== undefined)
        return undefined;
    if (ok && code === undefined)
        return undefined;
    // Not the documented bodies: what the Go SDK also reads (code, message), or an `error` string.
    code ??= text(body['code']);
    const message = text(body['error_msg']) ?? text(nested['message']) ?? text(body['message']) ?? text(body['error']);
    const throttled = (code !== undefined && THROTTLE_CODES.has(code)) || res.status === 429;
    const retryable = throttled || (code !== undefined && BUSY_CODES.has(code)) || res.status >= 500
        ? true
        : code !== undefined
            ? false
            : undefined;
    const failure = {
        errorCode: code,
        errorMessage: message,
        requestId: requestId ?? text(body['request_id']),
    };
    if (throttled)
        failure.throttled = true;
    if (retryable !== undefined)
        failure.retryable = retryable;
    if (code === undefined && message === undefined)
        failure.showBody = true;
    return failure;
}
function client_header(res, name) {
    const v = res.headers[name];
    return Array.isArray(v) ? v[0] : v;
}

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

;// CONCATENATED MODULE: ./src/providers/codearts/extras.ts
// What the report carries besides the run: the last lines of each failed step's log, and the run's
// build products. Best effort within a time bound; neither changes what the gate decided.


/** Failed steps whose logs are fetched at most: the rest are in CodeArts. */
const MAX_LOGGED_STEPS = 10;
/** Lines asked for: the end of the log, newest first (`sort: desc`), one request per step. */
const LOG_LINES = 50;
/** Build products listed at most. */
const MAX_ARTIFACTS = 100;
const FAILED_STEP = new Set(['FAILED', 'ASYNC_FAILED']);
const FAILED_JOB = new Set(['FAILED', 'ASYNC_FAILED']);
/** The failed steps of the failed jobs (or a failed job's last step, when none says it failed). */
function failedSteps(run) {
    const out = [];
    for (const stage of run.stages)
        for (const job of stage.jobs) {
            if (!FAILED_JOB.has(job.status))
                continue;
            const steps = job.steps.filter((s) => FAILED_STEP.has(s.status));
            const chosen = steps.length > 0 ? steps : job.steps.slice(-1);
            for (const step of chosen)
                out.push({
                    jobId: job.id,
                    stepId: step.id,
                    title: `${stage.name} / ${job.name} / ${step.name}`,
                    message: step.message || job.message,
                    ...(step.startTime !== undefined ? { began: step.startTime } : {}),
                    ...(step.endTime !== undefined ? { ended: step.endTime } : {}),
                });
        }
    return out;
}
/** Step run id -> the end of its log, for the failed steps of the run. */
async function fetchFailedStepLogs(client, run, signal, warn) {
    // Keyed by the server's step ids: no prototype, so an id `__proto__` is a key like any other.
    const logs = Object.create(null);
    await Promise.all(failedSteps(run)
        .slice(0, MAX_LOGGED_STEPS)
        .map(async (s) => {
        const excerpt = { lines: '', title: s.title };
        if (s.message)
            excerpt.message = s.message;
        if (s.began !== undefined)
            excerpt.began = iso(s.began);
        if (s.ended !== undefined)
            excerpt.ended = iso(s.ended);
        try {
            // UNVERIFIED (codearts-api.md 2.6): `desc` taken as newest line first, as its name says.
            const page = await client.getStepLog(run.id, s.jobId, s.stepId, { limit: LOG_LINES, sort: 'desc' }, { signal });
            excerpt.lines = tailOfNewestFirst(page.log, LOG_LINES);
        }
        catch (err) {
            if (signal.aborted)
                return;
            warn(`Could not fetch the log of step ${s.title}: ${(0,message/* messageOf */.b)(err)}`);
        }
        logs[s.stepId] = excerpt;
    }));
    return logs;
}
/** The run's build products: ShowPipelineArtifacts, else those the run detail names. */
async function fetchArtifacts(client, run, signal, warn) {
    let listed = [];
    try {
        listed = (await client.listArtifacts(run.id, { signal })).map(({ name, version, type, url }) => ({
            name,
            version,
            type,
            url,
        }));
    }
    catch (err) {
        if (!signal.aborted)
            warn(`Could not list the build products of the run: ${(0,message/* messageOf */.b)(err)}; the run's own list is used.`);
    }
    const all = listed.length > 0
        ? listed
        : run.artifacts.map(({ name, version, type, url }) => ({ name, version, type, url }));
    return all.slice(0, MAX_ARTIFACTS);
}
function iso(ms) {
    const d = new Date(ms);
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

;// CONCATENATED MODULE: ./src/providers/codearts/model.ts
// The CodeArts Pipeline model the client returns (codearts-api.md 2.3-2.7): the v5 answers in our
// words, read tolerantly (normalize.ts). Ids are the API's 32-character strings, kept exactly;
// statuses stay the API's own words (it may add values, and an unknown one must never crash us);
// times are epoch milliseconds, undefined when not set (the API's 0).
/** Documented run statuses (ListPipelineRuns' filter, the run detail's `status`). */
const RUN_STATUSES = (/* unused pure expression or super */ null && ([
    'COMPLETED',
    'RUNNING',
    'FAILED',
    'CANCELED',
    'PAUSED',
    'SUSPEND',
    'IGNORED',
]));
/** Documented stage and job statuses. */
const JOB_STATUSES = [
    'INIT',
    'QUEUED',
    'RUNNING',
    'CANCELED',
    'COMPLETED',
    'FAILED',
    'SKIPPED',
    'IGNORED',
    'PAUSED',
    'SUSPEND',
    'ASYNC_RUNNING',
    'ASYNC_FAILED',
    'UNSELECTED',
    'REDISPATCH',
];
// Step statuses: the SDK documents RUNNING, CANCELED, COMPLETED and FAILED only; the word a waiting
// review step shows is undocumented (mapping.ts reads a step's state from its times instead).
/** The `task` (plugin) of a manual review step. */
const REVIEW_TASK = 'official_devcloud_checkpoint';

;// CONCATENATED MODULE: ./src/providers/codearts/mapping.ts


/** Run status -> phase (codearts-api.md 3): every documented status, and no other. */
const RUN_PHASES = Object.freeze({
    COMPLETED: 'succeeded',
    FAILED: 'failed',
    // "ignored" ends a run without its work done: no success (codearts-api.md 3 marks it terminal(?))
    IGNORED: 'failed',
    CANCELED: 'cancelled',
    RUNNING: 'running',
    PAUSED: 'paused',
    SUSPEND: 'paused',
});
/** Job status -> phase (codearts-api.md 3). */
const JOB_PHASES = Object.freeze({
    INIT: 'pending',
    QUEUED: 'pending',
    RUNNING: 'running',
    ASYNC_RUNNING: 'running',
    REDISPATCH: 'running',
    // a job held (e.g. at a review) has started and not ended
    PAUSED: 'running',
    SUSPEND: 'running',
    COMPLETED: 'succeeded',
    FAILED: 'failed',
    ASYNC_FAILED: 'failed',
    SKIPPED: 'skipped',
    UNSELECTED: 'skipped',
    IGNORED: 'skipped',
    CANCELED: 'cancelled',
});
function runPhaseOf(status) {
    const phase = lookup(RUN_PHASES, status);
    return phase ? { phase, known: true } : { phase: 'unknown', known: false };
}
/** A stage: a job's phase, but paused where it holds (a review or a check point waits). */
function stagePhaseOf(status) {
    return status === 'PAUSED' || status === 'SUSPEND' ? 'paused' : jobPhaseOf(status).phase;
}
function jobPhaseOf(status) {
    const phase = lookup(JOB_PHASES, status);
    return phase ? { phase, known: true } : { phase: 'unknown', known: false };
}
/**
 * Words of a stage, job or step that has ended. The brief's COMPLETED/FAILED/CANCELED plus the
 * other terminal job words: a skipped or ignored job holds no review anybody can pass.
 */
const ENDED = new Set([
    'COMPLETED',
    'FAILED',
    'CANCELED',
    'SKIPPED',
    'IGNORED',
    'UNSELECTED',
    'ASYNC_FAILED',
]);
/** Words of a review or check point step that ended without a pass. */
const NOT_PASSED = new Set(['FAILED', 'CANCELED', 'ASYNC_FAILED']);
/** Words of a step that has not started (or no word at all). */
const NOT_STARTED = new Set(['INIT', 'QUEUED', '']);
const RUN_ENDED = new Set(['succeeded', 'failed', 'cancelled']);
/**
 * A review or check point step waiting for a person. The word CodeArts shows while one waits is
 * UNVERIFIED (codearts-api.md 3, 9.1: RUNNING, PAUSED or an undocumented word such as WAITING), so
 * a step is waiting when it has started (a start time, or any word but INIT/QUEUED) and not ended,
 * whatever its word: an INIT review later in a job that is still building is not open yet.
 */
function waiting(step) {
    return !ENDED.has(step.status) && (step.startTime !== undefined || !NOT_STARTED.has(step.status));
}
function confirmationId(ref) {
    return ref.kind === 'review' ? `review:${ref.jobRunId}:${ref.stepRunId}` : `checkpoint:${ref.stepRunId}`;
}
/** What a confirmation's id names; undefined for an id toSnapshot does not give. */
function parseConfirmationId(id) {
    const parts = id.split(':');
    if (parts[0] === 'review' && parts.length === 3 && parts[1] && parts[2])
        return { kind: 'review', jobRunId: parts[1], stepRunId: parts[2] };
    if (parts[0] === 'checkpoint' && parts.length === 2 && parts[1])
        return { kind: 'checkpoint', stepRunId: parts[1] };
    return undefined;
}
/** Who is to act: the step's `approvers` input (a string, or a list of them), when present. */
function approvers(step) {
    const v = step.inputs.find((i) => i.key === 'approvers')?.value;
    if (typeof v === 'string')
        return v.trim() === '' ? undefined : v;
    if (Array.isArray(v)) {
        const names = v.filter((x) => typeof x === 'string' || typeof x === 'number');
        return names.length > 0 ? names.join(', ') : undefined;
    }
    return undefined;
}
const PASS_OR_REFUSE = () => ({ pass: { allowed: true }, refuse: { allowed: true } });
/**
 * The latest of the times given (the server's last change seen in them). A list, never spread into
 * the call: an answer's hundreds of thousands of steps would pass the engine's limit on arguments
 * (a RangeError, and no snapshot of the run at all).
 */
function latest(values) {
    let out;
    for (const v of values)
        if (v !== undefined && (out === undefined || v > out))
            out = v;
    return out;
}
function stepsLatest(steps) {
    return latest(steps.flatMap((s) => [s.startTime, s.endTime]));
}
function unitOf(job, stage, group, run, runPhase) {
    const { phase, known } = jobPhaseOf(job.status);
    const unit = {
        id: job.id,
        label: job.name || job.identifier || job.id,
        detail: stage.name,
        group,
        status: job.status,
        phase,
        known,
        offers: {},
    };
    // A failed job is retried by RetryPipelineRun once the run has failed; not while it still runs.
    if (phase === 'failed' && !(runPhase === 'running' || runPhase === 'paused' || runPhase === 'unknown'))
        unit.offers.retry = { allowed: runPhase === 'failed' };
    const message = job.message ||
        job.steps.find((s) => (s.status === 'FAILED' || s.status === 'ASYNC_FAILED') && s.message)?.message;
    if (message)
        unit.message = message;
    const updated = latest([job.startTime, job.endTime, stepsLatest(job.steps)]);
    if (updated !== undefined)
        unit.updateTime = updated;
    if (job.startTime !== undefined) {
        const end = job.endTime ?? (ENDED.has(job.status) ? undefined : run.serverTime);
        if (end !== undefined)
            unit.durationMs = Math.max(0, end - job.startTime);
    }
    if (job.identifier)
        unit.extra = { identifier: job.identifier };
    return unit;
}
/** A stage has started: it has a start time, or (times missing) a word of a stage under way or done. */
function started(stage) {
    return (stage.startTime !== undefined ||
        !(NOT_STARTED.has(stage.status) || stage.status === 'UNSELECTED' || stage.status === 'SKIPPED'));
}
/** A step a person confirms, reached (started) or not: a review in a job, or a stage's check point. */
function point(step, kind, stage, job) {
    const ref = kind === 'review' ? { kind, jobRunId: job?.id ?? '', stepRunId: step.id } : { kind, stepRunId: step.id };
    const p = {
        id: confirmationId(ref),
        label: kind === 'review'
            ? `at manual review “${step.name || 'review'}” (${stage.name} / ${job?.name ?? ''})`
            : step.name
                ? `at check point “${step.name}” of stage “${stage.name}”`
                : `at the check point of stage “${stage.name}”`,
        status: step.status,
        waiting: false,
        extra: { stage: stage.name, job: job?.name ?? '', step: step.name },
    };
    const who = approvers(step);
    if (who)
        p.who = who;
    return p;
}
function confirmationOf(p, step) {
    const c = { id: p.id, label: p.label, offers: PASS_OR_REFUSE() };
    if (p.who)
        c.who = p.who;
    if (p.extra)
        c.extra = p.extra;
    if (step.startTime !== undefined)
        c.updateTime = step.startTime;
    return c;
}
/** Reached: it has started or ended (a review later in the run, still INIT, is not reached yet). */
function reachedStep(step) {
    return ENDED.has(step.status) || step.startTime !== undefined || !NOT_STARTED.has(step.status);
}
function toSnapshot(run) {
    const { phase: given, known } = runPhaseOf(run.status);
    const units = [];
    const confirmations = [];
    const reached = [];
    /** jobs holding a waiting review: running only because a person has not acted */
    const holding = new Set();
    let current = 0;
    const ended = RUN_ENDED.has(given);
    run.stages.forEach((stage, i) => {
        const group = i + 1;
        if (started(stage))
            current = group;
        // Any `pre` step is a manual check point: the `task` of one is UNVERIFIED (9.2).
        for (const step of stage.pre) {
            if (!reachedStep(step))
                continue;
            const p = point(step, 'checkpoint', stage);
            // Nobody can act on anything in a run that has ended.
            if (!ended && !ENDED.has(stage.status) && waiting(step)) {
                p.waiting = true;
                confirmations.push(confirmationOf(p, step));
            }
            reached.push(p);
        }
        for (const job of stage.jobs) {
            units.push(unitOf(job, stage, group, run, given));
            for (const step of job.steps) {
                if (step.task !== REVIEW_TASK || !reachedStep(step))
                    continue;
                const p = point(step, 'review', stage, job);
                if (!ended && !ENDED.has(job.status) && waiting(step)) {
                    holding.add(job.id);
                    p.waiting = true;
                    confirmations.push(confirmationOf(p, step));
                }
                reached.push(p);
            }
        }
    });
    // CodeArts may show a run waiting for a person as RUNNING (the word is UNVERIFIED, 9.1): with
    // something waiting and nothing else under way (no job running or queued but those holding a
    // review), it is paused, which is what the core reads as "waiting for a person".
    const busy = units.some((u) => (u.phase === 'running' && !holding.has(u.id)) || u.status === 'QUEUED');
    const phase = given === 'running' && confirmations.length > 0 && !busy ? 'paused' : given;
    // A review or check point that ended without a pass (refused by a person, or timed out) is a
    // "no": retrying the run would ask again, and with manual-review: pass the gate would pass what a
    // person refused. The run is not retried past it (one cancelled with its run too: in doubt).
    const refused = reached.find((p) => NOT_PASSED.has(p.status));
    const retry = refused
        ? {
            allowed: false,
            why: `${refused.status} ${refused.label}: a run is not retried past a review or check point not passed`,
        }
        : { allowed: run.status === 'FAILED' };
    const snapshot = {
        id: run.id,
        status: run.status,
        phase,
        known,
        progress: { current, total: run.stages.length },
        offers: { stop: { allowed: !RUN_ENDED.has(phase) }, retry },
        units,
        confirmations,
        reached,
        groups: run.stages.map((st) => ({
            name: st.name || st.identifier,
            status: st.status,
            phase: stagePhaseOf(st.status),
        })),
        extra: runExtra(run),
    };
    const updated = latest([
        run.startTime,
        run.endTime,
        ...run.stages.flatMap((s) => [
            s.startTime,
            s.endTime,
            stepsLatest(s.pre),
            ...s.jobs.flatMap((j) => [j.startTime, j.endTime, stepsLatest(j.steps)]),
        ]),
    ]);
    if (updated !== undefined)
        snapshot.updateTime = updated;
    return snapshot;
}
/** What the outputs and the report take from the run besides its jobs. */
function runExtra(run) {
    const extra = {};
    if (run.runNumber !== undefined)
        extra['runNumber'] = String(run.runNumber);
    if (run.name)
        extra['pipelineName'] = run.name;
    if (run.trigger)
        extra['trigger'] = run.trigger;
    if (run.detailUrl)
        extra['detailUrl'] = run.detailUrl;
    const source = run.sources[0];
    if (source?.commitId)
        extra['commit'] = source.commitId;
    return extra;
}
/** The words the core and the reports use for a CodeArts run. */
const CODEARTS_WORDS = {
    provider: 'CodeArts',
    run: 'pipeline run',
    unit: 'job',
    group: 'stage',
    detail: 'stage',
    done: 'completed',
    verb: 'complete',
    pass: 'pass',
    refuse: 'refuse',
    waitPolicy: 'manual-review: wait',
    passPolicy: 'manual-review: pass',
    refusePolicy: 'manual-review: refuse',
    unitStatuses: JOB_STATUSES,
    log: 'step log',
    points: 'manual reviews and check points',
    actions: { skip: 'skip', retry: 'retry', pass: 'pass', refuse: 'refuse', stop: 'stop' },
};

;// CONCATENATED MODULE: ./src/providers/codearts/presentation.ts

function codeArtsPresentation(config, r, url) {
    const facts = [
        { key: 'projectId', label: 'Project', id: config.projectId },
        {
            key: 'pipelineId',
            label: 'Pipeline',
            id: config.pipelineId,
            ...(r.pipelineName ? { text: r.pipelineName } : {}),
        },
        { key: 'pipelineRunId', label: 'Run', id: r.runId, ...(url ? { link: url } : {}) },
        {
            key: 'runNumber',
            label: 'Run number',
            ...(r.runNumber !== undefined ? { text: `#${r.runNumber}` } : {}),
        },
        { key: 'found', label: 'Watched', text: r.queued ? `${r.how} (queued at first)` : r.how },
    ];
    const c = config.credentials;
    const auth = c.kind === 'token' ? 'IAM token' : c.securityToken ? 'temporary AK/SK (STS)' : 'AK/SK';
    return {
        words: CODEARTS_WORDS,
        short: 'run',
        runId: r.runId,
        facts,
        api: {
            text: `CodeArts Pipeline v5 (${auth}${config.region ? `, ${config.region}` : ''})`,
            json: {
                kind: 'codearts-v5',
                auth: c.kind === 'token' ? 'iam-token' : c.securityToken ? 'aksk-sts' : 'aksk',
                region: config.region ?? null,
                endpoint: config.endpoint,
            },
        },
        policy: () => policyOf(config.policy),
        ...(url ? { url } : {}),
        reportKeys: {
            run: 'run',
            units: 'jobs',
            unit: 'jobRunId',
            raw: 'pipelineRun',
            logs: 'stepLogs',
            skipped: 'skippedJobs',
            failed: 'failedJobs',
            confirmation: 'review',
            points: 'reviews',
        },
        unitEntry: (u) => ({
            jobRunId: u.id,
            name: u.label,
            identifier: u.extra?.['identifier'] ?? null,
            stage: u.detail ?? '',
            stageNumber: u.group,
            status: u.status,
            durationMs: u.durationMs ?? null,
            message: u.message ?? null,
        }),
    };
}
function policyOf(p) {
    return {
        text: `manual-review ${p.confirm}, retry-failed ${p.retryFailed}, on-failure ${p.onFailure}`,
        json: { manualReview: p.confirm, retryFailed: p.retryFailed, onFailure: p.onFailure },
    };
}
/** The run's page in the console, as the run detail gives it: only an https page of Huawei Cloud. */
function consoleUrl(detailUrl) {
    if (!detailUrl)
        return undefined;
    try {
        const u = new URL(detailUrl);
        const host = u.hostname.toLowerCase();
        return u.protocol === 'https:' && (host.endsWith('.huaweicloud.com') || host === 'huaweicloud.com')
            ? u.href
            : undefined;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/providers/codearts/resolve.ts
// Which CodeArts run to watch: the one given, one this gate starts (watched from the queue when the
// pipeline's concurrency limit holds it), the newest run of a commit (waited for while it has not
// appeared), or the newest run. It ends with one read of that run, so the reports know its number
// and its page from the start.

/** The service's "no such run" (a queued run may not be readable until it leaves the queue). */
const NOT_FOUND = 'DEVCP.00012002';
/** Runs read per look for a commit's run: the newest ones, where a run just triggered is. */
const COMMIT_PAGE = 20;
async function resolveRun(target, client, ctx) {
    const o = { signal: ctx.signal };
    let calls = 0;
    switch (target.kind) {
        case 'run': {
            const first = await client.getRun(target.runId, o);
            return { runId: target.runId, how: 'given (pipeline-run-id)', first, calls: 1 };
        }
        case 'start': {
            // The newest run's number before the request: the run it starts is numbered after every run
            // there was. An answer naming an older run (someone else's, an earlier success) is not the
            // gate's run, however it comes (a queued start names its run in an error body).
            const before = await client.listRuns({ offset: 0, limit: 1, sort_dir: 'desc' }, o);
            calls++;
            const baseline = before.runs[0]?.runNumber;
            // A write, sent once: the transport never repeats it after a lost answer.
            const started = await client.runPipeline({
                ...(target.variables.length > 0 ? { variables: target.variables } : {}),
                ...(target.stages.length > 0 ? { choose_stages: target.stages } : {}),
                ...(target.jobs.length > 0 ? { choose_jobs: target.jobs } : {}),
                ...(target.description ? { description: target.description } : {}),
            }, o);
            calls++;
            const runId = started.pipelineRunId;
            let queued;
            if (started.queueCode) {
                queued = `${started.queueCode}${started.queueMessage ? `: ${started.queueMessage}` : ''}`;
                ctx.log(`The run ${runId} was queued by the pipeline's concurrency limit (${queued}); watching it from the queue.`);
            }
            const read = await readWhenVisible(client, runId, ctx);
            const number = read.first.run.runNumber;
            if (baseline !== undefined && number !== undefined && number <= baseline)
                throw new Error(`RunPipeline answered run ${runId} (#${number}), which is not newer than run #${baseline}, the newest ` +
                    `before the request: not the run it started, so the gate watches none. A run may have been started; ` +
                    `see the pipeline's runs before running the job again.`);
            return {
                runId,
                how: 'started by this gate',
                first: read.first,
                calls: calls + read.calls,
                ...(queued ? { queued } : {}),
            };
        }
        case 'commit': {
            let said = false;
            for (;;) {
                const page = await client.listRuns({ offset: 0, limit: COMMIT_PAGE, sort_dir: 'desc' }, o);
                calls++;
                const row = newestOf(page.runs.filter((r) => sameCommit(commitOf(r), target.sha)));
                if (row) {
                    const first = await client.getRun(row.id, o);
                    return {
                        runId: row.id,
                        how: `the newest run of commit ${target.sha.slice(0, 12)}`,
                        first,
                        calls: calls + 1,
                    };
                }
                if (!said)
                    ctx.log(`No run of commit ${target.sha.slice(0, 12)} yet; waiting for one to appear (checking every ${ctx.pollIntervalMs / 1000}s, within timeout).`);
                said = true;
                await ctx.sleep(ctx.pollIntervalMs, ctx.signal);
            }
        }
        case 'newest': {
            const page = await client.listRuns({ offset: 0, limit: 1, sort_dir: 'desc' }, o);
            const row = page.runs[0];
            if (!row)
                throw new Error('the pipeline has no runs yet; start one with start: true, or give pipeline-run-id');
            const first = await client.getRun(row.id, o);
            return { runId: row.id, how: 'the newest run', first, calls: 2 };
        }
    }
}
/** A run this gate started may not be readable while it waits in the queue: read it once it is. */
async function readWhenVisible(client, runId, ctx) {
    let said = false;
    for (let calls = 1;; calls++) {
        try {
            return { first: await client.getRun(runId, { signal: ctx.signal }), calls };
        }
        catch (err) {
            if (!(err instanceof ApiError) || err.errorCode !== NOT_FOUND)
                throw err;
            if (!said)
                ctx.log(`The run ${runId} is not readable yet (still in the queue); waiting.`);
            said = true;
            await ctx.sleep(ctx.pollIntervalMs, ctx.signal);
        }
    }
}
/**
 * The newest of the rows by the pipeline's own run numbers, whatever order the list came in (a list
 * not sorted as asked must not make an older run of the commit, an earlier success, the one gated).
 * Rows without a number come after those with one; among them, the first.
 */
function newestOf(rows) {
    let best;
    for (const r of rows)
        if (!best ||
            (r.runNumber !== undefined && (best.runNumber === undefined || r.runNumber > best.runNumber)))
            best = r;
    return best;
}
function commitOf(r) {
    return (r.source.commitId ?? '').toLowerCase();
}
/** Either may be abbreviated (at least 7 hex digits): one is the start of the other. */
function sameCommit(a, b) {
    return a.length >= 7 && b.length >= 7 && (a.startsWith(b) || b.startsWith(a));
}

;// CONCATENATED MODULE: ./src/providers/codearts/provider.ts
// The CodeArts provider: a pipeline's run, given, started, or found by commit or as the newest,
// read and acted on through the v5 API (AK/SK signed, or an IAM token): failed jobs retried with the
// run, manual reviews and check points passed or refused, the run stopped; with the failed steps'
// logs and the build products as its extras.







function codeArtsProvider(config, dispatcher, debug) {
    const client = new CodeArtsClient({
        endpoint: config.endpoint,
        projectId: config.projectId,
        pipelineId: config.pipelineId,
        credentials: config.credentials,
        dispatcher,
        debug,
    });
    return {
        words: CODEARTS_WORDS,
        facts: [
            { key: 'projectId', label: 'Project', id: config.projectId },
            { key: 'pipelineId', label: 'Pipeline', id: config.pipelineId },
        ],
        outputs: CODEARTS_OUTPUTS,
        lastError: () => client.lastError(),
        async resolve(ctx) {
            const r = await resolveRun(config.target, client, ctx);
            return watched(config, client, r.runId, r.first.run, {
                line: `Pipeline run ${r.runId}${r.first.run.runNumber !== undefined ? ` (#${r.first.run.runNumber})` : ''} of pipeline ${config.pipelineId}, ${r.how} (${r.calls} calls)`,
                presentation: codeArtsPresentation(config, {
                    ...r,
                    ...(r.first.run.runNumber !== undefined ? { runNumber: r.first.run.runNumber } : {}),
                    ...(r.first.run.name ? { pipelineName: r.first.run.name } : {}),
                }, consoleUrl(r.first.run.detailUrl)),
            });
        },
    };
}
function watched(config, client, runId, first, shown) {
    // The run as last read, for the step logs after the verdict.
    let last = first;
    return {
        ...shown,
        line: shown.presentation.url ? `${shown.line}: ${shown.presentation.url}` : shown.line,
        description: `CodeArts pipeline run ${runId}`,
        async read(signal) {
            const { run, raw } = await client.getRun(runId, { signal });
            last = run;
            return { snapshot: toSnapshot(run), raw };
        },
        perform: (action, signal) => perform(client, runId, config.reviewComment, action, signal),
        async extras(_snapshot, _result, signal) {
            const warnings = [];
            const warn = (w) => void warnings.push(w);
            const [logs, artifacts] = await Promise.all([
                config.stepLogs ? fetchFailedStepLogs(client, last, signal, warn) : Promise.resolve({}),
                fetchArtifacts(client, last, signal, warn),
            ]);
            const extras = { logs, warnings, artifacts };
            // The output a later step downloads from: only an http(s) URL of one line, never whatever text
            // the server put there (a `javascript:` link, a command line).
            const url = artifacts.find((a) => isDownloadUrl(a.url))?.url;
            if (url)
                extras.artifactUrl = url;
            return extras;
        },
    };
}
async function perform(client, runId, comment, action, signal) {
    const o = { signal };
    switch (action.kind) {
        case 'retry':
            // The run's failed jobs, all of them: RetryPipelineRun with no job list.
            return (await client.retryRun(runId, undefined, o)) !== undefined;
        case 'stop':
            return client.stopRun(runId, o);
        case 'pass':
        case 'refuse': {
            const ref = parseConfirmationId(action.target ?? '');
            if (!ref)
                return false;
            const pass = action.kind === 'pass';
            if (ref.kind === 'review')
                return pass
                    ? client.passReview(runId, ref.jobRunId, ref.stepRunId, comment, o)
                    : client.refuseReview(runId, ref.jobRunId, ref.stepRunId, comment, o);
            return pass
                ? client.passCheckpoint(runId, ref.stepRunId, comment, o)
                : client.refuseCheckpoint(runId, ref.stepRunId, comment, o);
        }
        case 'skip':
            // Jobs are never skipped by the gate: the mapping offers no skip.
            return false;
    }
}
/**
 * An http(s) URL with nothing in it that a shell or a reader would take for more than a URL: no
 * white space, quotes, control or bidi characters.
 */
function isDownloadUrl(url) {
    return (url !== undefined && url.length <= 4096 && (0,untrusted/* oneLine */.TN)(url) === url && /^https?:\/\/[^\s"'`<>\\]+$/i.test(url));
}

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
const decide_ENDED = new Set(['succeeded', 'cancelled', 'failed']);
function ended(run) {
    return decide_ENDED.has(run.phase);
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
;// CONCATENATED MODULE: ./src/watch/provider.ts
/**
 * Thrown by `resolve` when it did what was asked (a run started, say) and, with `wait: false`, there
 * is nothing to watch yet: the gate reports `in-progress` with this message and exits 0.
 */
class NothingToWatchYet extends Error {
    name = 'NothingToWatchYet';
}

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
            sleep: sleep,
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
        sleep: sleep,
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
            if (err instanceof ApiError && err.retryable) {
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
        const transient = err instanceof ApiError && err.retryable;
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

;// CONCATENATED MODULE: ./src/runner/dispatcher.ts


const PROXY_VARS = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];
function proxyConfigured(env) {
    return PROXY_VARS.some((name) => (env[name] ?? '') !== '');
}
/** For requests to `endpoint`: direct when it is loopback or no proxy is set, else the proxy rules. */
async function createDispatcher(env, endpoint) {
    if (isLoopback(new URL(endpoint).hostname) || !proxyConfigured(env))
        return new DirectAgent();
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




const summary_DEFAULT_MAX_BYTES = 1_000_000;
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
    const maxBytes = Math.min(opts.maxBytes ?? summary_DEFAULT_MAX_BYTES, HARD_LIMIT);
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
            releaseMemory();
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
;// CONCATENATED MODULE: ./src/main-codearts.ts
// The CodeArts gate's shell: read the inputs, make the provider, run one watch, finish.






/**
 * Runs the action and sets the process exit code (also returned): the entry point calls it, and so
 * does a tool that runs the action from source, such as @github/local-action, with no arguments.
 */
function run(cancel = (0,signals/* cancelOnSignals */.d)(), io = io_io) {
    return runAction({
        name: 'CodeArts',
        outputs: CODEARTS_OUTPUTS,
        parse: () => parseInputs(io.input, io.mask, process.env),
        provider: async (config, dispatcher) => codeArtsProvider(config, dispatcher, io.debug),
    }, cancel, io);
}


/***/ })

};
