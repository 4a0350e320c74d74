// The repositories a run is started on, from the pipeline's definition, and the params sent.
import { describe, expect, it } from 'vitest';
import { repositoriesOf, runParams, yamlRepositories } from '../../../src/providers/yunxiao/sources.js';
import { withRegexInputsAtMost } from '../../support/regex-guard.js';

const YAML = `# a YAML pipeline
sources:
  repo_shop:
    type: codeup
    name: shop
    endpoint: https://codeup.aliyun.com/acme/shop.git  # the shop
    branch: master
    certificate:
      type: serviceConnection
      endpoint: not-a-repository
  repo_lib:
    type: github
    endpoint: "https://github.com/acme/lib.git"

  repo_cfg:
    endpoint: 'https://codeup.aliyun.com/acme/cfg.git'
stages:
  build:
    endpoint: https://not.a.source/
`;

describe('yamlRepositories', () => {
  it('reads the endpoint of each source, plain or quoted, not those of nested mappings or other keys', () => {
    expect(yamlRepositories(YAML)).toEqual([
      'https://codeup.aliyun.com/acme/shop.git',
      'https://github.com/acme/lib.git',
      'https://codeup.aliyun.com/acme/cfg.git',
    ]);
  });

  it('CRLF line ends, and a repository named twice once', () => {
    const text =
      'sources:\r\n  a:\r\n    endpoint: https://x/a.git\r\n  b:\r\n    endpoint: https://x/a.git\r\n';
    expect(yamlRepositories(text)).toEqual(['https://x/a.git']);
  });

  it.each([
    ['no sources', 'stages:\n  build: {}\n'],
    ['flow style', 'sources: {a: {endpoint: https://x/a.git}}\n'],
    [
      'an anchor or a block scalar',
      'sources:\n  a:\n    endpoint: *url\n  b:\n    endpoint: |\n      https://x\n',
    ],
    ['an empty endpoint', 'sources:\n  a:\n    endpoint:\n'],
    ['sources nested under another key', 'other:\n  sources:\n    a:\n      endpoint: https://x/a.git\n'],
  ])('%s: nothing, rather than a guess', (_what, text) => {
    expect(yamlRepositories(text)).toEqual([]);
  });

  // GetPipeline's YAML is the server's text: a line of a million spaces between two characters made
  // /\s+#.*$/ (the comment) quadratic, hours at the 8 MB the answer may have. A line is looked at
  // up to 4096 characters; a longer one gives no URL.
  it('a line of a million characters: no regex looks at more than its start, and it gives no URL', () => {
    const text = `sources:\n  a:\n    endpoint: a${' '.repeat(1_000_000)}b\n  b:\n    endpoint: https://x/b.git # b\n`;
    expect(withRegexInputsAtMost(4096, () => yamlRepositories(text))).toEqual(['https://x/b.git']);
  });

  it('a comment starts at the first # after white space', () => {
    const text = 'sources:\n  a:\n    endpoint: https://x/a.git#frag  \t # the repo # more\n';
    expect(yamlRepositories(text)).toEqual(['https://x/a.git#frag']);
  });

  it("the definition's own list first; the YAML only when it lists none", () => {
    expect(repositoriesOf({ repositories: ['https://x/own.git'], flow: YAML })).toEqual([
      'https://x/own.git',
    ]);
    expect(repositoriesOf({ repositories: [], flow: YAML })).toHaveLength(3);
    expect(repositoriesOf({ repositories: [] })).toEqual([]);
  });
});

describe('runParams', () => {
  const repos = ['https://x/a.git', 'https://x/b.git'];

  it('a branch on every repository, the variables as envs, the comment', () => {
    expect(
      runParams(
        {
          branch: 'main',
          variables: [
            { name: 'A', value: '1' },
            { name: '__proto__', value: 'kept as a name' },
          ],
          comment: 'hi',
        },
        repos,
      ),
    ).toEqual({
      runningBranchs: { 'https://x/a.git': 'main', 'https://x/b.git': 'main' },
      envs: JSON.parse('{"A":"1","__proto__":"kept as a name"}') as Record<string, string>,
      comment: 'hi',
    });
  });

  it('a tag the same way; nothing asked, nothing sent', () => {
    expect(runParams({ tag: 'v1', variables: [] }, repos)).toEqual({
      runningTags: { 'https://x/a.git': 'v1', 'https://x/b.git': 'v1' },
    });
    expect(runParams({ variables: [] }, repos)).toEqual({});
  });

  it('a variable named __proto__ stays a variable in the JSON sent', () => {
    const p = runParams({ variables: [{ name: '__proto__', value: 'x' }] }, []);
    expect(JSON.stringify(p)).toBe('{"envs":{"__proto__":"x"}}');
  });
});
