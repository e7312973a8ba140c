import { extractFacts } from '../../../utils/parse/facts';
import type { ReviewGroup } from '../../../utils/report/types';
import rule from '../../../utils/rules/narrative-review-outcome';
import type { Raw } from './build-report';
import { addReviewTable, baseReport, withText } from './build-report';
import { clean2021 } from './clean-reports';
import { ruleTester } from './rule-tester';

/** Prose `text` (facts read by the parser's fact reader) beside a table 四 of the given groups. */
function report(text: string, groups: Partial<Record<ReviewGroup, Raw[]>>) {
  const r = withText(baseReport(), text);
  addReviewTable(r, groups);
  r.facts = extractFacts(r.text, []).facts;
  return r;
}

const zero = [0, 0, 0, 0, 0];

ruleTester.run(rule, {
  valid: [
    clean2021(),
    report('我区收到行政复议申请3件，均获维持。', { review: [3, 0, 0, 0, 3], litigationDirect: zero, litigationAfterReview: zero }),
    report('本年度发生行政复议2件、行政诉讼1件，均获维持，无被纠错案件。', {
      review: [2, 0, 0, 0, 2],
      litigationDirect: zero,
      litigationAfterReview: [1, 0, 0, 0, 1],
    }),
    report('发生行政诉讼4件，其中维持3件，尚未审结1件。', {
      review: zero,
      litigationDirect: [2, 0, 0, 1, 3],
      litigationAfterReview: [1, 0, 0, 0, 1],
    }),
    {
      name: '维持2件、结果纠正1件: the 2 is not read as corrected',
      report: report(
        '全年因政府信息公开工作被申请行政复议3件，其中结果维持2件、结果纠正1件；被提起行政诉讼3件，其中未经复议直接起诉2件、复议后起诉1件。',
        {
          review: [2, 1, 0, 0, 3],
          litigationDirect: [2, 0, 0, 0, 2],
          litigationAfterReview: [1, 0, 0, 0, 1],
        },
      ),
    },
    { name: 'no table 四: nothing to compare', report: withText(baseReport(), '行政复议1件，均获维持。') },
  ],
  invalid: [
    {
      name: '均获维持 while one review is pending',
      report: report('我区收到行政复议申请3件，均获维持。', {
        review: [2, 0, 0, 1, 3],
        litigationDirect: zero,
        litigationAfterReview: zero,
      }),
      errors: [
        {
          messageId: 'allUpheld',
          location: { kind: 'text', quote: '3' },
          related: [{ kind: 'cell', row: 1, col: 4 }],
          message: '正文称行政复议 3 件均获维持，而表四行政复议有尚未审结 1 件',
          en: 'The text says all administrative reviews (3) were upheld, but table 四 shows 1 pending',
          data: { stated: '3' },
        },
      ],
    },
    {
      name: 'against a group whose own sum fails: a warning',
      report: report('我区收到行政复议申请3件，均获维持。', {
        review: [2, 0, 0, 1, 1],
        litigationDirect: zero,
        litigationAfterReview: zero,
      }),
      errors: [{ messageId: 'allUpheld', severity: 'warning' }],
    },
    {
      name: 'counts of outcomes against both litigation groups',
      report: report('发生行政诉讼4件，其中维持2件，尚未审结2件。', {
        review: zero,
        litigationDirect: [2, 0, 0, 1, 3],
        litigationAfterReview: [1, 0, 0, 0, 1],
      }),
      errors: [
        {
          messageId: 'count',
          message: '正文称行政诉讼结果维持 2 件，而表四为 3 件',
          related: [
            { row: 2, col: 1 },
            { row: 3, col: 1 },
          ],
        },
        { messageId: 'count', message: '正文称行政诉讼尚未审结 2 件，而表四为 1 件' },
      ],
    },
    {
      name: '均获维持, 无被纠错 while a review was corrected',
      report: report('本年度发生行政复议2件、行政诉讼1件，均获维持，无被纠错案件。', {
        review: [1, 1, 0, 0, 2],
        litigationDirect: [1, 0, 0, 0, 1],
        litigationAfterReview: zero,
      }),
      errors: [
        { messageId: 'allUpheld', location: { quote: '2' }, message: '行政复议 2 件均获维持，而表四行政复议有结果纠正 1 件' },
        { messageId: 'count', location: { quote: '无被纠错' }, message: '正文称行政复议结果纠正 0 件，而表四为 1 件' },
      ],
    },
    {
      name: '均获维持 against a pending cell whose column was guessed: a warning that says why',
      report: (() => {
        const r = report('我区收到行政复议申请3件，均获维持。', {
          review: [2, 0, 0, 1, 3],
          litigationDirect: zero,
          litigationAfterReview: zero,
        });
        r.standard.reviewLitigation!.groups.review!.pending!.read = { placed: 'position', reason: 'split-rows' };
        return r;
      })(),
      errors: [
        {
          messageId: 'allUpheldDoubtful',
          severity: 'warning',
          message:
            '正文称行政复议 3 件均获维持，而表四行政复议有尚未审结 1 件；但表格中这一读数存疑（行政复议·尚未审结：表格按行拆开，列按位置推定），不能据此判定为错误',
        },
      ],
    },
    {
      name: 'a count against a doubtful cell: a warning',
      report: (() => {
        const r = report('发生行政诉讼4件，其中维持2件，尚未审结1件。', {
          review: zero,
          litigationDirect: [2, 0, 0, 1, 3],
          litigationAfterReview: [1, 0, 0, 0, 1],
        });
        r.standard.reviewLitigation!.groups.litigationAfterReview!.upheld!.read = { placed: 'unplaced' };
        return r;
      })(),
      errors: [
        {
          messageId: 'countDoubtful',
          severity: 'warning',
          location: { quote: '2' },
          message: '而表四为 3 件；但表格中这一读数存疑（行政诉讼（复议后起诉）·结果维持：数字没有确定的位置）',
        },
      ],
    },
  ],
});
