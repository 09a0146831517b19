import { describe, expect, test } from 'vitest';
import { gbt7714 } from '../../src/lib/citation.ts';
import { buildRelated } from '../../src/lib/related.ts';
import { doc, reply } from '../support/records.ts';

const session = (term: number, meeting: number) => ({ body: 'cppcc', place: '某县', term, meeting });

const main = reply({ id: '2021-cppcc-5-1-12-aaa001', number: '12', session: session(5, 1), proposers: [{ name: '张三', role: '委员' }], proposalTitle: '关于加强农村饮水安全保障的提案', handlingUnit: '水利局' });
const coOpinion = reply({ id: '2021-cppcc-5-1-12-co-aaa002', kind: 'co-handling-opinion', number: '012', session: session(5, 1), proposalTitle: '关于加强农村饮水安全保障的提案', handlingUnit: '水利局', fromUnit: '财政局' });
const sameNameOtherProposal = reply({ id: '2020-cppcc-4-5-3-aaa003', number: '3', session: session(4, 5), proposers: [{ name: '张三', role: '委员' }, { name: '李四', role: '委员' }], proposalTitle: '关于发展乡村旅游的提案' });
const earlierSameTopic = reply({ id: '2019-cppcc-4-4-30-aaa004', number: '30', session: session(4, 4), proposalTitle: '关于农村饮水安全工程建设的建议' });
const unrelated = reply({ id: '2019-cppcc-4-4-31-aaa005', number: '31', session: session(4, 4), proposalTitle: '关于加强中小学校园安全的提案' });
const aDocument = doc({ id: '2019-doc-aaa006', title: '农村饮水安全工程管理办法' });
const archive = [main, coOpinion, sameNameOtherProposal, earlierSameTopic, unrelated, aDocument];

describe('related records', () => {
  const related = buildRelated(archive);

  test('a reply finds the co-handling opinion on the same proposal (number written 12 or 012)', () => {
    expect(related(main.id).sameProposal.map((r) => r.id)).toEqual([coOpinion.id]);
  });

  test('the same proposer’s other proposals', () => {
    expect(related(main.id).sameProposer.map((r) => r.id)).toEqual([sameNameOtherProposal.id]);
  });

  test('proposals on the same subject from other sessions, but not ones sharing only stop words', () => {
    const ids = related(main.id).sameTopic.map((r) => r.id);
    expect(ids).toEqual([earlierSameTopic.id]);
    expect(ids).not.toContain(unrelated.id);
  });

  test('documents and unknown ids have no relations', () => {
    expect(related(aDocument.id)).toEqual({ sameProposal: [], sameProposer: [], sameTopic: [] });
    expect(related('nope')).toEqual({ sameProposal: [], sameProposer: [], sameTopic: [] });
  });
});

describe('GB/T 7714 citation', () => {
  test('reply: unit, title [EB/OL], publication and citation dates, permalink', () => {
    const record = reply({ id: '2018-cppcc-13-2-5-abc123', title: '关于区政协十三届二次会议第5号提案的答复', handlingUnit: '宣州区招商合作服务中心', publication: { publishedDate: '2018-11-05' } });
    expect(gbt7714(record, 'https://archive.example.org/', '2026-11-22')).toBe(
      '宣州区招商合作服务中心. 关于区政协十三届二次会议第5号提案的答复[EB/OL]. (2018-11-05)[2026-11-22]. https://archive.example.org/records/2018-cppcc-13-2-5-abc123/.',
    );
  });

  test('without a unit or a date nothing is made up', () => {
    const record = doc({ id: '2019-doc-x1', title: '某文件' });
    expect(gbt7714(record, 'https://a.example/', '2026-11-22')).toBe('某文件[EB/OL]. [2026-11-22]. https://a.example/records/2019-doc-x1/.');
  });
});
