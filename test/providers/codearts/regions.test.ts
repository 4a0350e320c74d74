// The region table of codearts-api.md 1.1: every listed region, each of the three host patterns.
import { describe, expect, it } from 'vitest';
import { endpointFor, PIPELINE_ENDPOINTS, REGIONS } from '../../../src/providers/codearts/regions.js';

describe('endpointFor', () => {
  it.each([
    ['cn-north-1', 'https://cloudpipeline-ext.cn-north-1.myhuaweicloud.com'],
    ['cn-north-4', 'https://cloudpipeline-ext.cn-north-4.myhuaweicloud.com'],
    ['cn-south-1', 'https://cloudpipeline-ext.cn-south-1.myhuaweicloud.com'],
    ['cn-south-2', 'https://cloudpipeline-ext.cn-south-2.myhuaweicloud.com'],
    ['cn-east-2', 'https://cloudpipeline-ext.cn-east-2.myhuaweicloud.com'],
    ['cn-east-3', 'https://cloudpipeline-ext.cn-east-3.myhuaweicloud.com'],
    ['cn-southwest-2', 'https://cloudpipeline-ext.cn-southwest-2.myhuaweicloud.com'],
    ['ap-southeast-3', 'https://cloudpipeline-ext.ap-southeast-3.myhuaweicloud.com'],
    ['sa-brazil-1', 'https://cloudpipeline-ext.sa-brazil-1.myhuaweicloud.com'],
    ['la-north-2', 'https://cloudpipeline-ext.la-north-2.myhuaweicloud.com'],
    ['tr-west-1', 'https://pipeline-external.tr-west-1.myhuaweicloud.com'],
    ['la-south-2', 'https://pipeline-external.la-south-2.myhuaweicloud.com'],
    ['af-north-1', 'https://pipeline.af-north-1.myhuaweicloud.com'],
    ['me-east-1', 'https://pipeline.me-east-1.myhuaweicloud.com'],
    ['af-south-1', 'https://pipeline.af-south-1.myhuaweicloud.com'],
  ])('%s -> %s', (region, endpoint) => {
    expect(endpointFor(region)).toBe(endpoint);
  });

  it('lists exactly the 15 regions of the SDK tables', () => {
    expect(REGIONS).toHaveLength(15);
    expect(Object.keys(PIPELINE_ENDPOINTS).sort()).toEqual([...REGIONS].sort());
  });

  it('tolerates case and white space', () => {
    expect(endpointFor(' CN-North-4 ')).toBe('https://cloudpipeline-ext.cn-north-4.myhuaweicloud.com');
  });

  it.each(['cn-north-9', 'ap-southeast-1', '', 'constructor', '__proto__', 'toString'])(
    'an unknown region %j has no endpoint',
    (region) => {
      expect(endpointFor(region)).toBeUndefined();
    },
  );
});
