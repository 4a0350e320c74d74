// A baseline for `npm run bench`: the least a Node action can do before its first request. A
// CommonJS script that sends one GET with node:http to INPUT_ENDPOINT and exits when answered. The
// bench runs it exactly as it runs the gates and times it the same way, to the first request.
/* global process, require */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const http = require('node:http');

http.get(process.env.INPUT_ENDPOINT + '/baseline', (res) => res.resume());
