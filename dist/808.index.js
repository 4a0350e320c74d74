export const id = 808;
export const ids = [808];
export const modules = {

/***/ 9808:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   startDeployment: () => (/* binding */ startDeployment)
/* harmony export */ });
/* unused harmony export deploymentStateOf */
/* harmony import */ var _common_message_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(978);
/* harmony import */ var _common_redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6800);


/** success -> success; an unhealthy deploy -> failure; no verdict (deadline, cancel) -> error. */
function deploymentStateOf(result) {
    switch (result) {
        case 'success':
            return 'success';
        case 'failure':
            return 'failure';
        case 'timed-out':
        case 'cancelled':
            return 'error';
        case 'in-progress':
            return undefined; // wait: false — the deploy goes on; leave the deployment in progress
    }
}
async function startDeployment(req) {
    const env = req.env ?? process.env;
    const repository = env['GITHUB_REPOSITORY'] ?? '';
    const [owner, repo] = repository.split('/');
    const sha = env['GITHUB_SHA'];
    if (!owner || !repo || !sha) {
        req.warn('environment: GITHUB_REPOSITORY and GITHUB_SHA are not set (not on a runner?); no GitHub Deployment recorded.');
        return undefined;
    }
    if (!req.githubToken) {
        req.warn('environment: github-token is empty; no GitHub Deployment recorded.');
        return undefined;
    }
    const serverUrl = env['GITHUB_SERVER_URL'] || 'https://github.com';
    const runId = env['GITHUB_RUN_ID'];
    const logUrl = runId ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}` : undefined;
    const [{ getOctokit }, { fetch }] = await Promise.all([__webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413)), Promise.all(/* import() */[__webpack_require__.e(137), __webpack_require__.e(43), __webpack_require__.e(752)]).then(__webpack_require__.t.bind(__webpack_require__, 6752, 19))]);
    // Every request is bounded by the signal of the moment: creating, then the final status.
    let signal = req.signal;
    const octokit = getOctokit(req.githubToken, {
        baseUrl: env['GITHUB_API_URL'] || 'https://api.github.com',
        // Our own dispatcher: the same proxy rules (HTTPS_PROXY / NO_PROXY) as the service's requests.
        request: {
            fetch: (url, init) => fetch(url, { ...init, ...(req.dispatcher ? { dispatcher: req.dispatcher } : {}), signal }),
        },
    });
    let deploymentId;
    try {
        const created = await octokit.rest.repos.createDeployment({
            owner,
            repo,
            ref: sha,
            environment: req.environment,
            auto_merge: false,
            required_contexts: [],
            description: req.description,
        });
        if (!created.data || typeof created.data !== 'object' || !('id' in created.data)) {
            req.warn(`environment: GitHub did not create the deployment (${created.data.message ?? 'merge needed'}).`);
            return undefined;
        }
        deploymentId = created.data.id;
    }
    catch (err) {
        req.warn(refusal('create a deployment', err));
        return undefined;
    }
    const post = async (state, description) => {
        try {
            await octokit.rest.repos.createDeploymentStatus({
                owner,
                repo,
                deployment_id: deploymentId,
                state,
                description: (0,_common_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .clip */ .$Q)(description, 140),
                ...(logUrl ? { log_url: logUrl } : {}),
                environment_url: req.environmentUrl,
            });
        }
        catch (err) {
            req.warn(refusal(`post the deployment status "${state}"`, err));
        }
    };
    await post('in_progress', `Watching ${req.description}`);
    req.info(`GitHub Deployment ${deploymentId} created in environment "${req.environment}".`);
    return {
        async finish(result, bound) {
            const state = deploymentStateOf(result);
            signal = bound;
            if (state)
                await post(state, `${req.service} deploy gate: ${result}`);
        },
    };
}
function refusal(what, err) {
    const status = err.status;
    const message = (0,_common_message_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .b)(err);
    const hint = status === 403 || status === 404
        ? ' Hint: the token needs `deployments: write` (add `permissions: deployments: write` to the job).'
        : '';
    return `environment: GitHub refused to ${what} (${status ? `HTTP ${status}: ` : ''}${message}); the gate goes on.${hint}`;
}


/***/ })

};
