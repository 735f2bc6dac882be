//! Where a threshold comes from, in words. The catalogues (`core/data/`) and the engine's defaults name each
//! threshold's source in a short English note — "assumption (1 % of revenue)", "seed ch.4 (Datang's markets)",
//! "METHODS §1: LQ > 1 specialised", "工信部企业〔2022〕119号 (10 firms)" — which a printed Chinese report must not
//! show. [`source`] turns such a note into Chinese or plain English: "assumption" becomes 本工具设定的假设值, a
//! seed reference its chapter in words ([`seed_refs`]), the project's method notes 本工具方法说明, and the
//! explanations in brackets are looked up in a small table. A note this module does not know still never
//! puts English into the Chinese text: it reads 本工具设定的假设值 when it says "assumption", else
//! 本工具整理的依据. `present::tests` checks every note of the bundled catalogues against the Chinese allow-list.

use super::glossary::{seed_refs, Term};
use crate::lang::Lang;

/// Whole notes whose wording the generic rules below would get wrong.
const WHOLE: &[(&str, &str, &str)] = &[
    (
        "1 亿元, 10 亿元 and 20 亿元: the seed's own scale tiers (ch.4: Zhejiang's 519 clusters over 1 亿元 and 149 over 10 亿元 in 2003; Guangdong's 160 专业镇 of 20 亿元); 40 亿元: MIIT 中小企业特色产业集群 认定标准 (2022, 工信部企业〔2022〕119号); the scores: assumption",
        "1 亿元、10 亿元和 20 亿元：研究报告自身的规模分档（《湖南小城镇优化研究》第四章：2003 年浙江产值超过 1 亿元的集群 519 个、超过 10 亿元的 149 个，广东产值 20 亿元的专业镇 160 个）；40 亿元：工信部中小企业特色产业集群认定标准（2022 年，工信部企业〔2022〕119号）；得分为本工具设定的假设值",
        "0.1, 1 and 2 billion yuan: the seed's own scale tiers (Optimising Hunan's Small Towns, chapter 4: in 2003 Zhejiang had 519 clusters over 0.1 and 149 over 1 billion yuan; Guangdong 160 specialised towns of 2 billion yuan); 4 billion yuan: MIIT criteria for SME featured clusters (2022, 工信部企业〔2022〕119号); the scores: values this tool assumes",
    ),
    (
        "工信部企业〔2022〕119号 names 细分领域全国前列 but publishes no number; a 10 % national share is this tool's assumption (the seed's ch.4 examples: 嵊州领带 80 %, 古镇灯饰 60 %, 大沥铝材 40 %)",
        "工信部企业〔2022〕119号要求“细分领域全国前列”，但未给出数值；全国份额 10% 为本工具设定的假设值（《湖南小城镇优化研究》第四章的例子：嵊州领带 80%，古镇灯饰 60%，大沥铝材 40%）",
        "MIIT document 工信部企业〔2022〕119号 asks for a leading national position in a niche but gives no number; a 10 % national share is a value this tool assumes (examples in Optimising Hunan's Small Towns, chapter 4: Shengzhou ties 80 %, Guzhen lighting 60 %, Dali aluminium 40 %)",
    ),
    (
        "Bain: CR4 ≥ 75 % high, 50–74 % moderate, 25–49 % weak, < 25 % atomistic",
        "贝恩分类：CR4 ≥ 75% 为高集中寡占型，50%—74% 为中集中寡占型，25%—49% 为低集中寡占型，低于 25% 为原子型",
        "Bain's classes: CR4 ≥ 75 % highly concentrated, 50–74 % moderately, 25–49 % weakly, < 25 % atomistic",
    ),
    (
        "Chinese practice: LQ ≤ 1 自给性, 1–2 专业化, > 2 比较优势明显 (METHODS.md §1)",
        "国内通行的分档：区位商不大于 1 为自给性部门，1—2 为专业化部门，大于 2 为比较优势明显（本工具方法说明第 1 节）",
        "Chinese practice: LQ ≤ 1 self-sufficient, 1–2 specialised, > 2 clear advantage (method notes §1)",
    ),
    (
        "γ < 0.02 not very localised, 0.02–0.05 moderately, > 0.05 highly (Ellison & Glaeser 1997, as commonly cited)",
        "γ 小于 0.02 为集聚程度低，0.02—0.05 为中等集聚，大于 0.05 为高度集聚（埃里森和格莱泽 1997 年提出的通行分档）",
        "γ < 0.02 not very localised, 0.02–0.05 moderately, > 0.05 highly (Ellison & Glaeser 1997, as commonly cited)",
    ),
    (
        "10: MIIT 特色产业集群 认定标准 (2022); other breakpoints and scores: assumption",
        "10：工信部特色产业集群认定标准（2022 年）；其余分段点和得分为本工具设定的假设值",
        "10: MIIT featured-cluster criteria (2022); other breakpoints and scores: values this tool assumes",
    ),
    (
        "2.5 %: 特色小镇 criterion for technology towns (发改规划〔2021〕1383号); other breakpoints and all scores: assumption",
        "2.5%：科技类特色小镇的标准（发改规划〔2021〕1383号）；其余分段点和全部得分为本工具设定的假设值",
        "2.5 %: the featured-town criterion for technology towns (NDRC 发改规划〔2021〕1383号); other breakpoints and all scores: values this tool assumes",
    ),
    (
        "40 亿元: MIIT 中小企业特色产业集群 认定标准 (2022, 工信部企业〔2022〕119号); 5 亿元 county and 20 亿元 provincial tiers: assumption",
        "40 亿元：工信部中小企业特色产业集群认定标准（2022 年，工信部企业〔2022〕119号）；县级 5 亿元、省级 20 亿元两档为本工具设定的假设值",
        "4 billion yuan: MIIT criteria for SME featured clusters (2022, 工信部企业〔2022〕119号); the county (0.5 billion) and provincial (2 billion) tiers: values this tool assumes",
    ),
    (
        "NBS 规模以上工业: 年主营业务收入 ≥ 2000 万元 (since 2011)",
        "国家统计局规模以上工业统计标准：年主营业务收入 ≥ 2000 万元（2011 年起）",
        "NBS above-scale industry: main-business revenue ≥ 20 million yuan a year (since 2011)",
    ),
    (
        "统计上大中小微型企业划分办法: large industrial firm revenue ≥ 40 000 万元",
        "《统计上大中小微型企业划分办法》：大型工业企业营业收入 ≥ 40,000 万元",
        "NBS classification of enterprise sizes (统计上大中小微型企业划分办法): a large industrial firm has revenue ≥ 400 million yuan",
    ),
    (
        "assumption: thresholds and order of the rules are this tool's; decline rule after METHODS.md §5 (Xiqiao 1 670 → 300 firms by 1994, seed ch.4)",
        "本工具设定的假设值：各条规则的阈值和先后次序由本工具设定；衰退期规则参照本工具方法说明第 5 节（西樵纺织企业由 1670 家减至 1994 年的 300 余家，《湖南小城镇优化研究》第四章）",
        "values this tool assumes: the thresholds and order of the rules are this tool's; the decline rule follows the method notes §5 (Xiqiao: 1,670 → 300 firms by 1994, Optimising Hunan's Small Towns, chapter 4)",
    ),
    (
        "breakpoints 1 and 2: LQ bands of Chinese practice (METHODS.md §1); scores: assumption",
        "分段点 1 和 2：国内通行的区位商分档（本工具方法说明第 1 节）；得分为本工具设定的假设值",
        "breakpoints 1 and 2: the LQ bands of Chinese practice (method notes §1); scores: values this tool assumes",
    ),
    (
        "definition (share of template stages with a local firm, METHODS.md §5)",
        "按定义（有本地企业的环节占调查环节的比重，本工具方法说明第 5 节）",
        "by definition (share of the stages with a local firm, method notes §5)",
    ),
    (
        "seed study 000_c4a6e7acb6afb95f, ch.2 一 (二) 2 需求条件",
        "《湖南小城镇优化研究》第二章（一）第（二）项“需求条件”",
        "Optimising Hunan's Small Towns (《湖南小城镇优化研究》), chapter 2, part 1 (2), demand conditions",
    ),
    (
        "seed ch.6 一 (一) (建立质量调控体系)",
        "《湖南小城镇优化研究》第六章（一）第（一）项“建立质量调控体系”",
        "Optimising Hunan's Small Towns (《湖南小城镇优化研究》), chapter 6, part 1 (1): a quality-control system",
    ),
];

/// Explanations, in brackets or after a colon, and whole short notes.
const PHRASES: &[(&str, &str, &str)] = &[
    (
        "Bain's six market-structure types on CR4 as tabled in Chinese industrial-organisation textbooks",
        "国内产业组织教材所列贝恩按 CR4 划分的六种市场结构",
        "Bain's six market-structure types by CR4, as tabled in Chinese industrial-organisation textbooks",
    ),
    (
        "thresholds and order of the rules are this tool's",
        "各条规则的阈值和先后次序由本工具设定",
        "the thresholds and order of the rules are this tool's",
    ),
    ("the crowding rule", "“扎堆”规则", "the crowding rule"),
    ("decline rule", "衰退期规则", "the decline rule"),
    ("emission share vs output share", "排放份额与产值份额之比", "emission share vs output share"),
    ("energy share vs output share", "能耗份额与产值份额之比", "energy share vs output share"),
    (
        "规模以上: revenue ≥ 2000 万元, NBS",
        "规模以上：营业收入 ≥ 2000 万元，国家统计局标准",
        "above scale: revenue ≥ 20 million yuan (NBS)",
    ),
    (
        "Xiqiao 1 670 → 300 firms by 1994, seed ch.4",
        "西樵纺织企业由 1670 家减至 1994 年的 300 余家，《湖南小城镇优化研究》第四章",
        "Xiqiao: 1,670 → 300 firms by 1994, Optimising Hunan's Small Towns, chapter 4",
    ),
    ("1 % of revenue", "营业收入的 1%", "1 % of revenue"),
    (
        "1–5 judgment: 2 or below is poor",
        "按 1—5 分评价，2 分及以下为差",
        "a 1–5 judgement: 2 or below is poor",
    ),
    (
        "a market needs enough local traders",
        "本地经营户足够多，专业市场才办得起来",
        "a market needs enough local traders",
    ),
    ("support block score 0–100", "支撑条件得分，0—100 分", "support block score 0–100"),
    ("Datang's profile: 0.37", "大唐的实际结构为 0.37", "Datang's profile: 0.37"),
    ("Datang's profile: 1.6", "大唐的实际结构为 1.6", "Datang's profile: 1.6"),
    (
        "judge the chain only when 3/4 of its stages were surveyed",
        "产业链四分之三以上的环节做过调查才作判断",
        "the chain is judged only when 3/4 of its stages were surveyed",
    ),
    ("10 firms", "10 家", "10 firms"),
    ("40 亿元", "40 亿元", "4 billion yuan"),
    ("10 万元 per 亩", "每亩 10 万元", "100,000 yuan per mu"),
    ("a plan is the first step", "先有规划", "a plan is the first step"),
    (
        "transport is part of the service system",
        "交通运输是社会化服务体系的一部分",
        "transport is part of the service system",
    ),
    ("Datang's markets", "大唐的专业市场", "Datang's markets"),
    ("Guangdong's three constructions", "广东的“三大建设”", "Guangdong's three constructions"),
    ("Guangdong's 'three constructions'", "广东的“三大建设”", "Guangdong's three constructions"),
    (
        "Xiqiao's design and pattern company",
        "西樵的技术开发与制版公司",
        "Xiqiao's design and pattern company",
    ),
    ("Xiqiao's 制版公司", "西樵的制版公司", "Xiqiao's pattern-making company"),
    ("Xiqiao's decline in output", "西樵纺织业产值的下降", "Xiqiao's decline in output"),
    ("the diagnosis needs it", "诊断需要这项数据", "the diagnosis needs it"),
    ("a shrinking firm count", "企业数在减少", "a shrinking firm count"),
    (
        "the cluster's LQ falling by more than 0.02 a year over the history given; smaller moves are within survey noise",
        "集群区位商每年下降超过 0.02；更小的变化在调查误差之内",
        "the cluster's LQ falling by more than 0.02 a year over the history given; smaller moves are within survey noise",
    ),
    (
        "output stagnating (below 2 % a year) or falling, as Xiqiao's textiles in the 1990s",
        "产值停滞（年均增长低于 2%）或下降，如 20 世纪 90 年代的西樵纺织业",
        "output stagnating (below 2 % a year) or falling, as Xiqiao's textiles in the 1990s",
    ),
    (
        "high-tech firms make less than 30 % of the cluster's output, so the traditional industry is still its mainstay (seed ch.6 六 第二)",
        "高新技术企业产值不足集群产值的 30%，传统产业仍是主体（《湖南小城镇优化研究》第六章（六）中的“第二”）",
        "high-tech firms make less than 30 % of the cluster's output, so the traditional industry is still its mainstay (Optimising Hunan's Small Towns, chapter 6, part 6, second point)",
    ),
    (
        "less than half of the cluster's sales go outside the province or abroad (seed ch.6 六 第三: 国际国内两个市场)",
        "集群销往省外和境外的不足一半（《湖南小城镇优化研究》第六章（六）中的“第三”：国际国内两个市场）",
        "less than half of the cluster's sales go outside the province or abroad (Optimising Hunan's Small Towns, chapter 6, part 6, third point: the domestic and the international market)",
    ),
    (
        "clusters absorb rural surplus labour",
        "产业集群吸纳农村富余劳动力",
        "clusters absorb rural surplus labour",
    ),
    (
        "below 1 the cluster's jobs are fewer than the town's surplus workers",
        "低于 1 表示集群的就业岗位少于全镇农村富余劳动力",
        "below 1 the cluster's jobs are fewer than the town's surplus workers",
    ),
    ("Datang's ten stages", "大唐的十个环节", "Datang's ten stages"),
    (
        "Datang's raw-material and product markets",
        "大唐的原料市场和成品市场",
        "Datang's raw-material and product markets",
    ),
    ("inputs bought elsewhere", "原材料须到外地采购", "inputs bought elsewhere"),
    (
        "Zhejiang dyeing, 3.05 % of firms, 16.7 % of wastewater, 22.5 % of COD",
        "浙江印染企业占企业数的 3.05%，却排放了 16.7% 的废水和 22.5% 的化学需氧量",
        "Zhejiang dyeing: 3.05 % of firms, 16.7 % of wastewater, 22.5 % of COD",
    ),
    (
        "only where no park hosts the cluster yet",
        "仅在尚无园区承载集群时",
        "only where no park hosts the cluster yet",
    ),
    (
        "the chain template has a design stage (textiles, furniture, lighting, ceramics)",
        "产业链模板含设计环节（纺织、家具、灯饰、陶瓷）",
        "the chain template has a design stage (textiles, furniture, lighting, ceramics)",
    ),
    (
        "the chain template has a design stage",
        "产业链模板含设计环节",
        "the chain template has a design stage",
    ),
    ("no design service company yet", "尚无设计服务公司", "no design service company yet"),
    ("LQ > 1 specialised", "区位商大于 1 为专业化部门", "LQ > 1 specialised"),
    (
        "LQ ≤ 1 self-sufficient (自给性部门)",
        "区位商不大于 1 为自给性部门",
        "LQ ≤ 1 self-sufficient",
    ),
    ("leading-firm rule", "龙头企业判据", "leading-firm rule"),
    ("linear map of the 1–5 judgment", "由 1—5 分评价线性换算", "a linear map of the 1–5 judgement"),
    (
        "practitioners' LQ portfolio convention",
        "区位商组合分析的通行做法",
        "practitioners' LQ portfolio convention",
    ),
    (
        "the value most used since Flegg & Webber; Chinese provinces fit 0.05–0.075",
        "弗莱格和韦伯以来最常用的取值；中国各省的拟合值为 0.05—0.075",
        "the value most used since Flegg & Webber; Chinese provinces fit 0.05–0.075",
    ),
    (
        "large industrial firm revenue ≥ 40 000 万元",
        "大型工业企业营业收入 ≥ 40,000 万元",
        "a large industrial firm has revenue ≥ 400 million yuan",
    ),
    ("since 2011", "2011 年起", "since 2011"),
];

fn has_latin(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_alphabetic())
}

/// The index of the first `sep` outside brackets.
fn split_top(s: &str, sep: &str) -> Option<(String, String)> {
    let mut depth = 0i32;
    for (i, c) in s.char_indices() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth -= 1,
            _ if depth == 0 && s[i..].starts_with(sep) => {
                return Some((s[..i].trim().into(), s[i + sep.len()..].trim().into()));
            }
            _ => {}
        }
    }
    None
}

/// "head (inner)" → (head, inner) when the text ends with a bracket that opens at the top level.
fn trailing_bracket(s: &str) -> Option<(String, String)> {
    let body = s.strip_suffix(')')?;
    let mut depth = 0i32;
    for (i, c) in body.char_indices().rev() {
        match c {
            ')' | '）' => depth += 1,
            '(' | '（' if depth > 0 => depth -= 1,
            '(' => return Some((body[..i].trim().into(), body[i + 1..].trim().into())),
            _ => {}
        }
    }
    None
}

/// "METHODS.md §5" or "METHODS §1 …" → the section number and what follows.
fn methods_ref(s: &str) -> Option<(String, String)> {
    let rest = s
        .strip_prefix("METHODS.md")
        .or_else(|| s.strip_prefix("METHODS"))?
        .trim_start();
    let rest = rest.strip_prefix('§')?;
    let end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    Some((rest[..end].to_string(), rest[end..].trim().to_string()))
}

fn phrase(s: &str, lang: Lang) -> Option<String> {
    PHRASES
        .iter()
        .find(|(k, _, _)| *k == s)
        .map(|(_, zh, en)| lang.pick(zh, en).to_string())
}

/// One part of a note in `lang`; `None` when it cannot be put into Chinese (English needs no translation: the
/// fallback there is the note itself, with its references in words).
fn part(s: &str, lang: Lang) -> Option<String> {
    let s = s.trim();
    if let Some(p) = phrase(s, lang) {
        return Some(p);
    }
    if s == "assumption" {
        return Some(Term::Assumption.get(lang).to_string());
    }
    if s == "this tool" {
        return Some(
            lang.pick("本工具的判断", "this tool's judgement")
                .to_string(),
        );
    }
    if s == "definition" {
        return Some(lang.pick("按定义", "by definition").to_string());
    }
    if let Some((head, tail)) = split_top(s, ": ") {
        let head = part(&head, lang)?;
        return Some(match multi(&tail, lang) {
            Some(t) => format!("{head}{}{t}", lang.pick("：", ": ")),
            None => head,
        });
    }
    // An English explanation in brackets is translated on its own (a Chinese one belongs to a seed reference).
    if let Some((head, inner)) = trailing_bracket(s).filter(|(_, inner)| has_latin(inner)) {
        let head = part(&head, lang)?;
        return Some(match part(&inner, lang) {
            Some(i) => format!("{head}{}", bracket(&i, lang)),
            None => head,
        });
    }
    if let Some((head, reference)) = s.split_once(" after ") {
        let reference = reference.trim();
        if reference.starts_with("seed ") || reference.starts_with("METHODS") {
            let head = part(head, lang)?;
            let reference = part(reference, lang)?;
            return Some(match lang {
                Lang::Zh => format!("{head}参照{reference}"),
                Lang::En => format!("{head} after {reference}"),
            });
        }
    }
    if let Some(r) = s.strip_prefix("seed study") {
        let r = r.trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '_');
        let r = r.trim_start_matches([',', ' ']);
        return Some(if r.starts_with("ch.") {
            seed_refs(r, lang)
        } else {
            Term::SeedTitle.get(lang).to_string()
        });
    }
    if let Some(r) = s.strip_prefix("seed ") {
        if r.trim_start().starts_with("ch.") {
            return Some(seed_refs(r, lang));
        }
    }
    if s.starts_with("ch.") {
        return Some(seed_refs(s, lang));
    }
    if let Some((n, rest)) = methods_ref(s) {
        let head = match lang {
            Lang::Zh => format!("本工具方法说明第 {n} 节"),
            Lang::En => format!("method notes §{n}"),
        };
        return Some(if rest.is_empty() {
            head
        } else {
            match part(&rest, lang) {
                Some(r) => format!("{head}{}{r}", lang.pick("的", " ")),
                None if lang == Lang::En => format!("{head} {rest}"),
                None => head,
            }
        });
    }
    if s.starts_with("chain-templates.json colocation_rule") {
        let what = if s.contains("coverage_min") {
            lang.pick(
                "“集而不群”判据的调查覆盖率下限",
                "the survey-coverage minimum of the “co-located, not linked” rule",
            )
        } else {
            lang.pick("“集而不群”判据", "the “co-located, not linked” rule")
        };
        return Some(what.to_string());
    }
    match lang {
        Lang::Zh if !has_latin(s) => Some(
            s.replace(" (", "（")
                .replace('(', "（")
                .replace(')', "）")
                .replace(", ", "，"),
        ),
        Lang::Zh => None,
        Lang::En => Some(s.to_string()),
    }
}

/// A text that may be several parts separated by "; ": as a whole if it reads so, else part by part (every
/// part must read).
fn multi(s: &str, lang: Lang) -> Option<String> {
    if let Some(t) = part(s, lang) {
        return Some(t);
    }
    let (first, mut rest) = split_top(s, "; ")?;
    let mut out = vec![part(&first, lang)?];
    loop {
        match split_top(&rest, "; ") {
            Some((a, b)) => {
                out.push(part(&a, lang)?);
                rest = b;
            }
            None => {
                out.push(part(&rest, lang)?);
                break;
            }
        }
    }
    Some(out.join(lang.pick("；", "; ")))
}

fn bracket(s: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("（{s}）"),
        Lang::En => format!(" ({s})"),
    }
}

/// A threshold's source note in words (see the module documentation).
pub fn source(note: &str, lang: Lang) -> String {
    let note = note.trim();
    if let Some((_, zh, en)) = WHOLE.iter().find(|(k, _, _)| *k == note) {
        return lang.pick(zh, en).to_string();
    }
    if lang == Lang::En {
        return cite_in_text(&multi(note, lang).unwrap_or_else(|| note.to_string()), lang)
            .replace("METHODS.md §", "method notes §")
            .replace("METHODS §", "method notes §");
    }
    if let Some(t) = multi(note, lang) {
        return t;
    }
    let mut parts = Vec::new();
    let mut rest = note.to_string();
    while let Some((a, b)) = split_top(&rest, "; ") {
        parts.push(a);
        rest = b;
    }
    parts.push(rest);
    parts
        .iter()
        .map(|p| match part(p, lang) {
            Some(t) => t,
            None if p.contains("assumption") => Term::Assumption.get(lang).to_string(),
            None => lang
                .pick(FALLBACK_ZH, "a source this tool cites")
                .to_string(),
        })
        .collect::<Vec<_>>()
        .join(lang.pick("；", "; "))
}

/// The seed study cited inside a free text of the engine (a rule's wording, a warning): "seed ch.5" becomes
/// its chapter in words, and the Chinese "研究报告第五章" names the study by its title.
pub fn cite_in_text(text: &str, lang: Lang) -> String {
    if lang == Lang::Zh {
        return text.replace("研究报告第", &format!("{}第", Term::SeedTitle.get(lang)));
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        // A chapter reference: "ch." after a non-letter, followed by a digit.
        let found = rest.match_indices("ch.").map(|(i, _)| i).find(|&i| {
            let before = rest[..i].chars().next_back();
            !before.is_some_and(|c| c.is_ascii_alphabetic())
                && rest[i + 3..].starts_with(|c: char| c.is_ascii_digit())
        });
        let Some(i) = found else {
            break;
        };
        let mut head = &rest[..i];
        for cited in ["the seed's ", "seed study ", "seed "] {
            if let Some(h) = head.strip_suffix(cited) {
                head = h;
                break;
            }
        }
        out.push_str(head);
        let after = &rest[i..];
        let mut end = 3 + after[3..]
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(after.len() - 3);
        // A part numeral right after ("ch.6 三").
        if let Some(c) = after[end..]
            .strip_prefix(' ')
            .and_then(|r| r.chars().next())
        {
            if "一二三四五六七八九十".contains(c) {
                end += 1 + c.len_utf8();
            }
        }
        out.push_str(&crate::present::glossary::seed_chapter(&after[..end], lang));
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// What a note this module cannot read says in Chinese (rather than English).
pub const FALLBACK_ZH: &str = "本工具整理的依据";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assumptions_and_references_in_words() {
        assert_eq!(source("assumption", Lang::Zh), "本工具设定的假设值");
        assert_eq!(
            source("assumption (1 % of revenue)", Lang::Zh),
            "本工具设定的假设值（营业收入的 1%）"
        );
        assert_eq!(
            source(
                "seed ch.4 二 (Xiqiao's design and pattern company)",
                Lang::Zh
            ),
            "《湖南小城镇优化研究》第四章（二）（西樵的技术开发与制版公司）"
        );
        assert_eq!(
            source("工信部企业〔2022〕119号 (10 firms)", Lang::Zh),
            "工信部企业〔2022〕119号（10 家）"
        );
        assert_eq!(
            source("METHODS §1: LQ > 1 specialised", Lang::Zh),
            "本工具方法说明第 1 节：区位商大于 1 为专业化部门"
        );
        assert_eq!(
            source("assumption (seed ch.2: Datang's ten stages)", Lang::Zh),
            "本工具设定的假设值（《湖南小城镇优化研究》第二章：大唐的十个环节）"
        );
        assert_eq!(
            cite_in_text("x (seed ch.5: y) and seed ch.6 三.", Lang::En),
            "x (Optimising Hunan's Small Towns (《湖南小城镇优化研究》), chapter 5: y) and Optimising Hunan's Small Towns (《湖南小城镇优化研究》), chapter 6, part 3."
        );
        assert_eq!(
            cite_in_text("（研究报告第五章：湖南）", Lang::Zh),
            "（《湖南小城镇优化研究》第五章：湖南）"
        );
        // An unknown English note never reaches the Chinese text.
        assert_eq!(
            source("some new rule of thumb", Lang::Zh),
            "本工具整理的依据"
        );
        assert_eq!(
            source("assumption (a brand-new reason)", Lang::Zh),
            "本工具设定的假设值"
        );
        assert_eq!(
            source("assumption (1 % of revenue)", Lang::En),
            "a value this tool assumes (1 % of revenue)"
        );
        assert!(source("seed ch.6 三 (区位品牌)", Lang::En).contains("chapter 6, part 3"));
    }

    /// Every source note the engine and its catalogues use today reads in Chinese: no English leaks, and none
    /// falls back to the generic words. A new English note fails here: add its wording to `WHOLE` or `PHRASES`.
    #[test]
    fn every_note_in_use_reads_in_chinese() {
        fn walk(v: &serde_json::Value, out: &mut std::collections::BTreeSet<String>) {
            match v {
                serde_json::Value::Object(m) => {
                    for (k, x) in m {
                        match x {
                            serde_json::Value::String(s) if k.contains("source") => {
                                out.insert(s.clone());
                            }
                            serde_json::Value::Array(a) if k == "sources" => {
                                out.extend(a.iter().filter_map(|s| s.as_str().map(str::to_string)));
                            }
                            _ => walk(x, out),
                        }
                    }
                }
                serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
                _ => {}
            }
        }
        let mut notes = std::collections::BTreeSet::new();
        for name in crate::examples::names() {
            let text = crate::examples::get(name).expect("example");
            let d = crate::dataset::Dataset::from_json(text).expect("valid example");
            let report = serde_json::to_value(crate::analyze::analyze(&d)).expect("json");
            walk(&report, &mut notes);
        }
        let catalogue =
            serde_json::to_value(crate::measures::catalogue().expect("catalogue")).expect("json");
        walk(&catalogue, &mut notes);
        assert!(notes.len() > 30, "{} notes", notes.len());
        let bad: Vec<String> = notes
            .iter()
            .filter_map(|n| {
                let zh = source(n, Lang::Zh);
                (!crate::present::glossary::latin_ok(&zh) || zh.contains(FALLBACK_ZH))
                    .then(|| format!("{n:?} → {zh}"))
            })
            .collect();
        assert!(
            bad.is_empty(),
            "notes without Chinese wording:\n{}",
            bad.join("\n")
        );
    }
}
