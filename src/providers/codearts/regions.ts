// Where CodeArts Pipeline answers, per region (codearts-api.md 1.1: the SDKs' region tables, the Go
// and Python lists being identical). Three host patterns; a region not listed has no known host.
import { lookup } from '../../common/lookup.js';

/** Regions of each host pattern. */
const PATTERNS: ReadonlyArray<readonly [(region: string) => string, readonly string[]]> = [
  [
    (r) => `https://cloudpipeline-ext.${r}.myhuaweicloud.com`,
    [
      'cn-north-1',
      'cn-north-4',
      'cn-south-1',
      'cn-south-2',
      'cn-east-2',
      'cn-east-3',
      'cn-southwest-2',
      'ap-southeast-3',
      'sa-brazil-1',
      'la-north-2',
    ],
  ],
  [(r) => `https://pipeline-external.${r}.myhuaweicloud.com`, ['tr-west-1', 'la-south-2']],
  [(r) => `https://pipeline.${r}.myhuaweicloud.com`, ['af-north-1', 'me-east-1', 'af-south-1']],
];

/** Region id -> CodeArts Pipeline endpoint (no trailing slash). */
export const PIPELINE_ENDPOINTS: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(PATTERNS.flatMap(([host, regions]) => regions.map((r) => [r, host(r)]))),
);

/** Every region with a known endpoint. */
export const REGIONS: readonly string[] = Object.freeze(Object.keys(PIPELINE_ENDPOINTS));

/** The CodeArts Pipeline endpoint of a region; undefined for a region not in the table. */
export function endpointFor(region: string): string | undefined {
  const r = region.trim().toLowerCase();
  return lookup(PIPELINE_ENDPOINTS, r);
}
