// Mage's two error bodies (mage-api.md §3, mage-real-observations.md §4, §7):
// - ApiError envelope: {"error": {code, message, type}, "status": 200}, usually under HTTP 200;
//   the auth middleware alone sets HTTP 401 (and the body still says "status": 200).
// - Exception envelope: HTTP 200 + {"error": {"code": 500, "errors": [stack], "exception",
//   "message": traceback}, "url_parameters": {...}} for everything that is not an ApiError.
import { pyJsonResponse } from './pyjson.js'
import { empty } from './http-util.js'

export const API_ERRORS = {
  invalidApiKey: { code: 401, type: 'invalid_api_key', message: 'Invalid API key.' },
  invalidToken: { code: 401, type: 'invalid_oauth_token', message: 'Invalid OAuth token.' },
  expiredToken: { code: 401, type: 'expired_oauth_token', message: 'Expired OAuth token.' },
  unauthorized: { code: 403, type: 'unauthorized_access', message: 'Unauthorized access.' },
  notFound: { code: 404, type: 'record_not_found', message: 'Record not found.' },
  invalid: { code: 400, type: 'record_invalid', message: 'Record is invalid.' },
  resourceError: { code: 400, type: 'api_resource_error', message: 'API resource error.' }
}

// `?_http_error_codes=<anything non-empty>` makes the HTTP status (and body status) the code.
function realCodes(ctx) {
  const flag = ctx?.query?.get('_http_error_codes')
  return flag !== undefined && flag !== null && flag !== ''
}

// kind: a key of API_ERRORS; `auth` marks middleware errors, the only ones with a real 401.
export function apiError(ctx, kind, { message, errors, auth = false } = {}) {
  const base = API_ERRORS[kind]
  const error = { code: base.code, message: message ?? base.message, type: base.type }
  if (errors) error.errors = errors
  if (realCodes(ctx)) return pyJsonResponse(base.code, { error, status: base.code })
  const httpStatus = auth && base.code === 401 ? 401 : 200
  return pyJsonResponse(httpStatus, { error, status: 200 })
}

const SITE = '/usr/local/lib/python3.10/site-packages'

const frame = (file, line, fn, code) => `  File "${file}", line ${line}, in ${fn}\n    ${code}\n`

// traceback.format_stack() as seen from write_error inside the server's event loop.
const STACK = [
  frame('/usr/local/bin/mage', 8, '<module>', 'sys.exit(app())'),
  frame(`${SITE}/mage_ai/cli/main.py`, 137, 'start', 'start_server('),
  frame(`${SITE}/mage_ai/server/server.py`, 781, 'start_server', 'asyncio.run('),
  frame(
    '/usr/local/lib/python3.10/asyncio/runners.py',
    44,
    'run',
    'return loop.run_until_complete(main)'
  ),
  frame(
    '/usr/local/lib/python3.10/asyncio/base_events.py',
    636,
    'run_until_complete',
    'self.run_forever()'
  ),
  frame('/usr/local/lib/python3.10/asyncio/base_events.py', 603, 'run_forever', 'self._run_once()'),
  frame('/usr/local/lib/python3.10/asyncio/base_events.py', 1909, '_run_once', 'handle._run()'),
  frame(
    '/usr/local/lib/python3.10/asyncio/events.py',
    80,
    '_run',
    'self._context.run(self._callback, *self._args)'
  ),
  frame(`${SITE}/tornado/web.py`, 1793, '_execute', 'self._handle_request_exception(e)'),
  frame(
    `${SITE}/tornado/web.py`,
    1844,
    '_handle_request_exception',
    'self.send_error(500, exc_info=sys.exc_info())'
  ),
  frame(`${SITE}/tornado/web.py`, 1351, 'send_error', 'self.write_error(status_code, **kwargs)'),
  frame(
    `${SITE}/mage_ai/server/api/base.py`,
    66,
    'write_error',
    'errors = traceback.format_stack()'
  )
]

const TORNADO_EXECUTE = frame(`${SITE}/tornado/web.py`, 1790, '_execute', 'result = await result')
const RUNS = `${SITE}/mage_ai/server/api/runs.py`
const TRIGGERS = `${SITE}/mage_ai/server/api/triggers.py`

// An "exception": Python type, str(exc), and the frames between the handler and the raise.
export function exception(type, text, frames = []) {
  return { type, text, frames }
}

// The exceptions a real server was seen to raise, with plausible frames.
export const EXC = {
  invalidRunToken: () =>
    exception('mage_ai.server.api.errors.UnauthenticatedRequestException', 'Invalid token.', [
      frame(RUNS, 31, 'post', "raise UnauthenticatedRequestException('Invalid token.')")
    ]),
  noRow: () =>
    exception('sqlalchemy.exc.NoResultFound', 'No row was found when one was required', [
      frame(RUNS, 36, 'post', ").options(load_only('id')).one()"),
      frame(`${SITE}/sqlalchemy/orm/query.py`, 2870, 'one', 'return self._iter().one()')
    ]),
  pipelineMissing: (uuid, repoPath, where = RUNS) =>
    exception('Exception', `Pipeline ${uuid} does not exist in repo_path ${repoPath}.`, [
      frame(where, 48, 'post', 'pipeline = Pipeline.get('),
      frame(`${SITE}/mage_ai/data_preparation/models/pipeline.py`, 410, 'get', 'raise Exception(')
    ]),
  pipelineMissingPlain: uuid =>
    exception('Exception', `Pipeline ${uuid} does not exist.`, [
      frame(`${SITE}/mage_ai/data_preparation/models/pipeline.py`, 416, 'get', 'raise Exception(')
    ]),
  apiError: (code = 404, message = 'Record not found.', type = 'record_not_found', where = RUNS) =>
    exception(
      'mage_ai.api.errors.ApiError',
      `{'code': ${code}, 'message': '${message}', 'type': '${type}'}`,
      [frame(where, 58, 'post', 'raise ApiError(ApiError.RESOURCE_NOT_FOUND)')]
    ),
  noneJoin: () =>
    exception(
      'TypeError',
      "join() argument must be str, bytes, or os.PathLike object, not 'NoneType'",
      [
        frame(RUNS, 48, 'post', 'pipeline = Pipeline.get('),
        frame('/usr/local/lib/python3.10/posixpath.py', 76, 'join', 'a = os.fspath(a)')
      ]
    ),
  notJson: (where = RUNS) =>
    exception('json.decoder.JSONDecodeError', 'Expecting value: line 1 column 1 (char 0)', [
      frame(where, 40, 'post', "payload = self.get_payload().get('run', {})"),
      frame(
        '/usr/local/lib/python3.10/json/decoder.py',
        355,
        'raw_decode',
        'raise JSONDecodeError("Expecting value", s, err.value) from None'
      )
    ]),
  noAttribute: (pyType, where = RUNS) =>
    exception('AttributeError', `'${pyType}' object has no attribute 'get'`, [
      frame(where, 40, 'post', "payload = self.get_payload().get('run', {})")
    ]),
  blockRaised: (type, message, pipelineUuid, blockUuid, repoPath) =>
    exception(type, message, [
      frame(RUNS, 117, 'post', 'output = block.execute_with_callback('),
      frame(
        `${SITE}/mage_ai/data_preparation/models/block/__init__.py`,
        1266,
        'execute_sync',
        'output = self.execute_block('
      ),
      frame(
        `${repoPath}/pipelines/${pipelineUuid}/${blockUuid}.py`,
        9,
        blockUuid,
        `raise ${type.split('.').pop()}(${pyRepr(message)})`
      )
    ]),
  invalidScheduleToken: id =>
    exception('Exception', `Invalid token for pipeline schedule ID ${id}.`, [
      frame(
        TRIGGERS,
        47,
        'post',
        "raise Exception(f'Invalid token for pipeline schedule ID {pipeline_schedule_id}.')"
      )
    ]),
  onlyApiTrigger: () =>
    exception('Exception', 'This endpoint is only supported for API trigger.', [
      frame(
        TRIGGERS,
        41,
        'post',
        "raise Exception('This endpoint is only supported for API trigger.')"
      )
    ]),
  notInt: text =>
    exception('ValueError', `invalid literal for int() with base 10: ${pyRepr(text)}`, [
      frame(
        TRIGGERS,
        33,
        'post',
        'pipeline_schedule = PipelineSchedule.query.get(int(pipeline_schedule_id))'
      )
    ]),
  invalidKeyword: key =>
    exception('TypeError', `${pyRepr(key)} is an invalid keyword argument for PipelineRun`, [
      frame(TRIGGERS, 66, 'post', 'pipeline_run = create_and_start_pipeline_run('),
      frame(
        `${SITE}/sqlalchemy/orm/decl_base.py`,
        1156,
        '_declarative_constructor',
        '"%r is an invalid keyword argument for %s" % (k, cls_.__name__)'
      )
    ]),
  noModule: name =>
    exception('ModuleNotFoundError', `No module named '${name}'`, [
      frame(
        `${SITE}/mage_ai/api/views.py`,
        129,
        'execute_operation',
        'policy_class = get_policy_class(resource)'
      ),
      frame(
        '/usr/local/lib/python3.10/importlib/__init__.py',
        126,
        'import_module',
        'return _bootstrap._gcd_import(name[level:], package, level)'
      )
    ]),
  jwt: (type, text) =>
    exception(type, text, [
      frame(
        `${SITE}/mage_ai/api/middleware.py`,
        77,
        'prepare',
        'decoded_token = decode_token(cookie_token)'
      ),
      frame(
        `${SITE}/jwt/api_jws.py`,
        251,
        '_load',
        'raise DecodeError("Not enough segments") from err'
      )
    ]),
  internal: text => exception('Exception', text, [])
}

// Python's repr() of a str, close enough for messages without quotes of both kinds.
export function pyRepr(text) {
  const s = String(text)
  if (s.includes("'") && !s.includes('"')) return `"${s}"`
  return `'${s.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`
}

export function traceback(exc) {
  return `Traceback (most recent call last):\n${TORNADO_EXECUTE}${exc.frames.join('')}${exc.type}: ${exc.text}`
}

// HTTP 200 + the 500 envelope, as write_error produces it.
export function exceptionEnvelope(exc, urlParameters = {}) {
  return pyJsonResponse(200, {
    error: { code: 500, errors: STACK, exception: exc.text, message: traceback(exc) },
    url_parameters: urlParameters
  })
}

// The same failure as a server without the kernel sends it: HTTP 200, empty body.
export function exceptionResponse(mode, exc, urlParameters) {
  return mode === 'empty' ? empty(200) : exceptionEnvelope(exc, urlParameters)
}
