// A workflow that runs this action from a branch (`uses: owner/repo@main`) runs whatever is pushed
// to that branch next, unreviewed: well-kept actions say so in the log. The runner gives the ref
// in GITHUB_ACTION_REF (unset for a local action, `uses: ./`). Git cannot tell a branch from a tag
// by its name alone, so a ref is taken for a tag or a commit when it reads like one: a full SHA, or
// a version (v1, v1.2, v1.2.3, 1.2.3-rc.1).
const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;
const VERSION_TAG = /^v?\d+(?:\.\d+){0,2}(?:[-+][0-9A-Za-z.+-]+)?$/;

/** The warning to log when the action runs from what looks like a branch; undefined otherwise. */
export function branchRefWarning(env: Record<string, string | undefined>): string | undefined {
  const ref = (env['GITHUB_ACTION_REF'] ?? '').trim();
  if (!ref || ref.startsWith('refs/tags/')) return undefined;
  const branch = ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
  if (branch === undefined && (FULL_SHA.test(ref) || VERSION_TAG.test(ref))) return undefined;
  const repo = env['GITHUB_ACTION_REPOSITORY'] || 'this action';
  return (
    `${repo} runs from "${branch ?? ref}", which looks like a branch: whatever is pushed to it next ` +
    'runs in this workflow. Pin a release tag (@v1, or @v1.2.3 for exactly one release) or a full commit SHA.'
  );
}
