export const id = 150;
export const ids = [150];
export const modules = {

/***/ 1150:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   loadProxyAgent: () => (/* binding */ loadProxyAgent),
/* harmony export */   request: () => (/* binding */ request)
/* harmony export */ });
/* harmony import */ var undici_lib_api_api_request_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4043);
/* harmony import */ var undici_lib_api_api_request_js__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(undici_lib_api_api_request_js__WEBPACK_IMPORTED_MODULE_0__);

/** undici's request() on a given dispatcher (the index would bind it to the global one). */
function request(dispatcher, url, opts) {
    const u = new URL(url);
    return undici_lib_api_api_request_js__WEBPACK_IMPORTED_MODULE_0___default().call(dispatcher, { ...opts, origin: u.origin, path: `${u.pathname}${u.search}` });
}
/** undici's EnvHttpProxyAgent (HTTPS_PROXY, HTTP_PROXY, NO_PROXY), loaded only when a proxy is set. */
async function loadProxyAgent() {
    const [{ default: EnvHttpProxyAgent }] = await Promise.all([
        __webpack_require__.e(/* import() */ 137).then(__webpack_require__.t.bind(__webpack_require__, 3137, 23)),
        withTunnels(),
    ]);
    return EnvHttpProxyAgent;
}
/**
 * An https request through a proxy opens a CONNECT tunnel with the dispatcher's `connect()`, which
 * undici's index adds to every dispatcher (`Object.assign(Dispatcher.prototype, api)`). Loaded piece
 * by piece, it must be added here, before the proxy agent is used.
 */
async function withTunnels() {
    const [{ default: Dispatcher }, { default: connect }] = await Promise.all([
        __webpack_require__.e(/* import() */ 883).then(__webpack_require__.t.bind(__webpack_require__, 883, 23)),
        __webpack_require__.e(/* import() */ 660).then(__webpack_require__.t.bind(__webpack_require__, 2279, 23)),
    ]);
    const proto = Dispatcher.prototype;
    proto.connect ??= connect;
}


/***/ })

};
