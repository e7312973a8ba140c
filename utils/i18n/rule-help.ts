/* Generated from the rules' meta docs by `npx tsx cli/rule-help.ts > utils/i18n/rule-help.ts`. Do not edit by hand:
   test/unit/panel/rule-help.test.ts fails when this file drifts. zh-Hant: opencc cn → tw, quotes as 「」. */
import type { RuleHelp } from '../rules/help-source';

export const RULE_HELP: Readonly<Record<string, RuleHelp>> = {
  "applications-balance": {
    "why": {
      "zh-Hans": "这是表格表头自己写明的勾稽关系；不成立说明有申请“凭空出现”或“下落不明”。错误（error）：只有在参与加总的每一格都确定读对了位置（网格单元格或列确定的文本表）时才报；任何一项的位置是推测的，就不报错误，而由 guessed-rows 提示。",
      "zh-Hant": "這是表格表頭自己寫明的勾稽關係；不成立說明有申請「憑空出現」或「下落不明」。錯誤（error）：只有在參與加總的每一格都確定讀對了位置（網格單元格或列確定的文本表）時才報；任何一項的位置是推測的，就不報錯誤，而由 guessed-rows 提示。",
      "en": "The table header states this relation itself; when it fails, applications appear from nowhere or go missing. Error: only when every term of the sum was read with certainty (a grid cell, or a text table whose columns are certain); a sum with any guessed term is never an error, guessed-rows notes it instead."
    },
    "fix": {
      "zh-Hans": "对照申请台账逐列核对：本年新收与上年结转之和，应等于本年办结（（七）总计）与结转下年度之和；改正填错的单元格后重新发布年报。",
      "zh-Hant": "對照申請臺賬逐列核對：本年新收與上年結轉之和，應等於本年辦結（（七）總計）與結轉下年度之和；改正填錯的單元格後重新發布年報。",
      "en": "Check each column against the register of applications: new plus carried over must equal handled ((7) total) plus carried forward; correct the wrong cell and republish the report."
    }
  },
  "applications-outcome-sum": {
    "why": {
      "zh-Hans": "办理结果各项之和必须等于总计，否则总计或某项结果填错。错误（error）：只有在参与加总的每一格都确定读对了位置（网格单元格或列确定的文本表）时才报；任何一项的位置是推测的，就不报错误，而由 guessed-rows 提示。",
      "zh-Hant": "辦理結果各項之和必須等於總計，否則總計或某項結果填錯。錯誤（error）：只有在參與加總的每一格都確定讀對了位置（網格單元格或列確定的文本表）時才報；任何一項的位置是推測的，就不報錯誤，而由 guessed-rows 提示。",
      "en": "The outcomes must add up to the total handled; otherwise the total or one outcome is wrong. Error: only when every term of the sum was read with certainty (a grid cell, or a text table whose columns are certain); a sum with any guessed term is never an error, guessed-rows notes it instead."
    },
    "fix": {
      "zh-Hans": "把（一）至（六）各项办理结果逐项加总，与（七）总计对照；找出漏填、重填或填错行的格并改正。",
      "zh-Hant": "把（一）至（六）各項辦理結果逐項加總，與（七）總計對照；找出漏填、重填或填錯行的格並改正。",
      "en": "Add up outcomes (1) to (6) item by item and compare them with (7) total; find the cell left out, counted twice or entered on the wrong row, and correct it."
    }
  },
  "applications-row-sum": {
    "why": {
      "zh-Hans": "总计列是六类申请人之和；不一致说明某一格或总计填错。错误（error）：只有在参与加总的每一格都确定读对了位置（网格单元格或列确定的文本表）时才报；任何一项的位置是推测的，就不报错误，而由 guessed-rows 提示。",
      "zh-Hant": "總計列是六類申請人之和；不一致說明某一格或總計填錯。錯誤（error）：只有在參與加總的每一格都確定讀對了位置（網格單元格或列確定的文本表）時才報；任何一項的位置是推測的，就不報錯誤，而由 guessed-rows 提示。",
      "en": "The total column is the sum of the six applicant columns; a difference means a cell or the total is wrong. Error: only when every term of the sum was read with certainty (a grid cell, or a text table whose columns are certain); a sum with any guessed term is never an error, guessed-rows notes it instead."
    },
    "fix": {
      "zh-Hans": "把该行各申请人栏相加，与“总计”栏对照，改正错的那一格。",
      "zh-Hant": "把該行各申請人欄相加，與「總計」欄對照，改正錯的那一格。",
      "en": "Add up the applicant columns of the row, compare the sum with the total column, and correct the wrong cell."
    }
  },
  "review-litigation-sum": {
    "why": {
      "zh-Hans": "每一起复议或诉讼必有一种结果或尚未审结；总计与四项之和不符说明数据有误。错误（error）：只有在参与加总的每一格都确定读对了位置（网格单元格或列确定的文本表）时才报；任何一项的位置是推测的，就不报错误，而由 guessed-rows 提示。",
      "zh-Hant": "每一起復議或訴訟必有一種結果或尚未審結；總計與四項之和不符說明數據有誤。錯誤（error）：只有在參與加總的每一格都確定讀對了位置（網格單元格或列確定的文本表）時才報；任何一項的位置是推測的，就不報錯誤，而由 guessed-rows 提示。",
      "en": "Every case has one outcome or is pending, so the four must add up to the total. Error: only when every term of the sum was read with certainty (a grid cell, or a text table whose columns are certain); a sum with any guessed term is never an error, guessed-rows notes it instead."
    },
    "fix": {
      "zh-Hans": "把结果维持、结果纠正、其他结果、尚未审结四项相加，与该组“总计”对照并改正。",
      "zh-Hant": "把結果維持、結果糾正、其他結果、尚未審結四項相加，與該組「總計」對照並改正。",
      "en": "Add up upheld, corrected, other and pending, compare the sum with the group's total, and correct it."
    }
  },
  "invalid-value": {
    "why": {
      "zh-Hans": "件数不可能为负或为小数；填文字的单元格无法参与核对。错误（error）：负数或小数放在确定的计数列里，本身就是错的；位置是推测的单元格只报警告（warning），因为它可能属于允许小数或负数的金额、增减列；填文字报警告。",
      "zh-Hant": "件數不可能為負或為小數；填文字的單元格無法參與核對。錯誤（error）：負數或小數放在確定的計數列裡，本身就是錯的；位置是推測的單元格只報警告（warning），因為它可能屬於允許小數或負數的金額、增減列；填文字報警告。",
      "en": "A count cannot be negative or fractional, and a cell holding text cannot take part in any check. Error: a negative or fractional value in a count column read with certainty is wrong in itself; in a cell whose column is a guess it is a warning, as it may belong to an amount or 本年增/减 column; text is a warning."
    },
    "fix": {
      "zh-Hans": "计数格只填非负整数，没有发生的填 0；不要填“若干”、文字说明或小数，说明放到正文中。",
      "zh-Hant": "計數格只填非負整數，沒有發生的填 0；不要填「若干」、文字說明或小數，說明放到正文中。",
      "en": "Write only whole non-negative numbers in count cells, 0 when there were none; no \"若干\", words or decimals: explanations go in the text."
    }
  },
  "table-missing": {
    "why": {
      "zh-Hans": "三张表是年报的核心数据；图片表格无法检索、无法核对，也无法被读屏软件读出。",
      "zh-Hant": "三張表是年報的核心數據；圖片表格無法檢索、無法核對，也無法被讀屏軟件讀出。",
      "en": "The three tables are the core data of the report; a table pasted as an image cannot be searched, checked or read aloud."
    },
    "fix": {
      "zh-Hans": "按国办规定的格式在该部分补上统计表，表格用文字（HTML 表格或可复制文本）发布。",
      "zh-Hant": "按國辦規定的格式在該部分補上統計表，表格用文字（HTML 表格或可複製文本）發佈。",
      "en": "Add the statistical table to the part in the format the State Council General Office prescribes, published as text (an HTML table or copyable text)."
    }
  },
  "outdated-format": {
    "why": {
      "zh-Hans": "过时的格式缺少新增的统计项（如（六）其他处理的三个细项），数据无法与其他机关比较。",
      "zh-Hant": "過時的格式缺少新增的統計項（如（六）其他處理的三個細項），數據無法與其他機關比較。",
      "en": "The old format lacks the new statistics (e.g. the three kinds of (6) other handling), so the data cannot be compared with other agencies."
    },
    "fix": {
      "zh-Hans": "按国办公开办函〔2021〕30号的格式重新制作表格和标题，并改正所引用的文件文号。",
      "zh-Hant": "按國辦公開辦函〔2021〕30號的格式重新制作表格和標題，並改正所引用的文件文號。",
      "en": "Redo the tables and headings in the format of 国办公开办函〔2021〕30号 and correct the document number cited."
    }
  },
  "implausible-regulations": {
    "why": {
      "zh-Hans": "规章是法定的立法形式；无权制定的机关填报规章数会误导公众并暴露填报错误。",
      "zh-Hant": "規章是法定的立法形式；無權制定的機關填報規章數會誤導公眾並暴露填報錯誤。",
      "en": "规章 are a statutory form of legislation; a count from an agency with no such power misleads readers and reveals a filing error."
    },
    "fix": {
      "zh-Hans": "核实“规章”一行：本机关无权制定规章的，把数字移到“规范性文件”或其他相应的行，并改正合计。",
      "zh-Hant": "核實「規章」一行：本機關無權制定規章的，把數字移到「規範性文件」或其他相應的行，並改正合計。",
      "en": "Check the 规章 row: an agency that cannot make rules should move the number to 规范性文件 or the row it belongs to, and correct the totals."
    }
  },
  "section-numbering": {
    "why": {
      "zh-Hans": "编号跳跃往往意味着整段内容被删掉或漏贴（例如从“三、”直接跳到“六、”）。",
      "zh-Hant": "編號跳躍往往意味著整段內容被刪掉或漏貼（例如從「三、」直接跳到「六、」）。",
      "en": "A gap in numbering often means a whole part was deleted or never pasted (e.g. 三 followed by 六)."
    },
    "fix": {
      "zh-Hans": "把同一级标题的编号按顺序重排（一、二、三……），并检查被跳过的编号处是否漏了内容。",
      "zh-Hant": "把同一級標題的編號按順序重排（一、二、三……），並檢查被跳過的編號處是否漏了內容。",
      "en": "Renumber the headings of the level in order (一、二、三…) and check whether content is missing where a number was skipped."
    }
  },
  "section-missing": {
    "why": {
      "zh-Hans": "格式由国办公开办函统一规定；缺少部分意味着应报告的内容没有报告。",
      "zh-Hant": "格式由國辦公開辦函統一規定；缺少部分意味著應報告的內容沒有報告。",
      "en": "The format is fixed by the General Office; a missing part means something that must be reported was not."
    },
    "fix": {
      "zh-Hans": "按规定的六个部分补齐缺少的部分；该部分确实没有内容的，也保留标题并写明“无”及原因。",
      "zh-Hant": "按規定的六個部分補齊缺少的部分；該部分確實沒有內容的，也保留標題並寫明「無」及原因。",
      "en": "Add the missing part of the six required; when it really has nothing to report, keep its heading and say so and why."
    }
  },
  "blank-cells": {
    "why": {
      "zh-Hans": "空白不等于 0：核对时可以按 0 计算，但必须说明；全空的关系不能当作“成立”。提示（info）：空白本身不一定是错误；只有总计空白而其他项有数字、或全表没有数字时升为警告（warning），因为这些关系无从核对；从不报错误。",
      "zh-Hant": "空白不等於 0：核對時可以按 0 計算，但必須說明；全空的關係不能當作「成立」。提示（info）：空白本身不一定是錯誤；只有總計空白而其他項有數字、或全表沒有數字時升為警告（warning），因為這些關係無從核對；從不報錯誤。",
      "en": "A blank is not a stated zero: sums may read it as 0 but must say so, and an all-blank relation must never count as holding. Info: a blank is not in itself wrong; a blank total beside filled terms, or a table with no number at all, is a warning because nothing can be checked; never an error."
    },
    "fix": {
      "zh-Hans": "空白格填 0 或实际数字，不要留空或填“/”“-”“无”；这样各项加总才能核对。",
      "zh-Hant": "空白格填 0 或實際數字，不要留空或填「/」「-」「無」；這樣各項加總才能核對。",
      "en": "Fill blank cells with 0 or the real number, never blank, \"/\", \"-\" or \"无\", so that the sums can be checked."
    }
  },
  "guessed-rows": {
    "why": {
      "zh-Hans": "按推测的列去核算，得出的“错误”可能只是读取的错误，而不是报告的错误；一次误报比一次漏报更损害信任，所以只作提示（info），并说明原因，留给读者判断。",
      "zh-Hant": "按推測的列去核算，得出的「錯誤」可能只是讀取的錯誤，而不是報告的錯誤；一次誤報比一次漏報更損害信任，所以只作提示（info），並說明原因，留給讀者判斷。",
      "en": "A sum over guessed columns may report an error of the reading, not of the report, and a false error costs more trust than a miss: so it is only a note (info) that says why, for the reader to judge."
    },
    "fix": {
      "zh-Hans": "对照原表核对提示中列出的数值；原表本身如果错位（表头重复、单元格缺失），请改正表格的排版后重新发布。",
      "zh-Hant": "對照原表核對提示中列出的數值；原表本身如果錯位（表頭重複、單元格缺失），請改正表格的排版後重新發布。",
      "en": "Check the listed values against the original table; if the table itself is misaligned (a repeated header, missing cells), fix its layout and republish."
    }
  },
  "table-as-picture": {
    "why": {
      "zh-Hans": "政府信息应当便于公众获取和利用；图片表格把数据锁在图片里，无障碍读者和数据使用者都无法利用。",
      "zh-Hant": "政府信息應當便於公眾獲取和利用；圖片表格把數據鎖在圖片裡，無障礙讀者和數據使用者都無法利用。",
      "en": "Disclosed information should be easy to obtain and use; a table as a picture locks its data away from assistive technology and from anyone reusing the figures."
    },
    "fix": {
      "zh-Hans": "把统计表以文字表格（HTML 表格或可复制文本）重新发布，图片可以保留作为附件。",
      "zh-Hant": "把統計表以文字表格（HTML 表格或可複製文本）重新發布，圖片可以保留作為附件。",
      "en": "Republish the table as a text table (HTML or copyable text); the picture may stay as an attachment."
    }
  },
  "problems-section": {
    "why": {
      "zh-Hans": "第三方评估把“问题及改进”空泛或照搬模板列为年报质量的扣分项；这一部分是公众了解机关自我评价的唯一处。",
      "zh-Hant": "第三方評估把「問題及改進」空泛或照搬模板列為年報質量的扣分項；這一部分是公眾瞭解機關自我評價的唯一處。",
      "en": "Evaluators mark down an empty or boilerplate problems section; it is the only place where the agency assesses itself."
    },
    "fix": {
      "zh-Hans": "写明本年度工作中存在的具体问题和对应的改进措施，不要只写“无”或套话。",
      "zh-Hant": "寫明本年度工作中存在的具體問題和對應的改進措施，不要只寫「無」或套話。",
      "en": "Say which concrete problems the year's work had and what will be done about each; not just \"无\" or stock phrases."
    }
  },
  "declared-parts": {
    "why": {
      "zh-Hans": "声明与内容不符，说明导语是从别的年份照抄的，或者有部分被删掉。",
      "zh-Hant": "聲明與內容不符，說明導語是從別的年份照抄的，或者有部分被刪掉。",
      "en": "A mismatch shows the introduction was copied from another year, or a part was removed."
    },
    "fix": {
      "zh-Hans": "让“共N个部分”与实际列出的部分和正文的一级标题数一致：改正数字，或补上缺少的部分。",
      "zh-Hant": "讓「共N個部分」與實際列出的部分和正文的一級標題數一致：改正數字，或補上缺少的部分。",
      "en": "Make \"共N个部分\" agree with the parts listed and the top-level headings: correct the number or add the missing part."
    }
  },
  "narrative-sum": {
    "why": {
      "zh-Hans": "正文里的合计与分项对不上，读者无法判断哪个数字是真的。",
      "zh-Hant": "正文裡的合計與分項對不上，讀者無法判斷哪個數字是真的。",
      "en": "When a total and its breakdown disagree, readers cannot tell which figure is true."
    },
    "fix": {
      "zh-Hans": "核对正文中“其中”列出的各项：各项之和不应超过总数；漏列的项目补上，或改正总数。",
      "zh-Hant": "核對正文中「其中」列出的各項：各項之和不應超過總數；漏列的項目補上，或改正總數。",
      "en": "Check the items listed after 其中: they must not add up to more than the total; add the missing item or correct the total."
    }
  },
  "narrative-percent": {
    "why": {
      "zh-Hans": "百分比算错会让“按时答复率100%”之类的结论失去可信度。",
      "zh-Hant": "百分比算錯會讓「按時答覆率100%」之類的結論失去可信度。",
      "en": "A wrong percentage discredits claims like \"100% answered on time\"."
    },
    "fix": {
      "zh-Hans": "用所写的分子除以分母重新计算百分比，改正百分比或所引用的数字。",
      "zh-Hant": "用所寫的分子除以分母重新計算百分比，改正百分比或所引用的數字。",
      "en": "Recompute the percentage from the numerator and denominator given, and correct the percentage or the figures."
    }
  },
  "narrative-vs-table": {
    "why": {
      "zh-Hans": "同一份报告里正文和表格数字打架，是年报最常见的数据质量问题之一。",
      "zh-Hant": "同一份報告里正文和表格數字打架，是年報最常見的數據質量問題之一。",
      "en": "Prose figures that contradict the report’s own tables are among the most common data-quality defects."
    },
    "fix": {
      "zh-Hans": "以统计表和台账为准，核对正文中的数字，改正正文或表格中错的一处，使两者一致。",
      "zh-Hant": "以統計表和臺賬為準，核對正文中的數字，改正正文或表格中錯的一處，使兩者一致。",
      "en": "Take the table and the register as reference, check the figure in the text, and correct whichever of the two is wrong so that they agree."
    }
  },
  "narrative-review-outcome": {
    "why": {
      "zh-Hans": "“均获维持”是报告常用的结论句，表四却显示有案件被纠正或尚未审结，说明结论或表格有一处不实。",
      "zh-Hant": "「均獲維持」是報告常用的結論句，表四卻顯示有案件被糾正或尚未審結，說明結論或表格有一處不實。",
      "en": "A report often concludes \"all upheld\" while its own table shows a corrected or pending case: either the claim or the table is untrue."
    },
    "fix": {
      "zh-Hans": "按表四的行政复议、行政诉讼结果改写正文的说法，或改正表四中填错的格。",
      "zh-Hant": "按表四的行政複議、行政訴訟結果改寫正文的說法，或改正表四中填錯的格。",
      "en": "Reword the text to match the review and litigation outcomes of table 四, or correct the wrong cell of table 四."
    }
  },
  "narrative-vs-disclosure": {
    "why": {
      "zh-Hans": "现行有效文件数是公众查找依据的基础数据，正文和表格不一致时读者无所适从。",
      "zh-Hant": "現行有效文件數是公眾查找依據的基礎數據，正文和表格不一致時讀者無所適從。",
      "en": "The number of documents in force is what the public relies on; prose and table disagreeing leaves readers unsure."
    },
    "fix": {
      "zh-Hans": "核对现行有效规范性文件、规章的件数，使正文与表二一致；两者统计口径不同的，在正文中写明。",
      "zh-Hant": "核對現行有效規範性文件、規章的件數，使正文與表二一致；兩者統計口徑不同的，在正文中寫明。",
      "en": "Check the count of documents in force so that the text and table 二 agree; where they count differently, say so in the text."
    }
  },
  "narrative-year": {
    "why": {
      "zh-Hans": "照抄往年报告是评估中常见的问题；读者会把往年的数字当成本年的。",
      "zh-Hant": "照抄往年報告是評估中常見的問題；讀者會把往年的數字當成本年的。",
      "en": "Copying last year’s report is a defect evaluators often find; readers take last year’s figure for this year’s."
    },
    "fix": {
      "zh-Hans": "把正文中的年份和数字改成本报告年度的；确实是同比的，写明“与上年相比”。",
      "zh-Hant": "把正文中的年份和數字改成本報告年度的；確實是同比的，寫明「與上年相比」。",
      "en": "Change the year and the figure in the text to the report's own year; when it is a comparison, say \"compared with last year\"."
    }
  },
  "narrative-fee": {
    "why": {
      "zh-Hans": "2021 年起年报须说明信息处理费收取情况（国办函〔2020〕109号）；“未收取”与所列金额矛盾，是评估中的扣分项。",
      "zh-Hant": "2021 年起年報須說明信息處理費收取情況（國辦函〔2020〕109號）；「未收取」與所列金額矛盾，是評估中的扣分項。",
      "en": "Since 2021 reports must state the information-processing fees collected (国办函〔2020〕109号); \"none collected\" beside an amount is a defect evaluators mark down."
    },
    "fix": {
      "zh-Hans": "核实本年度是否收取了费用，统一正文各处的说法，并与表二的收费金额一致。",
      "zh-Hant": "核實本年度是否收取了費用，統一正文各處的說法，並與表二的收費金額一致。",
      "en": "Check whether fees were collected this year, make every statement in the text say the same, and agree with the fee amount in table 二."
    }
  },
  "truncated-sentence": {
    "why": {
      "zh-Hans": "截断的句子说明发布时内容丢失（复制粘贴不完整或转换出错），读者看不到完整信息。",
      "zh-Hant": "截斷的句子說明發布時內容丟失（複製粘貼不完整或轉換出錯），讀者看不到完整信息。",
      "en": "A cut-off sentence means content was lost when publishing (an incomplete paste or a conversion error)."
    },
    "fix": {
      "zh-Hans": "对照原稿补全被截断的句子或段落，闭合书名号和括号，然后重新发布。",
      "zh-Hant": "對照原稿補全被截斷的句子或段落，閉合書名號和括號，然後重新發布。",
      "en": "Restore the cut sentence or paragraph from the draft, close the title marks and brackets, and republish."
    }
  },
  "late-publication": {
    "why": {
      "zh-Hans": "按时发布是《条例》的法定要求，也是社科院透明度指数的评分项。",
      "zh-Hant": "按時發佈是《條例》的法定要求，也是社科院透明度指數的評分項。",
      "en": "Publishing on time is required by the Regulations and scored by the CASS transparency index."
    },
    "fix": {
      "zh-Hans": "按期发布年报（县级以上政府部门次年 1 月 31 日前，本级政府次年 3 月 31 日前）；已经迟发的，在网站上注明实际发布日期。",
      "zh-Hant": "按期發佈年報（縣級以上政府部門次年 1 月 31 日前，本級政府次年 3 月 31 日前）；已經遲發的，在網站上註明實際發佈日期。",
      "en": "Publish on time (departments by 31 January, governments by 31 March of the next year); when late, show the real publication date on the site."
    }
  },
  "statistics-period": {
    "why": {
      "zh-Hans": "统计期限写错（少字、年份不对）说明报告是从别的年份改写而来，数据口径存疑。",
      "zh-Hant": "統計期限寫錯（少字、年份不對）說明報告是從別的年份改寫而來，數據口徑存疑。",
      "en": "A garbled or wrong-year period suggests the report was edited from another year, so its data are in doubt."
    },
    "fix": {
      "zh-Hans": "把统计期限写为“本报告中所列数据的统计期限自YYYY年1月1日起至YYYY年12月31日止”，年份为报告年度。",
      "zh-Hant": "把統計期限寫為「本報告中所列數據的統計期限自YYYY年1月1日起至YYYY年12月31日止」，年份為報告年度。",
      "en": "Write the statistics period as 1 January to 31 December of the report's year, in full."
    }
  },
  "carry-over": {
    "why": {
      "zh-Hans": "结转的申请不会凭空增减；两年对不上说明其中一年的数据有误。",
      "zh-Hant": "結轉的申請不會憑空增減；兩年對不上說明其中一年的數據有誤。",
      "en": "Carried-over applications cannot appear or vanish between years; a mismatch means one year’s data are wrong."
    },
    "fix": {
      "zh-Hans": "核对两年的申请台账：本年“上年结转”应等于上年“结转下年度继续办理”；改正错的一年，或在正文中说明差异的原因。",
      "zh-Hant": "核對兩年的申請臺賬：本年「上年結轉」應等於上年「結轉下年度繼續辦理」；改正錯的一年，或在正文中說明差異的原因。",
      "en": "Check both years' registers: this year's carried over must equal last year's carried forward; correct the wrong year or explain the difference in the text."
    }
  },
  "regulations-continuity": {
    "why": {
      "zh-Hans": "现行有效的规章和规范性文件数量是存量，逐年应当能接得上；接不上说明统计口径或填报有误。",
      "zh-Hant": "現行有效的規章和規範性文件數量是存量，逐年應當能接得上；接不上說明統計口徑或填報有誤。",
      "en": "The number of rules in force is a stock that should carry from year to year; a break suggests a filing error or a changed basis."
    },
    "fix": {
      "zh-Hans": "核对两年的文件台账：上年现行有效数加本年制发、减本年废止，应等于本年现行有效数；改正数字或在正文中说明。",
      "zh-Hant": "核對兩年的文件臺賬：上年現行有效數加本年制發、減本年廢止，應等於本年現行有效數；改正數字或在正文中說明。",
      "en": "Check both years' document registers: last year's in force plus this year's issued minus repealed must equal this year's in force; correct the figures or explain in the text."
    }
  },
  "copied-text": {
    "why": {
      "zh-Hans": "照抄往年报告（只改年份和数字）是评估中常见的问题，说明年报没有反映当年工作。",
      "zh-Hant": "照抄往年報告（只改年份和數字）是評估中常見的問題，說明年報沒有反映當年工作。",
      "en": "Copying last year’s report with only the years and numbers changed is a common defect; the report says nothing about the year."
    },
    "fix": {
      "zh-Hans": "按本年度的实际工作重写与往年雷同的段落，特别是工作情况、问题和改进措施。",
      "zh-Hant": "按本年度的實際工作重寫與往年雷同的段落，特別是工作情況、問題和改進措施。",
      "en": "Rewrite the passages shared with the other year from this year's actual work, especially the work done, the problems and the measures."
    }
  },
  "hierarchy-sum": {
    "why": {
      "zh-Hans": "督查和评估按地区汇总数据；上级报告的总数与下级之和不符，说明有报告漏报、重报或抄错。也可能上级只报本级数据：因此是警告，由用户判断。",
      "zh-Hant": "督查和評估按地區彙總數據；上級報告的總數與下級之和不符，說明有報告漏報、重報或抄錯。也可能上級只報本級數據：因此是警告，由用戶判斷。",
      "en": "Supervisors add figures up by region; a parent total that differs from its children’s sum means a report left something out, counted twice or copied wrongly. The parent may also report only its own office: hence a warning for the user to judge."
    },
    "fix": {
      "zh-Hans": "核对上级报告的数字是否应包含下级的数字：应包含的，改正合计；不应包含的，在资料库中取消这个上下级标记。",
      "zh-Hant": "核對上級報告的數字是否應包含下級的數字：應包含的，改正合計；不應包含的，在資料庫中取消這個上下級標記。",
      "en": "Check whether the parent's figures should include its children's: if so, correct the totals; if not, remove the parent–child mark in the library."
    }
  },
  "read-from-scan": {
    "why": {
      "zh-Hans": "识别时漏掉或认错一个字（如“议”“诉讼”），标题就对不上、数字就不相等；把这当作报告的错误会冤枉发布机关。",
      "zh-Hant": "識別時漏掉或認錯一個字（如「議」「訴訟」），標題就對不上、數字就不相等；把這當作報告的錯誤會冤枉發佈機關。",
      "en": "A character dropped or misread by OCR (议, 诉讼) is enough for a heading not to match or a number to differ; calling that the report’s error would wrong the agency."
    },
    "fix": {
      "zh-Hans": "对照扫描原件核对这一处；发布机关应同时发布可复制文字的版本（网页或文字版 PDF）。",
      "zh-Hant": "對照掃描原件核對這一處；發佈機關應同時發佈可複製文字的版本（網頁或文字版 PDF）。",
      "en": "Check the place against the scanned original; the agency should also publish a version with copyable text (a web page or a text PDF)."
    }
  }
};
