// The licence check of each bundle (scripts/lib/licenses.ts), on webpack stats and licenses.txt
// shaped as ncc writes them.
import { describe, expect, it } from 'vitest';
import {
  allowed,
  bundledPackages,
  licenseProblems,
  licenseSummary,
  parseLicenses,
} from '../../scripts/lib/licenses.js';

const MIT_TEXT = `MIT License

Copyright (c) Example

Permission is hereby granted, free of charge, to any person obtaining a copy.`;

/** licenses.txt as ncc writes it: name, licence, text, entries joined by a blank line. */
const txt = (...entries: Array<[string, string, string]>): string =>
  entries.map(([name, license, text]) => `${name}\n${license}\n${text}`).join('\n\n');

const STATS = {
  modules: [
    { identifier: '/repo/src/index.ts', nameForCondition: '/repo/src/index.ts' },
    { nameForCondition: '/repo/node_modules/undici/lib/api/index.js' },
    {
      // a concatenated module holds its parts
      identifier: '/repo/node_modules/@actions/core/lib/core.js + 3 modules',
      modules: [
        { nameForCondition: '/repo/node_modules/@actions/core/lib/command.js' },
        { nameForCondition: '/repo/node_modules/@actions/github/node_modules/tunnel/index.js' },
      ],
    },
    { identifier: 'C:\\repo\\node_modules\\json-with-bigint\\index.js' },
    { identifier: 'node:http' },
  ],
};

describe('bundledPackages', () => {
  it('names each package whose files are in the bundle, nested and scoped ones too, once', () => {
    expect(bundledPackages(STATS)).toEqual(['@actions/core', 'json-with-bigint', 'tunnel', 'undici']);
    expect(bundledPackages({})).toEqual([]);
  });
});

describe('parseLicenses', () => {
  it('splits entries at a package name after a blank line, never inside a text', () => {
    // "tunnel" stands alone in undici's text, but not after a blank line: still undici's text
    const text = txt(['tunnel', 'MIT', MIT_TEXT], ['undici', 'MIT', `${MIT_TEXT}\ntunnel\nmore`]);
    const entries = parseLicenses(text, ['tunnel', 'undici']);
    expect([...entries.keys()]).toEqual(['tunnel', 'undici']);
    expect(entries.get('tunnel')).toEqual({ name: 'tunnel', license: 'MIT', text: MIT_TEXT });
    expect(entries.get('undici')?.text).toBe(`${MIT_TEXT}\ntunnel\nmore`);
  });
});

describe('allowed', () => {
  it.each(['MIT', 'ISC', 'Apache-2.0', 'BSD-3-Clause', '(MIT OR GPL-3.0-only)', 'MIT AND ISC'])(
    'allows %s',
    (l) => expect(allowed(l)).toBe(true),
  );
  it.each(['GPL-3.0-only', 'AGPL-3.0', 'SSPL-1.0', 'UNLICENSED', 'MIT AND GPL-2.0', 'SEE LICENSE IN x', ''])(
    'refuses %s',
    (l) => expect(allowed(l)).toBe(false),
  );
});

describe('licenseProblems', () => {
  const packages = ['@actions/core', 'tunnel', 'undici'];

  it('finds none when every bundled package has an allowed licence and its text', () => {
    const text = txt(
      ['@actions/core', 'MIT', MIT_TEXT],
      ['tunnel', 'MIT', MIT_TEXT],
      ['undici', 'MIT', MIT_TEXT],
    );
    expect(licenseProblems(packages, text)).toEqual([]);
    expect(licenseSummary(packages, text)).toBe('3 packages: MIT 3');
  });

  it('names each package that is missing, unlicensed, not allowed or without a text', () => {
    const text = txt(
      ['@actions/core', 'null', MIT_TEXT],
      ['tunnel', 'GPL-3.0-only', MIT_TEXT],
      ['undici', 'MIT', ''],
    );
    expect(licenseProblems([...packages, 'left-out'], text)).toEqual([
      '@actions/core: no licence in its package.json',
      'tunnel: licence GPL-3.0-only is not one this action may bundle',
      'undici: no licence text to ship',
      'left-out: bundled, but not in licenses.txt',
    ]);
    expect(licenseProblems(['undici'], '')).toEqual(['undici: bundled, but not in licenses.txt']);
  });
});
