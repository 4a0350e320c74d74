// The one version is package.json's: the bundler inlines this one field (not the rest of the file),
// so a release changes package.json alone and the next build carries it.
import pkg from '../package.json' with { type: 'json' };

export const VERSION: string = pkg.version;
export const USER_AGENT = `yunxiao-deploy-gate/${VERSION}`;
