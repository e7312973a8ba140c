import rule from '../../../utils/rules/narrative-percent';
import { baseReport, rangeOf, withText } from './build-report';
import { ruleTester } from './rule-tester';

function report(printed: string, percent: number, numerator?: number, denominator?: number) {
  const r = withText(baseReport(), `应答复${denominator ?? ''}件，已答复${numerator ?? ''}件，答复率${printed}。`);
  r.percents = [{ percent, at: rangeOf(r, printed), numerator, denominator }];
  return r;
}

ruleTester.run(rule, {
  valid: [
    report('100%', 100, 388, 388),
    report('66.7%', 66.7, 2, 3), // rounded
    report('66.6%', 66.6, 2, 3), // truncated
    report('98%', 98), // no numerator: nothing to check
  ],
  invalid: [
    {
      report: report('100%', 100, 380, 388),
      errors: [{ messageId: 'mismatch', location: { kind: 'text', quote: '100%' }, message: '380 ÷ 388 = 97.94%' }],
    },
    { report: report('120%', 120, 5, 6), errors: [{ messageId: 'overHundred' }] },
  ],
});
