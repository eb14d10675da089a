export const id = 255;
export const ids = [255];
export const modules = {

/***/ 878:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ ProxyAgent)
/* harmony export */ });
// What the bundle holds in place of undici (tsconfig.json "paths", which ncc applies to every
// import, node_modules included). @actions/http-client imports undici for one class, ProxyAgent,
// which only HttpClient.getAgentDispatcher() builds: a fetch() dispatcher this action never asks
// for. Its requests go through node:http with HttpClient.getAgent(), which honours HTTPS_PROXY
// and NO_PROXY without undici. Bundled, undici was three quarters of dist/index.js and most of
// every step's start-up (README "Performance"). Tests run with the real package; dist/ with this.
class ProxyAgent {
    constructor() {
        throw new Error('undici is left out of the bundle: HttpClient.getAgentDispatcher() is not available, use HttpClient.getAgent()');
    }
}


/***/ }),

/***/ 7174:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPost: () => (/* binding */ runPost)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/errors.ts
// The action's small error hierarchy. Control flow branches on classes and fields, never on
// message text (Mage reuses stale messages across requests).
/** A bad input: names the input and what is allowed. Always fails the step, before any request. */
class ConfigError extends Error {
    input;
    constructor(input, message) {
        super(`Input '${input}': ${message}`);
        this.name = 'ConfigError';
        this.input = input;
    }
}
/** The server answered, and the answer is a failure (non-2xx, an error envelope, or malformed). */
class errors_MageApiError extends Error {
    fields;
    constructor(fields) {
        super(`${fields.method} ${fields.path} → ${fields.detail}`);
        this.name = 'MageApiError';
        this.fields = fields;
    }
    get httpStatus() {
        return this.fields.httpStatus;
    }
    /** The answer came from the auth layer: nothing ran, a fresh login may help. */
    get isAuthFailure() {
        const { httpStatus, type } = this.fields;
        if (httpStatus === 401 || httpStatus === 403)
            return true;
        return (type === 'invalid_api_key' || type === 'invalid_oauth_token' || type === 'expired_oauth_token');
    }
}
/** The connection failed. `sent` tells whether the request may have reached the server. */
class errors_NetworkError extends Error {
    sent;
    method;
    path;
    constructor(method, path, sent, reason, cause) {
        super(`${method} ${path} → connection failed (${reason})`, { cause });
        this.name = 'NetworkError';
        this.sent = sent;
        this.method = method;
        this.path = path;
    }
}
/** One attempt took longer than its hard timeout; the socket was destroyed. */
class errors_RequestTimeoutError extends Error {
    sent;
    constructor(method, path, timeoutMs, sent) {
        super(`${method} ${path} → no complete answer within ${Math.round(timeoutMs / 1000)}s`);
        this.name = 'RequestTimeoutError';
        this.sent = sent;
    }
}
/** The server answered with a redirect; it is never followed (it would carry credentials). */
class RedirectError extends Error {
    constructor(method, path, status, locationHost) {
        super(`${method} ${path} → HTTP ${status} redirect to ${locationHost || 'an unnamed location'}; ` +
            'redirects are not followed: check the URL input');
        this.name = 'RedirectError';
    }
}
/** The operation's overall deadline passed. */
class DeadlineError extends Error {
    constructor(message) {
        super(message);
        this.name = 'DeadlineError';
    }
}
/**
 * A request that runs something (a block, a pipeline trigger, a deploy) may have reached the
 * server but its answer could not be read. It is not retried: the step says so.
 */
class OutcomeUnknownError extends Error {
    constructor(what, cause, after = 'it was not retried to avoid running it twice') {
        super(`${what}: failed, outcome unknown (${cause.message}); ${after}`, { cause });
        this.name = 'OutcomeUnknownError';
    }
}
/** A failure the operation itself decided (a block raised, a run failed, a git error). */
class OperationError extends Error {
    /** The last remote status known, for the `status` output. */
    status;
    constructor(message, status) {
        super(message);
        this.name = 'OperationError';
        this.status = status;
    }
}
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    return String(error);
}

;// CONCATENATED MODULE: ./src/http/json.ts
// Mage serialises with Python's json, which writes NaN, Infinity and -Infinity bare. Those are
// not JSON; for reading the answer they become null (the raw text stays what the server sent).
/** Parses JSON, accepting Python's bare NaN/Infinity/-Infinity as null. Throws SyntaxError. */
function parseLenientJson(text) {
    try {
        return JSON.parse(text);
    }
    catch (error) {
        const patched = replacePythonConstants(text);
        if (patched === text)
            throw error;
        return JSON.parse(patched);
    }
}
/** Replaces NaN / Infinity / -Infinity tokens outside strings by null. */
function replacePythonConstants(text) {
    let out = '';
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (inString) {
            out += ch;
            if (ch === '\\') {
                out += text[i + 1] ?? '';
                i++;
            }
            else if (ch === '"') {
                inString = false;
            }
            continue;
        }
        if (ch === '"') {
            inString = true;
            out += ch;
            continue;
        }
        const token = ['-Infinity', 'Infinity', 'NaN'].find(t => text.startsWith(t, i));
        if (token) {
            out += 'null';
            i += token.length - 1;
            continue;
        }
        out += ch;
    }
    return out;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/session-token.ts

/** Masks a session token and, when it is a JWT, its payload and the raw token inside it. */
function maskSessionToken(secrets, token) {
    secrets.add(token);
    const parts = token.split('.');
    if (parts.length !== 3)
        return;
    for (const part of parts.slice(1))
        secrets.add(part);
    const raw = rawTokenOf(token);
    if (raw)
        secrets.add(raw);
}
/** The `.token` field of a JWT's payload (read without verifying, as Mage's own UI does). */
function rawTokenOf(jwt) {
    const payload = jwt.split('.')[1];
    if (!payload)
        return undefined;
    try {
        const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
        return isRecord(decoded) && typeof decoded.token === 'string' ? decoded.token : undefined;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/cluster/exactly-once.ts
// Requests that run something (a block, a pipeline trigger, a deploy) are sent at most once.
// The request layer already repeats only a connection that provably never sent the request;
// here, a failure after sending becomes "failed, outcome unknown" instead of a plain error.

async function sendOnce(what, send) {
    try {
        return await send();
    }
    catch (error) {
        throw asOutcomeUnknown(what, error);
    }
}
/** A 5xx, a dropped connection or a timeout after sending may hide work that ran. */
function asOutcomeUnknown(what, error) {
    const droppedAfterSending = (error instanceof errors_NetworkError || error instanceof errors_RequestTimeoutError) && error.sent;
    const serverFailed = error instanceof errors_MageApiError && error.httpStatus >= 500;
    return droppedAfterSending || serverFailed ? new OutcomeUnknownError(what, error) : error;
}

;// CONCATENATED MODULE: ./src/http/one-line.ts
// Server text made safe to put on one line of a log, an output or an error: control characters
// and line breaks become spaces (a line a server starts with `::` would otherwise be obeyed by
// the runner as a workflow command), runs of spaces collapse, and it is cut to a length.
// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
function oneLine(text, max = Infinity) {
    const flat = text.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
    return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

;// CONCATENATED MODULE: ./src/cluster/pipeline-runs.ts
// Reading pipeline runs out of Mage answers, tolerating the field sets that differ between the
// list, the detail, the trigger and the cancel answers (mage-real-observations.md §5).


/** Server text goes to logs and outputs: on one line (never a workflow command), or nothing. */
const pipeline_runs_text = (value) => typeof value === 'string' ? oneLine(value, 200) || undefined : undefined;
/** The statuses a pipeline run ends in; only `completed` is success. */
const FINAL_RUN_STATUSES = new Set(['completed', 'failed', 'cancelled']);
/** A pipeline run object, or undefined when it lacks an id or a status. */
function readPipelineRun(value) {
    if (!isRecord(value))
        return undefined;
    const id = typeof value.id === 'string' ? pipeline_runs_text(value.id) : value.id;
    const status = pipeline_runs_text(value.status);
    if ((typeof id !== 'number' && typeof id !== 'string') || id === '' || !status)
        return undefined;
    return {
        id,
        status,
        pipelineUuid: pipeline_runs_text(value.pipeline_uuid),
        blockRuns: Array.isArray(value.block_runs) ? readBlockRuns(value.block_runs) : undefined,
        startedAt: value.started_at,
        createdAt: value.created_at,
        executionDate: value.execution_date
    };
}
function readBlockRuns(items) {
    const states = [];
    for (const item of items) {
        if (!isRecord(item))
            continue;
        const blockUuid = pipeline_runs_text(item.block_uuid);
        const status = pipeline_runs_text(item.status);
        if (blockUuid && status)
            states.push({ blockUuid, status });
    }
    return states;
}

;// CONCATENATED MODULE: ./src/cluster/cluster-client.ts





class ClusterClient {
    http;
    apiBase;
    /** Undefined: the cluster runs without user authentication, calls go without a session. */
    credentials;
    token;
    constructor(http, clusterUrl, credentials) {
        this.http = http;
        this.apiBase = `${clusterUrl}/api`;
        this.credentials = credentials;
    }
    async login() {
        const credentials = this.credentials;
        if (!credentials)
            return;
        const response = await this.http.call({
            method: 'POST',
            url: `${this.apiBase}/sessions`,
            headers: { 'X-API-KEY': credentials.apiKey },
            json: { session: { email: credentials.email, password: credentials.password } },
            retry: 'idempotent',
            timeout: 'short',
            log: 'info'
        });
        const session = isRecord(response.body) ? response.body.session : undefined;
        const jwt = isRecord(session) ? session.token : undefined;
        if (typeof jwt !== 'string' || jwt === '') {
            throw unexpected(response, 'POST', '/api/sessions', 'the login answer has no session.token');
        }
        maskSessionToken(this.http.secrets, jwt);
        this.token = rawTokenOf(jwt) ?? jwt;
    }
    /** GET /api/status: no auth; a readiness probe that also tells the auth mode. */
    async getStatus() {
        const response = await this.http.call({
            method: 'GET',
            url: `${this.apiBase}/status`,
            retry: 'idempotent',
            timeout: 'short',
            log: 'info'
        });
        const statuses = isRecord(response.body) ? response.body.statuses : undefined;
        const first = Array.isArray(statuses) ? statuses[0] : undefined;
        if (!isRecord(first)) {
            throw unexpected(response, 'GET', '/api/status', 'the answer has no statuses');
        }
        const flag = first.require_user_authentication;
        return { requireUserAuthentication: typeof flag === 'boolean' ? flag : undefined };
    }
    /** One page of the runs in `status`, newest first. */
    async listRuns(status, limit, offset) {
        const query = new URLSearchParams({
            status,
            _limit: String(limit),
            _offset: String(offset)
        });
        const path = `/pipeline_runs?${query.toString()}`;
        const response = await this.authorized({
            method: 'GET',
            url: `${this.apiBase}${path}`,
            retry: 'idempotent',
            timeout: 'short',
            log: 'info'
        });
        const body = isRecord(response.body) ? response.body : {};
        if (!Array.isArray(body.pipeline_runs)) {
            throw unexpected(response, 'GET', `/api${path}`, 'the answer has no pipeline_runs list');
        }
        const runs = body.pipeline_runs
            .map(readPipelineRun)
            .filter((run) => run !== undefined);
        const next = isRecord(body.metadata) && body.metadata.next === true;
        return { runs, next };
    }
    async getPipelineRun(id, options = {}) {
        const path = `/pipeline_runs/${encodeURIComponent(String(id))}`;
        const response = await this.authorized({
            method: 'GET',
            url: `${this.apiBase}${path}`,
            retry: 'idempotent',
            timeout: 'short',
            log: options.log ?? 'debug',
            lastRead: options.lastRead
        });
        return pipelineRunOf(response, 'GET', `/api${path}`);
    }
    /** PUT status cancelled. Mage ignores it on a finished run and answers with its status. */
    async cancelPipelineRun(id, options = {}) {
        const path = `/pipeline_runs/${encodeURIComponent(String(id))}`;
        const response = await this.authorized({
            method: 'PUT',
            url: `${this.apiBase}${path}`,
            json: { pipeline_run: { status: 'cancelled' } },
            retry: 'idempotent',
            timeout: 'short',
            log: 'info',
            lastRead: options.lastRead
        });
        return pipelineRunOf(response, 'PUT', `/api${path}`);
    }
    /** The block's run logs (`content` of each log file), oldest file first. */
    async getBlockLogs(pipelineUuid, runId, blockUuid) {
        const query = new URLSearchParams({
            'pipeline_run_id[]': String(runId),
            'block_uuid[]': blockUuid,
            _limit: '20'
        });
        const response = await this.authorized({
            method: 'GET',
            url: `${this.apiBase}/pipelines/${encodeURIComponent(pipelineUuid)}/logs?${query.toString()}`,
            retry: 'idempotent',
            timeout: 'short',
            log: 'debug'
        });
        const logs = isRecord(response.body) ? response.body.logs : undefined;
        const contents = [];
        for (const entry of Array.isArray(logs) ? logs : []) {
            const files = isRecord(entry) ? entry.block_run_logs : undefined;
            for (const file of Array.isArray(files) ? files : []) {
                if (isRecord(file) && typeof file.content === 'string')
                    contents.push(file.content);
            }
        }
        return contents;
    }
    /** GET /api/syncs: the git sync configuration (branch, remote), for the plan. */
    async getGitSyncConfig() {
        const response = await this.authorized({
            method: 'GET',
            url: `${this.apiBase}/syncs`,
            retry: 'idempotent',
            timeout: 'short',
            log: 'info'
        });
        const syncs = isRecord(response.body) ? response.body.syncs : undefined;
        const first = Array.isArray(syncs) ? syncs[0] : undefined;
        return isRecord(first) ? first : undefined;
    }
    /** POST a Mage Pro deployment: sent once (a refused session is renewed and it is sent again). */
    createDeployment(setting, deployment) {
        return this.authorizedOnce(`the deployment through setting '${setting}'`, {
            method: 'POST',
            url: `${this.apiBase}/deployment_settings/${encodeURIComponent(setting)}/deployments`,
            json: { deployment },
            retry: 'once',
            timeout: 'deadline',
            log: 'info'
        });
    }
    /** PUT /api/syncs/git sync_data: fetch and hard-reset to the configured branch, sent once. */
    syncGit() {
        return this.authorizedOnce('the git sync', {
            method: 'PUT',
            url: `${this.apiBase}/syncs/git`,
            json: { sync: { action_type: 'sync_data' } },
            retry: 'once',
            timeout: 'deadline',
            log: 'info'
        });
    }
    async authorized(options) {
        await this.ensureSession();
        try {
            return await this.http.call(this.withSession(options));
        }
        catch (error) {
            if (!this.renewable(error))
                throw error;
            await this.renewSession();
            return this.http.call(this.withSession(options));
        }
    }
    /** Like authorized(), for requests that run something: a failure after sending is final. */
    async authorizedOnce(what, options) {
        await this.ensureSession();
        try {
            return await sendOnce(what, () => this.http.call(this.withSession(options)));
        }
        catch (error) {
            // An auth-layer refusal proves nothing ran: renew the session and send it once more.
            if (!this.renewable(error))
                throw error;
            await this.renewSession();
            return sendOnce(what, () => this.http.call(this.withSession(options)));
        }
    }
    async ensureSession() {
        if (this.credentials && !this.token)
            await this.login();
    }
    async renewSession() {
        this.http.io.info('The cluster refused the session; logging in again');
        this.token = undefined;
        await this.login();
    }
    /** An auth-layer refusal (401/403, invalid or expired token) is worth one fresh login. */
    renewable(error) {
        return error instanceof errors_MageApiError && error.isAuthFailure && this.credentials !== undefined;
    }
    withSession(options) {
        if (!this.credentials || !this.token)
            return options;
        return {
            ...options,
            headers: {
                ...options.headers,
                'X-API-KEY': this.credentials.apiKey,
                'OAUTH-TOKEN': this.token
            }
        };
    }
}
function pipelineRunOf(response, method, path) {
    const run = readPipelineRun(isRecord(response.body) ? response.body.pipeline_run : undefined);
    if (!run)
        throw unexpected(response, method, path, 'the answer has no pipeline_run with a status');
    return run;
}
function unexpected(response, method, path, detail) {
    return new errors_MageApiError({
        api: 'cluster',
        kind: 'unexpected_shape',
        method,
        path,
        httpStatus: response.status,
        detail: `HTTP ${response.status}, ${detail}`
    });
}

// EXTERNAL MODULE: ./src/cluster/post-state.ts
var post_state = __webpack_require__(8726);
;// CONCATENATED MODULE: ./src/config/github-context.ts
function readGitHubContext(env, readFile) {
    return {
        eventName: env.GITHUB_EVENT_NAME ?? '',
        sha: env.GITHUB_SHA ?? '',
        refName: env.GITHUB_REF_NAME ?? '',
        headRef: env.GITHUB_HEAD_REF ?? '',
        payload: readPayload(env.GITHUB_EVENT_PATH, readFile)
    };
}
// A missing or broken event file only loses the defaults; the inputs can still name them.
function readPayload(path, readFile) {
    if (path === undefined || path === '')
        return {};
    try {
        const parsed = JSON.parse(readFile(path));
        return github_context_isRecord(parsed) ? parsed : {};
    }
    catch {
        return {};
    }
}
const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'];
/**
 * SPEC §6 "deploy-git details": on pull requests the head commit (never the merge commit) and the
 * head branch; else `GITHUB_SHA` and `GITHUB_REF_NAME`. The message is the push's head commit
 * message, else the sha.
 */
function defaultGitSource(ctx) {
    const isPullRequest = PULL_REQUEST_EVENTS.includes(ctx.eventName);
    const headSha = isPullRequest ? stringAt(ctx.payload, 'pull_request', 'head', 'sha') : '';
    const sha = headSha !== '' ? headSha : ctx.sha;
    const branch = isPullRequest && ctx.headRef !== '' ? ctx.headRef : ctx.refName;
    const pushMessage = ctx.eventName === 'push' ? stringAt(ctx.payload, 'head_commit', 'message') : '';
    return { sha, branch, commitMessage: pushMessage !== '' ? pushMessage : sha };
}
function stringAt(value, ...path) {
    let current = value;
    for (const key of path)
        current = github_context_isRecord(current) ? current[key] : undefined;
    return typeof current === 'string' ? current : '';
}
function github_context_isRecord(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/config/show-value.ts
// Quotes a short, non-secret input value for an error message: cut, one line, never huge.
const MAX_SHOWN = 40;
/** `'value'`, at most 40 characters, control characters escaped. Only for non-secret inputs. */
function showValue(raw) {
    const cut = raw.length > MAX_SHOWN ? `${raw.slice(0, MAX_SHOWN)}…` : raw;
    return `'${JSON.stringify(cut).slice(1, -1)}'`;
}

;// CONCATENATED MODULE: ./src/config/durations.ts
// Durations as users write them: `90s`, `10m`, `1h30m`, `1.5m`, `250ms`, or plain seconds.


const UNIT_MS = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
/** Units largest first: each may appear once, in this order (`1h30m`, not `30m1h` or `5m5m`). */
const UNIT_ORDER = ['h', 'm', 's', 'ms'];
const PLAIN_SECONDS = /^\d+(?:\.\d+)?$/;
// `ms` is tried before `m`, so `250ms` is 250 milliseconds. Spaces between parts (`1h 30m`) are
// harmless and allowed; a space between number and unit is not.
const PART = /(\d+(?:\.\d+)?)(ms|h|m|s)[ \t]*/y;
const HINT = 'use e.g. 90s, 10m, 1h30m, 250ms or plain seconds';
/** Milliseconds, rounded to a whole number. Throws a `ConfigError` naming `input`. */
function parseDuration(input, raw) {
    const text = raw.trim();
    if (text === '')
        throw new ConfigError(input, `is empty: ${HINT}`);
    if (PLAIN_SECONDS.test(text))
        return toWholeMs(input, Number(text) * 1000);
    let total = 0;
    let position = 0;
    let lastUnit = -1;
    while (position < text.length) {
        PART.lastIndex = position;
        const match = PART.exec(text);
        if (match === null)
            throw new ConfigError(input, `${showValue(text)} is not a duration: ${HINT}`);
        const unit = match[2];
        const unitIndex = UNIT_ORDER.indexOf(unit);
        if (unitIndex <= lastUnit) {
            throw new ConfigError(input, `${showValue(text)} is not a duration: give each unit once, largest first (${HINT})`);
        }
        lastUnit = unitIndex;
        total += Number(match[1]) * UNIT_MS[unit];
        position = PART.lastIndex;
    }
    return toWholeMs(input, total);
}
function toWholeMs(input, ms) {
    if (!Number.isFinite(ms) || ms > Number.MAX_SAFE_INTEGER) {
        throw new ConfigError(input, 'is too long a duration');
    }
    return Math.round(ms);
}
/** `parseDuration`, then a range check whose message says what is allowed. */
function parseBoundedDuration(input, raw, bounds) {
    const ms = parseDuration(input, raw);
    const { minMs, maxMs, exclusiveMin = false } = bounds;
    const tooSmall = minMs !== undefined && (exclusiveMin ? ms <= minMs : ms < minMs);
    const tooLarge = maxMs !== undefined && ms > maxMs;
    if (tooSmall || tooLarge) {
        throw new ConfigError(input, `${describeBounds(bounds)} (got ${showValue(raw.trim())})`);
    }
    return ms;
}
function describeBounds({ minMs, maxMs, exclusiveMin = false }) {
    if (minMs !== undefined && maxMs !== undefined) {
        return exclusiveMin
            ? `must be more than ${formatDuration(minMs)} and at most ${formatDuration(maxMs)}`
            : `must be between ${formatDuration(minMs)} and ${formatDuration(maxMs)}`;
    }
    if (minMs !== undefined) {
        return `must be ${exclusiveMin ? 'more than' : 'at least'} ${formatDuration(minMs)}`;
    }
    return maxMs !== undefined ? `must be at most ${formatDuration(maxMs)}` : 'is out of range';
}
/** `5400000` → `1h30m`, `250` → `250ms`, `0` → `0s`: the form users write. */
function formatDuration(ms) {
    let rest = Math.max(0, Math.round(ms));
    let text = '';
    for (const unit of UNIT_ORDER) {
        const count = Math.floor(rest / UNIT_MS[unit]);
        if (count > 0)
            text += `${count}${unit}`;
        rest -= count * UNIT_MS[unit];
    }
    return text === '' ? '0s' : text;
}

;// CONCATENATED MODULE: ./src/config/env-names.ts
// Environment variable names: the rule, and how a bad one is shown without leaking a value.

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NAME_RULE = 'letters, digits and _, not starting with a digit';
// A name is not secret, but text that is not a name may be a piece of a value (a line of a
// multi-line key pasted into `env`). Only text that looks like a mistyped name is echoed.
const SHOWABLE = /^[A-Za-z0-9_.\- ]{1,64}$/;
/** Throws unless `name` is a valid env name. `where` locates it: `line 3: ` or ''. */
function checkEnvName(input, name, where) {
    if (ENV_NAME.test(name))
        return;
    if (name === '')
        throw new ConfigError(input, `${where}the name is empty`);
    const shown = SHOWABLE.test(name)
        ? `'${name}' is not a valid env name`
        : 'the name is not a valid env name, and is not shown as it may hold part of a value';
    throw new ConfigError(input, `${where}${shown} (${NAME_RULE})`);
}
/** Remembers names and where each was given; a second use is an error naming it. */
class NameRegistry {
    input;
    places = new Map();
    constructor(input) {
        this.input = input;
    }
    add(name, place) {
        const first = this.places.get(name);
        if (first !== undefined) {
            throw new ConfigError(this.input, `'${name}' is given twice (${first} and ${place})`);
        }
        this.places.set(name, place);
    }
}

;// CONCATENATED MODULE: ./src/config/env-dotenv.ts
// The dotenv form of the `env` input: `KEY=VALUE` lines (SPEC §6 "Formats").
// Values are secrets: no error message here ever contains one; lines are named by number.


const EXPORT_PREFIX = /^export[ \t]+(\S.*)$/;
function parseDotenv(input, raw) {
    const entries = [];
    const names = new NameRegistry(input);
    raw.split('\n').forEach((rawLine, index) => {
        const line = rawLine.trim(); // also drops the `\r` of CRLF input
        if (line === '' || line.startsWith('#'))
            return;
        const where = `line ${index + 1}`;
        const equals = line.indexOf('=');
        if (equals === -1) {
            throw new ConfigError(input, `${where} is not NAME=VALUE (it has no '=')`);
        }
        const keyPart = line.slice(0, equals).trim();
        const name = EXPORT_PREFIX.exec(keyPart)?.[1].trim() ?? keyPart;
        checkEnvName(input, name, `${where}: `);
        names.add(name, where);
        entries.push({ name, value: unquote(line.slice(equals + 1).trim()) });
    });
    return entries;
}
/** Removes matching quotes around a whole value; anything else is verbatim (`#` included). */
function unquote(value) {
    if (value.length < 2)
        return value;
    const quote = value[0];
    if ((quote !== '"' && quote !== "'") || !value.endsWith(quote))
        return value;
    const inner = value.slice(1, -1);
    return quote === '"' ? unescapeDoubleQuoted(inner) : inner;
}
// Double quotes understand `\n`, `\"` and `\\`; any other backslash is kept as written.
function unescapeDoubleQuoted(text) {
    return text.replace(/\\([n"\\])/g, (_, c) => (c === 'n' ? '\n' : c));
}

;// CONCATENATED MODULE: ./src/config/env-json.ts
// The JSON form of the `env` input: one object of string, number or boolean values.
// JSON.parse checks the syntax; a scan of the top level then finds what it would hide:
// duplicate keys (JSON.parse keeps the last) and integers it cannot hold exactly.
// Values are secrets: no error message here ever contains one.


const WHITESPACE = /[ \t\n\r]*/y;
const STRING = /"(?:[^"\\]+|\\.)*"/y;
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const INTEGER = /^-?\d+$/;
function parseEnvJson(input, raw) {
    let parsed;
    try {
        parsed = JSON.parse(raw);
    }
    catch (error) {
        throw new ConfigError(input, `is not valid JSON${jsonErrorPlace(raw, error)}`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new ConfigError(input, 'must be a JSON object of NAME: value');
    }
    return scanTopLevel(input, raw);
}
/** Reads `{"KEY": value, …}` from text JSON.parse has already accepted. */
function scanTopLevel(input, text) {
    const entries = [];
    const names = new NameRegistry(input);
    let position = skip(text, text.indexOf('{') + 1);
    if (text[position] === '}')
        return entries;
    for (;;) {
        const keyToken = token(STRING, text, position);
        const name = JSON.parse(keyToken);
        checkEnvName(input, name, '');
        names.add(name, `key ${entries.length + 1}`);
        position = skip(text, skip(text, position + keyToken.length) + 1); // past ':'
        const { value, length } = readValue(input, name, text, position);
        entries.push({ name, value });
        position = skip(text, position + length);
        if (text[position] === '}')
            return entries;
        position = skip(text, position + 1); // past ','
    }
}
function readValue(input, name, text, position) {
    const first = text[position];
    if (first === '"') {
        const raw = token(STRING, text, position);
        return { value: JSON.parse(raw), length: raw.length };
    }
    if (text.startsWith('true', position))
        return { value: 'true', length: 4 };
    if (text.startsWith('false', position))
        return { value: 'false', length: 5 };
    if (first === '-' || (first >= '0' && first <= '9')) {
        const raw = token(NUMBER, text, position);
        return { value: numberText(input, name, raw), length: raw.length };
    }
    const kind = first === '{' ? 'an object' : first === '[' ? 'an array' : 'null';
    throw new ConfigError(input, `the value of '${name}' is ${kind}: use a string, number or boolean`);
}
/** A number as JSON.stringify prints it; refused when that would change it. */
function numberText(input, name, raw) {
    const value = Number(raw);
    if (!Number.isFinite(value)) {
        throw new ConfigError(input, `the value of '${name}' is too large a number: quote it`);
    }
    if (INTEGER.test(raw) && !Number.isSafeInteger(value)) {
        throw new ConfigError(input, `the value of '${name}' is an integer too large to keep exactly: quote it as a string`);
    }
    return String(value);
}
function token(pattern, text, position) {
    pattern.lastIndex = position;
    const match = pattern.exec(text);
    if (match === null)
        throw new Error(`unexpected JSON at ${position}`); // JSON.parse accepted it
    return match[0];
}
function skip(text, position) {
    WHITESPACE.lastIndex = position;
    WHITESPACE.exec(text);
    return WHITESPACE.lastIndex;
}
// V8's message may quote the input (a secret), so only its position is kept.
function jsonErrorPlace(text, error) {
    const message = error instanceof Error ? error.message : '';
    const match = /at position (\d+)/.exec(message);
    if (match === null)
        return '';
    const offset = Number(match[1]);
    const before = text.slice(0, offset).split('\n');
    return ` (line ${before.length}, column ${before[before.length - 1].length + 1})`;
}

;// CONCATENATED MODULE: ./src/config/env-input.ts
// The `env` and `unset-env` inputs of set-env (SPEC §6 "Formats").




/** `env`: a JSON object when the first non-blank character is `{`, else dotenv lines. */
function parseEnvInput(raw) {
    return raw.trimStart().startsWith('{') ? parseEnvJson('env', raw) : parseDotenv('env', raw);
}
/** `unset-env`: one name a line; blank and `#` lines skipped; a name given twice is an error. */
function parseEnvNames(raw) {
    const input = 'unset-env';
    const names = [];
    const registry = new NameRegistry(input);
    raw.split('\n').forEach((rawLine, index) => {
        const name = rawLine.trim();
        if (name === '' || name.startsWith('#'))
            return;
        const where = `line ${index + 1}`;
        if (name.includes('=')) {
            // NAME=VALUE pasted here: the value must not be echoed.
            throw new ConfigError(input, `${where} holds '=': unset-env takes names only, one a line`);
        }
        checkEnvName(input, name, `${where}: `);
        registry.add(name, where);
        names.push(name);
    });
    return names;
}

;// CONCATENATED MODULE: ./src/config/scalars.ts
// Strict scalar inputs: a typo is an error naming the input, never a silent default.


const TRUE_VALUES = ['true', 'True', 'TRUE'];
const FALSE_VALUES = ['false', 'False', 'FALSE'];
/** The YAML 1.2 core booleans `@actions/core` accepts; `yes`, `1` or `on` are errors. */
function parseBoolean(input, raw) {
    const text = raw.trim();
    if (TRUE_VALUES.includes(text))
        return true;
    if (FALSE_VALUES.includes(text))
        return false;
    throw new ConfigError(input, `must be true or false (got ${showValue(text)})`);
}
/** A whole number ≥ 1, digits only (no sign, no decimals, no exponent). */
function parsePositiveInteger(input, raw) {
    const value = parseDigits(input, raw, 'a positive integer (1, 2, 3, …)');
    if (value < 1)
        throw new ConfigError(input, `must be a positive integer (got ${showValue(raw)})`);
    return value;
}
/** A whole number ≥ 0, digits only. */
function parseNonNegativeInteger(input, raw) {
    return parseDigits(input, raw, 'a whole number, 0 or more');
}
function parseDigits(input, raw, what) {
    const text = raw.trim();
    const value = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(value)) {
        throw new ConfigError(input, `must be ${what} (got ${showValue(text)})`);
    }
    return value;
}
/**
 * Non-blank lines, each trimmed; CRLF-safe. (`input` is unused: it keeps the signature of the
 * other parsers.)
 */
function parseLines(input, raw) {
    return raw
        .split('\n')
        .map(line => line.trim())
        .filter(line => line !== '');
}
/** `parseLines`, where a line given twice is an error naming it (e.g. `block`). */
function parseUniqueLines(input, raw) {
    const lines = parseLines(input, raw);
    const seen = new Set();
    for (const line of lines) {
        if (seen.has(line))
            throw new ConfigError(input, `${showValue(line)} is given twice`);
        seen.add(line);
    }
    return lines;
}
/** One of a fixed list, exactly (case-sensitive); the error lists the valid values. */
function parseChoice(input, raw, choices) {
    const text = raw.trim();
    const choice = choices.find(c => c === text);
    if (choice === undefined) {
        throw new ConfigError(input, `must be one of ${choices.join(', ')} (got ${showValue(text)})`);
    }
    return choice;
}

;// CONCATENATED MODULE: ./src/config/inputs.ts
const DEFAULT_CLOUD_API_URL = 'https://cloud.mage.ai/api/v1';
/** The Cloud portal's public key, as published in the Mage Pro API docs. */
const DEFAULT_CLOUD_API_KEY = 'oMqz2m320NfVERFonfytPFVETfPTHyN5N7db9dLK';
/** The public Mage client key, the same on every install (mage_ai/settings/server.py). */
const DEFAULT_CLUSTER_API_KEY = 'zkWlN0PkIKSN0C11CfUHUj84OT5XOJ6tDZ6bDRO2';
const CLOUD = ['start-cluster', 'stop-cluster', 'set-env', 'cluster-status'];
const CLUSTER_LOGIN = ['deploy-git', 'run-pipeline', 'stop-cluster'];
const INPUTS = [
    { name: 'operation', usedBy: 'all' },
    { name: 'timeout', usedBy: 'all', default: '15m' },
    {
        name: 'wait',
        usedBy: ['start-cluster', 'stop-cluster', 'set-env', 'deploy-git', 'run-pipeline'],
        default: 'true'
    },
    {
        name: 'poll-interval',
        usedBy: ['start-cluster', 'stop-cluster', 'set-env', 'deploy-git', 'run-pipeline'],
        default: '5s'
    },
    { name: 'fail-on-error', usedBy: 'all', default: 'true' },
    {
        name: 'dry-run',
        usedBy: ['start-cluster', 'stop-cluster', 'set-env', 'deploy-git'],
        default: 'false'
    },
    { name: 'cloud-email', envFallback: 'MAGE_CLOUD_EMAIL', usedBy: CLOUD },
    { name: 'cloud-password', envFallback: 'MAGE_CLOUD_PASSWORD', usedBy: CLOUD, secret: true },
    {
        name: 'cloud-api-key',
        envFallback: 'MAGE_CLOUD_API_KEY',
        usedBy: CLOUD,
        default: DEFAULT_CLOUD_API_KEY,
        secret: true
    },
    {
        name: 'cloud-api-url',
        envFallback: 'MAGE_CLOUD_API_URL',
        usedBy: CLOUD,
        default: DEFAULT_CLOUD_API_URL
    },
    { name: 'team-id', envFallback: 'MAGE_TEAM_ID', usedBy: CLOUD },
    { name: 'cluster-id', envFallback: 'MAGE_CLUSTER_ID', usedBy: CLOUD },
    { name: 'env', usedBy: ['set-env'] },
    { name: 'unset-env', usedBy: ['set-env'] },
    { name: 'replicas', usedBy: ['start-cluster'], default: '1' },
    { name: 'skip-if-busy', usedBy: ['stop-cluster'], default: 'false' },
    { name: 'busy-max-age', usedBy: ['stop-cluster'], default: '24h' },
    {
        name: 'cluster-url',
        envFallback: 'MAGE_CLUSTER_URL',
        usedBy: ['run-block', 'deploy-git', 'run-pipeline', 'start-cluster', 'set-env', 'stop-cluster']
    },
    {
        name: 'trigger-token',
        envFallback: 'MAGE_TRIGGER_TOKEN',
        usedBy: ['run-block', 'run-pipeline'],
        secret: true
    },
    { name: 'cluster-email', envFallback: 'MAGE_CLUSTER_EMAIL', usedBy: CLUSTER_LOGIN },
    {
        name: 'cluster-password',
        envFallback: 'MAGE_CLUSTER_PASSWORD',
        usedBy: CLUSTER_LOGIN,
        secret: true
    },
    {
        name: 'cluster-api-key',
        envFallback: 'MAGE_CLUSTER_API_KEY',
        usedBy: CLUSTER_LOGIN,
        default: DEFAULT_CLUSTER_API_KEY,
        secret: true
    },
    { name: 'pipeline', usedBy: ['run-block'] },
    { name: 'block', usedBy: ['run-block'] },
    { name: 'variables', usedBy: ['run-block', 'run-pipeline'], default: '{}' },
    { name: 'run-upstream-blocks', usedBy: ['run-block'], default: 'false' },
    { name: 'incomplete-only', usedBy: ['run-block'], default: 'false' },
    { name: 'record', usedBy: ['run-block'], default: 'true' },
    { name: 'store-variables', usedBy: ['run-block'], default: 'true' },
    { name: 'project', usedBy: ['run-block'] },
    { name: 'schedule-id', usedBy: ['run-pipeline'] },
    { name: 'deployment-setting', usedBy: ['deploy-git'] },
    { name: 'git-sha', usedBy: ['deploy-git'] },
    { name: 'git-branch', usedBy: ['deploy-git'] },
    { name: 'commit-message', usedBy: ['deploy-git'] },
    { name: 'deploy-branch', usedBy: ['deploy-git'] },
    { name: 'environment', usedBy: ['deploy-git'], default: 'production' },
    { name: 'target-directory', usedBy: ['deploy-git'] }
];
const OUTPUTS = (/* unused pure expression or super */ null && ([
    'status',
    'error',
    'changed',
    'cluster-status',
    'output',
    'output-truncated',
    'output-file',
    'env-names',
    'pipeline-run-id',
    'run-url',
    'block-statuses',
    'deployment-id',
    'commit'
]));

;// CONCATENATED MODULE: ./src/config/input-values.ts
// Raw inputs resolved once: the input itself, else its env fallback, else the code's default.
// Remembers which inputs were given in `with:`, for the unused-input warnings.


/** Inputs whose inner text matters (YAML indentation, one item a line): not trimmed. */
const TEXT_INPUTS = new Set(['env', 'unset-env', 'variables', 'block']);
/** The default the code applies to each input that has one (action.yml must agree). */
const CONFIG_DEFAULTS = Object.fromEntries(INPUTS.flatMap(spec => (spec.default === undefined ? [] : [[spec.name, spec.default]])));
class InputValues {
    resolved;
    constructor(source) {
        this.resolved = new Map(INPUTS.map(spec => [spec.name, resolve(spec, source)]));
    }
    /** The value after fallback and default; '' when none applies. */
    value(name) {
        return this.get(name).value;
    }
    /** The value, or `undefined` when empty. */
    optional(name) {
        const { value } = this.get(name);
        return value === '' ? undefined : value;
    }
    /** The value, or an error naming the input, what needs it, and its env fallback. */
    required(name, neededFor) {
        const { value, spec } = this.get(name);
        if (value !== '')
            return value;
        const fallback = spec.envFallback === undefined ? '' : ` (or set ${spec.envFallback})`;
        throw new ConfigError(name, `is required for ${neededFor}${fallback}`);
    }
    /**
     * Given in `with:` itself: an env fallback or a default does not count. The runner fills every
     * action.yml default in as an input, so a value equal to its default counts as not given.
     */
    given(name) {
        const { origin, value, spec } = this.get(name);
        return origin === 'input' && value !== spec.default;
    }
    /** Names of the inputs given in `with:`, in action.yml order. */
    givenNames() {
        return INPUTS.map(spec => spec.name).filter(name => this.given(name));
    }
    /** Every secret value, wherever it came from, except a public default key. */
    secrets() {
        const secrets = new Set();
        for (const { spec, value } of this.resolved.values()) {
            if (spec.secret === true && value !== '' && value !== spec.default)
                secrets.add(value);
        }
        return [...secrets];
    }
    get(name) {
        const resolved = this.resolved.get(name);
        if (resolved === undefined)
            throw new Error(`unknown input '${name}'`); // a bug, not bad input
        return resolved;
    }
}
function resolve(spec, source) {
    const raw = source.input(spec.name);
    if (raw.trim() !== '') {
        return { spec, value: TEXT_INPUTS.has(spec.name) ? raw : raw.trim(), origin: 'input' };
    }
    const fromEnv = spec.envFallback === undefined ? '' : (source.env[spec.envFallback] ?? '').trim();
    if (fromEnv !== '')
        return { spec, value: fromEnv, origin: 'env-fallback' };
    if (spec.default !== undefined)
        return { spec, value: spec.default, origin: 'default' };
    return { spec, value: '', origin: 'none' };
}
/** What INPUTS says: does `operation` use the input at all? */
function isUsedBy(name, operation) {
    const spec = INPUTS.find(s => s.name === name);
    return spec !== undefined && (spec.usedBy === 'all' || spec.usedBy.includes(operation));
}

;// CONCATENATED MODULE: ./src/config/types.ts
// The one typed config, parsed and validated from the inputs before any request.
const OPERATIONS = [
    'start-cluster',
    'stop-cluster',
    'set-env',
    'cluster-status',
    'run-block',
    'deploy-git',
    'run-pipeline'
];
const DRY_RUN_OPERATIONS = [
    'start-cluster',
    'stop-cluster',
    'set-env',
    'deploy-git'
];
const CLOUD_OPERATIONS = (/* unused pure expression or super */ null && ([
    'start-cluster',
    'stop-cluster',
    'set-env',
    'cluster-status'
]));
const ENVIRONMENTS = ['development', 'staging', 'production'];

;// CONCATENATED MODULE: ./src/config/urls.ts
// Base URLs (`cluster-url`, `cloud-api-url`), normalised so paths can be appended.
// A URL may carry credentials, so no message here ever echoes it.

const EXAMPLE = 'give one like https://host or https://host/base-path';
// `user:pass@host`, or a bare `@host`, in the authority (before the first `/`, `\`, `?`, `#`).
const AUTHORITY_WITH_AT = /^[A-Za-z][A-Za-z0-9+.-]*:[/\\]*[^/\\?#]*@/;
/** `https://host[:port][/base-path]`, without a trailing `/` (nor, optionally, `/api`). */
function parseBaseUrl(input, raw, options) {
    const text = raw.trim();
    if (text === '')
        throw new ConfigError(input, `is empty: ${EXAMPLE}`);
    if (/\s/.test(text))
        throw new ConfigError(input, 'must not contain spaces or line breaks');
    if (AUTHORITY_WITH_AT.test(text)) {
        throw new ConfigError(input, 'contains credentials (user:pass@): give them in their own inputs');
    }
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new ConfigError(input, `is not a valid URL: ${EXAMPLE}`);
    }
    if (url.username !== '' || url.password !== '') {
        throw new ConfigError(input, 'contains credentials (user:pass@): give them in their own inputs');
    }
    const secure = url.protocol === 'https:';
    if (!secure && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
        throw new ConfigError(input, 'must start with https:// (http:// is allowed only for localhost, 127.0.0.0/8 and ::1)');
    }
    // `?` and `#` are checked in the text too: URL drops an empty query or fragment silently.
    if (url.search !== '' || text.includes('?')) {
        throw new ConfigError(input, `must not contain a query (?…): ${EXAMPLE}`);
    }
    if (url.hash !== '' || text.includes('#')) {
        throw new ConfigError(input, `must not contain a fragment (#…): ${EXAMPLE}`);
    }
    let path = url.pathname.replace(/\/+$/, '');
    if (options.stripApiSuffix && path.endsWith('/api'))
        path = path.slice(0, -4).replace(/\/+$/, '');
    return `${url.protocol}//${url.host}${path}`;
}
/** SPEC §6: `localhost`, `127.0.0.0/8` and `::1`. URL has already normalised the hostname. */
function isLoopback(hostname) {
    return (hostname === 'localhost' ||
        hostname === '[::1]' ||
        hostname === '::1' ||
        /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname));
}

;// CONCATENATED MODULE: ./src/config/settings.ts
// Settings shared by several operations: common knobs, Cloud login, cluster URL and login.






/**
 * `timeout` has no upper bound in SPEC; 120h is the longest a self-hosted job may run, and stays
 * below the 2^31 ms where Node's timers stop working (a longer delay fires at once).
 */
const TIMEOUT_MAX_MS = 120 * 3_600_000;
const POLL_INTERVAL_BOUNDS = { minMs: 1000, maxMs: 5 * 60_000 };
const BUSY_MAX_AGE_MIN_MS = 60_000;
function commonSettings(values, operation) {
    // dry-run is read for every operation: `dry-run: true` where none exists must not change things.
    const dryRun = parseBoolean('dry-run', values.value('dry-run'));
    if (dryRun && !DRY_RUN_OPERATIONS.includes(operation)) {
        throw new ConfigError('dry-run', `${operation} has no dry run (only ${DRY_RUN_OPERATIONS.join(', ')} have one)`);
    }
    // An input the operation does not use keeps its default (and only gets a warning).
    const used = (name) => isUsedBy(name, operation) ? values.value(name) : CONFIG_DEFAULTS[name];
    return {
        timeoutMs: parseBoundedDuration('timeout', values.value('timeout'), {
            minMs: 0,
            exclusiveMin: true,
            maxMs: TIMEOUT_MAX_MS
        }),
        wait: parseBoolean('wait', used('wait')),
        pollIntervalMs: parseBoundedDuration('poll-interval', used('poll-interval'), POLL_INTERVAL_BOUNDS),
        failOnError: parseBoolean('fail-on-error', values.value('fail-on-error')),
        dryRun
    };
}
function cloudSettings(values, operation) {
    return {
        email: values.required('cloud-email', operation),
        password: values.required('cloud-password', operation),
        teamId: pathSegment('team-id', values.required('team-id', operation)),
        clusterId: pathSegment('cluster-id', values.required('cluster-id', operation)),
        apiUrl: parseBaseUrl('cloud-api-url', values.value('cloud-api-url'), { stripApiSuffix: false }),
        apiKey: headerToken('cloud-api-key', values.value('cloud-api-key'))
    };
}
function requiredClusterUrl(values, neededFor) {
    return parseClusterUrl(values.required('cluster-url', neededFor));
}
function optionalClusterUrl(values) {
    const raw = values.optional('cluster-url');
    return raw === undefined ? undefined : parseClusterUrl(raw);
}
function parseClusterUrl(raw) {
    return parseBaseUrl('cluster-url', raw, { stripApiSuffix: true });
}
function clusterCredentials(values, neededFor) {
    return {
        email: values.required('cluster-email', neededFor),
        password: values.required('cluster-password', neededFor),
        apiKey: headerToken('cluster-api-key', values.value('cluster-api-key'))
    };
}
/** Ids that become one URL path segment: no `/`, `?`, `#` or whitespace can slip a path in. */
function pathSegment(input, value) {
    if (/[\s/?#\\]/.test(value)) {
        throw new ConfigError(input, 'must be a single id, without spaces, /, \\, ? or #');
    }
    return value;
}
/**
 * A secret sent in a header (API keys, trigger token): one token of printable ASCII. Anything
 * else would fail only at the request, as an error that names no input. Never echoed.
 */
function headerToken(input, value) {
    if (!/^[\x21-\x7e]+$/.test(value)) {
        throw new ConfigError(input, 'must be one token of printable ASCII characters, without spaces or line breaks');
    }
    return value;
}

;// CONCATENATED MODULE: ./src/config/build-cloud-configs.ts
// The Cloud operations' configs: start-cluster, stop-cluster, set-env, cluster-status.





function buildStartCluster(values) {
    return {
        operation: 'start-cluster',
        cloud: cloudSettings(values, 'start-cluster'),
        clusterUrl: optionalClusterUrl(values),
        replicas: parsePositiveInteger('replicas', values.value('replicas'))
    };
}
function buildStopCluster(values) {
    const cloud = cloudSettings(values, 'stop-cluster');
    if (!parseBoolean('skip-if-busy', values.value('skip-if-busy'))) {
        return { operation: 'stop-cluster', cloud };
    }
    // Never stop a cluster whose runs cannot be seen: skip-if-busy needs the cluster's API.
    const neededFor = 'stop-cluster with skip-if-busy: true';
    const skipIfBusy = {
        clusterUrl: requiredClusterUrl(values, neededFor),
        cluster: clusterCredentials(values, neededFor),
        busyMaxAgeMs: parseBoundedDuration('busy-max-age', values.value('busy-max-age'), {
            minMs: BUSY_MAX_AGE_MIN_MS
        })
    };
    return { operation: 'stop-cluster', cloud, skipIfBusy };
}
function buildSetEnv(values) {
    const cloud = cloudSettings(values, 'set-env');
    const clusterUrl = optionalClusterUrl(values);
    const env = parseEnvInput(values.value('env'));
    const unset = parseEnvNames(values.value('unset-env'));
    if (env.length === 0 && unset.length === 0) {
        throw new ConfigError('env', 'is required for set-env: give env (NAME=VALUE lines or a JSON object), unset-env (names), or both');
    }
    const setNames = new Set(env.map(entry => entry.name));
    const both = unset.find(name => setNames.has(name));
    if (both !== undefined) {
        throw new ConfigError('unset-env', `'${both}' is also in env: a name is set or removed, not both`);
    }
    return { operation: 'set-env', cloud, clusterUrl, env, unset };
}
function buildClusterStatus(values) {
    return { operation: 'cluster-status', cloud: cloudSettings(values, 'cluster-status') };
}

;// CONCATENATED MODULE: ./src/config/yaml-parser.ts
let loaded;
async function loadYamlParser() {
    loaded ??= await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19));
    return loaded;
}
function yamlParser() {
    if (!loaded)
        throw new Error('internal error: the YAML parser was used before loadYamlParser()');
    return loaded;
}

;// CONCATENATED MODULE: ./src/config/variables.ts



/** The tags of the core schema, plus `!` (a non-specific tag: "a string"). */
const CORE_PREFIX = 'tag:yaml.org,2002:';
const CORE_TAGS = new Set([
    '!',
    ...['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map(t => `${CORE_PREFIX}${t}`)
]);
const MAX_REASON = 120;
/** Blank, or the default `{}`: no parser needed. */
const EMPTY_OBJECT = /^\s*(\{\s*\})?\s*$/;
/** Whether parsing `raw` needs the YAML parser loaded (see loadYamlParser). */
function needsYamlParser(raw) {
    return !EMPTY_OBJECT.test(raw);
}
function parseVariables(input, raw) {
    if (!needsYamlParser(raw))
        return {};
    const { LineCounter, isMap, parseDocument } = yamlParser();
    const lines = new LineCounter();
    const doc = parseDocument(raw, {
        schema: 'core',
        // `<<: *defaults` is what anchors are mostly used for; a YAML 1.1 habit worth keeping.
        merge: true,
        // Integers arrive as bigint, so one beyond 2^53 is refused instead of silently rounded.
        intAsBigInt: true,
        // Duplicate keys are found below, by their JS form, so the message can name the key.
        uniqueKeys: false,
        // `!!binary`, `!!timestamp`, `!!set`… are not core: they must stay unresolved (rejected).
        resolveKnownTags: false,
        // The pretty form quotes the source line; only line and column are reported.
        prettyErrors: false,
        logLevel: 'error',
        lineCounter: lines
    });
    const at = (offset) => {
        const { line, col } = lines.linePos(offset);
        return `line ${line}, column ${col}`;
    };
    const problems = [...doc.errors, ...doc.warnings];
    // Syntax first; then tags, by name (a custom tag is also an unresolved-tag warning); then
    // whatever is left, e.g. a core tag that does not fit its value (`!!int abc`).
    const syntax = problems.find(problem => problem.code !== 'TAG_RESOLVE_FAILED');
    if (syntax !== undefined) {
        const reason = yamlReason(syntax.code, syntax.message);
        throw new ConfigError(input, `is not valid YAML or JSON (${at(syntax.pos[0])}): ${reason}`);
    }
    checkNodes(input, doc, at);
    const [unresolved] = problems;
    if (unresolved !== undefined) {
        throw new ConfigError(input, `has a value that does not fit its tag (${at(unresolved.pos[0])})`);
    }
    if (doc.contents === null)
        return {}; // only comments
    if (!isMap(doc.contents)) {
        throw new ConfigError(input, 'must be an object (a mapping), like {"key": "value"} or key: value');
    }
    let value;
    try {
        value = doc.toJS({ maxAliasCount: 100 });
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new ConfigError(input, `is not valid YAML: ${cut(message)}`);
    }
    return toPlainJson(input, value, '', new Set());
}
function yamlReason(code, message) {
    if (code === 'MULTIPLE_DOCS')
        return 'it holds more than one YAML document (---)';
    return cut(message);
}
function cut(text) {
    return text.length > MAX_REASON ? `${text.slice(0, MAX_REASON)}…` : text;
}
/** Custom tags, list or mapping keys, and duplicate keys (as JS sees them: `1` and `"1"` clash). */
function checkNodes(input, doc, at) {
    const { isMap, visit } = yamlParser();
    // One `Node` visitor: yaml calls only the most specific callback, so a `Map` one would hide
    // maps from the tag check.
    visit(doc, {
        Node(_, node) {
            if (node.tag !== undefined && !CORE_TAGS.has(node.tag)) {
                const where = node.range ? ` (${at(node.range[0])})` : '';
                const tag = showValue(node.tag.replace(CORE_PREFIX, '!!'));
                throw new ConfigError(input, `uses the tag ${tag}${where}: custom tags are not allowed, only plain YAML (core schema)`);
            }
            if (isMap(node))
                checkKeys(input, doc, node, at);
        }
    });
}
function checkKeys(input, doc, map, at) {
    const { isAlias, isCollection, isScalar } = yamlParser();
    const seen = new Set();
    for (const pair of map.items) {
        const keyNode = isAlias(pair.key) ? pair.key.resolve(doc) : pair.key;
        const where = isNodeWithRange(pair.key) ? ` (${at(pair.key.range[0])})` : '';
        if (isCollection(keyNode)) {
            throw new ConfigError(input, `has a list or mapping as a key${where}: keys must be plain values`);
        }
        const keyValue = isScalar(keyNode) ? keyNode.value : keyNode;
        if (typeof keyValue === 'symbol')
            continue; // a `<<` merge key
        const key = jsKey(keyValue);
        if (seen.has(key))
            throw new ConfigError(input, `has the key ${showValue(key)} twice${where}`);
        seen.add(key);
    }
}
/** The property name a scalar key becomes in JS (as the yaml library names it: null → ''). */
function jsKey(value) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
        return String(value);
    }
    return '';
}
function isNodeWithRange(value) {
    const { isAlias, isCollection, isScalar } = yamlParser();
    return (isScalar(value) || isCollection(value) || isAlias(value)) && value.range !== undefined;
}
/** Bigints back to numbers where exact; refuses what JSON cannot carry (huge ints, .inf, .nan, cycles). */
function toPlainJson(input, value, path, ancestors) {
    if (typeof value === 'bigint') {
        if (value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)) {
            return Number(value);
        }
        throw new ConfigError(input, `the integer at ${showValue(path)} is too large to keep exactly: quote it as a string`);
    }
    if (typeof value === 'number' && !Number.isFinite(value)) {
        throw new ConfigError(input, `the number at ${showValue(path)} is not finite: JSON cannot carry it`);
    }
    if (value === null || typeof value !== 'object')
        return value;
    if (ancestors.has(value)) {
        throw new ConfigError(input, `has an alias that contains itself at ${showValue(path)}`);
    }
    ancestors.add(value);
    const result = Array.isArray(value)
        ? value.map((item, i) => toPlainJson(input, item, `${path}[${i}]`, ancestors))
        : Object.fromEntries(Object.entries(value).map(([key, item]) => [
            key,
            toPlainJson(input, item, path === '' ? key : `${path}.${key}`, ancestors)
        ]));
    ancestors.delete(value);
    return result;
}

;// CONCATENATED MODULE: ./src/config/build-cluster-configs.ts
// The cluster operations' configs: run-block, deploy-git, run-pipeline.







/** The deploy-git inputs that only the Deployments API uses (git sync ignores them). */
const DEPLOYMENT_ONLY_INPUTS = [
    'git-sha',
    'git-branch',
    'commit-message',
    'deploy-branch',
    'environment',
    'target-directory'
];
/** A full or abbreviated commit sha: SHA-1 (40) or SHA-256 (64) hex, at least 7 digits. */
const COMMIT_SHA = /^[0-9a-fA-F]{7,64}$/;
function buildRunBlock(values) {
    const neededFor = 'run-block';
    return {
        operation: 'run-block',
        clusterUrl: requiredClusterUrl(values, neededFor),
        triggerToken: triggerToken(values, neededFor),
        pipeline: values.required('pipeline', neededFor),
        blocks: parseUniqueLines('block', values.required('block', neededFor)),
        variables: parseVariables('variables', values.value('variables')),
        runUpstreamBlocks: parseBoolean('run-upstream-blocks', values.value('run-upstream-blocks')),
        incompleteOnly: parseBoolean('incomplete-only', values.value('incomplete-only')),
        record: parseBoolean('record', values.value('record')),
        storeVariables: parseBoolean('store-variables', values.value('store-variables')),
        project: values.optional('project')
    };
}
function buildRunPipeline(values) {
    const neededFor = 'run-pipeline';
    return {
        operation: 'run-pipeline',
        clusterUrl: requiredClusterUrl(values, neededFor),
        triggerToken: triggerToken(values, neededFor),
        scheduleId: parsePositiveInteger('schedule-id', values.required('schedule-id', neededFor)),
        variables: parseVariables('variables', values.value('variables')),
        cluster: optionalCredentials(values)
    };
}
/** Both or neither: half a login would fail later, after the pipeline was triggered. */
function optionalCredentials(values) {
    const email = values.optional('cluster-email');
    const password = values.optional('cluster-password');
    if (email === undefined && password === undefined)
        return undefined;
    if (email === undefined)
        return clusterCredentials(values, 'run-pipeline with cluster-password');
    if (password === undefined)
        return clusterCredentials(values, 'run-pipeline with cluster-email');
    return clusterCredentials(values, 'run-pipeline');
}
function triggerToken(values, neededFor) {
    return headerToken('trigger-token', values.required('trigger-token', neededFor));
}
function buildDeployGit(values, github) {
    const neededFor = 'deploy-git';
    const clusterUrl = requiredClusterUrl(values, neededFor);
    const cluster = clusterCredentials(values, neededFor);
    const deploymentSetting = values.optional('deployment-setting');
    const environment = parseChoice('environment', values.value('environment'), ENVIRONMENTS);
    const targetDirectory = values.optional('target-directory');
    const deploymentInputsGiven = DEPLOYMENT_ONLY_INPUTS.filter(name => values.given(name));
    const source = gitSource(values, github);
    const common = { operation: 'deploy-git', clusterUrl, cluster, source, environment };
    if (deploymentSetting === undefined) {
        // Git sync deploys the tip of the branch set on the cluster: nothing else to check.
        return { ...common, targetDirectory, deploymentInputsGiven };
    }
    const withSetting = 'deploy-git with deployment-setting';
    if (source.sha === '') {
        throw new ConfigError('git-sha', `is required for ${withSetting} (GITHUB_SHA is empty)`);
    }
    if (!COMMIT_SHA.test(source.sha)) {
        throw new ConfigError('git-sha', `must be a commit sha (7 to 64 hex digits), got ${showValue(source.sha)}`);
    }
    if (source.branch === '') {
        throw new ConfigError('git-branch', `is required for ${withSetting} (GITHUB_REF_NAME is empty)`);
    }
    return {
        ...common,
        deploymentSetting: pathSegment('deployment-setting', deploymentSetting),
        deployBranch: values.required('deploy-branch', withSetting),
        targetDirectory,
        deploymentInputsGiven
    };
}
/** The inputs where given, else the workflow context (SPEC §6 "deploy-git details"). */
function gitSource(values, github) {
    const defaults = defaultGitSource(github);
    const sha = values.optional('git-sha') ?? defaults.sha;
    const branch = values.optional('git-branch') ?? defaults.branch;
    // The context's message belongs to the context's commit: another sha gets its own sha.
    const message = values.optional('commit-message') ?? (sha === defaults.sha ? defaults.commitMessage : sha);
    return { sha, branch, commitMessage: message };
}

;// CONCATENATED MODULE: ./src/config/parse-config.ts
// Every input parsed and validated into one typed Config, before any request (SPEC §3 "Bad
// input", §6). Pure: it reads only what it is given.










/** parseConfig, after loading the YAML parser if `variables` needs it. */
async function readConfig(source) {
    if (needsYamlParser(new InputValues(source).value('variables')))
        await loadYamlParser();
    return parseConfig(source);
}
/** Synchronous: a `variables` input beyond `{}` needs loadYamlParser() first (or readConfig). */
function parseConfig(source) {
    const values = new InputValues(source);
    const operation = parseOperation(values.value('operation'));
    const common = commonSettings(values, operation);
    const config = buildOperationConfig(operation, values, source.github);
    return {
        ...config,
        common,
        secrets: values.secrets(),
        unusedInputs: values.givenNames().filter(name => !usesInput(config, name))
    };
}
function parseOperation(raw) {
    const valid = OPERATIONS.join(', ');
    if (raw === '')
        throw new ConfigError('operation', `is required: one of ${valid}`);
    const operation = OPERATIONS.find(op => op === raw);
    if (operation === undefined) {
        throw new ConfigError('operation', `${showValue(raw)} is not an operation: use one of ${valid}`);
    }
    return operation;
}
function buildOperationConfig(operation, values, github) {
    switch (operation) {
        case 'start-cluster':
            return buildStartCluster(values);
        case 'stop-cluster':
            return buildStopCluster(values);
        case 'set-env':
            return buildSetEnv(values);
        case 'cluster-status':
            return buildClusterStatus(values);
        case 'run-block':
            return buildRunBlock(values);
        case 'deploy-git':
            return buildDeployGit(values, github);
        case 'run-pipeline':
            return buildRunPipeline(values);
        default: {
            const unknown = operation;
            throw new Error(`unhandled operation ${String(unknown)}`);
        }
    }
}
/** stop-cluster talks to the cluster only with skip-if-busy; without it these go unused. */
const SKIP_IF_BUSY_ONLY = [
    'cluster-url',
    'cluster-email',
    'cluster-password',
    'cluster-api-key',
    'busy-max-age'
];
function usesInput(config, name) {
    if (config.operation === 'stop-cluster' && config.skipIfBusy === undefined) {
        if (SKIP_IF_BUSY_ONLY.includes(name))
            return false;
    }
    return isUsedBy(name, config.operation);
}

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 12 modules
var core = __webpack_require__(143);
;// CONCATENATED MODULE: ./src/core-io.ts
// The ActionIO port implemented over @actions/core: the only file that touches it.

// The runner does not nest log groups: a group opened inside another closes the outer one. So an
// inner group closes the outer one itself and reopens it afterwards, "(continued)".
const openGroups = [];
async function group(name, fn) {
    const outer = openGroups.at(-1);
    if (outer !== undefined)
        core/* endGroup */.N4();
    core/* startGroup */.Oh(name);
    openGroups.push(name);
    try {
        return await fn();
    }
    finally {
        core/* endGroup */.N4();
        openGroups.pop();
        if (outer !== undefined)
            core/* startGroup */.Oh(`${outer} (continued)`);
    }
}
const coreIO = {
    info: message => core/* info */.pq(message),
    debug: message => core/* debug */.Yz(message),
    isDebug: () => core/* isDebug */._o(),
    notice: message => core/* notice */.lm(message),
    warning: message => core/* warning */.$e(message),
    error: message => core/* error */.z3(message),
    group,
    setSecret: value => core/* setSecret */.Pq(value),
    setOutput: (name, value) => core/* setOutput */.uH(name, value),
    appendSummary: async (markdown) => {
        // Without GITHUB_STEP_SUMMARY (a local run) there is nowhere to write: not an error.
        if (!process.env.GITHUB_STEP_SUMMARY)
            return;
        await core/* summary */.z.addRaw(markdown, true).write();
        core/* summary */.z.emptyBuffer();
    },
    saveState: (name, value) => core/* saveState */.LZ(name, value),
    getState: name => core/* getState */.Gu(name),
    setFailed: message => core/* setFailed */.C1(message)
};
/** An input exactly as given (the caller trims where that is right), '' when unset. */
function rawInput(name) {
    return core/* getInput */.V4(name, { trimWhitespace: false });
}

;// CONCATENATED MODULE: ./src/http/attempts.ts
// What a failed attempt says about the request's effect on the server. A caller that writes
// (the Cloud cluster PUT) needs it across every attempt, not just the last: an earlier attempt
// may have landed before a later one was refused.

const newTrace = () => ({ landed: 0, unanswered: 0 });
/** The request left and no complete answer came back. */
function isUnanswered(error) {
    return (error instanceof errors_NetworkError || error instanceof errors_RequestTimeoutError) && error.sent;
}
/** The failure does not prove the handler left things as they were. */
function mayHaveLanded(error) {
    if (isUnanswered(error))
        return true;
    if (!(error instanceof errors_MageApiError))
        return false;
    const { httpStatus, kind, code } = error.fields;
    if (kind === 'envelope')
        return (code ?? httpStatus) >= 500;
    return httpStatus >= 500 || (httpStatus >= 200 && httpStatus < 300);
}
function recordAttempt(trace, error) {
    if (!trace || !mayHaveLanded(error))
        return;
    trace.landed += 1;
    if (isUnanswered(error))
        trace.unanswered += 1;
}
/** A read that failed in a way worth another poll: the server or a proxy hiccupped. */
function isTransientReadFailure(error) {
    if (error instanceof NetworkError || error instanceof RequestTimeoutError)
        return true;
    if (!(error instanceof MageApiError) || error.fields.kind === 'envelope')
        return false;
    const { httpStatus } = error.fields;
    return httpStatus >= 500 || httpStatus === 408 || httpStatus === 429;
}

;// CONCATENATED MODULE: ./src/http/json-scan.ts
// Checks and slices JSON in its UTF-8 bytes without decoding them or building its values:
// JSON.parse of a 50 MB answer costs several times its size in memory, this walk costs only a
// stack as deep as the nesting. It accepts exactly the bytes whose UTF-8 decoding JSON.parse
// accepts, plus Python's bare NaN, Infinity and -Infinity, which Mage writes (see json.ts). No
// recursion, so a deeply nested answer cannot overflow the call stack.
//
// Working on bytes is exact because everything JSON gives meaning to (structure, whitespace,
// escapes, numbers, words) is ASCII, and a UTF-8 decoder never folds an ASCII byte into another
// character: valid multi-byte characters and invalid sequences (decoded as U+FFFD) are both made
// only of bytes >= 0x80. Such bytes are string content inside a string and an error outside one,
// just as their decoded characters are for JSON.parse.
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const PLUS = 0x2b;
const COMMA = 0x2c;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const COLON = 0x3a;
const OPEN_ARRAY = 0x5b;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
/** 1 for the bytes that stand for themselves inside a string. */
const PLAIN = new Uint8Array(256).fill(1, SPACE);
PLAIN[QUOTE] = 0;
PLAIN[BACKSLASH] = 0;
/** `]` is `[` + 2 and `}` is `{` + 2. */
const CLOSER_OFFSET = 2;
/** Index just after the JSON value that starts at `start` in `bytes` (leading whitespace allowed). Throws SyntaxError (message names the byte position) when the bytes there are not one valid JSON value. */
function scanJsonValue(bytes, start = 0) {
    // The closing byte of every open container, innermost last.
    const closers = [];
    let i = start;
    for (;;) {
        i = skipSpace(bytes, i);
        const c = bytes[i];
        if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
            const closer = c + CLOSER_OFFSET;
            i = skipSpace(bytes, i + 1);
            if (bytes[i] !== closer) {
                closers.push(closer);
                if (c === OPEN_OBJECT)
                    i = scanMemberName(bytes, i);
                continue;
            }
            i++;
        }
        else {
            i = scanScalar(bytes, i, c);
        }
        // A value ended at i: close containers until one expects a next element.
        for (;;) {
            const depth = closers.length;
            if (depth === 0)
                return i;
            i = skipSpace(bytes, i);
            const next = bytes[i];
            if (next === COMMA) {
                i = skipSpace(bytes, i + 1);
                if (closers[depth - 1] === CLOSE_OBJECT)
                    i = scanMemberName(bytes, i);
                break;
            }
            if (next !== closers[depth - 1])
                throw json_scan_unexpected(bytes, i);
            closers.pop();
            i++;
        }
    }
}
/** True when all of `bytes` is exactly one JSON value (whitespace around allowed). Never throws. */
function isValidJson(bytes) {
    try {
        return skipSpace(bytes, scanJsonValue(bytes)) === bytes.length;
    }
    catch {
        return false;
    }
}
/** isValidJson for a string: checks its UTF-8 encoding (lone surrogates become U+FFFD). */
function isValidJsonText(text) {
    return isValidJson(Buffer.from(text, 'utf8'));
}
/** When `bytes` is a single JSON object (whitespace around allowed): every top-level member's value byte range, keyed by the decoded member name; for duplicate names the last wins (as JSON.parse). undefined when the top-level value is valid JSON but not an object. Throws SyntaxError when the bytes are not valid JSON. */
function topLevelMembers(bytes) {
    let i = skipSpace(bytes, 0);
    if (bytes[i] !== OPEN_OBJECT) {
        expectEnd(bytes, scanJsonValue(bytes, i));
        return undefined;
    }
    const members = new Map();
    i = skipSpace(bytes, i + 1);
    if (bytes[i] !== CLOSE_OBJECT) {
        for (;;) {
            if (bytes[i] !== QUOTE)
                throw json_scan_unexpected(bytes, i);
            const nameEnd = scanString(bytes, i);
            // Names are short; JSON.parse decodes their escapes exactly as it would.
            const name = JSON.parse(decode(bytes, i, nameEnd));
            const start = scanColon(bytes, nameEnd);
            const end = scanJsonValue(bytes, start);
            members.set(name, { start, end });
            i = skipSpace(bytes, end);
            const next = bytes[i];
            if (next === CLOSE_OBJECT)
                break;
            if (next !== COMMA)
                throw json_scan_unexpected(bytes, i);
            i = skipSpace(bytes, i + 1);
        }
    }
    expectEnd(bytes, i + 1);
    return members;
}
/** Scans `"name" :` from `i`; returns where the member's value starts (after its whitespace). */
function scanMemberName(bytes, i) {
    if (bytes[i] !== QUOTE)
        throw json_scan_unexpected(bytes, i);
    return scanColon(bytes, scanString(bytes, i));
}
/** Scans the `:` after a member name; returns where the value starts (after its whitespace). */
function scanColon(bytes, from) {
    const colon = skipSpace(bytes, from);
    if (bytes[colon] !== COLON)
        throw json_scan_unexpected(bytes, colon);
    return skipSpace(bytes, colon + 1);
}
function scanScalar(bytes, i, c) {
    switch (c) {
        case QUOTE:
            return scanString(bytes, i);
        case 0x74: // t
            return scanWord(bytes, i, 'true');
        case 0x66: // f
            return scanWord(bytes, i, 'false');
        case 0x6e: // n
            return scanWord(bytes, i, 'null');
        case 0x4e: // N
            return scanWord(bytes, i, 'NaN');
        case 0x49: // I
            return scanWord(bytes, i, 'Infinity');
        default:
            return scanNumber(bytes, i);
    }
}
function scanWord(bytes, i, word) {
    const end = firstDifference(bytes, i, word);
    if (end !== i + word.length)
        throw json_scan_unexpected(bytes, end);
    return end;
}
/** Scans the string whose opening quote is at `start`; returns the index after its closing quote. */
function scanString(bytes, start) {
    let i = start + 1;
    for (;;) {
        // Any byte from 0x20 but `"` and `\` is content: ASCII, part of a multi-byte character, or an
        // invalid sequence that decodes to U+FFFD. Past the end, PLAIN[undefined] stops the run.
        while (PLAIN[bytes[i]] === 1)
            i++;
        const c = bytes[i];
        if (c === QUOTE)
            return i + 1;
        // A raw control character, or the end of the bytes.
        if (c !== BACKSLASH)
            throw json_scan_unexpected(bytes, i);
        i = scanEscape(bytes, i + 1);
    }
}
/** Scans the escape whose letter is at `i` (just after the backslash). */
function scanEscape(bytes, i) {
    switch (bytes[i]) {
        case QUOTE:
        case BACKSLASH:
        case 0x2f: // /
        case 0x62: // b
        case 0x66: // f
        case 0x6e: // n
        case 0x72: // r
        case 0x74: // t
            return i + 1;
        case 0x75: // u
            for (let k = i + 1; k < i + 5; k++) {
                if (!isHexDigit(bytes[k]))
                    throw json_scan_unexpected(bytes, k);
            }
            return i + 5;
        default:
            throw json_scan_unexpected(bytes, i);
    }
}
/** -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?, or Python's -Infinity. */
function scanNumber(bytes, start) {
    let i = start;
    if (bytes[i] === MINUS) {
        i++;
        if (bytes[i] === 0x49)
            return scanWord(bytes, i, 'Infinity');
    }
    const first = bytes[i];
    if (first === ZERO)
        i++;
    else if (first > ZERO && first <= NINE)
        i = skipDigits(bytes, i + 1);
    else
        throw json_scan_unexpected(bytes, i);
    if (bytes[i] === DOT)
        i = scanDigits(bytes, i + 1);
    const e = bytes[i];
    if (e === 0x65 || e === 0x45) {
        i++;
        const sign = bytes[i];
        if (sign === PLUS || sign === MINUS)
            i++;
        i = scanDigits(bytes, i);
    }
    return i;
}
/** One or more digits from `i`. */
function scanDigits(bytes, i) {
    if (!isDigit(bytes[i]))
        throw json_scan_unexpected(bytes, i);
    return skipDigits(bytes, i + 1);
}
function skipDigits(bytes, from) {
    let i = from;
    while (isDigit(bytes[i]))
        i++;
    return i;
}
function skipSpace(bytes, from) {
    let i = from;
    for (;;) {
        const c = bytes[i];
        if (c !== SPACE && c !== LF && c !== CR && c !== TAB)
            return i;
        i++;
    }
}
function expectEnd(bytes, from) {
    const end = skipSpace(bytes, from);
    if (end !== bytes.length)
        throw json_scan_unexpected(bytes, end);
}
function isDigit(c) {
    return c >= ZERO && c <= NINE;
}
function isHexDigit(c) {
    return isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}
function firstDifference(bytes, i, word) {
    let k = 0;
    while (k < word.length && bytes[i + k] === word.charCodeAt(k))
        k++;
    return i + k;
}
/** The UTF-8 decoding of `bytes` from `start` to `end`, without copying them first. */
function decode(bytes, start, end) {
    return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('utf8');
}
function json_scan_unexpected(bytes, i) {
    if (i >= bytes.length)
        return new SyntaxError(`Unexpected end of JSON input at position ${i}`);
    const b = bytes[i];
    const what = b < 0x80 ? JSON.stringify(String.fromCharCode(b)) : `byte 0x${b.toString(16)}`;
    return new SyntaxError(`Unexpected ${what} in JSON at position ${i}`);
}

;// CONCATENATED MODULE: ./src/http/envelope.ts
// Turns a raw answer into its JSON body, or a typed MageApiError: non-2xx statuses, Mage error
// envelopes (also under HTTP 200), empty bodies and non-JSON answers all fail here.




const EXCERPT_CHARS = 200;
/** What String.prototype.trim removes among ASCII: tab, LF, VT, FF, CR, space. */
const ASCII_SPACE = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20]);
function interpretResponse(response, context) {
    return interpret(response, context, {
        blank: () => response.body.trim() === '',
        parse: () => parseLenientJson(response.body)
    });
}
/**
 * As interpretResponse, but the named top-level members are only checked to be JSON and come
 * back as the bytes the server sent: a block's 50 MB `run` value is never decoded into a
 * string, let alone built into objects.
 */
function interpretResponseKeeping(response, context, names) {
    const raw = new Map();
    if (names.length === 0)
        return { body: interpretResponse(response, context), raw };
    const bytes = response.bytes ?? Buffer.from(response.body, 'utf8');
    const body = interpret(response, context, {
        blank: () => isBlank(bytes, response),
        parse: () => parseKeeping(bytes, names, raw, response)
    });
    return { body, raw };
}
function parseKeeping(bytes, names, raw, response) {
    const members = topLevelMembers(bytes);
    if (members === undefined)
        return parseLenientJson(response.body);
    const entries = [];
    for (const [name, { start, end }] of members) {
        if (names.includes(name))
            raw.set(name, bytes.subarray(start, end));
        else
            entries.push([name, parseLenientJson(bytes.toString('utf8', start, end))]);
    }
    // fromEntries defines own properties: a `__proto__` member stays a plain member.
    return Object.fromEntries(entries);
}
/** ASCII whitespace only; a body whose first other byte is not ASCII is judged by its text. */
function isBlank(bytes, response) {
    const first = bytes.findIndex(byte => !ASCII_SPACE.has(byte));
    if (first < 0)
        return true;
    return bytes[first] >= 0x80 && response.body.trim() === '';
}
function interpret(response, context, reader) {
    const { status } = response;
    const ok = status >= 200 && status < 300;
    const retryAfter = headerValue(response.headers['retry-after']);
    const base = {
        api: context.api,
        method: context.method,
        path: context.logPath,
        httpStatus: status,
        ...(retryAfter === undefined ? {} : { retryAfter })
    };
    const fail = (fields) => new errors_MageApiError({ ...base, ...fields });
    if (reader.blank()) {
        if (ok) {
            throw fail({
                kind: 'empty',
                detail: `HTTP ${status} with an empty body (how Mage reports a server-side exception)`
            });
        }
        throw fail({ kind: 'http_status', detail: `HTTP ${status}` });
    }
    let parsed;
    try {
        parsed = reader.parse();
    }
    catch {
        const excerpt = makeExcerpt(response.body, context.redact);
        if (ok)
            throw fail({ kind: 'not_json', excerpt, detail: `HTTP ${status}, not JSON: ${excerpt}` });
        throw fail({ kind: 'http_status', excerpt, detail: `HTTP ${status}: ${excerpt}` });
    }
    if (isRecord(parsed) && parsed.error !== undefined && parsed.error !== null) {
        throw fail(envelopeFields(parsed.error, status, context.redact));
    }
    if (!ok) {
        // A JSON body is named by its keys only: it may be a resource holding other people's secrets.
        const excerpt = isRecord(parsed)
            ? `a JSON object with keys ${Object.keys(parsed).slice(0, 10).join(', ') || '(none)'}`
            : 'a JSON value';
        throw fail({ kind: 'http_status', excerpt, detail: `HTTP ${status}: ${excerpt}` });
    }
    return parsed;
}
function headerValue(value) {
    return Array.isArray(value) ? value[0] : value;
}
function envelopeFields(error, status, redact) {
    const record = isRecord(error) ? error : { message: String(error) };
    const code = typeof record.code === 'number' ? record.code : undefined;
    const type = typeof record.type === 'string' ? oneLine(record.type, 100) : undefined;
    const exception = typeof record.exception === 'string' ? oneLine(redact(record.exception), 1000) : undefined;
    const message = typeof record.message === 'string' ? redact(record.message) : undefined;
    // A 500 envelope's message is a Python traceback: kept apart, never in one-line texts.
    const traceback = exception !== undefined ? message : undefined;
    const text = exception ?? (message !== undefined ? oneLine(message, 300) : 'no message');
    const label = [code !== undefined ? `error ${code}` : 'error', type].filter(Boolean).join(' ');
    return {
        kind: 'envelope',
        code,
        type,
        exception,
        traceback,
        detail: `HTTP ${status}, Mage ${label}: ${text}`
    };
}
/** A short one-line excerpt with tags and secrets removed. */
function makeExcerpt(body, redact) {
    return oneLine(redact(oneLine(body.replace(/<[^>]*>/g, ' '))), EXCERPT_CHARS);
}

;// CONCATENATED MODULE: ./src/http/retry.ts
// The narrow retry decision: which failures of which requests are worth another attempt, and
// how long to wait first. Pure, so it is tested without a server or a clock.

const MAX_ATTEMPTS = 4;
const BASE_DELAY_MS = 1000;
const MAX_DELAY_MS = 15_000;
/** A Retry-After beyond this is not waited for: the step fails instead. */
const MAX_RETRY_AFTER_MS = 120_000;
const RETRYABLE_STATUSES = new Set([408, 429, 502, 503, 504]);
function isRetryable(error, policy) {
    if (error instanceof errors_NetworkError || error instanceof errors_RequestTimeoutError) {
        return policy === 'idempotent' || !error.sent;
    }
    if (error instanceof errors_MageApiError) {
        // An error envelope under HTTP 200 is an answer, not a transient fault.
        return policy === 'idempotent' && RETRYABLE_STATUSES.has(error.httpStatus);
    }
    return false;
}
/**
 * Delay before attempt `attempt + 1` (attempt counts from 1): capped exponential backoff with
 * jitter, or the server's Retry-After when it gave one. Undefined: do not wait that long.
 */
function retryDelayMs(attempt, retryAfter, random, now) {
    const fromHeader = parseRetryAfter(retryAfter, now);
    if (fromHeader !== undefined)
        return fromHeader <= MAX_RETRY_AFTER_MS ? fromHeader : undefined;
    const exponential = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
    // "Equal jitter": never less than half the step, so retries still back off.
    return Math.round(exponential / 2 + (exponential / 2) * random);
}
/** Retry-After as delta-seconds or an HTTP-date; undefined when absent or unreadable. */
function parseRetryAfter(value, now) {
    if (!value)
        return undefined;
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed))
        return Number(trimmed) * 1000;
    // An HTTP-date names its weekday and month; Date.parse alone accepts far too much.
    if (!/[a-z]{3}/i.test(trimmed))
        return undefined;
    const date = Date.parse(trimmed);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - now);
}

;// CONCATENATED MODULE: ./src/http/request.ts
// The one request function every Mage call goes through: headers, user agent, per-attempt hard
// timeout under the operation deadline, no redirects, narrow retries, envelope → typed error,
// and one secret-free log line per call.




/** Reads, writes and logins get this per attempt; run/trigger/deploy get the remaining deadline. */
const SHORT_TIMEOUT_MS = 30_000;
/** After the deadline, every last read together gets at most this: the step ends in time. */
const LAST_READ_TIMEOUT_MS = 10_000;
class MageHttp {
    deps;
    constructor(deps) {
        this.deps = deps;
    }
    get secrets() {
        return this.deps.secrets;
    }
    get io() {
        return this.deps.io;
    }
    get deadline() {
        return this.deps.deadline;
    }
    async call(options) {
        const { transport, clock, deadline, io, secrets } = this.deps;
        const url = new URL(options.url);
        const logPath = secrets.redact(url.pathname + url.search);
        const body = options.json === undefined ? undefined : JSON.stringify(options.json);
        const headers = {
            Accept: 'application/json',
            'User-Agent': this.deps.userAgent,
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
            ...options.headers
        };
        const log = (line) => (options.log === 'info' ? io.info(line) : io.debug(line));
        const maxAttempts = options.lastRead ? 1 : (options.maxAttempts ?? MAX_ATTEMPTS);
        let previous;
        for (let attempt = 1;; attempt++) {
            const remaining = deadline.remainingMs();
            const overtime = deadline.expiresAt + LAST_READ_TIMEOUT_MS - clock.now();
            if ((remaining <= 0 && !options.lastRead) || (options.lastRead && overtime <= 0)) {
                // A retry that slept into the deadline reports what went wrong, not the deadline.
                if (attempt > 1)
                    throw previous;
                throw new DeadlineError(`the timeout was reached before ${options.method} ${logPath}`);
            }
            const timeoutMs = options.lastRead
                ? Math.min(LAST_READ_TIMEOUT_MS, overtime)
                : Math.min(remaining, options.timeout === 'short' ? SHORT_TIMEOUT_MS : remaining);
            const started = clock.now();
            try {
                const raw = await transport.send({
                    method: options.method,
                    url,
                    headers,
                    body,
                    timeoutMs,
                    logPath,
                    preconnect: options.preconnect
                });
                log(`${options.method} ${logPath} → ${raw.status} (${clock.now() - started} ms)`);
                if (raw.status >= 300 && raw.status < 400) {
                    throw new RedirectError(options.method, logPath, raw.status, locationHost(raw));
                }
                const kept = interpretResponseKeeping(raw, {
                    api: this.deps.api,
                    method: options.method,
                    logPath,
                    redact: t => secrets.redact(t)
                }, options.keepRaw ?? []);
                return { status: raw.status, headers: raw.headers, ...kept };
            }
            catch (error) {
                previous = error;
                recordAttempt(options.trace, error);
                if (!(error instanceof RedirectError) && !isHttpAnswer(error)) {
                    log(`${options.method} ${logPath} → ${secrets.redact(errorMessage(error))} (${clock.now() - started} ms)`);
                }
                if (attempt >= maxAttempts || !isRetryable(error, options.retry))
                    throw error;
                const retryAfter = retryAfterOf(error);
                const delay = retryDelayMs(attempt, retryAfter, clock.random(), clock.now());
                if (delay === undefined || delay >= deadline.remainingMs())
                    throw error;
                io.info(`Retrying ${options.method} ${logPath} in ${(delay / 1000).toFixed(1)}s (attempt ${attempt + 1} of ${maxAttempts})`);
                await clock.sleep(delay);
            }
        }
    }
}
function isHttpAnswer(error) {
    return error instanceof errors_MageApiError;
}
function retryAfterOf(error) {
    return error instanceof errors_MageApiError ? error.fields.retryAfter : undefined;
}
function locationHost(raw) {
    const location = raw.headers.location;
    if (!location)
        return '';
    try {
        return new URL(location, 'http://relative.invalid').host;
    }
    catch {
        return 'an unreadable location';
    }
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __webpack_require__(4942);
;// CONCATENATED MODULE: ./src/http/body-bytes.ts
// Collects an answer's bytes. When the server announces the length (Content-Length), into one
// buffer of that size: a 50 MB answer then takes 50 MB while it arrives, not 50 MB of chunks
// plus 50 MB more while they are joined.
class BodyBytes {
    chunks = [];
    buffer;
    size = 0;
    /** `announced`: the Content-Length header, if any; `max`: the largest answer taken. */
    constructor(announced, max) {
        const length = announced === undefined ? NaN : Number(announced);
        if (Number.isSafeInteger(length) && length > 0 && length <= max) {
            this.buffer = Buffer.allocUnsafe(length);
        }
    }
    get length() {
        return this.size;
    }
    add(chunk) {
        if (this.buffer && this.size + chunk.length <= this.buffer.length) {
            chunk.copy(this.buffer, this.size);
        }
        else {
            // More than announced (a lying header): fall back to a list of chunks.
            if (this.buffer)
                this.chunks.push(this.buffer.subarray(0, this.size));
            this.buffer = undefined;
            this.chunks.push(chunk);
        }
        this.size += chunk.length;
    }
    bytes() {
        if (this.buffer)
            return this.buffer.subarray(0, this.size);
        return Buffer.concat(this.chunks, this.size);
    }
}

;// CONCATENATED MODULE: ./src/http/spare-request.ts
/** Well below the time servers commonly give a new connection to send its request (10 s+). */
const SPARE_MAX_AGE_MS = 2_000;
/**
 * Milliseconds on a monotonic clock. Not `performance.now()`: the `performance` global loads
 * perf_hooks (nine internal modules, about 1.5 ms) on first use, which is here, in a smoke run's
 * first block.
 */
const monotonicMs = () => Number(process.hrtime.bigint()) / 1e6;
/** After any of these a spare is destroyed, never sent: it failed, closed or was answered unasked. */
const SPARE_END_EVENTS = ['error', 'close', 'response'];
class SpareRequest {
    maxAgeMs;
    spare;
    constructor(maxAgeMs = SPARE_MAX_AGE_MS) {
        this.maxAgeMs = maxAgeMs;
    }
    /** Keeps `build()`'s request unsent for the next call to `target`; at most one waits at a time. */
    prepare(target, build) {
        if (this.spare)
            return;
        const request = build();
        const discard = () => {
            if (this.spare?.request === request)
                this.spare = undefined;
            request.destroy();
        };
        // Unused, it must not hold the step open.
        const unrefSocket = (socket) => void socket.unref();
        for (const event of SPARE_END_EVENTS)
            request.on(event, discard);
        request.on('socket', unrefSocket);
        const ageLimit = setTimeout(discard, this.maxAgeMs);
        ageLimit.unref();
        this.spare = { request, target, builtAt: monotonicMs(), discard, unrefSocket, ageLimit };
    }
    /** The spare, handed over to be sent to `target`, when it may carry it; otherwise undefined. */
    take(target) {
        const spare = this.spare;
        if (!spare)
            return undefined;
        this.spare = undefined;
        const { request } = spare;
        clearTimeout(spare.ageLimit);
        const socket = request.socket;
        const fit = spare.target === target &&
            !request.destroyed &&
            socket !== null &&
            !socket.destroyed &&
            socket.readableLength === 0 &&
            monotonicMs() - spare.builtAt < this.maxAgeMs;
        if (!fit) {
            // Its own listeners stay: a destroyed request still reports 'socket hang up'.
            spare.discard();
            return undefined;
        }
        for (const event of SPARE_END_EVENTS)
            request.off(event, spare.discard);
        request.off('socket', spare.unrefSocket);
        socket.ref();
        return request;
    }
}

;// CONCATENATED MODULE: ./src/http/transport.ts
// Sends one HTTP request through the runner's proxy settings, with a hard timeout that destroys
// the socket (an idle timeout lets a server that trickles bytes hold the step forever).






/** Larger answers are refused rather than held in memory. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;
/** Connection errors that prove the request never left this machine. */
const NOT_SENT_CODES = new Set([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'EHOSTUNREACH',
    'ENETUNREACH'
]);
/** An answer whose text is decoded on first use, and only if used. */
function answer(status, headers, bytes) {
    let text;
    return {
        status,
        headers,
        bytes,
        get body() {
            text ??= bytes.toString('utf8');
            return text;
        }
    };
}
class NodeTransport {
    // One agent per origin. @actions/http-client decides whether HTTPS_PROXY applies (NO_PROXY,
    // loopback); through a proxy, its tunnel agent is used, one per origin as it caches agents.
    agents = new Map();
    userAgent;
    spareMaxAgeMs;
    constructor(userAgent, spareMaxAgeMs = SPARE_MAX_AGE_MS) {
        this.userAgent = userAgent;
        this.spareMaxAgeMs = spareMaxAgeMs;
    }
    agentFor(url) {
        let origin = this.agents.get(url.origin);
        if (!origin) {
            origin = (0,lib/* getProxyUrl */.s_)(url.href)
                ? { agent: new lib/* HttpClient */.Qq(this.userAgent).getAgent(url.href) }
                : {
                    agent: url.protocol === 'https:' ? new external_node_https_.Agent() : new external_node_http_.Agent(),
                    spare: new SpareRequest(this.spareMaxAgeMs)
                };
            this.agents.set(url.origin, origin);
        }
        return origin;
    }
    send(request) {
        const { method, url, headers, body, timeoutMs, logPath } = request;
        const { agent, spare } = this.agentFor(url);
        const lib = url.protocol === 'https:' ? external_node_https_ : external_node_http_;
        const target = `${method} ${url.href}`;
        // Headers are set on the request object, a spare's or a new one's alike: nothing is written
        // before end().
        const build = () => lib.request(url, { method, agent });
        return new Promise((resolve, reject) => {
            let sent = false;
            let settled = false;
            const finish = (error, response) => {
                if (settled)
                    return;
                settled = true;
                clearTimeout(timer);
                if (error)
                    reject(error);
                else
                    resolve(response);
            };
            // Checked before a connection is opened or a spare taken: an invalid header opens nothing.
            for (const [name, value] of Object.entries(headers)) {
                external_node_http_.validateHeaderName(name);
                external_node_http_.validateHeaderValue(name, value);
            }
            const req = spare?.take(target) ?? build();
            for (const [name, value] of Object.entries(headers))
                req.setHeader(name, value);
            if (body !== undefined)
                req.setHeader('Content-Length', String(Buffer.byteLength(body)));
            req.on('response', res => {
                sent = true;
                const bytes = new BodyBytes(res.headers['content-length'], MAX_BODY_BYTES);
                res.on('data', (chunk) => {
                    if (bytes.length + chunk.length > MAX_BODY_BYTES) {
                        req.destroy();
                        finish(new errors_NetworkError(method, logPath, true, `answer larger than ${MAX_BODY_BYTES} bytes`));
                        return;
                    }
                    bytes.add(chunk);
                });
                res.on('end', () => {
                    if (!res.complete) {
                        finish(new errors_NetworkError(method, logPath, true, 'the answer was cut off'));
                        return;
                    }
                    finish(undefined, answer(res.statusCode ?? 0, res.headers, bytes.bytes()));
                });
                res.on('close', () => {
                    if (!res.complete)
                        finish(new errors_NetworkError(method, logPath, true, 'the answer was cut off'));
                });
                res.on('error', error => finish(new errors_NetworkError(method, logPath, true, 'the answer was cut off', error)));
            });
            const timer = setTimeout(() => {
                finish(new errors_RequestTimeoutError(method, logPath, timeoutMs, sent));
                req.destroy();
            }, timeoutMs);
            // 'finish': the whole request was handed to the socket, so the server may have acted on it.
            req.on('finish', () => {
                sent = true;
                if (request.preconnect)
                    spare?.prepare(target, build);
            });
            req.on('error', (error) => {
                const code = error.code ?? '';
                const provedUnsent = !sent && NOT_SENT_CODES.has(code);
                finish(new errors_NetworkError(method, logPath, !provedUnsent, code || error.message, error));
            });
            req.end(body);
        });
    }
}

;// CONCATENATED MODULE: ./src/mask-inputs.ts
// Masks every secret input (and its env fallback) before anything is parsed or logged, so even
// a config error can't show one.

function maskSecretInputs(input, env, secrets) {
    for (const spec of INPUTS) {
        if (!spec.secret)
            continue;
        const candidates = [input(spec.name), spec.envFallback ? env[spec.envFallback] : undefined];
        for (const raw of candidates) {
            const value = raw?.trim();
            // The two public API keys are the same on every install: masking them only adds noise.
            if (value && value !== spec.default)
                secrets.add(value);
        }
    }
}

;// CONCATENATED MODULE: ./src/runtime.ts
// Ports over the outside world, so tests can pass fakes (no module mocking).
const systemClock = {
    now: () => Date.now(),
    sleep: ms => new Promise(resolve => setTimeout(resolve, Math.max(0, ms))),
    random: () => Math.random()
};
/** The operation's overall deadline. */
class Deadline {
    expiresAt;
    clock;
    constructor(clock, timeoutMs) {
        this.clock = clock;
        this.expiresAt = clock.now() + timeoutMs;
    }
    remainingMs() {
        return Math.max(0, this.expiresAt - this.clock.now());
    }
    expired() {
        return this.remainingMs() <= 0;
    }
}

;// CONCATENATED MODULE: ./src/secrets.ts
// Every secret is masked the moment it is known, and every text built from a server answer is
// redacted before use, so no secret reaches a log line, an output, the summary or an error.
const REDACTED = '***';
/**
 * The runner registers each line of a mask on its own, short ones included: a `}` line would
 * blank every `}` in the job's logs. So a multi-line secret is masked line by line, and only
 * its lines of at least this many characters.
 */
const MIN_MASKED_LINE_LENGTH = 8;
class Secrets {
    /** Values given to add(), and what was masked, so nothing is done twice. */
    added = new Set();
    masked = new Set();
    /** What redact() replaces: every value, its long lines, and their encoded forms. */
    values = new Set();
    /** `values` longest first, and as UTF-8 bytes: built once per add(), not on every check. */
    longestFirst = [];
    asBytes = [];
    mask;
    constructor(mask) {
        this.mask = mask;
    }
    /** Masks `value` in the runner's logs and remembers it (and its encoded forms) for redact(). */
    add(value) {
        if (!value || this.added.has(value))
            return;
        this.added.add(value);
        const lines = linesOf(value);
        for (const part of lines ?? [value]) {
            if (this.masked.has(part))
                continue;
            this.masked.add(part);
            this.mask(part);
        }
        for (const form of [value, ...(lines ?? [])].flatMap(encodedForms))
            this.values.add(form);
        this.longestFirst = [...this.values].sort((a, b) => b.length - a.length);
        this.asBytes = this.longestFirst.map(form => Buffer.from(form, 'utf8'));
    }
    /** Replaces every known secret in `text`, longest first (one secret may contain another). */
    redact(text) {
        let out = text;
        for (const secret of this.longestFirst) {
            if (out.includes(secret))
                out = out.split(secret).join(REDACTED);
        }
        return out;
    }
    /** Whether any known secret (or encoded form) occurs in `bytes`, read as UTF-8. */
    foundIn(bytes) {
        for (const secret of this.asBytes) {
            if (bytes.includes(secret))
                return true;
        }
        return false;
    }
    has(value) {
        return this.values.has(value);
    }
}
/** The long lines of a multi-line value (trimmed, as the runner trims them); else undefined. */
function linesOf(value) {
    if (!/[\r\n]/.test(value))
        return undefined;
    return [
        ...new Set(value
            .split(/\r?\n|\r/)
            .map(line => line.trim())
            .filter(line => line.length >= MIN_MASKED_LINE_LENGTH))
    ];
}
function encodedForms(value) {
    const forms = [value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value)];
    return forms.filter(form => form.length > 0);
}

;// CONCATENATED MODULE: ./src/version.ts
// Kept equal to package.json's version by a test.
const VERSION = '1.0.0';
const USER_AGENT = `mage-pro-action/${VERSION}`;

;// CONCATENATED MODULE: ./src/post-main.ts
// The post step: when the main step left a pipeline run id in its state, the job was cancelled
// or the step killed while it waited on that run. Log in again from the inputs and cancel the
// run, so no run outlives the workflow that started it unseen. Otherwise: nothing at all.














/** The post step's own bound: a cancelled job should not wait long on an unhealthy cluster. */
const POST_TIMEOUT_MS = 60_000;
const defaultDeps = () => ({
    io: coreIO,
    clock: systemClock,
    transport: new NodeTransport(USER_AGENT),
    input: rawInput,
    env: process.env
});
async function runPost(deps = defaultDeps()) {
    const { io, clock, env } = deps;
    const waited = (0,post_state/* waitedRunOf */.$u)(io);
    if (!waited)
        return;
    const secrets = new Secrets(value => io.setSecret(value));
    const { clusterUrl, runId } = waited;
    try {
        maskSecretInputs(deps.input, env, secrets);
        const config = await readConfig({
            input: deps.input,
            env,
            github: readGitHubContext(env, (path) => external_node_fs_.readFileSync(path, 'utf8'))
        });
        for (const secret of config.secrets)
            secrets.add(secret);
        if (config.operation !== 'run-pipeline')
            return;
        io.info(`The main step stopped while waiting on pipeline run ${runId}: cancelling it`);
        const http = new MageHttp({
            api: 'cluster',
            transport: deps.transport,
            clock,
            deadline: new Deadline(clock, POST_TIMEOUT_MS),
            io,
            secrets,
            userAgent: USER_AGENT
        });
        const client = new ClusterClient(http, clusterUrl, config.cluster);
        const run = await client.getPipelineRun(runId, { log: 'info' });
        if (FINAL_RUN_STATUSES.has(run.status)) {
            io.info(`Pipeline run ${runId} has already ended: ${run.status}`);
            return;
        }
        const after = await client.cancelPipelineRun(runId);
        io.info(`Pipeline run ${runId}: ${after.status}`);
    }
    catch (error) {
        io.warning(`Could not cancel pipeline run ${runId} at ${clusterUrl}; it may still be running: ` +
            secrets.redact(errorMessage(error)));
    }
}


/***/ })

};
