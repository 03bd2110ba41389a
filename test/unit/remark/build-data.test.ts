import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { access } from '../../../src/model/bus/api';
import { claims } from '../../../src/model/claims/api';
import { compare } from '../../../src/model/compare/api';
import { GUEST_IOREMAPS } from '../../../src/model/cross-arch';
import { KERNEL_VERSIONS, NEWEST_KERNEL } from '../../../src/model/linux/versions';
import remarkBuildData, { type CompareTableData } from '../../../src/remark/build-data';

function attributesOf(mdx: string, component = 'ClaimsTable'): { name?: string; value?: unknown }[][] {
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkBuildData);
  const tree = processor.runSync(processor.parse(mdx));
  const found: { name?: string; value?: unknown }[][] = [];
  visit(tree, (node) => {
    const el = node as { type: string; name?: string; attributes?: { name?: string; value?: unknown }[] };
    if (el.type === 'mdxJsxFlowElement' && el.name === component) found.push(el.attributes ?? []);
  });
  return found;
}

describe('remark plugin: build-time data for <ClaimsTable />, <CompareTable /> and <Timeline />', () => {
  it('gives the table the claims() answer as JSON', () => {
    const [attrs] = attributesOf('# Claims\n\n<ClaimsTable />\n');
    const data = attrs?.find((a) => a.name === 'data')?.value;
    const answer = claims();
    if (!answer.ok) throw new Error(answer.error.message);
    expect(JSON.parse(String(data))).toEqual(answer.result.claims);
  });

  it('leaves other elements alone', () => {
    expect(attributesOf('<Example name="intro/four-layers" />\n')).toEqual([]);
  });

  it('gives the compare table the kernels it offers and compare() for every guest mapping at the newest kernel', () => {
    const [attrs] = attributesOf('<CompareTable />\n', 'CompareTable');
    const data = JSON.parse(String(attrs?.find((a) => a.name === 'data')?.value)) as CompareTableData;
    expect(data.kernels).toEqual(KERNEL_VERSIONS);
    expect(data.kernel).toBe(NEWEST_KERNEL);
    expect(data.results).toEqual(
      GUEST_IOREMAPS.map((guestMapping) => ({ guestMapping, answer: compare({ guestMapping, kernel: NEWEST_KERNEL }) })),
    );
  });

  it("computes the compare table's rows at its kernel attribute, and fails the build naming a kernel compare() refuses", () => {
    const [attrs] = attributesOf('<CompareTable kernel="6.8" />\n', 'CompareTable');
    const data = JSON.parse(String(attrs?.find((a) => a.name === 'data')?.value)) as CompareTableData;
    expect(data.kernel).toBe('6.8');
    expect(data.results.map((r) => r.answer)).toEqual(GUEST_IOREMAPS.map((guestMapping) => compare({ guestMapping, kernel: '6.8' })));
    expect(() => attributesOf('<CompareTable kernel="9.9" />\n', 'CompareTable')).toThrow(
      /<CompareTable kernel="9.9" \/>: compare\(\) failed at build time: .*kernel/,
    );
  });

  it("gives the timeline access() for its first choice: the component's defaults, or its literal props", () => {
    const dataOf = (mdx: string) => JSON.parse(String(attributesOf(mdx, 'Timeline')[0]?.find((a) => a.name === 'data')?.value));
    expect(dataOf('<Timeline />\n')).toEqual(access({ accessor: 'writel', memoryType: 'Normal-NC', kernel: NEWEST_KERNEL }));
    expect(dataOf('<Timeline accessor="__iowrite64_copy" memoryType="Device-nGnRE" kernel="6.8" bytes={128} />\n')).toEqual(
      access({ accessor: '__iowrite64_copy', memoryType: 'Device-nGnRE', kernel: '6.8', bytes: 128 }),
    );
    expect(dataOf('<Timeline accessor="st64b" memoryType="Normal-WB" hostKernel="6.8" locationSupportsLs64={false} />\n')).toEqual(
      access({ accessor: 'st64b', memoryType: 'Normal-WB', kernel: NEWEST_KERNEL, hostKernel: '6.8', locationSupportsLs64: false }),
    );
  });

  it('fails the build naming the timeline prop it cannot answer', () => {
    expect(() => attributesOf('<Timeline accessor="outl" />\n', 'Timeline')).toThrow(
      /<Timeline accessor \/>: accessor must be one of writel/,
    );
    expect(() => attributesOf('<Timeline kernel="9.9" />\n', 'Timeline')).toThrow(
      /<Timeline kernel \/>: access\(\) failed at build time: .*kernel/,
    );
    expect(() => attributesOf('<Timeline bytes={size} />\n', 'Timeline')).toThrow(
      '<Timeline bytes={size} />: build-time data needs a literal value here',
    );
  });
});
