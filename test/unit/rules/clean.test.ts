import { describe, expect, it } from 'vitest';
import { runRules } from '../../../utils/rules';
import { renderFinding } from '../../../utils/rules/render';
import { clean2019, clean2021 } from './clean-reports';

describe('hand-written clean reports', () => {
  for (const [name, build] of [
    ['2019 tables', clean2019],
    ['2021 tables', clean2021],
  ] as const) {
    it(`${name}: no error and no warning`, () => {
      const findings = runRules(build());
      expect(findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule}: ${renderFinding(f, 'zh-Hans')}`)).toEqual([]);
      expect(findings.filter((f) => f.rule === 'internal-error')).toEqual([]);
    });
  }
});
