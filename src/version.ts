export const VERSION = '0.1.0';
export const USER_AGENT = `yunxiao-deploy-gate/${VERSION}`;
