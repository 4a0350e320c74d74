// The job summary: sections per case, escaping, fencing, and the size bound at any fleet size.
import { describe, expect, it } from 'vitest';
import { registerSecret } from '../../src/common/redact.js';
import { renderSummary, unresolvedSummary } from '../../src/report/summary.js';
import { summaryToText } from '../../scripts/lib/summary-text.js';
import { YUNXIAO_WORDS } from '../../src/providers/yunxiao/snapshot.js';
import { machine, unreachable } from '../support/orders.js';
import { act, BIG, fleet, outcomeOf, RUN, URL } from './builder.js';

const MiB = 1024 * 1024;
const bytes = (s: string): number => Buffer.byteLength(s);
/** unescaped pipes of a markdown table row */
const pipes = (row: string): number => row.split(/(?<!\\)\|/).length - 1;
const sn = (i: number): string => `host-${String(i).padStart(5, '0')}`;

const mixed = [
  machine('a1', 'Success'),
  unreachable('b2', 'Skipped', { batchNum: 2 }),
  machine('c3', 'Failed', { batchNum: 2 }),
  unreachable('d4', 'Queued', { batchNum: 3 }),
];

describe('renderSummary: headline and sections', () => {
  it.each([
    ['success', '✅ Deploy succeeded'],
    ['failure', '❌ Deploy failed'],
    ['timed-out', '⏱️ Deploy gate timed out'],
    ['cancelled', '🛑 Deploy cancelled'],
    ['in-progress', '⏳ Deploy in progress'],
  ] as const)(
    '%s: headline with the verdict, the order id and the duration; reason; facts; link',
    (result, head) => {
      const md = renderSummary(outcomeOf({ result, reason: `The run ended: ${result}.` }, mixed));
      expect(md.startsWith(`## ${head} — order ${BIG} in 3m 12s\n`)).toBe(true);
      expect(md).toContain(`The run ended: ${result}.`);
      for (const fact of [
        '| Pipeline | `7` |',
        `| Run | [\`${RUN}\`](${URL}) |`,
        '| Deploy order | `9007199254740993` |',
        '| Status | Success |',
        '| Batches | 2 / 3 |',
        '| Machines | 4: 1 succeeded, 1 failed, 1 skipped, 1 (Queued 1) other |',
        '| API | OpenAPI (central edition) |',
        '| Policy | skip-unreachable false, max-skipped 10% = 0 of 4, retry-failed 0, resume never, on-failure leave |',
      ])
        expect(md).toContain(fact);
      expect(md).toContain(`[Open the pipeline run in Yunxiao](${URL})`);
    },
  );

  it('a clean success: batches, no "Needs a look", no timeline, no logs', () => {
    const md = renderSummary(
      outcomeOf({}, [machine('a1', 'Success'), machine('a2', 'Success', { batchNum: 2 })]),
    );
    expect(md).toContain('### Batches');
    expect(md).toContain('<details><summary>Batch 2: 1 machine</summary>');
    expect(md).not.toContain('Needs a look');
    expect(md).not.toContain('### Timeline');
    expect(md).not.toContain('### Deploy logs');
  });

  it('a failure: needs a look (failed, skipped, unreachable), what this run did, timeline, logs, warnings', () => {
    const md = renderSummary(
      outcomeOf(
        {
          result: 'failure',
          logs: { c3: { lines: 'npm ERR! boom' } },
          warnings: ['Unknown status "Exploded"'],
        },
        mixed,
        [act('skip', 'b2'), act('retry', 'c3'), act('retry', 'c3', 'error')],
      ),
    );
    expect(md).toContain('### Needs a look (3)');
    expect(md).toContain('| `b2` | 10.0.0.2 | 2 | Skipped | ⚠️ unreachable | skipped by this run |');
    expect(md).toContain('| `c3` | 10.0.0.3 | 2 | Failed | ok | retried 1 time, retry refused |');
    expect(md).toContain('| `d4` | 10.0.0.4 | 3 | Queued | ⚠️ unreachable | nothing |');
    expect(md).toContain('### Timeline');
    expect(md).toContain('| 00:01:30 | skip | `b2` | ✅ ok | skip because |');
    expect(md).toContain('| 00:01:30 | retry | `c3` | ❌ Forbidden: action disabled | retry because |');
    expect(md).toContain('<details><summary>Deploy log of c3 (last lines)</summary>');
    expect(md).toContain('```text\nnpm ERR! boom\n```');
    expect(md).toContain('### Warnings\n\n- Unknown status "Exploded"');
  });

  it('a machine skipped by someone else says so', () => {
    const md = renderSummary(outcomeOf({}, [machine('s1', 'Skipped')]));
    expect(md).toContain('| `s1` | 10.0.0.1 | 1 | Skipped | ok | skipped by someone else |');
  });

  it('cancelled from the workflow: says whether the order was stopped or left running, with the link', () => {
    const stopped = renderSummary(outcomeOf({ result: 'cancelled', stoppedOnCancel: true }, mixed));
    expect(stopped).toContain(`the deploy order was **stopped**. [See it in Yunxiao](${URL}).`);
    const left = renderSummary(outcomeOf({ result: 'cancelled', stoppedOnCancel: false }, mixed));
    expect(left).toContain(`the deploy order was **left running**. [Follow it in Yunxiao](${URL}).`);
    expect(renderSummary(outcomeOf({ result: 'cancelled' }, mixed))).not.toContain('was cancelled:');
  });

  it('no order read: the verdict and what is known, no machine sections', () => {
    const md = renderSummary(outcomeOf({ result: 'timed-out', reason: 'No deploy order in 10m.' }, null));
    expect(md).toContain(`## ⏱️ Deploy gate timed out — order ${BIG} in 3m 12s`);
    expect(md).toContain('| Status | not read |');
    expect(md).toContain('| Machines | — |');
    expect(md).not.toContain('### Batches');
    expect(md).not.toContain('Needs a look');
  });

  it('classic API, an artifact link, and no link when the URL is not http(s)', () => {
    const md = renderSummary(
      outcomeOf({
        apiKind: 'classic',
        artifactUrl: 'https://emas.example/a (1).zip?x=1',
        resolved: { pipelineId: '7', deployOrderId: BIG, deployUrl: 'javascript:alert(1)' },
      }),
    );
    expect(md).toContain('| API | classic (AccessKey) |');
    expect(md).toContain('| Artifact | [download](https://emas.example/a%20%281%29.zip?x=1) |');
    expect(md).not.toContain('javascript:');
  });
});

describe('renderSummary: text from outside', () => {
  it('escapes |, <, > and newlines in table cells', () => {
    const evil = 'a|b<script>x</script>\nc';
    const md = renderSummary(
      outcomeOf(
        { result: 'failure', reason: 'bad <img src=x onerror=alert(1)>\n## not a heading' },
        [machine(evil, 'Failed', { ip: '1.2.3.4|<b>\n5', status: 'Failed' }), machine('ok', 'Weird|<i>')],
        [act('retry', evil, 'error', { detail: 'HTTP 500 | <html>\n</html>' })],
      ),
    );
    // Outside code spans (where markdown shows text as it is) no tag survives.
    const outsideCode = md.replace(/`[^`\n]*`/g, '');
    expect(outsideCode).not.toMatch(/<(script|img|b|i|html)\b/);
    expect(md).not.toContain('\n## not a heading');
    expect(md).toContain('`a\\|b<script>x</script> c`');
    expect(md).toContain('1.2.3.4\\|&lt;b&gt; 5');
    // Every row keeps its column count.
    const rows = md.split('\n').filter((l) => l.startsWith('| `a'));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(pipes(row)).toBe(7);
    const timelineRow = md.split('\n').find((l) => l.startsWith('| 00:01:30'));
    expect(timelineRow && pipes(timelineRow)).toBe(6);
    expect(timelineRow).toContain('HTTP 500 \\| &lt;html&gt; &lt;/html&gt;');
  });

  it('a log with ``` inside stays inside its fence', () => {
    const log = 'step 1\n```\nnot code\n````\n\u001b[31mred\u001b[0m\nlast line';
    const md = renderSummary(
      outcomeOf({ result: 'failure', logs: { 'x<y>': { lines: log } } }, [machine('x<y>', 'Failed')]),
    );
    const m = /\n(`{3,})text\n([\s\S]*?)\n\1\n/.exec(md);
    expect(m?.[1]).toBe('`````');
    expect(m?.[2]).toBe('step 1\n```\nnot code\n````\nred\nlast line');
    expect(md).toContain('Deploy log of x&lt;y&gt; (last lines)');
  });

  it('the no-deploy-order summary shows its reason as text: no image, no link, no bidi', () => {
    const reason =
      'ListPipelineJobs failed: HTTP 403 Forbidden: <img src="https://track.example/p.png"> [click](https://phish.example/x) see www.phish.example \u202e\u001b]8;;https://evil\u0007y';
    const md = unresolvedSummary(reason, YUNXIAO_WORDS, [
      { key: 'pipelineId', label: 'Pipeline', id: '1234567' },
    ]);
    expect(md).not.toContain('<img');
    expect(md).not.toContain('](https://');
    expect(md).not.toMatch(/https:\/\/|www\.phish/);
    expect(md).not.toMatch(/[\u202e\u001b\u0007]/);
    expect(md).toContain('&lt;img src=');
    expect(md).toContain('Pipeline `1234567`.');
    expect(md).toContain('no deploy order to watch');
  });

  it('an e-mail address is not made a link', () => {
    const md = renderSummary(
      outcomeOf({ result: 'failure', reason: 'ask ops@phish.example or xmpp:me@phish.example' }),
    );
    expect(md).not.toMatch(/\w@\w/);
    expect(summaryToText(md)).toContain('ops@');
  });

  it('a secret of this run is redacted wherever a value from the server holds it', () => {
    registerSecret('pt-summarySecret_0123456789');
    const md = renderSummary(
      outcomeOf(
        {
          result: 'failure',
          reason: 'echo pt-summarySecret_0123456789',
          logs: { m1: { lines: 'x pt-summarySecret_0123456789' } },
        },
        [machine('sn-pt-summarySecret_0123456789', 'Failed')],
      ),
    );
    expect(md).not.toContain('summarySecret');
    expect(md).toContain('echo \\*\\*\\*');
  });

  it('bare links in a reason are not made links', () => {
    const md = renderSummary(outcomeOf({ result: 'failure', reason: 'see https://phish.example/login now' }));
    expect(md).not.toContain('https://phish');
    expect(summaryToText(md)).toContain('see https://phish.example/login now');
  });

  it('a log shows when the deploy ran, by Yunxiao’s clock', () => {
    const md = renderSummary(
      outcomeOf(
        {
          result: 'failure',
          logs: {
            m1: { lines: 'x', began: '2020-05-29T17:33:20.000Z', ended: '2020-05-29T17:35:01.000Z' },
          },
        },
        [machine('m1', 'Failed')],
      ),
    );
    expect(md).toContain('Deploy log of m1 (last lines, 2020-05-29 17:33:20–2020-05-29 17:35:01 UTC)');
  });

  it('a long log keeps its last lines', () => {
    const log = Array.from({ length: 2000 }, (_, i) => `line ${i}`).join('\n');
    const md = renderSummary(outcomeOf({ logs: { m1: { lines: log } } }, [machine('m1', 'Failed')]));
    expect(md).toContain('line 1999\n```');
    expect(md).not.toContain('line 10\n');
  });
});

describe('renderSummary: size', () => {
  it('10,000 machines, 300 failed and 200 skipped: under 1 MiB, every failed and skipped machine listed', () => {
    const ms = fleet(10_000, (i) => (i < 300 ? 'Failed' : i < 500 ? 'Skipped' : 'Success'));
    const md = renderSummary(outcomeOf({ result: 'failure' }, ms));
    expect(bytes(md)).toBeLessThan(1_000_000);
    expect(md).toContain('### Needs a look (500)');
    const listed = new Set([...md.matchAll(/^\| `(host-\d{5})` \|/gm)].map((x) => x[1]));
    for (let i = 0; i < 500; i++) expect(listed.has(sn(i))).toBe(true);
    // Successes are counted per batch, not listed.
    expect(listed.has(sn(9999))).toBe(false);
    expect(md).toContain('successes are counted above rather than listed');
    expect(md).toMatch(/\| 20 \| 500 \| 475 \| 15 \| 10 \| 0 \|/);
    expect(md).not.toContain('more machines not shown');
  });

  it('10,000 failed machines with long names: under maxBytes, with the truncation line', () => {
    const long = (i: number): string => `a-very-long-machine-serial-number-${'x'.repeat(120)}-${i}`;
    const ms = fleet(10_000, () => 'Failed', 50, long);
    const logs = Object.fromEntries(ms.slice(0, 500).map((m) => [m.machineSn, { lines: 'E'.repeat(5000) }]));
    const taken = ms.slice(0, 1000).map((m) => act('retry', m.machineSn));
    const o = outcomeOf({ result: 'failure', logs: logs, warnings: ['w'.repeat(5000)] }, ms, taken);
    for (const maxBytes of [1_000_000, 200_000, 20_000]) {
      const md = renderSummary(o, { maxBytes });
      expect(bytes(md)).toBeLessThanOrEqual(maxBytes);
      const shown = [...md.matchAll(/^\| `a-very-long/gm)].length;
      const note = /\*\*(\d+) more machines not shown; see the JSON report/.exec(md);
      expect(shown).toBeGreaterThan(0);
      expect(Number(note?.[1]) + shown).toBe(10_000);
      expect(md).toContain(`[Open the pipeline run in Yunxiao](${URL})`);
    }
  });

  it('never reaches 1 MiB, whatever maxBytes says', () => {
    const ms = fleet(20_000, () => 'Failed');
    expect(bytes(renderSummary(outcomeOf({ result: 'failure' }, ms), { maxBytes: 5 * MiB }))).toBeLessThan(
      MiB,
    );
  });

  it('maxUnitRows: lists every machine per batch below it, only unfinished ones above it', () => {
    const ms = fleet(40, (i) => (i === 0 ? 'Failed' : i < 5 ? 'Running' : 'Success'), 4);
    const listed = (md: string): number => [...md.matchAll(/^\| `host-/gm)].length;
    const all = renderSummary(outcomeOf({}, ms), { maxUnitRows: 100 });
    expect(listed(all)).toBe(40 + 1); // every machine in its batch, and the failed one under Needs a look
    const few = renderSummary(outcomeOf({}, ms), { maxUnitRows: 10 });
    expect(listed(few)).toBe(4 + 1); // the Running ones, and the failed one under Needs a look
    expect(few).toContain('successes are counted above rather than listed');
  });

  it('many actions: the timeline is capped with a note', () => {
    const taken = Array.from({ length: 500 }, (_, i) => act('retry', `m${i}`));
    const md = renderSummary(outcomeOf({}, [machine('m1', 'Success')], taken));
    expect([...md.matchAll(/^\| 00:01:30 \| retry/gm)]).toHaveLength(200);
    expect(md).toContain('_300 more actions in the JSON report._');
  });
});

describe('renderSummary: links of any length', () => {
  // A server's build products with URLs of 100,000 characters (8 MB of them fit an answer) took the
  // room of the table that must list the failed units: the failure was not shown.
  it('a URL too long to be a link is shown as no link, and the failed units are still listed', () => {
    const long = `https://cdn.example/${'a'.repeat(100_000)}`;
    const artifacts = Array.from({ length: 50 }, (_, i) => ({ name: `app-${i}.jar`, url: long }));
    const md = renderSummary(
      outcomeOf({ result: 'failure', artifacts, artifactUrl: long }, mixed, [act('skip', 'b2')]),
    );
    expect(md).toContain('### Needs a look (3)');
    expect(md).toContain('- app-0.jar');
    expect(md).not.toContain('cdn.example');
    expect(bytes(md)).toBeLessThan(100_000);
  });
});

describe('renderSummary: the row of groups', () => {
  it('a status that is a name of an object property is shown as a word', () => {
    const o = outcomeOf({ result: 'failure' }, mixed);
    const groups = ['constructor', 'toString', '__proto__', 'FAILED'].map((status, i) => ({
      name: `S${i}`,
      status,
      phase: status === 'FAILED' ? ('failed' as const) : ('unknown' as const),
    }));
    const md = renderSummary({ ...o, snapshot: { ...o.snapshot!, groups } });
    expect(md).toContain('| • constructor | • toString | • \\_\\_proto\\_\\_ | ❌ FAILED |');
    expect(md).not.toContain('native code');
  });

  it("each group's icon comes from its phase, whatever the provider's word", () => {
    const o = outcomeOf({ result: 'failure' }, mixed);
    const phases = ['succeeded', 'paused', 'pending', 'skipped', 'cancelled', 'running'] as const;
    const groups = phases.map((phase, i) => ({ name: `S${i}`, status: `word${i}`, phase }));
    const md = renderSummary({ ...o, snapshot: { ...o.snapshot!, groups } });
    expect(md).toContain('| ✅ word0 | ⏸️ word1 | ⚪ word2 | ⏭️ word3 | 🛑 word4 | 🔄 word5 |');
  });
});

describe('summaryToText', () => {
  it('drops tags, keeps tables readable, undoes escapes', () => {
    const md = renderSummary(
      outcomeOf(
        { result: 'failure', logs: { 'a|b': { lines: 'ERR <html>\n```\n**x**' } } },
        [machine('a|b', 'Failed'), machine('c_d', 'Skipped')],
        [act('skip', 'c_d')],
      ),
    );
    const text = summaryToText(md);
    expect(text).not.toMatch(/<\/?(details|summary)/);
    expect(text).toContain(`❌ Deploy failed — order ${BIG} in 3m 12s`);
    expect(text).toContain('▸ Batch 1: 2 machines');
    expect(text).not.toContain('|---');
    const row = text.split('\n').find((l) => l.startsWith('a|b'));
    expect(row).toMatch(/^a\|b\s+10\.0\.0\.1\s+1\s+Failed\s+ok\s+nothing$/);
    expect(text).toMatch(/^c_d\s+10\.0\.0\.1\s+1\s+Skipped\s+ok\s+skipped by this run$/m);
    // The log excerpt as it is, without its fences.
    expect(text).toContain('▸ Deploy log of a|b (last lines)\n\n    ERR <html>\n    ```\n    **x**\n');
    expect(text).not.toContain('````');
  });
});
