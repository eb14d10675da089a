import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 770:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__(218);


/***/ }),

/***/ 218:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var net = __nccwpck_require__(9278);
var tls = __nccwpck_require__(4756);
var http = __nccwpck_require__(8611);
var https = __nccwpck_require__(5692);
var events = __nccwpck_require__(4434);
var assert = __nccwpck_require__(2613);
var util = __nccwpck_require__(9023);


exports.httpOverHttp = httpOverHttp;
exports.httpsOverHttp = httpsOverHttp;
exports.httpOverHttps = httpOverHttps;
exports.httpsOverHttps = httpsOverHttps;


function httpOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  return agent;
}

function httpsOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}

function httpOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  return agent;
}

function httpsOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}


function TunnelingAgent(options) {
  var self = this;
  self.options = options || {};
  self.proxyOptions = self.options.proxy || {};
  self.maxSockets = self.options.maxSockets || http.Agent.defaultMaxSockets;
  self.requests = [];
  self.sockets = [];

  self.on('free', function onFree(socket, host, port, localAddress) {
    var options = toOptions(host, port, localAddress);
    for (var i = 0, len = self.requests.length; i < len; ++i) {
      var pending = self.requests[i];
      if (pending.host === options.host && pending.port === options.port) {
        // Detect the request to connect same origin server,
        // reuse the connection.
        self.requests.splice(i, 1);
        pending.request.onSocket(socket);
        return;
      }
    }
    socket.destroy();
    self.removeSocket(socket);
  });
}
util.inherits(TunnelingAgent, events.EventEmitter);

TunnelingAgent.prototype.addRequest = function addRequest(req, host, port, localAddress) {
  var self = this;
  var options = mergeOptions({request: req}, self.options, toOptions(host, port, localAddress));

  if (self.sockets.length >= this.maxSockets) {
    // We are over limit so we'll add it to the queue.
    self.requests.push(options);
    return;
  }

  // If we are under maxSockets create a new one.
  self.createSocket(options, function(socket) {
    socket.on('free', onFree);
    socket.on('close', onCloseOrRemove);
    socket.on('agentRemove', onCloseOrRemove);
    req.onSocket(socket);

    function onFree() {
      self.emit('free', socket, options);
    }

    function onCloseOrRemove(err) {
      self.removeSocket(socket);
      socket.removeListener('free', onFree);
      socket.removeListener('close', onCloseOrRemove);
      socket.removeListener('agentRemove', onCloseOrRemove);
    }
  });
};

TunnelingAgent.prototype.createSocket = function createSocket(options, cb) {
  var self = this;
  var placeholder = {};
  self.sockets.push(placeholder);

  var connectOptions = mergeOptions({}, self.proxyOptions, {
    method: 'CONNECT',
    path: options.host + ':' + options.port,
    agent: false,
    headers: {
      host: options.host + ':' + options.port
    }
  });
  if (options.localAddress) {
    connectOptions.localAddress = options.localAddress;
  }
  if (connectOptions.proxyAuth) {
    connectOptions.headers = connectOptions.headers || {};
    connectOptions.headers['Proxy-Authorization'] = 'Basic ' +
        new Buffer(connectOptions.proxyAuth).toString('base64');
  }

  debug('making CONNECT request');
  var connectReq = self.request(connectOptions);
  connectReq.useChunkedEncodingByDefault = false; // for v0.6
  connectReq.once('response', onResponse); // for v0.6
  connectReq.once('upgrade', onUpgrade);   // for v0.6
  connectReq.once('connect', onConnect);   // for v0.7 or later
  connectReq.once('error', onError);
  connectReq.end();

  function onResponse(res) {
    // Very hacky. This is necessary to avoid http-parser leaks.
    res.upgrade = true;
  }

  function onUpgrade(res, socket, head) {
    // Hacky.
    process.nextTick(function() {
      onConnect(res, socket, head);
    });
  }

  function onConnect(res, socket, head) {
    connectReq.removeAllListeners();
    socket.removeAllListeners();

    if (res.statusCode !== 200) {
      debug('tunneling socket could not be established, statusCode=%d',
        res.statusCode);
      socket.destroy();
      var error = new Error('tunneling socket could not be established, ' +
        'statusCode=' + res.statusCode);
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    if (head.length > 0) {
      debug('got illegal response body from proxy');
      socket.destroy();
      var error = new Error('got illegal response body from proxy');
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    debug('tunneling connection has established');
    self.sockets[self.sockets.indexOf(placeholder)] = socket;
    return cb(socket);
  }

  function onError(cause) {
    connectReq.removeAllListeners();

    debug('tunneling socket could not be established, cause=%s\n',
          cause.message, cause.stack);
    var error = new Error('tunneling socket could not be established, ' +
                          'cause=' + cause.message);
    error.code = 'ECONNRESET';
    options.request.emit('error', error);
    self.removeSocket(placeholder);
  }
};

TunnelingAgent.prototype.removeSocket = function removeSocket(socket) {
  var pos = this.sockets.indexOf(socket)
  if (pos === -1) {
    return;
  }
  this.sockets.splice(pos, 1);

  var pending = this.requests.shift();
  if (pending) {
    // If we have pending requests and a socket gets closed a new one
    // needs to be created to take over in the pool for the one that closed.
    this.createSocket(pending, function(socket) {
      pending.request.onSocket(socket);
    });
  }
};

function createSecureSocket(options, cb) {
  var self = this;
  TunnelingAgent.prototype.createSocket.call(self, options, function(socket) {
    var hostHeader = options.request.getHeader('host');
    var tlsOptions = mergeOptions({}, self.options, {
      socket: socket,
      servername: hostHeader ? hostHeader.replace(/:.*$/, '') : options.host
    });

    // 0 is dummy port for v0.6
    var secureSocket = tls.connect(0, tlsOptions);
    self.sockets[self.sockets.indexOf(socket)] = secureSocket;
    cb(secureSocket);
  });
}


function toOptions(host, port, localAddress) {
  if (typeof host === 'string') { // since v0.10
    return {
      host: host,
      port: port,
      localAddress: localAddress
    };
  }
  return host; // for v0.11 or later
}

function mergeOptions(target) {
  for (var i = 1, len = arguments.length; i < len; ++i) {
    var overrides = arguments[i];
    if (typeof overrides === 'object') {
      var keys = Object.keys(overrides);
      for (var j = 0, keyLen = keys.length; j < keyLen; ++j) {
        var k = keys[j];
        if (overrides[k] !== undefined) {
          target[k] = overrides[k];
        }
      }
    }
  }
  return target;
}


var debug;
if (process.env.NODE_DEBUG && /\btunnel\b/.test(process.env.NODE_DEBUG)) {
  debug = function() {
    var args = Array.prototype.slice.call(arguments);
    if (typeof args[0] === 'string') {
      args[0] = 'TUNNEL: ' + args[0];
    } else {
      args.unshift('TUNNEL:');
    }
    console.error.apply(console, args);
  }
} else {
  debug = function() {};
}
__webpack_unused_export__ = debug; // for test


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/config/describe-config.ts
const SECRET_KEYS = new Set(['password', 'triggerToken', 'apiKey', 'secrets']);
function describeConfig(config) {
    return JSON.stringify(config, (key, value) => {
        if (SECRET_KEYS.has(key))
            return value === undefined ? undefined : '***';
        if (key === 'env' && Array.isArray(value)) {
            return value.map(entry => `${entry.name}=***`);
        }
        // Runtime variables may carry credentials a pipeline needs: their names only.
        if (key === 'variables' && value !== null && typeof value === 'object') {
            return Object.keys(value).map(name => `${name}=***`);
        }
        return value;
    });
}

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
        return isRecord(parsed) ? parsed : {};
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
        current = isRecord(current) ? current[key] : undefined;
    return typeof current === 'string' ? current : '';
}
function isRecord(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}

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
class MageApiError extends Error {
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
class NetworkError extends Error {
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
class RequestTimeoutError extends Error {
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
    loaded ??= await __nccwpck_require__.e(/* import() */ 815).then(__nccwpck_require__.t.bind(__nccwpck_require__, 8815, 19));
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

;// CONCATENATED MODULE: external "os"
const external_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function utils_toCommandValue(input) {
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
function command_issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_namespaceObject.EOL);
}
function command_issue(name, message = '') {
    command_issueCommand(name, {}, message);
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
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
;// CONCATENATED MODULE: external "crypto"
const external_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");
;// CONCATENATED MODULE: external "fs"
const external_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function file_command_issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_namespaceObject.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_namespaceObject.appendFileSync(filePath, `${utils_toCommandValue(message)}${external_os_namespaceObject.EOL}`, {
        encoding: 'utf8'
    });
}
function file_command_prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
    const convertedValue = utils_toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_namespaceObject.EOL}${convertedValue}${external_os_namespaceObject.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
// EXTERNAL MODULE: external "http"
var external_http_ = __nccwpck_require__(8611);
var external_http_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_http_, 2);
// EXTERNAL MODULE: external "https"
var external_https_ = __nccwpck_require__(5692);
var external_https_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_https_, 2);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/proxy.js
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map
// EXTERNAL MODULE: ./node_modules/tunnel/index.js
var tunnel = __nccwpck_require__(770);
;// CONCATENATED MODULE: ./src/left-out/undici.ts
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

;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/index.js
/* eslint-disable @typescript-eslint/no-explicit-any */
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};





var HttpCodes;
(function (HttpCodes) {
    HttpCodes[HttpCodes["OK"] = 200] = "OK";
    HttpCodes[HttpCodes["MultipleChoices"] = 300] = "MultipleChoices";
    HttpCodes[HttpCodes["MovedPermanently"] = 301] = "MovedPermanently";
    HttpCodes[HttpCodes["ResourceMoved"] = 302] = "ResourceMoved";
    HttpCodes[HttpCodes["SeeOther"] = 303] = "SeeOther";
    HttpCodes[HttpCodes["NotModified"] = 304] = "NotModified";
    HttpCodes[HttpCodes["UseProxy"] = 305] = "UseProxy";
    HttpCodes[HttpCodes["SwitchProxy"] = 306] = "SwitchProxy";
    HttpCodes[HttpCodes["TemporaryRedirect"] = 307] = "TemporaryRedirect";
    HttpCodes[HttpCodes["PermanentRedirect"] = 308] = "PermanentRedirect";
    HttpCodes[HttpCodes["BadRequest"] = 400] = "BadRequest";
    HttpCodes[HttpCodes["Unauthorized"] = 401] = "Unauthorized";
    HttpCodes[HttpCodes["PaymentRequired"] = 402] = "PaymentRequired";
    HttpCodes[HttpCodes["Forbidden"] = 403] = "Forbidden";
    HttpCodes[HttpCodes["NotFound"] = 404] = "NotFound";
    HttpCodes[HttpCodes["MethodNotAllowed"] = 405] = "MethodNotAllowed";
    HttpCodes[HttpCodes["NotAcceptable"] = 406] = "NotAcceptable";
    HttpCodes[HttpCodes["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
    HttpCodes[HttpCodes["RequestTimeout"] = 408] = "RequestTimeout";
    HttpCodes[HttpCodes["Conflict"] = 409] = "Conflict";
    HttpCodes[HttpCodes["Gone"] = 410] = "Gone";
    HttpCodes[HttpCodes["TooManyRequests"] = 429] = "TooManyRequests";
    HttpCodes[HttpCodes["InternalServerError"] = 500] = "InternalServerError";
    HttpCodes[HttpCodes["NotImplemented"] = 501] = "NotImplemented";
    HttpCodes[HttpCodes["BadGateway"] = 502] = "BadGateway";
    HttpCodes[HttpCodes["ServiceUnavailable"] = 503] = "ServiceUnavailable";
    HttpCodes[HttpCodes["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function (Headers) {
    Headers["Accept"] = "accept";
    Headers["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function (MediaTypes) {
    MediaTypes["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
/**
 * Returns the proxy URL, depending upon the supplied url and proxy environment variables.
 * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
 */
function lib_getProxyUrl(serverUrl) {
    const proxyUrl = getProxyUrl(new URL(serverUrl));
    return proxyUrl ? proxyUrl.href : '';
}
const HttpRedirectCodes = [
    HttpCodes.MovedPermanently,
    HttpCodes.ResourceMoved,
    HttpCodes.SeeOther,
    HttpCodes.TemporaryRedirect,
    HttpCodes.PermanentRedirect
];
const HttpResponseRetryCodes = [
    HttpCodes.BadGateway,
    HttpCodes.ServiceUnavailable,
    HttpCodes.GatewayTimeout
];
const RetryableHttpVerbs = ['OPTIONS', 'GET', 'DELETE', 'HEAD'];
const ExponentialBackoffCeiling = 10;
const ExponentialBackoffTimeSlice = 5;
class HttpClientError extends Error {
    constructor(message, statusCode) {
        super(message);
        this.name = 'HttpClientError';
        this.statusCode = statusCode;
        Object.setPrototypeOf(this, HttpClientError.prototype);
    }
}
class HttpClientResponse {
    constructor(message) {
        this.message = message;
    }
    readBody() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                let output = Buffer.alloc(0);
                this.message.on('data', (chunk) => {
                    output = Buffer.concat([output, chunk]);
                });
                this.message.on('end', () => {
                    resolve(output.toString());
                });
            }));
        });
    }
    readBodyBuffer() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                const chunks = [];
                this.message.on('data', (chunk) => {
                    chunks.push(chunk);
                });
                this.message.on('end', () => {
                    resolve(Buffer.concat(chunks));
                });
            }));
        });
    }
}
function isHttps(requestUrl) {
    const parsedUrl = new URL(requestUrl);
    return parsedUrl.protocol === 'https:';
}
class lib_HttpClient {
    constructor(userAgent, handlers, requestOptions) {
        this._ignoreSslError = false;
        this._allowRedirects = true;
        this._allowRedirectDowngrade = false;
        this._maxRedirects = 50;
        this._allowRetries = false;
        this._maxRetries = 1;
        this._keepAlive = false;
        this._disposed = false;
        this.userAgent = this._getUserAgentWithOrchestrationId(userAgent);
        this.handlers = handlers || [];
        this.requestOptions = requestOptions;
        if (requestOptions) {
            if (requestOptions.ignoreSslError != null) {
                this._ignoreSslError = requestOptions.ignoreSslError;
            }
            this._socketTimeout = requestOptions.socketTimeout;
            if (requestOptions.allowRedirects != null) {
                this._allowRedirects = requestOptions.allowRedirects;
            }
            if (requestOptions.allowRedirectDowngrade != null) {
                this._allowRedirectDowngrade = requestOptions.allowRedirectDowngrade;
            }
            if (requestOptions.maxRedirects != null) {
                this._maxRedirects = Math.max(requestOptions.maxRedirects, 0);
            }
            if (requestOptions.keepAlive != null) {
                this._keepAlive = requestOptions.keepAlive;
            }
            if (requestOptions.allowRetries != null) {
                this._allowRetries = requestOptions.allowRetries;
            }
            if (requestOptions.maxRetries != null) {
                this._maxRetries = requestOptions.maxRetries;
            }
        }
    }
    options(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('OPTIONS', requestUrl, null, additionalHeaders || {});
        });
    }
    get(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('GET', requestUrl, null, additionalHeaders || {});
        });
    }
    del(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('DELETE', requestUrl, null, additionalHeaders || {});
        });
    }
    post(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('POST', requestUrl, data, additionalHeaders || {});
        });
    }
    patch(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PATCH', requestUrl, data, additionalHeaders || {});
        });
    }
    put(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PUT', requestUrl, data, additionalHeaders || {});
        });
    }
    head(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('HEAD', requestUrl, null, additionalHeaders || {});
        });
    }
    sendStream(verb, requestUrl, stream, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request(verb, requestUrl, stream, additionalHeaders);
        });
    }
    /**
     * Gets a typed object from an endpoint
     * Be aware that not found returns a null.  Other errors (4xx, 5xx) reject the promise
     */
    getJson(requestUrl_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, additionalHeaders = {}) {
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            const res = yield this.get(requestUrl, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    postJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.post(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    putJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.put(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    patchJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.patch(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    /**
     * Makes a raw http request.
     * All other methods such as get, post, patch, and request ultimately call this.
     * Prefer get, del, post and patch
     */
    request(verb, requestUrl, data, headers) {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._disposed) {
                throw new Error('Client has already been disposed.');
            }
            const parsedUrl = new URL(requestUrl);
            let info = this._prepareRequest(verb, parsedUrl, headers);
            // Only perform retries on reads since writes may not be idempotent.
            const maxTries = this._allowRetries && RetryableHttpVerbs.includes(verb)
                ? this._maxRetries + 1
                : 1;
            let numTries = 0;
            let response;
            do {
                response = yield this.requestRaw(info, data);
                // Check if it's an authentication challenge
                if (response &&
                    response.message &&
                    response.message.statusCode === HttpCodes.Unauthorized) {
                    let authenticationHandler;
                    for (const handler of this.handlers) {
                        if (handler.canHandleAuthentication(response)) {
                            authenticationHandler = handler;
                            break;
                        }
                    }
                    if (authenticationHandler) {
                        return authenticationHandler.handleAuthentication(this, info, data);
                    }
                    else {
                        // We have received an unauthorized response but have no handlers to handle it.
                        // Let the response return to the caller.
                        return response;
                    }
                }
                let redirectsRemaining = this._maxRedirects;
                while (response.message.statusCode &&
                    HttpRedirectCodes.includes(response.message.statusCode) &&
                    this._allowRedirects &&
                    redirectsRemaining > 0) {
                    const redirectUrl = response.message.headers['location'];
                    if (!redirectUrl) {
                        // if there's no location to redirect to, we won't
                        break;
                    }
                    const parsedRedirectUrl = new URL(redirectUrl);
                    if (parsedUrl.protocol === 'https:' &&
                        parsedUrl.protocol !== parsedRedirectUrl.protocol &&
                        !this._allowRedirectDowngrade) {
                        throw new Error('Redirect from HTTPS to HTTP protocol. This downgrade is not allowed for security reasons. If you want to allow this behavior, set the allowRedirectDowngrade option to true.');
                    }
                    // we need to finish reading the response before reassigning response
                    // which will leak the open socket.
                    yield response.readBody();
                    // strip authorization header if redirected to a different hostname
                    if (parsedRedirectUrl.hostname !== parsedUrl.hostname) {
                        for (const header in headers) {
                            // header names are case insensitive
                            if (header.toLowerCase() === 'authorization') {
                                delete headers[header];
                            }
                        }
                    }
                    // let's make the request with the new redirectUrl
                    info = this._prepareRequest(verb, parsedRedirectUrl, headers);
                    response = yield this.requestRaw(info, data);
                    redirectsRemaining--;
                }
                if (!response.message.statusCode ||
                    !HttpResponseRetryCodes.includes(response.message.statusCode)) {
                    // If not a retry code, return immediately instead of retrying
                    return response;
                }
                numTries += 1;
                if (numTries < maxTries) {
                    yield response.readBody();
                    yield this._performExponentialBackoff(numTries);
                }
            } while (numTries < maxTries);
            return response;
        });
    }
    /**
     * Needs to be called if keepAlive is set to true in request options.
     */
    dispose() {
        if (this._agent) {
            this._agent.destroy();
        }
        this._disposed = true;
    }
    /**
     * Raw request.
     * @param info
     * @param data
     */
    requestRaw(info, data) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => {
                function callbackForResult(err, res) {
                    if (err) {
                        reject(err);
                    }
                    else if (!res) {
                        // If `err` is not passed, then `res` must be passed.
                        reject(new Error('Unknown error'));
                    }
                    else {
                        resolve(res);
                    }
                }
                this.requestRawWithCallback(info, data, callbackForResult);
            });
        });
    }
    /**
     * Raw request with callback.
     * @param info
     * @param data
     * @param onResult
     */
    requestRawWithCallback(info, data, onResult) {
        if (typeof data === 'string') {
            if (!info.options.headers) {
                info.options.headers = {};
            }
            info.options.headers['Content-Length'] = Buffer.byteLength(data, 'utf8');
        }
        let callbackCalled = false;
        function handleResult(err, res) {
            if (!callbackCalled) {
                callbackCalled = true;
                onResult(err, res);
            }
        }
        const req = info.httpModule.request(info.options, (msg) => {
            const res = new HttpClientResponse(msg);
            handleResult(undefined, res);
        });
        let socket;
        req.on('socket', sock => {
            socket = sock;
        });
        // If we ever get disconnected, we want the socket to timeout eventually
        req.setTimeout(this._socketTimeout || 3 * 60000, () => {
            if (socket) {
                socket.end();
            }
            handleResult(new Error(`Request timeout: ${info.options.path}`));
        });
        req.on('error', function (err) {
            // err has statusCode property
            // res should have headers
            handleResult(err);
        });
        if (data && typeof data === 'string') {
            req.write(data, 'utf8');
        }
        if (data && typeof data !== 'string') {
            data.on('close', function () {
                req.end();
            });
            data.pipe(req);
        }
        else {
            req.end();
        }
    }
    /**
     * Gets an http agent. This function is useful when you need an http agent that handles
     * routing through a proxy server - depending upon the url and proxy environment variables.
     * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
     */
    getAgent(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        return this._getAgent(parsedUrl);
    }
    getAgentDispatcher(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (!useProxy) {
            return;
        }
        return this._getProxyAgentDispatcher(parsedUrl, proxyUrl);
    }
    _prepareRequest(method, requestUrl, headers) {
        const info = {};
        info.parsedUrl = requestUrl;
        const usingSsl = info.parsedUrl.protocol === 'https:';
        info.httpModule = usingSsl ? external_https_namespaceObject : external_http_namespaceObject;
        const defaultPort = usingSsl ? 443 : 80;
        info.options = {};
        info.options.host = info.parsedUrl.hostname;
        info.options.port = info.parsedUrl.port
            ? parseInt(info.parsedUrl.port)
            : defaultPort;
        info.options.path =
            (info.parsedUrl.pathname || '') + (info.parsedUrl.search || '');
        info.options.method = method;
        info.options.headers = this._mergeHeaders(headers);
        if (this.userAgent != null) {
            info.options.headers['user-agent'] = this.userAgent;
        }
        info.options.agent = this._getAgent(info.parsedUrl);
        // gives handlers an opportunity to participate
        if (this.handlers) {
            for (const handler of this.handlers) {
                handler.prepareRequest(info.options);
            }
        }
        return info;
    }
    _mergeHeaders(headers) {
        if (this.requestOptions && this.requestOptions.headers) {
            return Object.assign({}, lowercaseKeys(this.requestOptions.headers), lowercaseKeys(headers || {}));
        }
        return lowercaseKeys(headers || {});
    }
    /**
     * Gets an existing header value or returns a default.
     * Handles converting number header values to strings since HTTP headers must be strings.
     * Note: This returns string | string[] since some headers can have multiple values.
     * For headers that must always be a single string (like Content-Type), use the
     * specialized _getExistingOrDefaultContentTypeHeader method instead.
     */
    _getExistingOrDefaultHeader(additionalHeaders, header, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[header];
            if (headerValue) {
                clientHeader =
                    typeof headerValue === 'number' ? headerValue.toString() : headerValue;
            }
        }
        const additionalValue = additionalHeaders[header];
        if (additionalValue !== undefined) {
            return typeof additionalValue === 'number'
                ? additionalValue.toString()
                : additionalValue;
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    /**
     * Specialized version of _getExistingOrDefaultHeader for Content-Type header.
     * Always returns a single string (not an array) since Content-Type should be a single value.
     * Converts arrays to comma-separated strings and numbers to strings to ensure type safety.
     * This was split from _getExistingOrDefaultHeader to provide stricter typing for callers
     * that assign the result to places expecting a string (e.g., additionalHeaders[Headers.ContentType]).
     */
    _getExistingOrDefaultContentTypeHeader(additionalHeaders, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[Headers.ContentType];
            if (headerValue) {
                if (typeof headerValue === 'number') {
                    clientHeader = String(headerValue);
                }
                else if (Array.isArray(headerValue)) {
                    clientHeader = headerValue.join(', ');
                }
                else {
                    clientHeader = headerValue;
                }
            }
        }
        const additionalValue = additionalHeaders[Headers.ContentType];
        // Return the first non-undefined value, converting numbers or arrays to strings if necessary
        if (additionalValue !== undefined) {
            if (typeof additionalValue === 'number') {
                return String(additionalValue);
            }
            else if (Array.isArray(additionalValue)) {
                return additionalValue.join(', ');
            }
            else {
                return additionalValue;
            }
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    _getAgent(parsedUrl) {
        let agent;
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (this._keepAlive && useProxy) {
            agent = this._proxyAgent;
        }
        if (!useProxy) {
            agent = this._agent;
        }
        // if agent is already assigned use that agent.
        if (agent) {
            return agent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        let maxSockets = 100;
        if (this.requestOptions) {
            maxSockets = this.requestOptions.maxSockets || external_http_.globalAgent.maxSockets;
        }
        // This is `useProxy` again, but we need to check `proxyURl` directly for TypeScripts's flow analysis.
        if (proxyUrl && proxyUrl.hostname) {
            const agentOptions = {
                maxSockets,
                keepAlive: this._keepAlive,
                proxy: Object.assign(Object.assign({}, ((proxyUrl.username || proxyUrl.password) && {
                    proxyAuth: `${proxyUrl.username}:${proxyUrl.password}`
                })), { host: proxyUrl.hostname, port: proxyUrl.port })
            };
            let tunnelAgent;
            const overHttps = proxyUrl.protocol === 'https:';
            if (usingSsl) {
                tunnelAgent = overHttps ? tunnel.httpsOverHttps : tunnel.httpsOverHttp;
            }
            else {
                tunnelAgent = overHttps ? tunnel.httpOverHttps : tunnel.httpOverHttp;
            }
            agent = tunnelAgent(agentOptions);
            this._proxyAgent = agent;
        }
        // if tunneling agent isn't assigned create a new agent
        if (!agent) {
            const options = { keepAlive: this._keepAlive, maxSockets };
            agent = usingSsl ? new external_https_.Agent(options) : new external_http_.Agent(options);
            this._agent = agent;
        }
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            agent.options = Object.assign(agent.options || {}, {
                rejectUnauthorized: false
            });
        }
        return agent;
    }
    _getProxyAgentDispatcher(parsedUrl, proxyUrl) {
        let proxyAgent;
        if (this._keepAlive) {
            proxyAgent = this._proxyAgentDispatcher;
        }
        // if agent is already assigned use that agent.
        if (proxyAgent) {
            return proxyAgent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        proxyAgent = new ProxyAgent(Object.assign({ uri: proxyUrl.href, pipelining: !this._keepAlive ? 0 : 1 }, ((proxyUrl.username || proxyUrl.password) && {
            token: `Basic ${Buffer.from(`${proxyUrl.username}:${proxyUrl.password}`).toString('base64')}`
        })));
        this._proxyAgentDispatcher = proxyAgent;
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            proxyAgent.options = Object.assign(proxyAgent.options.requestTls || {}, {
                rejectUnauthorized: false
            });
        }
        return proxyAgent;
    }
    _getUserAgentWithOrchestrationId(userAgent) {
        const baseUserAgent = userAgent || 'actions/http-client';
        const orchId = process.env['ACTIONS_ORCHESTRATION_ID'];
        if (orchId) {
            // Sanitize the orchestration ID to ensure it contains only valid characters
            // Valid characters: 0-9, a-z, _, -, .
            const sanitizedId = orchId.replace(/[^a-z0-9_.-]/gi, '_');
            return `${baseUserAgent} actions_orchestration_id/${sanitizedId}`;
        }
        return baseUserAgent;
    }
    _performExponentialBackoff(retryNumber) {
        return __awaiter(this, void 0, void 0, function* () {
            retryNumber = Math.min(ExponentialBackoffCeiling, retryNumber);
            const ms = ExponentialBackoffTimeSlice * Math.pow(2, retryNumber);
            return new Promise(resolve => setTimeout(() => resolve(), ms));
        });
    }
    _processResponse(res, options) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
                const statusCode = res.message.statusCode || 0;
                const response = {
                    statusCode,
                    result: null,
                    headers: {}
                };
                // not found leads to null obj returned
                if (statusCode === HttpCodes.NotFound) {
                    resolve(response);
                }
                // get the result from the body
                function dateTimeDeserializer(key, value) {
                    if (typeof value === 'string') {
                        const a = new Date(value);
                        if (!isNaN(a.valueOf())) {
                            return a;
                        }
                    }
                    return value;
                }
                let obj;
                let contents;
                try {
                    contents = yield res.readBody();
                    if (contents && contents.length > 0) {
                        if (options && options.deserializeDates) {
                            obj = JSON.parse(contents, dateTimeDeserializer);
                        }
                        else {
                            obj = JSON.parse(contents);
                        }
                        response.result = obj;
                    }
                    response.headers = res.message.headers;
                }
                catch (err) {
                    // Invalid resource (contents not json);  leaving result obj null
                }
                // note that 3xx redirects are handled by the http layer.
                if (statusCode > 299) {
                    let msg;
                    // if exception/error in body, attempt to get better error
                    if (obj && obj.message) {
                        msg = obj.message;
                    }
                    else if (contents && contents.length > 0) {
                        // it may be the case that the exception is in the body message as string
                        msg = contents;
                    }
                    else {
                        msg = `Failed request: (${statusCode})`;
                    }
                    const err = new HttpClientError(msg, statusCode);
                    err.result = response.result;
                    reject(err);
                }
                else {
                    resolve(response);
                }
            }));
        });
    }
}
const lowercaseKeys = (obj) => Object.keys(obj).reduce((c, k) => ((c[k.toLowerCase()] = obj[k]), c), {});
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/auth.js
var auth_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
class BasicCredentialHandler {
    constructor(username, password) {
        this.username = username;
        this.password = password;
    }
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`${this.username}:${this.password}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class auth_BearerCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Bearer ${this.token}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class PersonalAccessTokenCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`PAT:${this.token}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
//# sourceMappingURL=auth.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/oidc-utils.js
var oidc_utils_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



class oidc_utils_OidcClient {
    static createHttpClient(allowRetry = true, maxRetry = 10) {
        const requestOptions = {
            allowRetries: allowRetry,
            maxRetries: maxRetry
        };
        return new HttpClient('actions/oidc-client', [new BearerCredentialHandler(oidc_utils_OidcClient.getRequestToken())], requestOptions);
    }
    static getRequestToken() {
        const token = process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
        if (!token) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable');
        }
        return token;
    }
    static getIDTokenUrl() {
        const runtimeUrl = process.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
        if (!runtimeUrl) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
        }
        return runtimeUrl;
    }
    static getCall(id_token_url) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            var _a;
            const httpclient = oidc_utils_OidcClient.createHttpClient();
            const res = yield httpclient
                .getJson(id_token_url)
                .catch(error => {
                throw new Error(`Failed to get ID Token. \n 
        Error Code : ${error.statusCode}\n 
        Error Message: ${error.message}`);
            });
            const id_token = (_a = res.result) === null || _a === void 0 ? void 0 : _a.value;
            if (!id_token) {
                throw new Error('Response json body do not have ID Token field');
            }
            return id_token;
        });
    }
    static getIDToken(audience) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            try {
                // New ID Token is requested from action service
                let id_token_url = oidc_utils_OidcClient.getIDTokenUrl();
                if (audience) {
                    const encodedAudience = encodeURIComponent(audience);
                    id_token_url = `${id_token_url}&audience=${encodedAudience}`;
                }
                debug(`ID token url is ${id_token_url}`);
                const id_token = yield oidc_utils_OidcClient.getCall(id_token_url);
                setSecret(id_token);
                return id_token;
            }
            catch (error) {
                throw new Error(`Error message: ${error.message}`);
            }
        });
    }
}
//# sourceMappingURL=oidc-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var summary_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_namespaceObject.promises;
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
        return summary_awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_namespaceObject.constants.R_OK | external_fs_namespaceObject.constants.W_OK);
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
        return summary_awaiter(this, void 0, void 0, function* () {
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
        return summary_awaiter(this, void 0, void 0, function* () {
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
        return this.addRaw(external_os_namespaceObject.EOL);
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
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/path-utils.js

/**
 * toPosixPath converts the given path to the posix form. On Windows, \\ will be
 * replaced with /.
 *
 * @param pth. Path to transform.
 * @return string Posix path.
 */
function toPosixPath(pth) {
    return pth.replace(/[\\]/g, '/');
}
/**
 * toWin32Path converts the given path to the win32 form. On Linux, / will be
 * replaced with \\.
 *
 * @param pth. Path to transform.
 * @return string Win32 path.
 */
function toWin32Path(pth) {
    return pth.replace(/[/]/g, '\\');
}
/**
 * toPlatformPath converts the given path to a platform-specific path. It does
 * this by replacing instances of / and \ with the platform-specific path
 * separator.
 *
 * @param pth The path to platformize.
 * @return string The platform-specific path.
 */
function toPlatformPath(pth) {
    return pth.replace(/[/\\]/g, path.sep);
}
//# sourceMappingURL=path-utils.js.map
;// CONCATENATED MODULE: external "string_decoder"
const external_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");
// EXTERNAL MODULE: external "events"
var external_events_ = __nccwpck_require__(4434);
;// CONCATENATED MODULE: external "child_process"
const external_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");
// EXTERNAL MODULE: external "assert"
var external_assert_ = __nccwpck_require__(2613);
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io-util.js
var io_util_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { chmod, copyFile, lstat, mkdir, open: io_util_open, readdir, rename, rm, rmdir, stat, symlink, unlink } = external_fs_namespaceObject.promises;
// export const {open} = 'fs'
const IS_WINDOWS = process.platform === 'win32';
/**
 * Custom implementation of readlink to ensure Windows junctions
 * maintain trailing backslash for backward compatibility with Node.js < 24
 *
 * In Node.js 20, Windows junctions (directory symlinks) always returned paths
 * with trailing backslashes. Node.js 24 removed this behavior, which breaks
 * code that relied on this format for path operations.
 *
 * This implementation restores the Node 20 behavior by adding a trailing
 * backslash to all junction results on Windows.
 */
function readlink(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        const result = yield fs.promises.readlink(fsPath);
        // On Windows, restore Node 20 behavior: add trailing backslash to all results
        // since junctions on Windows are always directory links
        if (IS_WINDOWS && !result.endsWith('\\')) {
            return `${result}\\`;
        }
        return result;
    });
}
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
const UV_FS_O_EXLOCK = 0x10000000;
const READONLY = external_fs_namespaceObject.constants.O_RDONLY;
function exists(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
function isDirectory(fsPath_1) {
    return io_util_awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
        const stats = useStat ? yield stat(fsPath) : yield lstat(fsPath);
        return stats.isDirectory();
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = external_path_namespaceObject.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = external_path_namespaceObject.dirname(filePath);
                        const upperName = external_path_namespaceObject.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = external_path_namespaceObject.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
//# sourceMappingURL=io-util.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io.js
var io_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield ioUtil.exists(dest)) ? yield ioUtil.stat(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path.join(dest, path.basename(source))
            : dest;
        if (!(yield ioUtil.exists(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield ioUtil.stat(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield io_copyFile(source, newDest, force);
        }
    });
}
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        if (yield ioUtil.exists(dest)) {
            let destExists = true;
            if (yield ioUtil.isDirectory(dest)) {
                // If dest is directory copy src into dest
                dest = path.join(dest, path.basename(source));
                destExists = yield ioUtil.exists(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(path.dirname(dest));
        yield ioUtil.rename(source, dest);
    });
}
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (ioUtil.IS_WINDOWS) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield ioUtil.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        ok(fsPath, 'a path argument must be provided');
        yield ioUtil.mkdir(fsPath, { recursive: true });
    });
}
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (IS_WINDOWS) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (IS_WINDOWS && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(external_path_namespaceObject.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (isRooted(tool)) {
            const filePath = yield tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(external_path_namespaceObject.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(external_path_namespaceObject.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield tryGetExecutablePath(external_path_namespaceObject.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield ioUtil.readdir(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield ioUtil.lstat(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield io_copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield ioUtil.chmod(destDir, (yield ioUtil.stat(sourceDir)).mode);
    });
}
// Buffered file copy
function io_copyFile(srcFile, destFile, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        if ((yield ioUtil.lstat(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield ioUtil.lstat(destFile);
                yield ioUtil.unlink(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield ioUtil.chmod(destFile, '0666');
                    yield ioUtil.unlink(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield ioUtil.readlink(srcFile);
            yield ioUtil.symlink(symlinkFull, destFile, ioUtil.IS_WINDOWS ? 'junction' : null);
        }
        else if (!(yield ioUtil.exists(destFile)) || force) {
            yield ioUtil.copyFile(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map
;// CONCATENATED MODULE: external "timers"
const external_timers_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/toolrunner.js
var toolrunner_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};







/* eslint-disable @typescript-eslint/unbound-method */
const toolrunner_IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends external_events_.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (toolrunner_IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(external_os_namespaceObject.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + external_os_namespaceObject.EOL.length);
                n = s.indexOf(external_os_namespaceObject.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return toolrunner_awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (toolrunner_IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = external_path_namespaceObject.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield which(this.toolPath, true);
            return new Promise((resolve, reject) => toolrunner_awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + external_os_namespaceObject.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield exists(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = external_child_process_namespaceObject.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends external_events_.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = (0,external_timers_namespaceObject.setTimeout)(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}
//# sourceMappingURL=toolrunner.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/exec.js
var exec_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec_exec(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        const commandArgs = tr.argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new tr.ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new StringDecoder('utf8');
        const stderrDecoder = new StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec_exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}
//# sourceMappingURL=exec.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/platform.js
var platform_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const getWindowsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout: version } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', undefined, {
        silent: true
    });
    const { stdout: name } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', undefined, {
        silent: true
    });
    return {
        name: name.trim(),
        version: version.trim()
    };
});
const getMacOsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    var _a, _b, _c, _d;
    const { stdout } = yield exec.getExecOutput('sw_vers', undefined, {
        silent: true
    });
    const version = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : '';
    const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : '';
    return {
        name,
        version
    };
});
const getLinuxInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout } = yield exec.getExecOutput('lsb_release', ['-i', '-r', '-s'], {
        silent: true
    });
    const [name, version] = stdout.trim().split('\n');
    return {
        name,
        version
    };
});
const platform = external_os_namespaceObject.platform();
const arch = external_os_namespaceObject.arch();
const isWindows = platform === 'win32';
const isMacOS = platform === 'darwin';
const isLinux = platform === 'linux';
function getDetails() {
    return platform_awaiter(this, void 0, void 0, function* () {
        return Object.assign(Object.assign({}, (yield (isWindows
            ? getWindowsInfo()
            : isMacOS
                ? getMacOsInfo()
                : getLinuxInfo()))), { platform,
            arch,
            isWindows,
            isMacOS,
            isLinux });
    });
}
//# sourceMappingURL=platform.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/core.js
var core_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};






/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function core_setSecret(secret) {
    command_issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${path.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return file_command_issueFileCommand('OUTPUT', file_command_prepareKeyValueMessage(name, value));
    }
    process.stdout.write(external_os_namespaceObject.EOL);
    command_issueCommand('set-output', { name }, utils_toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function core_debug(message) {
    command_issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    command_issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    command_issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    command_issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_namespaceObject.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    command_issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    command_issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return core_awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return file_command_issueFileCommand('STATE', file_command_prepareKeyValueMessage(name, value));
    }
    command_issueCommand('save-state', { name }, utils_toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return core_awaiter(this, void 0, void 0, function* () {
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map
;// CONCATENATED MODULE: ./src/core-io.ts
// The ActionIO port implemented over @actions/core: the only file that touches it.

// The runner does not nest log groups: a group opened inside another closes the outer one. So an
// inner group closes the outer one itself and reopens it afterwards, "(continued)".
const openGroups = [];
async function core_io_group(name, fn) {
    const outer = openGroups.at(-1);
    if (outer !== undefined)
        endGroup();
    startGroup(name);
    openGroups.push(name);
    try {
        return await fn();
    }
    finally {
        endGroup();
        openGroups.pop();
        if (outer !== undefined)
            startGroup(`${outer} (continued)`);
    }
}
const coreIO = {
    info: message => info(message),
    debug: message => core_debug(message),
    isDebug: () => isDebug(),
    notice: message => notice(message),
    warning: message => warning(message),
    error: message => error(message),
    group: core_io_group,
    setSecret: value => core_setSecret(value),
    setOutput: (name, value) => setOutput(name, value),
    appendSummary: async (markdown) => {
        // Without GITHUB_STEP_SUMMARY (a local run) there is nowhere to write: not an error.
        if (!process.env.GITHUB_STEP_SUMMARY)
            return;
        await summary.addRaw(markdown, true).write();
        summary.emptyBuffer();
    },
    saveState: (name, value) => saveState(name, value),
    getState: name => getState(name),
    setFailed: message => setFailed(message)
};
/** An input exactly as given (the caller trims where that is right), '' when unset. */
function rawInput(name) {
    return getInput(name, { trimWhitespace: false });
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

;// CONCATENATED MODULE: ./src/http/attempts.ts
// What a failed attempt says about the request's effect on the server. A caller that writes
// (the Cloud cluster PUT) needs it across every attempt, not just the last: an earlier attempt
// may have landed before a later one was refused.

const newTrace = () => ({ landed: 0, unanswered: 0 });
/** The request left and no complete answer came back. */
function isUnanswered(error) {
    return (error instanceof NetworkError || error instanceof RequestTimeoutError) && error.sent;
}
/** The failure does not prove the handler left things as they were. */
function mayHaveLanded(error) {
    if (isUnanswered(error))
        return true;
    if (!(error instanceof MageApiError))
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
function json_isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
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
                throw unexpected(bytes, i);
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
                throw unexpected(bytes, i);
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
                throw unexpected(bytes, i);
            i = skipSpace(bytes, i + 1);
        }
    }
    expectEnd(bytes, i + 1);
    return members;
}
/** Scans `"name" :` from `i`; returns where the member's value starts (after its whitespace). */
function scanMemberName(bytes, i) {
    if (bytes[i] !== QUOTE)
        throw unexpected(bytes, i);
    return scanColon(bytes, scanString(bytes, i));
}
/** Scans the `:` after a member name; returns where the value starts (after its whitespace). */
function scanColon(bytes, from) {
    const colon = skipSpace(bytes, from);
    if (bytes[colon] !== COLON)
        throw unexpected(bytes, colon);
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
        throw unexpected(bytes, end);
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
            throw unexpected(bytes, i);
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
                    throw unexpected(bytes, k);
            }
            return i + 5;
        default:
            throw unexpected(bytes, i);
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
        throw unexpected(bytes, i);
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
        throw unexpected(bytes, i);
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
        throw unexpected(bytes, end);
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
function unexpected(bytes, i) {
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
    const fail = (fields) => new MageApiError({ ...base, ...fields });
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
    if (json_isRecord(parsed) && parsed.error !== undefined && parsed.error !== null) {
        throw fail(envelopeFields(parsed.error, status, context.redact));
    }
    if (!ok) {
        // A JSON body is named by its keys only: it may be a resource holding other people's secrets.
        const excerpt = json_isRecord(parsed)
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
    const record = json_isRecord(error) ? error : { message: String(error) };
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
    if (error instanceof NetworkError || error instanceof RequestTimeoutError) {
        return policy === 'idempotent' || !error.sent;
    }
    if (error instanceof MageApiError) {
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
    return error instanceof MageApiError;
}
function retryAfterOf(error) {
    return error instanceof MageApiError ? error.fields.retryAfter : undefined;
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

;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
;// CONCATENATED MODULE: external "node:https"
const external_node_https_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");
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
            origin = lib_getProxyUrl(url.href)
                ? { agent: new lib_HttpClient(this.userAgent).getAgent(url.href) }
                : {
                    agent: url.protocol === 'https:' ? new external_node_https_namespaceObject.Agent() : new external_node_http_namespaceObject.Agent(),
                    spare: new SpareRequest(this.spareMaxAgeMs)
                };
            this.agents.set(url.origin, origin);
        }
        return origin;
    }
    send(request) {
        const { method, url, headers, body, timeoutMs, logPath } = request;
        const { agent, spare } = this.agentFor(url);
        const lib = url.protocol === 'https:' ? external_node_https_namespaceObject : external_node_http_namespaceObject;
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
                external_node_http_namespaceObject.validateHeaderName(name);
                external_node_http_namespaceObject.validateHeaderValue(name, value);
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
                        finish(new NetworkError(method, logPath, true, `answer larger than ${MAX_BODY_BYTES} bytes`));
                        return;
                    }
                    bytes.add(chunk);
                });
                res.on('end', () => {
                    if (!res.complete) {
                        finish(new NetworkError(method, logPath, true, 'the answer was cut off'));
                        return;
                    }
                    finish(undefined, answer(res.statusCode ?? 0, res.headers, bytes.bytes()));
                });
                res.on('close', () => {
                    if (!res.complete)
                        finish(new NetworkError(method, logPath, true, 'the answer was cut off'));
                });
                res.on('error', error => finish(new NetworkError(method, logPath, true, 'the answer was cut off', error)));
            });
            const timer = setTimeout(() => {
                finish(new RequestTimeoutError(method, logPath, timeoutMs, sent));
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
                finish(new NetworkError(method, logPath, !provedUnsent, code || error.message, error));
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

;// CONCATENATED MODULE: ./src/cloud/extra-envs.ts

function entriesOf(extraEnvs) {
    return Array.isArray(extraEnvs) ? extraEnvs : [];
}
function nameOf(entry) {
    return json_isRecord(entry) && typeof entry.name === 'string' ? entry.name : undefined;
}
/** The value a name has now: a string, `undefined` when absent, `null` when not a plain value. */
function currentValue(entries, name) {
    const entry = entries.find(item => nameOf(item) === name);
    if (entry === undefined)
        return undefined;
    return json_isRecord(entry) && typeof entry.value === 'string' && entry.valueFrom === undefined
        ? entry.value
        : null;
}
function planEnvChange(extraEnvs, env, unset) {
    const entries = entriesOf(extraEnvs);
    const changed = new Set();
    for (const { name, value } of env)
        if (currentValue(entries, name) !== value)
            changed.add(name);
    for (const name of unset)
        if (currentValue(entries, name) !== undefined)
            changed.add(name);
    const values = new Map(env.map(({ name, value }) => [name, value]));
    const removed = new Set(unset);
    const written = new Set();
    const result = [];
    for (const entry of entries) {
        const name = nameOf(entry);
        if (name === undefined || (!values.has(name) && !removed.has(name))) {
            result.push(entry);
        }
        else if (values.has(name) && !written.has(name)) {
            // Keep the entry's other fields; a valueFrom would override the value, so it goes.
            const { valueFrom: _dropped, ...rest } = entry;
            void _dropped;
            result.push({ ...rest, name, value: values.get(name) });
            written.add(name);
        }
        // else: removed, or a later duplicate of a name we set
    }
    for (const { name, value } of env)
        if (!written.has(name))
            result.push({ name, value });
    const order = [...env.map(entry => entry.name), ...unset];
    return { extraEnvs: result, changedNames: order.filter(name => changed.has(name)) };
}
/** Names whose requested state is not in `extraEnvs` (a lost update). */
function missingChanges(extraEnvs, env, unset) {
    const entries = entriesOf(extraEnvs);
    const missing = env
        .filter(({ name, value }) => currentValue(entries, name) !== value)
        .map(e => e.name);
    for (const name of unset)
        if (currentValue(entries, name) !== undefined)
            missing.push(name);
    return missing;
}
function envNamesOf(extraEnvs) {
    return entriesOf(extraEnvs)
        .map(nameOf)
        .filter((name) => name !== undefined);
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
        return json_isRecord(decoded) && typeof decoded.token === 'string' ? decoded.token : undefined;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/cloud/write-check.ts
// Whether the cluster, read after a write whose answer was lost, holds that write: every config
// key sent has the value sent (keys compared regardless of order), and the status moved the
// way the write asked.

/** Statuses that contradict a write asking for `Active` or `Stopped`. */
const CONTRADICTING = {
    Active: new Set(['Stopped', 'Stopping']),
    Stopped: new Set(['Active', 'Starting', 'Updating'])
};
function holdsWrite(cluster, write) {
    if (write.status && CONTRADICTING[write.status].has(cluster.status))
        return false;
    return Object.entries(write.config).every(([key, value]) => sameJson(cluster.config[key], value));
}
function sameJson(a, b) {
    if (Array.isArray(a) || Array.isArray(b)) {
        return (Array.isArray(a) &&
            Array.isArray(b) &&
            a.length === b.length &&
            a.every((item, i) => sameJson(item, b[i])));
    }
    if (json_isRecord(a) && json_isRecord(b)) {
        const keys = Object.keys(a);
        return (keys.length === Object.keys(b).length &&
            keys.every(key => Object.hasOwn(b, key) && sameJson(a[key], b[key])));
    }
    return Object.is(a, b);
}

;// CONCATENATED MODULE: ./src/cloud/cloud-client.ts






class CloudClient {
    http;
    settings;
    token;
    constructor(http, settings) {
        this.http = http;
        this.settings = settings;
    }
    get clusterUrl() {
        const { apiUrl, teamId, clusterId } = this.settings;
        return `${apiUrl}/teams/${encodeURIComponent(teamId)}/clusters/${encodeURIComponent(clusterId)}`;
    }
    async login() {
        const response = await this.http.call({
            method: 'POST',
            url: `${this.settings.apiUrl}/sessions`,
            headers: { 'X-API-KEY': this.settings.apiKey },
            json: { session: { email: this.settings.email, password: this.settings.password } },
            retry: 'idempotent',
            timeout: 'short',
            log: 'info'
        });
        const session = json_isRecord(response.body) ? response.body.session : undefined;
        const token = json_isRecord(session) ? session.token : undefined;
        if (typeof token !== 'string' || token === '') {
            throw cloud_client_unexpected(response, 'POST', '/sessions', 'the login answer has no session.token');
        }
        maskSessionToken(this.http.secrets, token);
        this.token = token;
    }
    async getCluster(options = {}) {
        const response = await this.authorized({
            method: 'GET',
            url: this.clusterUrl,
            retry: 'idempotent',
            timeout: 'short',
            log: options.log ?? 'debug',
            lastRead: options.lastRead
        });
        return readCluster(response, 'GET', this.clusterUrl);
    }
    /**
     * Writes the cluster. When no attempt's answer can be read but one may have landed, the
     * cluster is read back: it holds the write (returned), or it does not and nothing can still
     * land (a plain failure), or it cannot be known (OutcomeUnknownError).
     */
    async putCluster(write, etag) {
        const trace = newTrace();
        try {
            const response = await this.authorized({
                method: 'PUT',
                url: this.clusterUrl,
                headers: etag ? { 'If-Match': etag } : {},
                json: { cluster: write },
                retry: 'idempotent',
                timeout: 'short',
                log: 'info',
                trace
            });
            return readCluster(response, 'PUT', this.clusterUrl);
        }
        catch (error) {
            if (trace.landed === 0 && !mayHaveLanded(error))
                throw error;
            return this.confirmWrite(write, asError(error), trace.unanswered > 0 || isUnanswered(error));
        }
    }
    async confirmWrite(write, failure, mayStillLand) {
        const { io, secrets, deadline } = this.http;
        io.info(`The cluster write failed (${secrets.redact(failure.message)}); reading the cluster to see whether it took`);
        let cluster;
        try {
            cluster = await this.getCluster({ log: 'info', lastRead: deadline.expired() });
        }
        catch (readError) {
            const why = `reading the cluster afterwards failed too (${errorMessage(readError)})`;
            throw new OutcomeUnknownError('the cluster write', failure, why);
        }
        if (holdsWrite(cluster, write)) {
            io.info(`The cluster holds the write (status ${cluster.status}): going on`);
            return cluster;
        }
        if (mayStillLand) {
            const why = 'the cluster does not hold it yet, but the request may still land';
            throw new OutcomeUnknownError('the cluster write', failure, why);
        }
        throw new OperationError(`${failure.message}; the cluster was read afterwards and does not hold the change: nothing was changed`, cluster.status);
    }
    /** Sends with the session cookie; on an auth failure logs in again and repeats once. */
    async authorized(options) {
        if (!this.token)
            await this.login();
        try {
            return await this.http.call(this.withSession(options));
        }
        catch (error) {
            if (!(error instanceof MageApiError) || !error.isAuthFailure)
                throw error;
            this.http.io.info('Mage Cloud session rejected; logging in again');
            await this.login();
            return this.http.call(this.withSession(options));
        }
    }
    withSession(options) {
        return {
            ...options,
            headers: {
                ...options.headers,
                'X-API-KEY': this.settings.apiKey,
                Cookie: `oauth_token=${this.token ?? ''}`
            }
        };
    }
}
function asError(error) {
    return error instanceof Error ? error : new Error(errorMessage(error));
}
function readCluster(response, method, url) {
    const cluster = json_isRecord(response.body) ? response.body.cluster : undefined;
    // Server text reaches logs and outputs: one line, so it can never pose as a workflow command.
    const rawStatus = json_isRecord(cluster) ? cluster.status : undefined;
    const status = typeof rawStatus === 'string' ? oneLine(rawStatus, 100) : '';
    if (!json_isRecord(cluster) || !json_isRecord(cluster.config) || status === '') {
        // Name the keys only: the resource holds env values.
        const keys = json_isRecord(cluster) ? oneLine(Object.keys(cluster).join(', '), 300) : 'none';
        throw cloud_client_unexpected(response, method, url, `the answer has no cluster with status and config (keys: ${keys})`);
    }
    const etag = response.headers.etag;
    return {
        status,
        config: cluster.config,
        name: typeof cluster.name === 'string' ? oneLine(cluster.name, 100) || undefined : undefined,
        etag: typeof etag === 'string' ? etag : undefined
    };
}
function cloud_client_unexpected(response, method, url, detail) {
    return new MageApiError({
        api: 'cloud',
        kind: 'unexpected_shape',
        method,
        path: new URL(url, 'http://x.invalid').pathname,
        httpStatus: response.status,
        detail: `HTTP ${response.status}, ${detail}`
    });
}

;// CONCATENATED MODULE: ./src/operations/cloud-session.ts
// The opening every Cloud operation shares: log in once, read the cluster, say what was found.


async function openCloud(context, settings) {
    const cloud = new CloudClient(context.http('cloud'), settings);
    await cloud.login();
    const cluster = await cloud.getCluster({ log: 'info' });
    describeCluster(context, settings, cluster);
    return { cloud, cluster };
}
function replicaCountOf(cluster) {
    const count = Number(cluster.config.replicaCount ?? 0);
    return Number.isFinite(count) ? count : 0;
}
/** Status, replica count, config key names and env names only: never a value. */
function describeCluster(context, settings, cluster) {
    const { io, report } = context;
    const label = cluster.name ? `${settings.clusterId} (${cluster.name})` : settings.clusterId;
    io.info(`Cluster ${label}: status ${cluster.status}, replicaCount ${replicaCountOf(cluster)}`);
    io.debug(`Cluster config keys: ${Object.keys(cluster.config).join(', ')}`);
    io.debug(`Cluster env names: ${envNamesOf(cluster.config.extraEnvs).join(', ') || '(none)'}`);
    report.status = cluster.status;
    report.set('cluster-status', cluster.status);
    report.row('Cluster', label);
}

;// CONCATENATED MODULE: ./src/operations/cluster-status.ts
// cluster-status: read-only.


async function clusterStatus(context, config) {
    const { cluster } = await openCloud(context, config.cloud);
    context.report.row('Replicas', String(replicaCountOf(cluster)));
    context.report.row('Env names', String(envNamesOf(cluster.config.extraEnvs).length));
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
    const droppedAfterSending = (error instanceof NetworkError || error instanceof RequestTimeoutError) && error.sent;
    const serverFailed = error instanceof MageApiError && error.httpStatus >= 500;
    return droppedAfterSending || serverFailed ? new OutcomeUnknownError(what, error) : error;
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
    if (!json_isRecord(value))
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
        if (!json_isRecord(item))
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
        const session = json_isRecord(response.body) ? response.body.session : undefined;
        const jwt = json_isRecord(session) ? session.token : undefined;
        if (typeof jwt !== 'string' || jwt === '') {
            throw cluster_client_unexpected(response, 'POST', '/api/sessions', 'the login answer has no session.token');
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
        const statuses = json_isRecord(response.body) ? response.body.statuses : undefined;
        const first = Array.isArray(statuses) ? statuses[0] : undefined;
        if (!json_isRecord(first)) {
            throw cluster_client_unexpected(response, 'GET', '/api/status', 'the answer has no statuses');
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
        const body = json_isRecord(response.body) ? response.body : {};
        if (!Array.isArray(body.pipeline_runs)) {
            throw cluster_client_unexpected(response, 'GET', `/api${path}`, 'the answer has no pipeline_runs list');
        }
        const runs = body.pipeline_runs
            .map(readPipelineRun)
            .filter((run) => run !== undefined);
        const next = json_isRecord(body.metadata) && body.metadata.next === true;
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
        const logs = json_isRecord(response.body) ? response.body.logs : undefined;
        const contents = [];
        for (const entry of Array.isArray(logs) ? logs : []) {
            const files = json_isRecord(entry) ? entry.block_run_logs : undefined;
            for (const file of Array.isArray(files) ? files : []) {
                if (json_isRecord(file) && typeof file.content === 'string')
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
        const syncs = json_isRecord(response.body) ? response.body.syncs : undefined;
        const first = Array.isArray(syncs) ? syncs[0] : undefined;
        return json_isRecord(first) ? first : undefined;
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
        return error instanceof MageApiError && error.isAuthFailure && this.credentials !== undefined;
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
    const run = readPipelineRun(json_isRecord(response.body) ? response.body.pipeline_run : undefined);
    if (!run)
        throw cluster_client_unexpected(response, method, path, 'the answer has no pipeline_run with a status');
    return run;
}
function cluster_client_unexpected(response, method, path, detail) {
    return new MageApiError({
        api: 'cluster',
        kind: 'unexpected_shape',
        method,
        path,
        httpStatus: response.status,
        detail: `HTTP ${response.status}, ${detail}`
    });
}

;// CONCATENATED MODULE: ./src/cluster/deploy-result.ts


const FAILED_STATUS = /^(failed|failure|error|errored)$/i;
/** The Deployments API payload: source and stage as mage-api.md §8.3 shows them. */
function deploymentPayload(config) {
    return {
        source: {
            head: { name: config.source.branch },
            name: config.source.commitMessage,
            version: config.source.sha
        },
        stage: {
            branch: { name: config.deployBranch ?? '' },
            environment: config.environment,
            ...(config.targetDirectory ? { target_directory: config.targetDirectory } : {})
        }
    };
}
function readDeploymentAnswer(body, sentSha) {
    const deployment = json_isRecord(body) && json_isRecord(body.deployment) ? body.deployment : {};
    const source = json_isRecord(deployment.source) ? deployment.source : {};
    const id = deployment.id;
    return {
        ...statusAndError(deployment),
        deploymentId: typeof id === 'number' || typeof id === 'string' ? oneLine(String(id), 200) : undefined,
        commit: firstString(source.version, deployment.version, deployment.commit, deployment.sha) ?? sentSha
    };
}
function readSyncAnswer(body) {
    const sync = json_isRecord(body) && json_isRecord(body.sync) ? body.sync : {};
    return {
        ...statusAndError(sync),
        commit: firstString(sync.commit, sync.commit_sha, sync.sha, sync.version),
        branch: firstString(sync.branch)
    };
}
function statusAndError(record) {
    const status = firstString(record.status) ?? 'deployed';
    const error = firstString(record.error, record.git_error);
    if (error !== undefined)
        return { status, gitError: error };
    if (FAILED_STATUS.test(status))
        return { status, gitError: `the deployment status is '${status}'` };
    return { status };
}
/** The first non-blank string, on one line (server text goes to logs and outputs). */
function firstString(...values) {
    for (const value of values) {
        if (typeof value === 'string' && value.trim() !== '')
            return oneLine(value, 1000);
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/report/markdown.ts
// Small Markdown helpers for the job summary: escaping, GFM tables, links, and cuts measured in
// bytes (GitHub limits a summary in bytes, and escaping and UTF-8 can multiply a text's size).
/** Text safe inside HTML (a `<pre>`, a `<summary>`): no tag, no entity can be formed. */
function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
const NEEDS_INLINE_ESCAPE = /[&<>\\`*[\]~|_]/;
/**
 * Text safe inline in Markdown: HTML escaped and the characters that would make a link, an
 * image, code, emphasis or strikethrough backslash-escaped. An `_` inside a word is left alone
 * (it is no emphasis there), so `load_data` stays readable as plain text.
 */
function escapeInline(text) {
    // Most cells (block names, statuses, sizes) have nothing to escape: skip the Unicode regex.
    if (!NEEDS_INLINE_ESCAPE.test(text))
        return text;
    return escapeHtml(text)
        .replace(/[\\`*[\]~|]/g, '\\$&')
        .replace(/(^|[^\p{L}\p{N}])_|_(?=[^\p{L}\p{N}]|$)/gu, (match) => match.replace('_', '\\_'));
}
/** A value safe inside a GFM table cell: one line, inline-escaped (pipes included). */
function cell(text) {
    return escapeInline(text.replace(/\s*\r?\n\s*/g, ' '));
}
/** A GFM table, every column left-aligned (a header is centred otherwise). */
function table(header, rows) {
    return [
        tableRow(header),
        `| ${header.map(() => ':---').join(' | ')} |`,
        ...rows.map(tableRow)
    ].join('\n');
}
/** One line of a GFM table, its cells escaped: `table` is its header and these, joined by \n. */
function tableRow(cells) {
    return `| ${cells.map(cell).join(' | ')} |`;
}
/** A Markdown link on one line whose URL cannot end early or smuggle Markdown. */
function markdown_link(label, url) {
    const safeUrl = url.replace(/[\s()<>[\]"'`\\]/g, char => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
    return `[${cell(label)}](${safeUrl})`;
}
/** Cuts text to `max` characters, marking the cut with `…`. */
function markdown_cut(text, max) {
    return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}
function byteLength(text) {
    return Buffer.byteLength(text, 'utf8');
}
/**
 * `text`, cut (with `…`) so that its `escape`d form takes at most `maxBytes` bytes of UTF-8.
 * Cut by characters, never inside one; the caller escapes the result.
 */
function cutToFit(text, maxBytes, escape = escapeHtml) {
    if (byteLength(escape(text)) <= maxBytes)
        return text;
    const room = maxBytes - byteLength('…');
    const chars = [];
    let used = 0;
    for (const char of text) {
        const size = byteLength(escape(char));
        if (used + size > room)
            break;
        used += size;
        chars.push(char);
    }
    // escapeInline's `_` rule looks at neighbours: drop characters until the whole fits.
    while (chars.length > 0 && byteLength(escape(`${chars.join('')}…`)) > maxBytes)
        chars.pop();
    return `${chars.join('')}…`;
}
function markdown_formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    // Below 59.95 s: one decimal (59.96 would round to "60.0 s").
    if (ms < 59_950)
        return `${(ms / 1000).toFixed(1)} s`;
    const totalSeconds = Math.round(ms / 1000);
    const hours = Math.floor(totalSeconds / 3600);
    const minutes = Math.floor((totalSeconds % 3600) / 60);
    const seconds = totalSeconds % 60;
    return hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min ${seconds} s`;
}
function formatSize(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    if (bytes < 1024 * 1024)
        return `${(bytes / 1024).toFixed(1)} KiB`;
    return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

;// CONCATENATED MODULE: ./src/operations/wait.ts



/** Statuses that will not turn into the target by waiting. */
const wait_FAILED_STATUS = /error|fail/i;
/** Sleeps one poll interval plus 0–10 % jitter, never past the deadline. */
async function pollPause(context) {
    const { clock, deadline, common } = context;
    const pause = common.pollIntervalMs * (1 + 0.1 * clock.random());
    await clock.sleep(Math.min(pause, deadline.remainingMs()));
}
async function waitForClusterStatus(context, cloud, target, current) {
    const { io, deadline, report } = context;
    let cluster = current;
    report.set('cluster-status', cluster.status);
    report.status = cluster.status;
    while (cluster.status !== target) {
        if (wait_FAILED_STATUS.test(cluster.status)) {
            throw new OperationError(`the cluster reached status '${cluster.status}' while waiting for '${target}'`, cluster.status);
        }
        await pollPause(context);
        const lastRead = deadline.expired();
        if (lastRead)
            io.info('Timeout reached; reading the cluster status one last time');
        const next = await pollCluster(context, cloud, lastRead, target, cluster.status);
        if (!next)
            continue;
        if (next.status !== cluster.status)
            io.info(`Cluster status: ${cluster.status} → ${next.status}`);
        else
            io.debug(`Cluster status: ${next.status}`);
        cluster = next;
        report.set('cluster-status', cluster.status);
        report.status = cluster.status;
        if (lastRead && cluster.status !== target) {
            throw new OperationError(timedOut(target, cluster.status), cluster.status);
        }
    }
    return cluster;
}
function timedOut(target, status) {
    return `timed out waiting for the cluster to be '${target}'; last status seen: '${status}'`;
}
/**
 * One poll. A read that fails transiently (a proxy's 502, a dropped connection) is not the end
 * of the wait: undefined, and the next poll tries again. At the deadline it is: the failure
 * names the last status seen and the read's error.
 */
async function pollCluster(context, cloud, lastRead, target, lastSeen) {
    try {
        return await cloud.getCluster({ log: 'debug', lastRead });
    }
    catch (error) {
        const transient = isTransientReadFailure(error) || error instanceof DeadlineError;
        if (!transient)
            throw error;
        const reason = context.secrets.redact(errorMessage(error));
        if (lastRead) {
            throw new OperationError(`${timedOut(target, lastSeen)}; the last read failed: ${reason}`, lastSeen);
        }
        context.io.info(`Could not read the cluster (${reason}); polling on`);
        return undefined;
    }
}
/** Waits until GET {cluster-url}/api/status answers 200 with JSON: a cluster is ready when it serves. */
async function waitForServing(context, clusterUrl) {
    const { io, deadline } = context;
    const http = context.http('cluster');
    const url = `${clusterUrl}/api/status`;
    let lastProblem;
    io.info(`Waiting for ${clusterUrl} to serve (GET /api/status)`);
    for (let first = true;; first = false) {
        if (!first)
            await pollPause(context);
        const lastRead = deadline.expired();
        try {
            const response = await http.call({
                method: 'GET',
                url,
                retry: 'idempotent',
                timeout: 'short',
                log: 'debug',
                maxAttempts: 1,
                lastRead
            });
            if (json_isRecord(response.body)) {
                io.info(`The cluster serves: GET /api/status → ${response.status}`);
                return;
            }
            lastProblem = 'the answer was not a JSON object';
        }
        catch (error) {
            lastProblem = errorMessage(error);
        }
        if (lastRead) {
            throw new OperationError(`timed out waiting for the cluster to serve at ${clusterUrl}/api/status; last answer: ${lastProblem}`);
        }
        io.debug(`Not serving yet: ${lastProblem}`);
    }
}

;// CONCATENATED MODULE: ./src/operations/deploy-git.ts
// deploy-git: a git commit to the cluster, through the Mage Pro Deployments API when a
// deployment setting is named, else Mage git sync (the tip of the branch configured on the
// cluster). The deploying request is sent once; with `wait`, the step waits until the cluster
// serves again (a deploy restarts it).





async function deployGit(context, config) {
    const { common } = context;
    const client = new ClusterClient(context.http('cluster'), config.clusterUrl, config.cluster);
    await client.login();
    const result = config.deploymentSetting
        ? await deployCommit(context, client, config, config.deploymentSetting)
        : await syncBranch(context, client, config);
    if (!result)
        return;
    recordResult(context, result);
    if (result.gitError !== undefined) {
        throw new OperationError(`the deploy failed: ${result.gitError}`, result.status);
    }
    if (common.wait)
        await waitForServing(context, config.clusterUrl);
}
async function deployCommit(context, client, config, setting) {
    const { io, report } = context;
    const { sha, branch } = config.source;
    const payload = deploymentPayload(config);
    report.row('Mode', `Deployments API, setting '${setting}'`);
    report.row('Commit', sha);
    report.row('Branch', `${branch} → ${config.deployBranch ?? ''} (${config.environment})`);
    const path = `/api/deployment_settings/${encodeURIComponent(setting)}/deployments`;
    if (context.common.dryRun) {
        showPlan(context, `POST ${path}`, { deployment: payload });
        return undefined;
    }
    io.info(`Deploying ${sha} (${branch}) through setting '${setting}' to ${config.deployBranch ?? ''} (${config.environment})`);
    const response = await client.createDeployment(setting, payload);
    return readDeploymentAnswer(response.body, sha);
}
async function syncBranch(context, client, config) {
    const { io, report } = context;
    report.row('Mode', 'Mage git sync (the branch configured on the cluster)');
    if (config.deploymentInputsGiven.length > 0) {
        io.notice(`Git sync deploys the tip of the branch configured on the cluster; ` +
            `${config.deploymentInputsGiven.join(', ')} do not apply. ` +
            'Name a deployment-setting to deploy a given commit.');
    }
    if (context.common.dryRun) {
        const sync = await client.getGitSyncConfig();
        if (typeof sync?.branch === 'string')
            report.row('Branch', sync.branch);
        showPlan(context, 'PUT /api/syncs/git', { sync: { action_type: 'sync_data' } });
        return undefined;
    }
    io.info('Running git sync (fetch, then reset to the configured branch)');
    const response = await client.syncGit();
    return readSyncAnswer(response.body);
}
/** Dry run: the request it would send, secrets removed, and nothing sent. */
function showPlan(context, request, body) {
    const { io, report, secrets } = context;
    const json = secrets.redact(JSON.stringify(body, null, 2));
    io.info(`Dry run: would send ${request} with:\n${json}`);
    report.status = 'dry-run';
    report.row('Planned request', request);
    report.section(`#### Planned request\n\n<pre>${escapeHtml(`${request}\n${json}`)}</pre>`);
}
function recordResult(context, result) {
    const { io, report } = context;
    report.status = result.status;
    report.changed = result.gitError === undefined;
    if (result.commit !== undefined) {
        report.set('commit', result.commit);
        report.row('Commit', result.commit);
    }
    if (result.deploymentId !== undefined) {
        report.set('deployment-id', result.deploymentId);
        report.row('Deployment', result.deploymentId);
    }
    if (result.branch !== undefined)
        report.row('Branch', result.branch);
    io.info(`Deploy answered: status ${result.status}` +
        (result.deploymentId !== undefined ? `, deployment ${result.deploymentId}` : '') +
        (result.commit !== undefined ? `, commit ${result.commit}` : ''));
}

;// CONCATENATED MODULE: ./src/cluster/hints.ts
// "Likely cause" lines for the `exception` text of Mage's 500 envelope (SPEC §6 "Hints"). Words
// for the user only: control flow never depends on them (Mage even reuses stale messages).
const TOKEN_PATTERNS = ['No row was found when one was required', 'Invalid token'];
function likelyCauseOf(exception, subject) {
    if (TOKEN_PATTERNS.some(pattern => exception.includes(pattern))) {
        return subject === 'trigger'
            ? 'the trigger token is wrong or was rotated, or it belongs to another schedule-id'
            : 'the trigger token is wrong or was rotated';
    }
    if (exception.includes('does not exist')) {
        return 'check the pipeline uuid (case-sensitive)';
    }
    if (exception.includes('record_not_found')) {
        return subject === 'trigger'
            ? 'check schedule-id: no such trigger on this cluster'
            : 'check the block uuid (case-sensitive)';
    }
    return subject === 'trigger'
        ? 'the server raised while creating the run: see the traceback and the cluster logs'
        : 'the block raised: see its logs in Mage';
}

;// CONCATENATED MODULE: ./src/cluster/run-failure.ts
// Turns the failure of a request that runs something (POST /api/runs, the API trigger) into
// what the user needs: one line (the `exception` text where Mage sent one), a likely cause,
// and the traceback for a collapsed log group. Every form is recognised: the 200 + 500
// envelope a real server sends, the empty 200, Mage Pro's documented 401/403/404, other
// statuses, and answers that are not JSON.


/**
 * Describes a failure of the run itself; undefined for failures that are not about it (the
 * cluster unreachable, the deadline, a redirect), which stop everything.
 */
function describeRunFailure(error, subject) {
    if (error instanceof OutcomeUnknownError) {
        return {
            text: error.message,
            hint: 'check in Mage whether it ran before running it again',
            mayHaveRun: true
        };
    }
    if (!(error instanceof MageApiError))
        return undefined;
    const { kind, exception, traceback, httpStatus, code, detail } = error.fields;
    switch (kind) {
        case 'envelope':
            if (exception !== undefined) {
                return {
                    text: exception,
                    hint: likelyCauseOf(exception, subject),
                    traceback,
                    mayHaveRun: true
                };
            }
            return { text: detail, hint: statusHint(code ?? httpStatus, subject), mayHaveRun: false };
        case 'empty':
            return {
                text: `HTTP ${httpStatus} with an empty body (how Mage reports a server-side exception)`,
                hint: subject === 'block'
                    ? 'the block raised, or the trigger token, pipeline or block uuid (case-sensitive) is wrong: see the cluster logs'
                    : 'the trigger token or schedule-id is wrong, or the server failed: see the cluster logs',
                mayHaveRun: true
            };
        case 'http_status':
            return { text: detail, hint: statusHint(httpStatus, subject), mayHaveRun: false };
        case 'not_json':
            return {
                text: detail,
                hint: 'something other than Mage answered (a proxy or a login page): check cluster-url',
                mayHaveRun: true
            };
        case 'unexpected_shape':
            return { text: detail, hint: 'check that cluster-url points at Mage Pro', mayHaveRun: true };
    }
}
/** Mage Pro documents 401 for a bad token and 404 for an unknown trigger, pipeline or block. */
function statusHint(status, subject) {
    if (status === 401 || status === 403) {
        return 'the trigger token was refused: check trigger-token (it may have been rotated)';
    }
    if (status === 404) {
        return subject === 'block'
            ? 'check the pipeline and block uuids (case-sensitive) and cluster-url'
            : 'check schedule-id and cluster-url';
    }
    if (status === 405) {
        return subject === 'block'
            ? 'this Mage version has no /api/runs (it needs 0.9.70 or later), or cluster-url points elsewhere'
            : 'check cluster-url';
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/cluster/run-output.ts
// The `output` of run-block under GitHub's output limits: always valid JSON, built from the raw
// `run` values as the server sent them; what does not fit becomes null (SPEC §6 "Outputs").
// Values stay bytes: only one that may fit the budget is ever decoded.

/** Characters `output` may use: 1 MB per job, counted in UTF-16, leaves room for the rest. */
const OUTPUT_BUDGET_CHARS = 240_000;
/** UTF-8 takes at most 3 bytes per UTF-16 code unit (4 for a pair of them). */
const MAX_BYTES_PER_CHAR = 3;
/**
 * One block: its raw value. Several (a smoke run): an object keyed by block, values kept in
 * order while they fit and the rest null.
 */
function composeOutput(values, keyed, budget = OUTPUT_BUDGET_CHARS) {
    if (!keyed) {
        const raw = values[0]?.raw;
        if (raw === undefined)
            return { text: 'null', truncated: false };
        const text = textWithin(raw, budget);
        return text === undefined ? { text: 'null', truncated: true } : { text, truncated: false };
    }
    let used = objectText(values.map(value => ({ block: value.block }))).length;
    const fitted = [];
    for (const value of values) {
        if (value.raw === undefined) {
            fitted.push({ block: value.block });
            continue;
        }
        const text = textWithin(value.raw, budget - used + 'null'.length);
        if (text === undefined)
            break;
        used += text.length - 'null'.length;
        fitted.push({ block: value.block, text });
    }
    const rest = values.slice(fitted.length);
    const truncated = rest.some(value => value.raw !== undefined);
    return {
        text: objectText([...fitted, ...rest.map(value => ({ block: value.block }))]),
        truncated
    };
}
/** The value's text when it takes at most `maxChars` UTF-16 units; decoded only if it may. */
function textWithin(raw, maxChars) {
    if (raw.length > MAX_BYTES_PER_CHAR * maxChars)
        return undefined;
    const text = raw.toString('utf8');
    return text.length <= maxChars ? text : undefined;
}
/** Everything, never cut: what `output-file` holds, as pieces to write one after another. */
function fullOutputPieces(values, keyed) {
    if (!keyed)
        return [values[0]?.raw ?? 'null'];
    const members = values.flatMap((value, index) => [
        `${index === 0 ? '' : ','}${JSON.stringify(value.block)}:`,
        value.raw ?? 'null'
    ]);
    return ['{', ...members, '}'];
}
function objectText(values) {
    const members = values.map(value => `${JSON.stringify(value.block)}:${value.text ?? 'null'}`);
    return `{${members.join(',')}}`;
}
const NULL_VALUE = Buffer.from('null');
/**
 * Replaces known secrets in a raw value. Masking must not break the JSON: should a secret sit
 * outside a string (a numeric password), the value becomes null instead. A value without a
 * secret is returned as it is, never decoded.
 */
function redactRaw(raw, secrets) {
    if (!secrets.foundIn(raw))
        return raw;
    const redacted = secrets.redact(raw.toString('utf8'));
    return isValidJsonText(redacted) ? Buffer.from(redacted, 'utf8') : NULL_VALUE;
}

;// CONCATENATED MODULE: ./src/cluster/trigger-client.ts




class TriggerClient {
    http;
    apiBase;
    token;
    constructor(http, clusterUrl, token) {
        this.http = http;
        this.apiBase = `${clusterUrl}/api`;
        this.token = token;
    }
    async runBlock(request) {
        const run = {
            pipeline_uuid: request.pipeline,
            block_uuid: request.block,
            variables: request.variables,
            record: request.record,
            store_variables: request.storeVariables,
            run_upstream_blocks: request.runUpstreamBlocks,
            incomplete_only: request.incompleteOnly,
            ...(request.project === undefined ? {} : { project: request.project })
        };
        const response = await this.post(`block ${request.block}`, '/runs', { run }, {
            keepRaw: ['run'],
            preconnect: request.preconnect
        });
        const raw = response.raw.get('run');
        if (raw === undefined) {
            throw trigger_client_unexpected(response, '/api/runs', 'HTTP 200 without a `run` key');
        }
        return { raw };
    }
    async triggerPipeline(scheduleId, variables) {
        const path = `/pipeline_schedules/${scheduleId}/api_trigger`;
        const response = await this.post(`the trigger of schedule ${scheduleId}`, path, {
            pipeline_run: { variables }
        });
        const run = readPipelineRun(json_isRecord(response.body) ? response.body.pipeline_run : undefined);
        if (!run)
            throw trigger_client_unexpected(response, `/api${path}`, 'the answer has no pipeline_run with an id');
        return run;
    }
    post(what, path, json, options = {}) {
        return sendOnce(what, () => this.http.call({
            method: 'POST',
            url: `${this.apiBase}${path}`,
            headers: { Authorization: `Bearer ${this.token}` },
            json,
            retry: 'once',
            timeout: 'deadline',
            log: 'info',
            ...options
        }));
    }
}
function trigger_client_unexpected(response, path, detail) {
    return new MageApiError({
        api: 'cluster',
        kind: 'unexpected_shape',
        method: 'POST',
        path,
        httpStatus: response.status,
        detail: `HTTP ${response.status}, ${detail}`
    });
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/report/untrusted-log.ts
// Prints text that came from the server (tracebacks, block logs) in a collapsed log group. A
// line of that text could look like a workflow command (`::set-output …`, `::add-mask::`), so
// command processing is paused around it with a one-time token.

async function printUntrusted(io, title, text) {
    await io.group(title, () => {
        const token = (0,external_node_crypto_namespaceObject.randomUUID)();
        io.info(`::stop-commands::${token}`);
        io.info(text);
        io.info(`::${token}::`);
        return Promise.resolve();
    });
}

;// CONCATENATED MODULE: ./src/report/hints.ts
// A "likely cause" line for a failure: never control flow, only words for the user.

function hintFor(error) {
    if (error instanceof ConfigError)
        return undefined;
    if (error instanceof MageApiError)
        return apiHint(error);
    if (error instanceof OutcomeUnknownError) {
        return 'the answer was lost on the way: check in Mage whether the change took before running the step again';
    }
    if (error instanceof RedirectError) {
        return 'check the URL input (scheme, host and base path): the server redirects elsewhere';
    }
    if (error instanceof NetworkError || error instanceof RequestTimeoutError) {
        return 'check the URL and that the runner can reach it (on self-hosted runners: HTTPS_PROXY / NO_PROXY)';
    }
    if (error instanceof DeadlineError)
        return 'raise the `timeout` input if the operation needs longer';
    return undefined;
}
function apiHint(error) {
    const { api, type, code, httpStatus, path } = error.fields;
    const cloud = api === 'cloud';
    const login = path.endsWith('/sessions');
    if (type === 'invalid_api_key') {
        return cloud
            ? "check cloud-api-key (empty uses the portal's public key)"
            : "check cluster-api-key (empty uses Mage's public client key)";
    }
    if (login && (type === 'record_not_found' || code === 404)) {
        return cloud
            ? 'check cloud-email and cloud-password (use a dedicated Mage Cloud user without SSO or MFA)'
            : 'check cluster-email and cluster-password (a cluster user without SSO or MFA)';
    }
    if (type === 'invalid_oauth_token' || type === 'expired_oauth_token' || httpStatus === 401) {
        return cloud
            ? 'the Mage Cloud session was refused: check cloud-email and cloud-password'
            : 'the cluster session was refused: check cluster-email and cluster-password';
    }
    if (type === 'unauthorized_access' || code === 403 || httpStatus === 403) {
        if (cloud)
            return 'the Mage Cloud user needs the Admin role to start, stop or change env of the cluster';
        return /\/(deployment_settings|syncs)\//.test(path)
            ? 'the cluster user lacks a role: deploys need the editor role'
            : 'the cluster user lacks a role: listing and watching pipeline runs needs at least the viewer role';
    }
    if (cloud && (type === 'record_not_found' || code === 404))
        return 'check team-id and cluster-id';
    if (path.includes('/deployment_settings/') && (type === 'record_not_found' || code === 404)) {
        return "check deployment-setting: the name shown on the cluster's /apps/deploy page";
    }
    if (error.fields.kind === 'not_json' || error.fields.kind === 'http_status') {
        if (httpStatus >= 500 || error.fields.kind === 'not_json') {
            return 'the server or a proxy in front of it failed; try again later';
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./src/report/write-pieces.ts
// Writes a file made of pieces: runs of text (block names, punctuation) joined and encoded, and
// bytes (a block's output, up to 50 MB) as they are, never copied. Everything goes out in one
// writev where the system allows: a write per piece cost a 100-block smoke run 200 writes.

/** writev takes at most IOV_MAX buffers per call: 1024 on Linux and macOS. */
const MAX_BUFFERS_PER_WRITE = 1024;
async function writeTextPieces(file, pieces) {
    const buffers = asBuffers(pieces);
    const handle = await (0,promises_namespaceObject.open)(file, 'w');
    try {
        for (let from = 0; from < buffers.length; from += MAX_BUFFERS_PER_WRITE) {
            await writeAll(handle, buffers.slice(from, from + MAX_BUFFERS_PER_WRITE));
        }
    }
    finally {
        await handle.close();
    }
}
function asBuffers(pieces) {
    const buffers = [];
    let text = '';
    for (const piece of pieces) {
        if (typeof piece === 'string') {
            text += piece;
            continue;
        }
        if (text !== '')
            buffers.push(Buffer.from(text, 'utf8'));
        text = '';
        if (piece.length > 0)
            buffers.push(piece);
    }
    if (text !== '')
        buffers.push(Buffer.from(text, 'utf8'));
    return buffers;
}
/** writev may write less than asked (a signal, a nearly full disk): the rest follows. */
async function writeAll(handle, buffers) {
    let written = (await handle.writev([...buffers])).bytesWritten;
    for (const buffer of buffers) {
        if (written >= buffer.length) {
            written -= buffer.length;
            continue;
        }
        for (let done = written; done < buffer.length;) {
            done += (await handle.write(buffer, done, buffer.length - done)).bytesWritten;
        }
        written = 0;
    }
}

;// CONCATENATED MODULE: ./src/operations/block-results.ts
// What run-block learned about each block, and how it reaches the outputs: `output` within the
// budget, `output-truncated`, and `output-file` holding everything. Published once when the run
// ends, failed half way or not, with the outputs of the blocks that ran.





class BlockOutputs {
    report;
    keyed;
    file;
    constructor(report, tempDir, keyed) {
        this.report = report;
        this.keyed = keyed;
        // Unique per step: two run-block steps of one job must not share the file.
        this.file = external_node_path_namespaceObject.join(tempDir, `mage-run-block-${(0,external_node_crypto_namespaceObject.randomUUID)()}.json`);
    }
    /** Writes `output`, `output-truncated` and `output-file` for the blocks that ran so far. */
    async publish(results) {
        const values = results
            .filter(result => result.status !== 'not run')
            .map(result => ({ block: result.block, raw: result.raw }));
        if (values.length === 0)
            return;
        const { text, truncated } = composeOutput(values, this.keyed);
        this.report.set('output', text);
        this.report.set('output-truncated', String(truncated));
        await (0,promises_namespaceObject.mkdir)(external_node_path_namespaceObject.dirname(this.file), { recursive: true });
        await writeTextPieces(this.file, fullOutputPieces(values, this.keyed));
        this.report.set('output-file', this.file);
    }
}

;// CONCATENATED MODULE: ./src/report/json-preview.ts
// A readable preview of the start of a JSON text (a block's raw output): one member per line,
// indented, long lines wrapped. Only whitespace changes, so numbers, NaN and the server's own
// spelling stay as sent, and a prefix of a 3 MB output can be shown without parsing it all.
const INDENT = '  ';
const WRAP_AT = 100;
/** An object or array this short stays on one line. */
const INLINE_MAX = 72;
const WRAP_PIECE = new RegExp(`[\\s\\S]{1,${WRAP_AT}}`, 'gu');
/** At most `maxChars` characters of `text` laid out for reading; `…` marks a cut. */
function previewJson(text, maxChars) {
    const laidOut = wrapLines(indentJson(text, maxChars + 1));
    return laidOut.length <= maxChars ? laidOut : `${laidOut.slice(0, Math.max(0, maxChars - 1))}…`;
}
/** Re-indents JSON text, stopping once `limit` characters are written. */
function indentJson(text, limit) {
    let out = '';
    let depth = 0;
    let inString = false;
    for (let i = 0; i < text.length && out.length < limit; i++) {
        const char = text[i];
        if (inString) {
            out += char;
            if (char === '\\')
                out += text[++i] ?? '';
            else if (char === '"')
                inString = false;
            continue;
        }
        if (char === '"') {
            inString = true;
            out += char;
        }
        else if (char === '{' || char === '[') {
            const close = closingWithin(text, i, INLINE_MAX);
            if (close !== -1) {
                // Short enough for one line: kept exactly as sent.
                out += text.slice(i, close + 1);
                i = close;
            }
            else {
                depth++;
                out += `${char}\n${INDENT.repeat(depth)}`;
            }
        }
        else if (char === '}' || char === ']') {
            depth = Math.max(0, depth - 1);
            out += `\n${INDENT.repeat(depth)}${char}`;
        }
        else if (char === ',') {
            out += `,\n${INDENT.repeat(depth)}`;
        }
        else if (char === ':') {
            out += ': ';
        }
        else if (!/\s/.test(char)) {
            out += char;
        }
    }
    return out;
}
/** The index of the bracket closing the one at `open`, if it comes within `max` characters. */
function closingWithin(text, open, max) {
    let depth = 0;
    let inString = false;
    const end = Math.min(text.length, open + max);
    for (let i = open; i < end; i++) {
        const char = text[i];
        if (inString) {
            if (char === '\\')
                i++;
            else if (char === '"')
                inString = false;
        }
        else if (char === '"')
            inString = true;
        else if (char === '{' || char === '[')
            depth++;
        else if ((char === '}' || char === ']') && --depth === 0)
            return i;
    }
    return -1;
}
/** A long string value would need a horizontal scroll in the summary: wrap it. */
function wrapLines(text) {
    return text
        .split('\n')
        .flatMap(line => {
        if (line.length <= WRAP_AT)
            return [line];
        // By code points: a piece never ends inside a surrogate pair.
        return line.match(WRAP_PIECE) ?? [line];
    })
        .join('\n');
}

;// CONCATENATED MODULE: ./src/operations/block-summary.ts
// run-block's part of the job summary: one row per block (status, output size, duration, error)
// and a collapsed, cut preview of each output. Both are bounded in bytes, whatever the outputs,
// so that the whole summary stays under 64 KiB (src/report/summary.ts has the rest).



const TABLE_MAX_BYTES = 18_000;
const BLOCK_CELL_MAX_BYTES = 120;
const ERROR_CELL_MAX_BYTES = 300;
const PREVIEWS_MAX_BYTES = 24_000;
const PREVIEW_MAX_BYTES = 4_000;
const PREVIEW_MIN_BYTES = 150;
/** Bytes of a value read for a preview, per byte shown: laying out drops whitespace. */
const PREVIEW_SOURCE_FACTOR = 4;
/** What a preview's `<details>` lines take besides its text and block name. */
const PREVIEW_WRAPPER_BYTES = 120;
const STATUS_ICONS = {
    completed: '✅',
    failed: '❌',
    'not run': '⏭️'
};
function blockTable(results) {
    const header = ['Block', 'Status', 'Output size', 'Duration', 'Error'];
    const head = table(header, []);
    const lines = [];
    let used = byteLength(head);
    for (const result of results) {
        const line = tableRow([
            cutToFit(result.block, BLOCK_CELL_MAX_BYTES, cell),
            // A no-break space: the icon never wraps away from its word in a narrow column.
            `${STATUS_ICONS[result.status]}\u00a0${result.status}`,
            result.raw === undefined ? '—' : formatSize(result.raw.length),
            result.durationMs === undefined ? '—' : markdown_formatDuration(result.durationMs),
            result.failure ? cutToFit(result.failure.text, ERROR_CELL_MAX_BYTES, cell) : ''
        ]);
        const size = byteLength(line) + 1;
        if (used + size > TABLE_MAX_BYTES)
            break;
        used += size;
        lines.push(line);
    }
    const parts = ['#### Blocks', '', [head, ...lines].join('\n')];
    if (lines.length < results.length) {
        parts.push('', `_${results.length - lines.length} more block(s) not shown: see the step log._`);
    }
    return parts.join('\n');
}
/** A `<details>` preview per block that gave an output; undefined when none did. */
function outputPreviews(results) {
    const withOutput = results.filter(result => result.raw !== undefined);
    if (withOutput.length === 0)
        return undefined;
    const share = Math.floor(PREVIEWS_MAX_BYTES / withOutput.length) - PREVIEW_WRAPPER_BYTES;
    const each = Math.max(PREVIEW_MIN_BYTES, Math.min(PREVIEW_MAX_BYTES, share));
    const parts = [];
    let used = 0;
    for (const result of withOutput) {
        const part = preview(result.block, result.raw ?? Buffer.alloc(0), each);
        if (used + byteLength(part) > PREVIEWS_MAX_BYTES) {
            const left = withOutput.length - parts.length;
            parts.push('', `_Previews of ${left} more block(s) left out: see \`output-file\`._`);
            break;
        }
        used += byteLength(part) + 1;
        parts.push(part);
    }
    return parts.join('\n');
}
/** Collapsed: the summary line says the output's size and whether the preview is cut. */
function preview(block, raw, maxBytes) {
    const text = cutToFit(previewJson(startOf(raw, maxBytes), maxBytes), maxBytes);
    const cutNote = text.endsWith('…') ? ', start shown' : '';
    const name = escapeHtml(cutToFit(block, BLOCK_CELL_MAX_BYTES));
    return [
        `<details><summary>Output of <code>${name}</code> (${formatSize(raw.length)}${cutNote})</summary>`,
        '',
        `<pre>${escapeHtml(text)}</pre>`,
        '',
        '</details>'
    ].join('\n');
}
/**
 * The value's start, decoded: enough for a preview of `maxBytes` (whitespace the preview drops
 * aside), ending in `…` when the value goes on. A 50 MB output is never decoded whole.
 */
function startOf(raw, maxBytes) {
    const take = PREVIEW_SOURCE_FACTOR * maxBytes;
    if (raw.length <= take)
        return raw.toString('utf8');
    // A character cut at the end decodes as U+FFFD: dropped.
    return `${raw.toString('utf8', 0, take).replace(/\uFFFD+$/, '')}…`;
}

;// CONCATENATED MODULE: ./src/operations/run-block.ts
// run-block: POST /api/runs for one block, or several in order (a smoke run). Each block is sent
// once; its `run` value goes to `output` as the server wrote it. A smoke run stops at the first
// failed block unless fail-on-error is false; `error` lists every failure as `uuid: exception`.








async function runBlock(context, config) {
    const { io, report, secrets } = context;
    const trigger = new TriggerClient(context.http('cluster'), config.clusterUrl, config.triggerToken);
    const outputs = new BlockOutputs(report, context.tempDir, config.blocks.length > 1);
    const results = [];
    report.row('Pipeline', config.pipeline);
    report.link('Pipeline runs in Mage', `${config.clusterUrl}/pipelines/${encodeURIComponent(config.pipeline)}/runs`);
    // A failure that is not about one block (cluster unreachable, deadline): nothing more can run.
    let stopper;
    const send = (index) => {
        const block = config.blocks[index];
        const started = context.clock.now();
        const preconnect = index < config.blocks.length - 1;
        const answer = trigger.runBlock({ ...config, block, preconnect }).then(({ raw }) => ({ raw, durationMs: context.clock.now() - started }), (error) => ({ error, durationMs: context.clock.now() - started }));
        return { block, answer };
    };
    const announce = (sent) => io.info(`Running block '${sent.block}' of pipeline '${config.pipeline}'`);
    const record = async (block, answer, failure = failureOf(answer)) => {
        if ('raw' in answer) {
            report.changed = true;
            const safe = redactRaw(answer.raw, secrets);
            results.push({ block, status: 'completed', raw: safe, durationMs: answer.durationMs });
            io.info(`Block '${block}' completed: output ${formatSize(safe.length)}`);
            return;
        }
        if (!failure) {
            stopper = answer.error;
            results.push({ block, status: 'not run' });
            return;
        }
        if (failure.mayHaveRun)
            report.changed = true;
        results.push({ block, status: 'failed', failure, durationMs: answer.durationMs });
        io.info(`Block '${block}' failed: ${failure.text}`);
        if (failure.traceback) {
            await printUntrusted(io, `Traceback of block '${block}'`, failure.traceback);
        }
    };
    let next = send(0);
    announce(next);
    try {
        for (const [index, block] of config.blocks.entries()) {
            if (!next) {
                results.push({ block, status: 'not run' });
                continue;
            }
            const answer = await next.answer;
            next = undefined;
            const failure = failureOf(answer);
            const goOn = ('raw' in answer || (failure !== undefined && !context.common.failOnError)) &&
                index < config.blocks.length - 1;
            // The next block is sent before this one's result is recorded and logged: its request
            // goes out first, and that work is done while it runs.
            if (goOn)
                next = send(index + 1);
            await record(block, answer, failure);
            if (next)
                announce(next);
        }
    }
    finally {
        // A block already sent when something here threw still has its answer recorded.
        if (next)
            await record(next.block, await next.answer);
        // Once, whatever stopped the run: the outputs are written when the step ends anyway.
        await outputs.publish(results);
        report.status = results.every(result => result.status === 'completed') ? 'completed' : 'failed';
        report.row('Blocks', describeCounts(results));
        report.section(blockTable(results));
        const previews = outputPreviews(results);
        if (previews)
            report.section(previews);
    }
    throwIfFailed(results, stopper);
}
/** Why a block failed; undefined for a completed block and for an error that stops the run. */
function failureOf(answer) {
    return 'error' in answer ? describeRunFailure(answer.error, 'block') : undefined;
}
function describeCounts(results) {
    const count = (status) => results.filter(result => result.status === status).length;
    const parts = [`${count('completed')} completed`, `${count('failed')} failed`];
    if (count('not run') > 0)
        parts.push(`${count('not run')} not run`);
    return parts.join(', ');
}
/** `uuid: exception (likely cause: …)` per failed block; the stopping error as it is when alone. */
function throwIfFailed(results, stopper) {
    const lines = results.flatMap(({ block, failure }) => failure
        ? [`${block}: ${failure.text}${failure.hint ? ` (likely cause: ${failure.hint})` : ''}`]
        : []);
    if (stopper !== undefined) {
        if (lines.length === 0)
            throw stopper instanceof Error ? stopper : new Error(errorMessage(stopper));
        const stoppedAt = results.find(result => result.status === 'not run')?.block ?? 'run';
        const hint = hintFor(stopper);
        lines.push(`${stoppedAt}: ${errorMessage(stopper)}${hint ? ` (likely cause: ${hint})` : ''}`);
    }
    if (lines.length > 0)
        throw new OperationError(lines.join('\n'), 'failed');
}

;// CONCATENATED MODULE: ./src/cluster/log-tail.ts
// The last lines of a failed block's logs, bounded (lines, line length, total) so that a
// chatty block cannot flood the step log or the job summary.
const DEFAULT_TAIL = { lines: 30, lineChars: 300, totalChars: 4_000 };
/** The last non-blank lines of the log files (given oldest first), newest last. */
function tailLines(contents, limits = DEFAULT_TAIL) {
    const lines = contents
        .join('\n')
        .split(/\r?\n/)
        .filter(line => line.trim() !== '')
        .slice(-limits.lines)
        .map(line => line.length <= limits.lineChars ? line : `${line.slice(0, limits.lineChars - 1)}…`);
    const kept = [];
    let total = 0;
    for (let i = lines.length - 1; i >= 0; i--) {
        total += lines[i].length + 1;
        if (total > limits.totalChars)
            break;
        kept.unshift(lines[i]);
    }
    return kept.join('\n');
}

;// CONCATENATED MODULE: ./src/cluster/post-state.ts
const STATE_CLUSTER_URL = 'mage-cluster-url';
const STATE_RUN_ID = 'mage-pipeline-run-id';
function rememberWaitedRun(io, clusterUrl, runId) {
    io.saveState(STATE_CLUSTER_URL, clusterUrl);
    io.saveState(STATE_RUN_ID, String(runId));
}
function forgetWaitedRun(io) {
    io.saveState(STATE_RUN_ID, '');
    io.saveState(STATE_CLUSTER_URL, '');
}
function waitedRunOf(io) {
    const runId = io.getState(STATE_RUN_ID).trim();
    const clusterUrl = io.getState(STATE_CLUSTER_URL).trim();
    return runId && clusterUrl ? { clusterUrl, runId } : undefined;
}

;// CONCATENATED MODULE: ./src/operations/pipeline-watch.ts



/** Read failures worth another poll: the cluster may be restarting or a proxy hiccupped. */
const TRANSIENT_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
async function watchRun(context, client, clusterUrl, triggered, onUpdate) {
    const { io } = context;
    rememberWaitedRun(io, clusterUrl, triggered.id);
    let keepState = false;
    try {
        let run = triggered;
        while (!FINAL_RUN_STATUSES.has(run.status)) {
            await pipeline_watch_pollPause(context);
            if (context.deadline.expired()) {
                const ended = await cancelAtDeadline(context, client, run);
                // A cancel that did not take leaves the run id for the post step, which tries again.
                keepState = ended.stillRunning;
                if (ended.failure)
                    throw ended.failure;
                return ended.run;
            }
            const next = await readRun(context, client, run.id);
            if (!next)
                continue;
            logChanges(context, run, next);
            run = { ...next, pipelineUuid: next.pipelineUuid ?? run.pipelineUuid };
            onUpdate(run);
        }
        return run;
    }
    finally {
        if (!keepState)
            forgetWaitedRun(io);
    }
}
async function pipeline_watch_pollPause(context) {
    const { clock, deadline, common } = context;
    const pause = common.pollIntervalMs * (1 + 0.1 * clock.random());
    await clock.sleep(Math.min(pause, deadline.remainingMs()));
}
/** One poll; undefined after a transient failure (the next poll tries again). */
async function readRun(context, client, id) {
    try {
        return await client.getPipelineRun(id);
    }
    catch (error) {
        const transient = error instanceof NetworkError ||
            error instanceof RequestTimeoutError ||
            (error instanceof MageApiError &&
                error.fields.kind !== 'envelope' &&
                TRANSIENT_STATUSES.has(error.httpStatus));
        // At the deadline too: the loop then cancels the run it waited on.
        if (!transient)
            throw error;
        const reason = context.secrets.redact(errorMessage(error));
        context.io.info(`Could not read pipeline run ${id} (${reason}); polling on`);
        return undefined;
    }
}
function logChanges(context, before, after) {
    const { io } = context;
    if (after.status !== before.status) {
        io.info(`Pipeline run ${after.id}: ${before.status} → ${after.status}`);
    }
    else {
        io.debug(`Pipeline run ${after.id}: ${after.status}`);
    }
    const previous = new Map((before.blockRuns ?? []).map(block => [block.blockUuid, block.status]));
    for (const block of after.blockRuns ?? []) {
        const was = previous.get(block.blockUuid);
        if (was !== block.status) {
            io.info(`  block ${block.blockUuid}: ${was === undefined ? '' : `${was} → `}${block.status}`);
        }
    }
}
/**
 * At the deadline: cancel the run (one request, at most 10 s). Mage ignores a cancel on a run
 * that has just ended and answers with its real status, which then decides the outcome.
 */
async function cancelAtDeadline(context, client, last) {
    const { io } = context;
    const timedOut = `timed out waiting for pipeline run ${last.id}; last status seen: '${last.status}'`;
    io.info(`Timeout reached: cancelling pipeline run ${last.id} (last status seen: ${last.status})`);
    let answer;
    try {
        answer = await client.cancelPipelineRun(last.id, { lastRead: true });
    }
    catch (error) {
        const message = `${timedOut}; cancelling it failed (${errorMessage(error)}), so it may still be running`;
        return { run: last, failure: new OperationError(message, last.status), stillRunning: true };
    }
    const run = {
        ...answer,
        pipelineUuid: answer.pipelineUuid ?? last.pipelineUuid,
        blockRuns: answer.blockRuns ?? last.blockRuns
    };
    if (run.status === 'cancelled') {
        io.info(`Pipeline run ${run.id} cancelled`);
        const failure = new OperationError(`${timedOut}; the run was cancelled`, 'cancelled');
        return { run, failure, stillRunning: false };
    }
    if (!FINAL_RUN_STATUSES.has(run.status)) {
        const message = `${timedOut}; the cancel answered status '${run.status}', so it may still be running`;
        return { run, failure: new OperationError(message, run.status), stillRunning: true };
    }
    io.info(`Pipeline run ${run.id} had already ended: ${run.status}`);
    return { run, stillRunning: false };
}

;// CONCATENATED MODULE: ./src/operations/run-pipeline.ts
// run-pipeline: trigger a pipeline through its API trigger (token in a Bearer header, sent
// once), report the run, and with `wait` watch it to completed, failed or cancelled — only
// completed succeeds. A failed run's failed blocks show their last log lines.








/** Failed blocks whose logs are fetched: the first few say what went wrong. */
const MAX_LOGGED_BLOCKS = 5;
/** Keeps the summary table well under 64 KiB. */
const MAX_TABLE_ROWS = 300;
async function runPipeline(context, config) {
    const { io, report, common } = context;
    const client = new ClusterClient(context.http('cluster'), config.clusterUrl, config.cluster);
    report.row('Trigger', `schedule ${config.scheduleId}`);
    if (common.wait)
        await prepareToWatch(context, client, config);
    let run = await trigger(context, config);
    const publish = (current) => publishRun(context, config, current);
    publish(run);
    try {
        if (!common.wait) {
            io.info(`Pipeline run ${run.id} triggered (${run.status}); wait is false: not waiting`);
            return;
        }
        run = await watchRun(context, client, config.clusterUrl, run, current => {
            run = current;
            publish(current);
        }).catch((error) => {
            // The wait's own verdict (cancelled at the deadline) is the status users see.
            if (error instanceof OperationError && error.status)
                report.status = error.status;
            throw error;
        });
        publish(run);
    }
    finally {
        const blocks = (run.blockRuns ?? []).slice(0, MAX_TABLE_ROWS);
        if (blocks.length > 0) {
            const rows = blocks.map(block => [block.blockUuid, block.status]);
            report.section(['#### Blocks', '', table(['Block', 'Status'], rows)].join('\n'));
        }
    }
    if (run.status === 'failed') {
        // After the blocks table: the summary says which block failed, then shows its last lines.
        await showFailedBlockLogs(context, client, run);
        const failed = failedBlocks(run);
        const which = failed.length > 0 ? `; failed block(s): ${failed.join(', ')}` : '';
        throw new OperationError(`pipeline run ${run.id} failed${which}`, 'failed');
    }
    if (run.status === 'cancelled') {
        throw new OperationError(`pipeline run ${run.id} was cancelled`, 'cancelled');
    }
    io.info(`Pipeline run ${run.id} completed`);
}
/** Before triggering: make sure the run can be watched, so no run starts unseen. */
async function prepareToWatch(context, client, config) {
    if (config.cluster) {
        await client.login();
        return;
    }
    const status = await client.getStatus();
    if (status.requireUserAuthentication === true) {
        throw new ConfigError('cluster-email', 'the cluster requires login to watch the run: give cluster-email and cluster-password, or set wait: false');
    }
}
async function trigger(context, config) {
    const { io, report } = context;
    const triggers = new TriggerClient(context.http('cluster'), config.clusterUrl, config.triggerToken);
    io.info(`Triggering the pipeline of schedule ${config.scheduleId}`);
    try {
        const run = await triggers.triggerPipeline(config.scheduleId, config.variables);
        report.changed = true;
        io.info(`Pipeline run ${run.id} created (${run.status})`);
        return run;
    }
    catch (error) {
        const failure = describeRunFailure(error, 'trigger');
        if (!failure)
            throw error;
        if (error instanceof OutcomeUnknownError)
            report.changed = true;
        if (failure.traceback)
            await printUntrusted(io, 'Traceback of the trigger', failure.traceback);
        const hint = failure.hint ? ` (likely cause: ${failure.hint})` : '';
        throw new OperationError(`the trigger of schedule ${config.scheduleId} failed: ${failure.text}${hint}`, 'failed');
    }
}
function publishRun(context, config, run) {
    const { report } = context;
    report.status = run.status;
    report.set('pipeline-run-id', String(run.id));
    if (run.pipelineUuid) {
        const url = `${config.clusterUrl}/pipelines/${encodeURIComponent(run.pipelineUuid)}/runs/${encodeURIComponent(String(run.id))}`;
        report.set('run-url', url);
        report.link('Pipeline run in Mage', url);
        report.row('Pipeline', run.pipelineUuid);
    }
    report.row('Pipeline run', String(run.id));
    const statuses = Object.fromEntries((run.blockRuns ?? []).map(b => [b.blockUuid, b.status]));
    report.set('block-statuses', JSON.stringify(statuses));
}
function failedBlocks(run) {
    return (run.blockRuns ?? []).filter(b => b.status === 'failed').map(b => b.blockUuid);
}
/** The last log lines of each failed block, masked and bounded, in the log and the summary. */
async function showFailedBlockLogs(context, client, run) {
    const { io, report, secrets } = context;
    if (!run.pipelineUuid)
        return;
    const failed = failedBlocks(run);
    for (const block of failed.slice(0, MAX_LOGGED_BLOCKS)) {
        let tail;
        try {
            tail = secrets.redact(tailLines(await client.getBlockLogs(run.pipelineUuid, run.id, block)));
        }
        catch (error) {
            io.info(`Could not read the logs of block '${block}': ${secrets.redact(errorMessage(error))}`);
            continue;
        }
        if (tail === '')
            continue;
        await printUntrusted(io, `Last log lines of block '${block}'`, tail);
        report.section(`<details><summary>Last log lines of <code>${escapeHtml(block)}</code></summary>\n\n` +
            `<pre>${escapeHtml(tail)}</pre>\n\n</details>`);
    }
    if (failed.length > MAX_LOGGED_BLOCKS) {
        io.info(`Logs of ${failed.length - MAX_LOGGED_BLOCKS} more failed block(s) not shown`);
    }
}

;// CONCATENATED MODULE: ./src/operations/set-env.ts




/** Values shorter than this are not masked: masking `1` would blank every 1 in the job's logs. */
const MIN_MASKED_VALUE_LENGTH = 8;
const MAX_REMERGES = 3;
async function setEnv(context, config) {
    const { io, report, common, secrets } = context;
    for (const { value } of config.env) {
        if (value.length >= MIN_MASKED_VALUE_LENGTH)
            secrets.add(value);
    }
    const { cloud, cluster } = await openCloud(context, config.cloud);
    const plan = planEnvChange(cluster.config.extraEnvs, config.env, config.unset);
    const step = { context, config, cloud, remerges: 0, names: new Set() };
    reportNames(step, plan.changedNames);
    if (plan.changedNames.length === 0) {
        io.info('Every variable already has the requested value: nothing to write');
        return settle(step, cluster, false);
    }
    if (common.dryRun) {
        io.info(`Dry run: would write ${plan.changedNames.join(', ')}`);
        report.row('Planned change', `write ${plan.changedNames.length} variable(s)`);
        return;
    }
    const wasStopped = cluster.status === 'Stopped';
    io.info(`Writing ${plan.changedNames.length} variable(s): ${plan.changedNames.join(', ')}`);
    await cloud.putCluster({ config: { ...cluster.config, extraEnvs: plan.extraEnvs } }, cluster.etag);
    report.changed = true;
    const latest = await readBack(step);
    if (wasStopped) {
        io.notice('The cluster is Stopped: the new values apply at its next start');
        return;
    }
    return settle(step, latest, true);
}
/** Reads the cluster after a write until the change is there, merging again while it is not. */
async function readBack(step) {
    const { report } = step.context;
    for (;;) {
        const cluster = await step.cloud.getCluster({ log: 'info' });
        report.status = cluster.status;
        report.set('cluster-status', cluster.status);
        if (!(await remergeIfLost(step, cluster)))
            return cluster;
    }
}
/**
 * A change missing from `cluster` was overwritten: writes it again on top of what is there now
 * (true), or fails after MAX_REMERGES. False when the change is in place.
 */
async function remergeIfLost(step, cluster) {
    const { context, config } = step;
    const lost = missingChanges(cluster.config.extraEnvs, config.env, config.unset);
    if (lost.length === 0)
        return false;
    if (step.remerges >= MAX_REMERGES) {
        context.report.row('Re-merges', `${MAX_REMERGES} (the change is still lost)`);
        throw new OperationError(`another writer kept overwriting the cluster's env (${lost.join(', ')} lost after ${MAX_REMERGES} re-merges); ` +
            'serialise env changes per cluster with a workflow concurrency group', cluster.status);
    }
    step.remerges++;
    context.report.row('Re-merges', String(step.remerges));
    context.io.warning(`A concurrent write overwrote ${lost.join(', ')}; merging again (${step.remerges} of ${MAX_REMERGES})`);
    const plan = planEnvChange(cluster.config.extraEnvs, config.env, config.unset);
    reportNames(step, plan.changedNames);
    await step.cloud.putCluster({ config: { ...cluster.config, extraEnvs: plan.extraEnvs } }, cluster.etag);
    context.report.changed = true;
    return true;
}
/** `env-names` and the summary row: every name written, in input order. */
function reportNames(step, changed) {
    for (const name of changed)
        step.names.add(name);
    const order = [...step.config.env.map(entry => entry.name), ...step.config.unset];
    const names = order.filter(name => step.names.has(name));
    step.context.report.set('env-names', JSON.stringify(names));
    const removed = new Set(step.config.unset);
    const set = names.filter(name => !removed.has(name));
    const unset = names.filter(name => removed.has(name));
    const parts = [
        ...(set.length > 0 ? [`set ${set.join(', ')}`] : []),
        ...(unset.length > 0 ? [`removed ${unset.join(', ')}`] : [])
    ];
    step.context.report.row('Env names', parts.join('; ') || '(none changed)');
}
/**
 * An env write restarts a running cluster: wait for Active again, then for it to serve. The
 * polls read the whole config: a change lost meanwhile is not reported as a success.
 */
async function settle(step, cluster, wrote) {
    const { context, config, cloud } = step;
    if (!context.common.wait || cluster.status === 'Stopped' || cluster.status === 'Stopping')
        return;
    if (wrote && cluster.status === 'Active') {
        context.io.info('No restart seen at the first read after the write (the Cloud API gives no restart signal)');
    }
    let current = cluster;
    for (;;) {
        const active = await waitForClusterStatus(context, cloud, 'Active', current);
        if (!(await remergeIfLost(step, active)))
            break;
        current = await readBack(step);
    }
    if (config.clusterUrl)
        await waitForServing(context, config.clusterUrl);
}

;// CONCATENATED MODULE: ./src/operations/start-cluster.ts


async function startCluster(context, config) {
    const { io, report, common } = context;
    const opened = await openCloud(context, config.cloud);
    const { cloud } = opened;
    let { cluster } = opened;
    const replicas = replicaCountOf(cluster);
    const needsWrite = !(replicas >= 1 && cluster.status !== 'Stopped');
    const newReplicas = replicas >= 1 ? replicas : config.replicas;
    if (common.dryRun) {
        const plan = needsWrite
            ? `would set replicaCount ${newReplicas} and status Active`
            : `nothing to change (status ${cluster.status}, replicaCount ${replicas})`;
        io.info(`Dry run: ${plan}`);
        report.row('Planned change', plan);
        return;
    }
    if (needsWrite) {
        io.info(`Starting the cluster: replicaCount ${newReplicas}, status Active`);
        cluster = await cloud.putCluster({ config: { ...cluster.config, replicaCount: newReplicas }, status: 'Active' }, cluster.etag);
        report.changed = true;
        report.status = cluster.status;
        report.set('cluster-status', cluster.status);
    }
    else if (cluster.status === 'Active') {
        io.info('The cluster is already Active: nothing to change');
    }
    else {
        io.info(`The cluster is already on its way (${cluster.status}): nothing to write`);
    }
    report.row('Replicas', String(needsWrite ? newReplicas : replicas));
    if (!common.wait)
        return;
    await waitForClusterStatus(context, cloud, 'Active', cluster);
    if (config.clusterUrl)
        await waitForServing(context, config.clusterUrl);
}

;// CONCATENATED MODULE: ./src/cluster/datetimes.ts
// Mage writes datetimes three ways (mage-real-observations.md §8.7): `2026-11-28 17:04:34[.598006]`
// (space, naive), `… 17:04:30.779312+00:00` (space, offset) and `2026-11-28T17:07:38[+00:00]`
// (ISO). A naive value is UTC: the server's database stores UTC without a zone.
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
/** Epoch milliseconds of a Mage datetime, or undefined when it is absent or unreadable. */
function parseMageDatetime(value) {
    if (typeof value !== 'string')
        return undefined;
    const match = DATETIME.exec(value.trim());
    if (!match)
        return undefined;
    const [, year, month, day, hour, minute, second, fraction, zone] = match;
    const millis = fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0;
    const utc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second ?? 0), millis);
    if (Number.isNaN(utc) || !sameFields(utc, year, month, day, hour, minute))
        return undefined;
    return utc - offsetMs(zone);
}
/** Rejects dates that Date.UTC silently rolls over (`2026-02-31`, `25:00`). */
function sameFields(utc, year, month, day, hour, minute) {
    const date = new Date(utc);
    return (date.getUTCFullYear() === Number(year) &&
        date.getUTCMonth() === Number(month) - 1 &&
        date.getUTCDate() === Number(day) &&
        date.getUTCHours() === Number(hour) &&
        date.getUTCMinutes() === Number(minute));
}
function offsetMs(zone) {
    if (!zone || zone.toUpperCase() === 'Z')
        return 0;
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const hours = Number(digits.slice(0, 2));
    const minutes = Number(digits.slice(2, 4) || '0');
    return sign * (hours * 60 + minutes) * 60_000;
}

;// CONCATENATED MODULE: ./src/cluster/busy-runs.ts


const BUSY_STATUSES = ['initial', 'running'];
const PAGE_SIZE = 100;
/** 20 pages of 100 per status: far beyond any real backlog, and the listing stays bounded. */
const MAX_PAGES = 20;
async function findBlockingRuns(context, settings) {
    const { io, clock } = context;
    const client = new ClusterClient(context.http('cluster'), settings.clusterUrl, settings.cluster);
    await client.login();
    const runs = new Map();
    for (const status of BUSY_STATUSES) {
        for (const run of await listAll(client, status))
            runs.set(String(run.id), summaryOf(run));
    }
    const now = clock.now();
    const blocking = [];
    const stuck = [];
    for (const run of runs.values()) {
        const tooOld = run.startedAt !== undefined && now - run.startedAt > settings.busyMaxAgeMs;
        (tooOld ? stuck : blocking).push(run);
    }
    io.info(`Pipeline runs in progress on the cluster: ${blocking.length}` +
        (stuck.length > 0 ? ` (and ${stuck.length} older than busy-max-age)` : ''));
    return { blocking, stuck };
}
async function listAll(client, status) {
    const runs = [];
    for (let page = 0; page < MAX_PAGES; page++) {
        const { runs: batch, next } = await client.listRuns(status, PAGE_SIZE, page * PAGE_SIZE);
        runs.push(...batch);
        if (!next || batch.length === 0)
            break;
    }
    // The list may hold other statuses if a server ignores the filter: keep only what was asked.
    return runs.filter(run => run.status === status);
}
function summaryOf(run) {
    const startedAt = parseMageDatetime(run.startedAt) ??
        parseMageDatetime(run.createdAt) ??
        parseMageDatetime(run.executionDate);
    return {
        id: run.id,
        pipelineUuid: run.pipelineUuid ?? '(unknown pipeline)',
        status: run.status,
        startedAt
    };
}

;// CONCATENATED MODULE: ./src/operations/stop-cluster.ts
// stop-cluster: replicaCount 0 and status Stopped; with skip-if-busy, leave the cluster up while
// pipeline runs are going (and fail, leaving it up, when those runs can't be seen).



async function stopCluster(context, config) {
    const { io, report, common } = context;
    const opened = await openCloud(context, config.cloud);
    const { cloud } = opened;
    let { cluster } = opened;
    const needsWrite = !(replicaCountOf(cluster) === 0 && cluster.status !== 'Active');
    if (needsWrite && config.skipIfBusy) {
        const { blocking, stuck } = await findBlockingRuns(context, config.skipIfBusy);
        if (stuck.length > 0) {
            io.warning(`Ignoring ${stuck.length} pipeline run(s) older than busy-max-age, probably stuck: ${describeRuns(stuck)}`);
        }
        if (blocking.length > 0) {
            const message = `The cluster stays up: ${blocking.length} pipeline run(s) in progress: ${describeRuns(blocking)}`;
            io.notice(message);
            report.row('Skipped', message);
            return;
        }
        io.info('No pipeline run in progress: stopping');
    }
    if (common.dryRun) {
        const plan = needsWrite
            ? 'would set replicaCount 0 and status Stopped'
            : `nothing to change (status ${cluster.status}, replicaCount ${replicaCountOf(cluster)})`;
        io.info(`Dry run: ${plan}`);
        report.row('Planned change', plan);
        return;
    }
    if (needsWrite) {
        io.info('Stopping the cluster: replicaCount 0, status Stopped');
        cluster = await cloud.putCluster({ config: { ...cluster.config, replicaCount: 0 }, status: 'Stopped' }, cluster.etag);
        report.changed = true;
        report.status = cluster.status;
        report.set('cluster-status', cluster.status);
    }
    else if (cluster.status === 'Stopped') {
        io.info('The cluster is already Stopped: nothing to change');
    }
    else {
        io.info(`The cluster is already on its way (${cluster.status}): nothing to write`);
    }
    if (!common.wait)
        return;
    await waitForClusterStatus(context, cloud, 'Stopped', cluster);
}
function describeRuns(runs) {
    const shown = runs.slice(0, 10).map(run => `${run.pipelineUuid} (run ${run.id}, ${run.status})`);
    return (shown.join(', ') +
        (runs.length > shown.length ? `, and ${runs.length - shown.length} more` : ''));
}

;// CONCATENATED MODULE: ./src/operations/index.ts







const HANDLERS = {
    'start-cluster': startCluster,
    'stop-cluster': stopCluster,
    'set-env': setEnv,
    'cluster-status': clusterStatus,
    'run-block': runBlock,
    'deploy-git': deployGit,
    'run-pipeline': runPipeline
};
function runOperation(context, config) {
    const handler = HANDLERS[config.operation];
    return handler(context, config);
}
/** What the summary names as the operation's target. */
function targetOf(config) {
    if ('cloud' in config)
        return `cluster ${config.cloud.clusterId} (team ${config.cloud.teamId})`;
    return config.clusterUrl;
}
/** The cluster's UI, when the inputs name it: linked from every summary. */
function clusterUrlOf(config) {
    if ('clusterUrl' in config)
        return config.clusterUrl;
    if (config.operation === 'stop-cluster')
        return config.skipIfBusy?.clusterUrl;
    return undefined;
}

;// CONCATENATED MODULE: ./src/report/outputs.ts
function writeOutputs(io, report, secrets, error) {
    const status = report.status ?? (error ? 'failed' : '');
    io.setOutput('status', status);
    io.setOutput('error', error ? secrets.redact(error) : '');
    io.setOutput('changed', String(report.changed));
    for (const [name, value] of report.outputs)
        io.setOutput(name, value);
}

;// CONCATENATED MODULE: ./src/report/report.ts
class Report {
    /** The last known remote status (cluster, run or deployment status). */
    status;
    changed = false;
    /** Where to look: the cluster UI, the pipeline run. */
    links = [];
    outputs = new Map();
    /** Extra rows for the summary's table: label → value (already safe to show). */
    rows = [];
    /** Extra Markdown blocks for the summary (already safe to show). */
    sections = [];
    set(name, value) {
        this.outputs.set(name, value);
    }
    row(label, value) {
        const existing = this.rows.find(([key]) => key === label);
        if (existing)
            existing[1] = value;
        else
            this.rows.push([label, value]);
    }
    section(markdown) {
        this.sections.push(markdown);
    }
    link(label, url) {
        if (!this.links.some(link => link.url === url))
            this.links.push({ label, url });
    }
}

;// CONCATENATED MODULE: ./src/report/summary.ts

const SUMMARY_MAX_BYTES = 64 * 1024 - 1024;
const TITLE_PART_MAX_BYTES = 120;
const ERROR_MAX_LINES = 6;
const ERROR_LINE_MAX_BYTES = 400;
/** How failure messages end when a hint applies (src/main.ts, run-block). */
const HINT_START = ' (likely cause: ';
const ROW_VALUE_MAX_BYTES = 600;
const MAX_ROWS = 30;
const MAX_LINKS = 5;
const URL_MAX_CHARS = 2_000;
const LEFT_OUT_NOTE_BYTES = 200;
function buildSummary(input, secrets) {
    const redact = (text) => secrets.redact(text);
    const { report } = input;
    const status = redact(report.status ?? (input.error ? 'failed' : 'done'));
    const parts = [title(input, status)];
    if (input.error !== undefined)
        parts.push('', errorLine(redact(input.error)));
    parts.push('', factsTable(input, status, redact));
    const links = linkLine(input, redact);
    if (links)
        parts.push('', links);
    return fitSections(parts.join('\n'), report.sections.map(redact));
}
function title(input, status) {
    const icon = input.error !== undefined ? '❌' : '✅';
    // cell(): one line, escaped — a line break in a bad `operation` input must not end the title.
    const operation = cell(cutToFit(input.operation, TITLE_PART_MAX_BYTES, cell));
    const shown = cell(cutToFit(status, TITLE_PART_MAX_BYTES, cell));
    return `### ${icon} Mage ${operation}: ${shown}${input.dryRun ? ' (dry run)' : ''}`;
}
/**
 * One paragraph on one source line (a line of the message can't start a heading or a list): the
 * first lines of the message, each cut, and the likely cause at its end kept whatever is cut.
 */
function errorLine(error) {
    const hintAt = error.lastIndexOf(HINT_START);
    const hasHint = hintAt !== -1 && error.endsWith(')');
    const body = hasHint ? error.slice(0, hintAt) : error;
    const lines = body
        .split(/\r?\n/)
        .map(line => line.trim())
        .filter(line => line !== '');
    const shown = lines.slice(0, ERROR_MAX_LINES).map(line => cutToFit(line, ERROR_LINE_MAX_BYTES));
    if (lines.length > shown.length)
        shown.push(`… ${lines.length - shown.length} more line(s)`);
    if (hasHint)
        shown.push(cutToFit(error.slice(hintAt).trim(), ERROR_LINE_MAX_BYTES));
    return `**Error:** ${shown.map(escapeInline).join('<br>')}`;
}
function factsTable(input, status, redact) {
    const { report } = input;
    const rows = [
        ...(input.target ? [['Target', redact(input.target)]] : []),
        ['Status', status],
        ['Changed', report.changed ? 'yes' : 'no'],
        ['Duration', markdown_formatDuration(input.durationMs)],
        ...report.rows.map(([label, value]) => [redact(label), redact(value)])
    ];
    const shown = rows
        .slice(0, MAX_ROWS)
        .map(([label, value]) => [
        cutToFit(label, TITLE_PART_MAX_BYTES, cell),
        cutValue(value, ROW_VALUE_MAX_BYTES)
    ]);
    // The operation heads the table: a header row of its own would be empty.
    return table(['Operation', cutToFit(input.operation, TITLE_PART_MAX_BYTES, cell)], shown);
}
/** A long list (`a, b, c, …`) is cut between items and says how many there are in all. */
function cutValue(value, maxBytes) {
    if (byteLength(cell(value)) <= maxBytes)
        return value;
    const items = value.split(', ');
    if (items.length < 3)
        return cutToFit(value, maxBytes, cell);
    const kept = [];
    const tail = () => `, … (${items.length} in all)`;
    for (const item of items) {
        if (byteLength(cell([...kept, item].join(', ') + tail())) > maxBytes)
            break;
        kept.push(item);
    }
    return kept.length > 0 ? kept.join(', ') + tail() : cutToFit(value, maxBytes, cell);
}
function linkLine(input, redact) {
    return input.report.links
        .filter(known => known.url.length <= URL_MAX_CHARS)
        .slice(0, MAX_LINKS)
        .map(known => markdown_link(cutToFit(known.label, TITLE_PART_MAX_BYTES), redact(known.url)))
        .join(' · ');
}
/** Adds whole sections while they fit (a cut one would break its Markdown); says what was left. */
function fitSections(head, sections) {
    let out = head;
    let left = 0;
    for (const section of sections) {
        const next = `${out}\n\n${section}`;
        if (byteLength(next) + LEFT_OUT_NOTE_BYTES > SUMMARY_MAX_BYTES)
            left++;
        else
            out = next;
    }
    if (left > 0) {
        out += `\n\n_${left} section(s) left out to keep the summary under 64 KiB: see the step log._`;
    }
    return `${out}\n`;
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

;// CONCATENATED MODULE: ./src/main.ts
// The action: parse and validate every input, mask secrets, run the operation, then write the
// outputs and the job summary, success or failure, through one failure path.




















const defaultDeps = () => ({
    io: coreIO,
    clock: systemClock,
    transport: new NodeTransport(USER_AGENT),
    input: rawInput,
    env: process.env
});
async function run(deps = defaultDeps()) {
    const { io, clock, env } = deps;
    const started = clock.now();
    const secrets = new Secrets(value => io.setSecret(value));
    const report = new Report();
    let config;
    let failure;
    try {
        maskSecretInputs(deps.input, env, secrets);
        const active = await readConfig({
            input: deps.input,
            env,
            github: readGitHubContext(env, (path) => external_node_fs_namespaceObject.readFileSync(path, 'utf8'))
        });
        config = active;
        for (const secret of active.secrets)
            secrets.add(secret);
        io.debug(`Config: ${secrets.redact(describeConfig(active))}`);
        const clusterUrl = clusterUrlOf(active);
        if (clusterUrl)
            report.link('Cluster in Mage', clusterUrl);
        for (const name of active.unusedInputs) {
            io.warning(`Input '${name}' is not used by ${active.operation}; it is ignored`);
        }
        const context = {
            io,
            clock,
            secrets,
            report,
            common: active.common,
            deadline: new Deadline(clock, active.common.timeoutMs),
            tempDir: env.RUNNER_TEMP || external_node_os_namespaceObject.tmpdir(),
            http: (api) => new MageHttp({
                api,
                transport: deps.transport,
                clock,
                deadline: context.deadline,
                io,
                secrets,
                userAgent: USER_AGENT
            })
        };
        await io.group(`Mage ${active.operation}`, () => runOperation(context, active));
    }
    catch (error) {
        failure = error;
    }
    await finish(deps, { config, report, secrets, started, failure });
}
/** Outputs first (an `if: failure()` step reads them), then the summary, then the verdict. */
async function finish(deps, done) {
    const { io } = deps;
    const { config, report, secrets, failure } = done;
    const operation = config?.operation ?? (deps.input('operation').trim() || 'unknown');
    const message = failure === undefined ? undefined : failureMessage(failure, secrets);
    if (failure instanceof OperationError && failure.status !== undefined) {
        report.status ??= failure.status;
    }
    // A write whose answer was lost may have changed something: `changed` does not deny it.
    if (failure instanceof OutcomeUnknownError)
        report.changed = true;
    if (failure instanceof MageApiError && failure.fields.traceback) {
        await printUntrusted(io, 'Server traceback', secrets.redact(failure.fields.traceback));
    }
    writeOutputs(io, report, secrets, message);
    try {
        const markdown = buildSummary({
            operation,
            target: config ? targetOf(config) : undefined,
            dryRun: config?.common.dryRun,
            report,
            durationMs: deps.clock.now() - done.started,
            error: message
        }, secrets);
        await io.appendSummary(markdown);
    }
    catch (error) {
        io.warning(`Could not write the job summary: ${secrets.redact(errorMessage(error))}`);
    }
    if (message === undefined)
        return;
    const failStep = failure instanceof ConfigError || !config || config.common.failOnError;
    if (failStep)
        io.setFailed(`${operation} failed: ${message}`);
    else
        io.warning(`${operation} failed (fail-on-error is false): ${message}`);
}
function failureMessage(failure, secrets) {
    const known = failure instanceof Error && (failure.name !== 'Error' || failure instanceof OperationError);
    const base = known ? errorMessage(failure) : `unexpected error: ${errorMessage(failure)}`;
    const hint = hintFor(failure);
    const text = secrets.redact(hint ? `${base} (likely cause: ${hint})` : base);
    // One line, so no stack trace or server text can spread over the log; only an operation's
    // own list (a smoke run's failures, one a line) keeps its lines.
    return failure instanceof OperationError ? text : oneLine(text);
}

;// CONCATENATED MODULE: ./src/index.ts

// Not `await run()`: a top-level await makes the bundler wrap the whole action in an async
// module, which V8 compiles twice at start-up (README "Performance"). run() settles every
// failure itself; anything it throws still ends the process with a stack trace and exit 1.
void run();

