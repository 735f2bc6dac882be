//! Every user-interface string in Chinese (default) and English.
//!
//! Keys are an enum, so a missing translation is a compile error rather than a blank label.

use clustercalc_core::Lang;
use leptos::prelude::*;

macro_rules! texts {
    ($($key:ident => $zh:literal, $en:literal;)*) => {
        /// A user-interface string.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum T { $($key),* }

        impl T {
            pub fn get(self, lang: Lang) -> &'static str {
                match self { $(T::$key => lang.pick($zh, $en)),* }
            }
        }
    };
}

texts! {
    AppTitle => "小城镇产业集群计算器", "Town Cluster Calculator";
    AppSubtitle => "区位熵、集群成熟度、乘数与对策建议——全部在本机浏览器中计算，数据不离开本机。",
        "Location quotients, cluster maturity, multipliers and measures, computed in your browser; no data leaves this device.";
    SwitchLanguage => "English", "中文";
    SwitchLanguageLabel => "切换到英文界面", "Switch to the Chinese interface";
    TownSection => "乡镇基本情况", "Town";
    TownName => "乡镇名称", "Town name";
    ReferenceName => "参照区域", "Reference area";
    ReferenceHint => "如：所在县、湖南省或全国。区位熵以它为基准。", "e.g. the county, Hunan province or China. LQs compare the town with it.";
    IndustriesSection => "行业就业", "Employment by industry";
    IndustriesHint => "按 GB/T 4754-2017 大类填写。本镇就业与参照区域就业的单位须一致（人）。",
        "By GB/T 4754-2017 division. Town and reference employment in the same unit (persons).";
    Code => "行业代码", "Code";
    Industry => "行业", "Industry";
    TownEmployment => "本镇就业（人）", "Town employment (persons)";
    ReferenceEmployment => "参照区域就业（人）", "Reference employment (persons)";
    AddIndustry => "添加行业", "Add industry";
    RemoveIndustry => "删除", "Remove";
    RemoveIndustryLabel => "删除此行业", "Remove this industry";
    UnknownCode => "不是 GB/T 4754-2017 的大类代码", "not a GB/T 4754-2017 division code";
    NotANumber => "请输入不小于 0 的数字", "enter a number ≥ 0";
    ResultsSection => "区位熵（LQ）", "Location quotients (LQ)";
    LqFormula => "LQ = (本镇该行业就业 ÷ 本镇总就业) ÷ (参照区域该行业就业 ÷ 参照区域总就业)",
        "LQ = (town industry employment ÷ town total) ÷ (reference industry employment ÷ reference total)";
    Band => "分档", "Band";
    BandSelfSufficient => "自给性部门（LQ ≤ 1）", "Self-sufficient (LQ ≤ 1)";
    BandSpecialised => "专业化部门（1 < LQ ≤ 2）", "Specialised (1 < LQ ≤ 2)";
    BandClearAdvantage => "比较优势明显（LQ > 2）", "Clear advantage (LQ > 2)";
    Krugman => "克鲁格曼专业化指数", "Krugman specialisation index";
    Hoover => "胡佛系数", "Hoover coefficient";
    ChartLq => "各行业区位熵（虚线：LQ = 1 与 LQ = 2）", "LQ by industry (dashed: LQ = 1 and LQ = 2)";
    NeedData => "至少填写一个行业的本镇就业和参照区域就业，即可看到区位熵。",
        "Enter town and reference employment for at least one industry to see location quotients.";
    InputProblem => "输入有误", "Input problem";
    Variant => "口径", "Variant";
    VariantLqEmployment => "就业口径，分母为全部就业", "employment, denominator all employment";
    // Result views: maturity, chain, multipliers, checklists, region (one block).
    ResultsTabsLabel => "结果视图", "Result views";
    TabMaturity => "成熟度", "Maturity";
    TabChain => "产业链", "Value chain";
    TabMultipliers => "乘数与情景", "Multipliers and scenarios";
    TabChecklists => "认定条件", "Checklists";
    TabRegion => "县域", "County";
    NoReport => "数据尚不完整，暂无结果。", "The data is not complete yet: no results.";
    ExplainFormula => "公式", "Formula";
    ExplainInputs => "代入", "Inputs";
    ExplainSource => "来源", "Source";
    ExplainVariant => "口径", "Variant";
    MaturitySection => "集群成熟度", "Cluster maturity";
    MaturityFormula => "成熟度指数 = Σ（维度权重 × 维度得分），维度得分为可计算指标得分的平均（0–100）",
        "Maturity index = Σ (dimension weight × dimension score); a dimension score is the mean of its computable indicator scores (0–100)";
    Dimension => "维度", "Dimension";
    Score => "得分", "Score";
    Weight => "权重", "Weight";
    IndicatorsComputable => "可计算指标", "Computable indicators";
    Confidence => "置信度（有数据的权重占比）", "Confidence (share of weight with data)";
    WeightsOrigin => "权重来源", "Weights from";
    WeightsEqual => "等权", "equal weights";
    WeightsUser => "用户设定", "set by the user";
    WeightsAhp => "层次分析法（AHP）", "AHP comparisons";
    MatAhpConsistent => "一致性可接受", "consistent";
    MatAhpInconsistent => "一致性不足（CR ≥ 0.1）", "inconsistent (CR ≥ 0.1)";
    MissingDimensions => "缺少数据的维度", "Dimensions without data";
    ChartMaturityRadar => "各维度得分雷达图（0–100）", "Dimension scores, radar (0–100)";
    DecidingRule => "判定规则", "Deciding rule";
    Window => "计算区间", "Window";
    Periods => "分期判定", "By period";
    Period => "时期", "Period";
    NoStage => "无法判定", "not decided";
    ChainSection => "产业链", "Value chain";
    ChainStage => "环节", "Stage";
    Firms => "企业数", "Firms";
    StageKindLabel => "类型", "Kind";
    KindFinal => "最终产品", "final";
    KindIntermediate => "中间环节", "intermediate";
    KindService => "服务", "service";
    StagePresent => "有", "present";
    StageMissing => "缺失", "missing";
    StageUnsurveyed => "未调查", "not surveyed";
    Share => "占比", "Share";
    WeightedCompleteness => "加权完整度", "Weighted completeness";
    ZhaduiIndex => "“扎堆”指数（最大环节企业占比）", "扎堆 index (share of firms in the largest stage)";
    FinalIntermediateRatio => "最终/中间企业比", "Final / intermediate firms";
    Colocated => "集而不群（扎堆而不成链）", "Co-located, not linked (集而不群)";
    FlagYes => "是", "yes";
    FlagNo => "否", "no";
    FlagUnknown => "无法判定", "cannot be judged";
    Assumption => "假设", "assumption";
    MissingStages => "缺失环节", "Missing stages";
    ChartChain => "产业链环节示意（红色虚框：缺失环节）", "Value-chain stages (red dashed: missing)";
    MultipliersSection => "乘数与情景", "Multipliers and scenarios";
    EconomicBaseFormula => "经济基础乘数 = 总就业 ÷ 基本部门就业", "Economic-base multiplier = total employment ÷ basic employment";
    Range => "区间（区位商法—调查法）", "Range (LQ method – assignment)";
    Caveat => "注意", "Caveat";
    BasicEmployment => "基本部门就业", "Basic employment";
    KeynesFormLabel => "形式", "Form";
    KeynesBand => "敏感区间", "Band";
    KeynesInputs => "消费倾向 c、税率 t、进口（漏出）率 m", "propensity to consume c, tax rate t, import (leakage) rate m";
    IoMultipliers => "投入产出产出乘数（里昂惕夫逆矩阵列和）", "I-O output multipliers (column sums of the Leontief inverse)";
    Sector => "部门", "Sector";
    OutputMultiplier => "产出乘数", "Output multiplier";
    Scenarios => "情景", "Scenarios";
    ScenarioColumn => "情景", "Scenario";
    DirectJobs => "直接就业", "Direct jobs";
    IndirectJobs => "间接就业", "Indirect jobs";
    InducedJobs => "引致就业", "Induced jobs";
    IndirectInducedJobs => "间接与引致就业", "Indirect and induced jobs";
    TotalJobs => "总就业", "Total jobs";
    Absorption => "可吸纳的农村富余劳动力比例", "Share of rural surplus labour absorbed";
    MultiplierUsed => "所用乘数", "Multiplier used";
    Metric => "指标", "Metric";
    Baseline => "基线", "Baseline";
    ScenarioValue => "情景", "Scenario";
    ChartImpacts => "情景就业影响（直接 / 间接 / 引致，堆叠）", "Scenario job impacts (direct / indirect / induced, stacked)";
    ChecklistsSection => "认定条件对照", "Designation checklists";
    Criterion => "条件", "Criterion";
    Status => "状态", "Status";
    Met => "符合", "met";
    NotMet => "不符合", "not met";
    StatusUnknown => "数据不足", "unknown";
    NotApplicable => "不适用", "not applicable";
    ValueShown => "数值", "Value";
    Threshold => "门槛", "Threshold";
    Gap => "差距", "Gap";
    Qualifies => "结论", "Verdict";
    QualifiesYes => "满足全部条件", "meets every criterion";
    QualifiesNo => "未满足全部条件", "does not meet every criterion";
    QualifiesUnknown => "数据不足，无法判定", "not enough data to decide";
    ChartChecklists => "各条件状态（绿：符合，红：不符合，灰：数据不足）", "Criteria (green: met, red: not met, grey: unknown)";
    RegionSection => "县域分析（区域模式）", "County analysis (region mode)";
    Town => "乡镇", "Town";
    ChartHeatmap => "乡镇 × 行业区位熵热力图（颜色越深 LQ 越高）", "Town × industry LQ heat map (darker = higher LQ)";
    EgGamma => "EG 指数 γ", "EG index γ";
    EgBandLabel => "集聚程度", "Localisation";
    EgHigh => "高度集聚（γ > 0.05）", "high (γ > 0.05)";
    EgModerate => "中度集聚", "moderate";
    EgNotLocalised => "集聚不明显（γ < 0.02）", "not localised (γ < 0.02)";
    EgNoEmployment => "无企业就业数据", "no firm employment";
    EgSingleFirm => "只有一家企业", "a single firm";
    EgSingleArea => "全部就业在一个乡镇", "all employment in one town";
    Gini => "区位基尼系数", "Locational Gini";
    ShiftShareSection => "偏离—份额分析", "Shift-share analysis";
    Change => "变化", "Change";
    NationalShare => "参照增长分量", "Reference growth";
    IndustryMix => "结构分量", "Industry mix";
    RegionalShift => "竞争（区位）分量", "Regional shift";
    ChartShiftShare => "偏离—份额分解（蓝：参照增长，橙：结构，绿：竞争）", "Shift-share components (blue: reference growth, orange: mix, green: shift)";
    Total => "合计", "Total";
    TownOutput => "本镇产值（万元）", "Town output (10k yuan)";
    County => "所属县（市、区）", "County";
    Province => "省份", "Province";
    Year => "年份", "Year";
    AreaKm2 => "镇域面积", "Area";
    UnitKm2 => "平方公里", "km²";
    UnitPersons => "人", "persons";
    Population => "常住人口", "Resident population";
    LabourForce => "劳动力", "Labour force";
    Employed => "从业人员", "Employed persons";
    RuralSurplus => "农村富余劳动力", "Rural surplus labour";
    ExpectedRange => "请输入范围内的数字：", "enter a number in the range";
    StartHeading => "开始", "Start";
    StepStart => "开始", "Start";
    StartIntro => "新建一个乡镇，或打开研究报告中的案例（大唐袜业、西樵纺织等）。所有数据只保存在本机浏览器中。",
        "Start a new town, or open a case from the study (Datang hosiery, Xiqiao textiles, …). Data stays in this browser.";
    NewTown => "新建乡镇", "New town";
    Examples => "案例", "Case studies";
    ExampleDatang => "浙江诸暨大唐镇·袜业", "Datang, Zhuji (Zhejiang): hosiery";
    ExampleDatangNote => "产业链分工细致的成熟集群（报告第二、四章）", "a mature cluster with a fine division of labour (ch.2, ch.4)";
    ExampleXiqiao => "广东南海西樵镇·纺织", "Xiqiao, Nanhai (Guangdong): textiles";
    ExampleXiqiaoNote => "衰退后依靠技术服务复兴（报告第四章）", "decline, then revival through a technology service company (ch.4)";
    ExampleHunan => "湖南纺织小镇（示意）", "A Hunan textile town (illustrative)";
    ExampleHunanNote => "“扎堆”而缺少产业链的典型问题（报告第五章）", "firms crowded together without a value chain (ch.5)";
    ExampleCounty => "一个县的多个乡镇（区域模式，示意）", "Several towns of a county (region mode, illustrative)";
    ExampleCountyNote => "EG 指数、区位基尼系数与乡镇×行业区位熵", "EG index, locational Gini and the town × industry LQ matrix";
    SummarySection => "分析概览", "Summary";
    ClusterLq => "集群就业区位熵", "Cluster employment LQ";
    MaturityIndex => "成熟度指数", "Maturity index";
    LifecycleStage => "生命周期阶段", "Life-cycle stage";
    ChainCompleteness => "产业链完整度", "Value-chain completeness";
    Multipliers => "乘数", "Multipliers";
    EconomicBaseMultiplier => "经济基础乘数", "Economic-base multiplier";
    KeynesMultiplier => "凯恩斯乘数", "Keynesian multiplier";
    Measures => "对策建议（按优先级）", "Suggested measures (by priority)";
    Evidence => "依据", "Evidence";
    NotGiven => "未填写", "not given";
    Warnings => "提示", "Warnings";
    SmallIndustry => "样本小", "small";
    SmallIndustryNote => "就业人数少，区位熵不稳定", "few employees: the LQ is unstable";
    AutosaveRecovered => "自动保存的数据已损坏，已恢复上一份完好的副本", "The autosave was damaged; the last good copy was restored";
    StorageUnavailable => "浏览器存储不可用（如隐私模式），本次修改不会自动保存，请用“保存文件”。",
        "Browser storage is unavailable (e.g. private mode): changes are not autosaved; save a file instead.";
    StorageFull => "浏览器存储已满，自动保存失败；上一份保存仍然完好。", "Browser storage is full: autosave failed; the previous save is intact.";
    Toolbar => "工具栏", "Toolbar";
    Undo => "撤销", "Undo";
    Redo => "重做", "Redo";
    Explain => "讲解模式", "Explain";
    LargeText => "大字", "Large text";
    Steps => "填报步骤", "Steps";
}

/// The current language, shared through context.
#[derive(Debug, Clone, Copy)]
pub struct LangState(pub RwSignal<Lang>);

/// Reads the current language from context (Chinese when none was provided, e.g. in isolated component tests).
pub fn use_lang() -> RwSignal<Lang> {
    use_context::<LangState>()
        .map(|s| s.0)
        .unwrap_or_else(|| RwSignal::new(Lang::Zh))
}

/// A reactive translation of one key.
pub fn tr(key: T) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || key.get(lang.get())
}
