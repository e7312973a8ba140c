import type { Fact } from '../report/types';
import { doubtNote, withDoubt } from './lib/doubt';
import { localized } from './lib/labels';
import { textLocation } from './lib/report';
import { cellLocation, formatNumber, numberOf } from './lib/tables';
import { defineRule } from './types';

/** Two fee statements are about the same fee when they name the same one, or one names none ("费用"). */
const sameFee = (a: Fact, b: Fact) => a.label === b.label || a.label === '费用' || b.label === '费用';

const TABLE = localized(
  '正文称未收取{fee}，而表二“行政事业性收费 本年收费金额”为 {table} 万元',
  '正文稱未收取{fee}，而表二「行政事業性收費 本年收費金額」為 {table} 萬元',
  'The text says no {fee} was collected, but table 二 shows {table} (10,000 yuan) of administrative fees',
);

export default defineRule({
  id: 'narrative-fee',
  meta: {
    severity: 'error',
    category: 'prose',
    docs: {
      'zh-Hans':
        '收费说法前后一致：正文一处称“未收取（信息处理费/行政事业性收费）”，另一处（通常在六、其他需要报告的事项）写明收取了金额，报错；称未收取行政事业性收费，而 2021 版表二“行政事业性收费 本年收费金额”大于 0，报错；只说“未收取费用”而未说明哪种费用时，与表二不符仅作警告。信息处理费与表二的行政事业性收费是两回事，不相互比较。',
      en: 'Fee statements must agree: the prose saying no fee was collected (information-processing fee or administrative fees) in one place and stating an amount collected in another (usually section 六) is an error; saying no administrative fees were collected while the 2021 table 二 shows fees collected is an error; a bare "no fees" against table 二 is a warning. The information-processing fee and table 二’s administrative fees are different things and are not compared.',
      why: {
        'zh-Hans': '2021 年起年报须说明信息处理费收取情况（国办函〔2020〕109号）；“未收取”与所列金额矛盾，是评估中的扣分项。',
        en: 'Since 2021 reports must state the information-processing fees collected (国办函〔2020〕109号); "none collected" beside an amount is a defect evaluators mark down.',
      },
      fix: {
        'zh-Hans': '核实本年度是否收取了费用，统一正文各处的说法，并与表二的收费金额一致。',
        en: 'Check whether fees were collected this year, make every statement in the text say the same, and agree with the fee amount in table 二.',
      },
      example: '总体情况称“未收取任何信息处理费”，六、其他需要报告的事项称“收取信息处理费200元”。',
      severity: {
        'zh-Hans':
          '正文自相矛盾（一处称未收取、一处写明金额）为错误：两句话不可能都对。称未收取行政事业性收费而表二金额大于 0 为错误；只说“未收取费用”时不知指哪种费用，只作警告。表二金额一格读取存疑时只作警告，并写明存疑原因。',
        en: 'The prose contradicting itself (none collected in one place, an amount in another) is an error: both cannot be true. No administrative fees against a positive table 二 amount is an error; a bare "no fees" does not say which fee, so only a warning. When the table 二 amount was read with doubt, only a warning, the reason being given.',
      },
    },
    messages: {
      contradicts: {
        'zh-Hans': '正文称收取{fee} {stated} {unit}，而另一处称未收取',
        'zh-Hant': '正文稱收取{fee} {stated} {unit}，而另一處稱未收取',
        en: 'The text states {stated} {unit} of {fee} collected, but elsewhere that none was',
      },
      table: TABLE,
      tableDoubtful: withDoubt(TABLE),
    },
  },
  check(report, _context, emit) {
    if (report.source.ocrPages) return; // read by OCR: read-from-scan says it, as not checkable
    const fees = report.facts.filter((f) => f.kind === 'feeCollected');
    const none = fees.filter((f) => f.value === 0);
    if (none.length === 0) return;
    const feeName = (f: Fact) =>
      f.label === '信息处理费'
        ? localized('信息处理费', '信息處理費', 'information-processing fees')
        : f.label === '行政事业性收费'
          ? localized('行政事业性收费', '行政事業性收費', 'administrative fees')
          : localized('费用', '費用', 'fees');
    for (const paid of fees.filter((f) => f.value > 0)) {
      const against = none.filter((n) => sameFee(n, paid));
      if (against.length === 0) continue;
      emit(
        'contradicts',
        { fee: feeName(paid), stated: formatNumber(paid.value), unit: paid.unit },
        textLocation(report, paid.at),
        against.map((n) => textLocation(report, n.at)),
      );
    }
    const feeCell = report.standard.activeDisclosure?.rows.fees?.feeAmount;
    const amount = numberOf(feeCell);
    if (!feeCell || amount === null || amount <= 0) return;
    const doubt = doubtNote(
      [{ cell: feeCell, label: localized('行政事业性收费·本年收费金额', '行政事業性收費·本年收費金額', 'administrative fees / amount') }],
      report,
    );
    for (const n of none) {
      if (n.label === '信息处理费') continue;
      emit.checked?.();
      const data = { fee: feeName(n), table: formatNumber(amount) };
      // A cell read with doubt never makes an error.
      if (doubt) emit('tableDoubtful', { ...data, doubt }, textLocation(report, n.at), [cellLocation(report, feeCell)], 'warning');
      else
        emit(
          'table',
          data,
          textLocation(report, n.at),
          [cellLocation(report, feeCell)],
          n.label === '行政事业性收费' ? 'error' : 'warning',
        );
    }
  },
});
