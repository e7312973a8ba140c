import type { Report } from '../../../utils/report/types';
import rule from '../../../utils/rules/narrative-sum';
import { baseReport, rangeOf, withText } from './build-report';
import { ruleTester } from './rule-tester';

/** "共{total}件，其中…" with parts given as [label, value, printed]. */
function report(total: number, parts: Array<[string, number, string?]>, approximate = false): Report {
  const text = `本年共受理申请${total}件，其中${parts.map(([l, v, p]) => `${l}${p ?? v}件`).join('、')}。`;
  const r = withText(baseReport(), text);
  let from = 0;
  r.facts = [
    {
      kind: 'other',
      value: total,
      unit: '件',
      label: '受理申请',
      at: rangeOf(r, `${total}件`),
      approximate,
      parts: parts.map(([label, value, printed]) => {
        const at = rangeOf(r, `${label}${printed ?? value}`, from);
        from = at.end;
        return { label, value, at: { start: at.start + label.length, end: at.start + label.length + String(value).length } };
      }),
    },
  ];
  return r;
}

ruleTester.run(rule, {
  valid: [
    report(364, [
      ['主动公开', 187],
      ['依申请公开', 5],
      ['不公开', 172],
    ]),
    report(13, [['主办', 9]]), // a single part may be a subset
    report(1574, [
      ['门户网站', 1264],
      ['平台', 14],
      ['其他', 200, '200余'],
    ]), // approximate part
    report(
      100,
      [
        ['甲', 60],
        ['乙', 50],
      ],
      true,
    ), // approximate total
  ],
  invalid: [
    {
      report: report(12, [
        ['予以公开', 5],
        ['不予公开', 4],
        ['无法提供', 4],
      ]),
      errors: [
        {
          messageId: 'exceeds',
          severity: 'error',
          location: { kind: 'text', quote: '12件' },
          related: [{ quote: '5' }, { quote: '4' }, { quote: '4' }],
          message: '分项之和为 13，超过了总数 12',
        },
      ],
    },
    {
      report: report(20, [
        ['甲', 5],
        ['乙', 4],
      ]),
      errors: [{ messageId: 'short', severity: 'info', en: '11 short of the total' }],
    },
    {
      // Three parts read as the whole breakdown: 5 + 4 + 2 = 11 of 20 is a warning.
      report: report(20, [
        ['甲', 5],
        ['乙', 4],
        ['丙', 2],
      ]),
      errors: [{ messageId: 'short', severity: 'warning', en: '9 short of the total' }],
    },
  ],
});
