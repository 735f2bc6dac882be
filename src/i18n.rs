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
    AppSubtitle => "区位商、集群成熟度、乘数与对策建议——全部在本机浏览器中计算，数据不离开本机。",
        "Location quotients, cluster maturity, multipliers and measures, computed in your browser; no data leaves this device.";
    SwitchLanguage => "English", "中文";
    SwitchLanguageLabel => "切换到英文界面", "Switch to the Chinese interface";
    TownSection => "乡镇基本情况", "Town";
    TownName => "乡镇名称", "Town name";
    ReferenceName => "参照区域", "Reference area";
    ReferenceHint => "如：所在县、湖南省或全国。区位商以它为基准。", "e.g. the county, Hunan province or China. LQs compare the town with it.";
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
    ResultsSection => "区位商（LQ）", "Location quotients (LQ)";
    LqFormula => "LQ = (本镇该行业就业 ÷ 本镇总就业) ÷ (参照区域该行业就业 ÷ 参照区域总就业)",
        "LQ = (town industry employment ÷ town total) ÷ (reference industry employment ÷ reference total)";
    Band => "分档", "Band";
    BandSelfSufficient => "自给性部门（LQ ≤ 1）", "Self-sufficient (LQ ≤ 1)";
    BandSpecialised => "专业化部门（1 < LQ ≤ 2）", "Specialised (1 < LQ ≤ 2)";
    BandClearAdvantage => "比较优势明显（LQ > 2）", "Clear advantage (LQ > 2)";
    Krugman => "克鲁格曼专业化指数", "Krugman specialisation index";
    Hoover => "胡佛系数", "Hoover coefficient";
    ChartLq => "各行业区位商（虚线：LQ = 1 与 LQ = 2）", "LQ by industry (dashed: LQ = 1 and LQ = 2)";
    NeedData => "至少填写一个行业的本镇就业和参照区域就业，即可看到区位商。",
        "Enter town and reference employment for at least one industry to see location quotients.";
    InputProblem => "输入有误", "Input problem";
    Variant => "口径", "Variant";
    VariantLqEmployment => "就业口径，分母为全部就业", "employment, denominator all employment";
    VariantLqListed => "就业口径，分母为所列行业就业之和（本镇总就业或参照区域总就业未填写）", "employment, denominator the listed industries' sum (the town's or the reference's total employment is not entered)";
    LqDenominators => "本镇 {town} 人，参照区域 {reference} 人", "town {town}, reference {reference}";
    ClusterSection => "集群与产业链", "Cluster and value chain";
    ClusterHint => "填写集群名称和行业代码即可计算集群区位商；再选产业链模板并填各环节企业数，可看到产业链完整度和缺失环节。",
        "A name and industry codes give the cluster LQ; a chain template with firm counts per stage adds chain completeness and the missing stages.";
    AddCluster => "设定研究的集群", "Set up the cluster under study";
    ClusterName => "集群名称", "Cluster name";
    ClusterCodes => "集群行业代码（用逗号或空格分隔）", "Cluster industry codes (comma or space separated)";
    ClusterCodesHint => "GB/T 4754-2017 代码，2–4 位，如 1771；以该代码开头的行业和企业都计入集群。",
        "GB/T 4754-2017 codes of 2–4 digits, e.g. 1771; industries and firms whose code starts with one belong to the cluster.";
    ChainTemplate => "产业链模板", "Chain template";
    NoTemplate => "（不选）", "(none)";
    Stage => "环节", "Stage";
    StageFirms => "企业数", "Firms";
    StageFirmsLabel => "该环节企业数", "Firms in stage";
    FinalFirms => "最终企业（面向集群外销售）", "Final firms (selling outside the cluster)";
    IntermediateFirms => "中间企业（为集群内企业配套）", "Intermediate firms (supplying cluster firms)";
    UnitFirms => "家", "firms";
    OutsideMarketShare => "集群外销售占比", "Share of sales outside the town";
    LocalSourcingShare => "本地采购占比", "Share of inputs bought locally";
    ShareHint => "占比填 0–1 之间的小数，如 0.8 表示 80%。", "Shares are decimals from 0 to 1, e.g. 0.8 for 80 %.";
    ClusterFiguresSection => "集群的创新、品牌、市场与历年数据", "The cluster's innovation, brands, markets and years";
    ClusterFiguresHint => "不知道的留空：留空表示未调查，不按 0 计算；相关的成熟度、认定条件和对策会列入“需要补充调查的数据”。", "Leave blank what is not known: a blank is not surveyed, never 0; the maturity, checklist and measures that need it list it under the data to collect.";
    ClusterMarkets => "市场与规划", "Markets and planning";
    OutsideProvinceShare => "省外（含境外）销售占比", "Share of sales outside the province (exports included)";
    ExportShare => "出口占比", "Export share";
    NationalMarketShare => "主导产品占全国市场的份额", "Share of the national market of the leading product";
    SmeOutputShare => "中小企业产值占比", "SMEs' share of output";
    DigitalAdoptionShare => "使用数字化生产或管理系统的企业占比", "Share of firms using digital production or management systems";
    DevelopmentPlan => "已编制集群专项发展规划", "A cluster development plan exists";
    ClusterInnovation => "创新", "Innovation";
    RdExpenditure => "研发经费支出（年）", "R&D spending (a year)";
    Patents => "有效专利", "Valid patents";
    InventionPatents => "其中发明专利", "of which invention patents";
    HighTechFirms => "高新技术企业", "High-tech firms";
    HighTechOutput => "高新技术产品产值", "Output of high-tech products";
    InnovativeSmes => "创新型中小企业", "Innovative SMEs";
    SpecialisedSmes => "专精特新中小企业", "Specialised SMEs (专精特新)";
    LittleGiants => "专精特新“小巨人”企业", "“Little giant” firms (小巨人)";
    SingleChampions => "制造业单项冠军企业", "Single champions (单项冠军)";
    ClusterBrands => "品牌", "Brands";
    RegionalBrand => "有区域品牌（集体商标、地理标志等）", "A regional brand (collective mark, geographical indication …)";
    NationalBrands => "国家级知名品牌", "National famous brands";
    ProvincialBrands => "省级知名品牌", "Provincial famous brands";
    UnitPieces => "个", "";
    ClusterHistory => "历年数据", "Figures by year";
    ClusterHistoryHint => "至少两个年份才能判断生命周期阶段和年均增长；当前年份的数字取自上面的集群合计，不必重复填写。", "Two years at least give the life-cycle stage and the yearly growth; the current year's figures are the cluster's totals above and need not be repeated.";
    HistoryFirms => "企业数（家）", "Firms";
    HistoryEmployment => "就业（人）", "Employment (persons)";
    HistoryOutput => "产值（万元）", "Output (10k yuan)";
    AddYear => "添加年份", "Add a year";
    RemoveYear => "删除年份", "Remove year";
    ReferenceYear => "参照区域数据年份", "Reference year";
    ReferenceTotalEmployment => "参照区域全部就业", "Reference area's total employment";
    ReferenceTotalOutput => "参照区域全部产值", "Reference area's total output";
    ReferenceTotalsHint => "填写参照区域的全部就业后，区位商的分母包括未列出的行业（与本镇全部就业对应）；不填则两边都用所列行业之和。", "With the reference's total employment, the LQ denominators take in the industries not listed (matching the town's total employment); without it both sides use the listed industries' sums.";
    TownEconomy => "经济与财政", "Economy and public finance";
    GdpPrimary => "第一产业增加值", "Value added, primary sector";
    GdpSecondary => "第二产业增加值", "Value added, secondary sector";
    GdpTertiary => "第三产业增加值", "Value added, tertiary sector";
    TaxRevenue => "税收收入（年）", "Tax revenue (a year)";
    ConstructionLand => "建设用地", "Construction land";
    UnitMu => "亩", "mu";
    InvestmentPublic => "城镇建设投资：政府", "Town-building investment: public";
    InvestmentPrivate => "城镇建设投资：民间", "Town-building investment: private";
    FirmsSection => "企业名录（可选）", "Firm list (optional)";
    FirmsHint => "可不填。填写后可计算集中度、识别龙头企业和专精特新企业数。",
        "Optional. A firm list adds concentration, leading firms and counts of 专精特新 firms.";
    FirmName => "企业名称", "Firm name";
    FirmIndustry => "行业代码", "Industry code";
    FirmStage => "产业链环节", "Chain stage";
    FirmEmployment => "从业人数（人）", "Employment (persons)";
    FirmRevenue => "营业收入（万元）", "Revenue (10k yuan)";
    FirmLeading => "龙头", "Leading";
    FirmSpecialised => "专精特新", "Specialised SME (专精特新)";
    FirmLittleGiant => "小巨人", "Little giant (小巨人)";
    FirmChampion => "单项冠军", "Single champion (单项冠军)";
    AddFirm => "添加企业", "Add firm";
    RemoveFirmLabel => "删除企业", "Remove firm";
    FirmFilter => "筛选（企业名称或行业代码）", "Filter (firm name or industry code)";
    FirmPages => "企业名录分页", "Firm list pages";
    PreviousPage => "上一页", "Previous page";
    NextPage => "下一页", "Next page";
    ShowFirm => "显示该企业", "Show this firm";
    Row => "第几行", "row";
    SupportSection => "支撑体系与环境", "Support institutions and environment";
    SupportHint => "填写机构数量后，成熟度指数的“支撑体系”和“绿色”两项才有依据；未填写的按缺失处理。",
        "Counts of institutions give the maturity index its support and green dimensions; blanks count as missing.";
    Associations => "行业协会、商会", "Industry associations and chambers";
    RdCentres => "研发机构、技术中心", "R&D and technology centres";
    FinancingInstitutions => "金融机构", "Financing institutions";
    Intermediaries => "中介服务机构", "Intermediaries (accounting, legal, HR)";
    Logistics => "物流、联托运企业", "Logistics and freight firms";
    SpecialisedMarkets => "专业市场", "Specialised markets";
    Training => "培训机构", "Training institutions";
    GuaranteeFund => "有担保基金或中小企业发展基金", "A guarantee or SME development fund exists";
    PublicPlatform => "有产业公共服务平台", "A public-service platform exists";
    DesignService => "有技术、设计服务公司", "A technology or design service company exists";
    IndustrialPark => "集群位于产业园区", "The cluster is in an industrial park";
    EnvironmentHeading => "环境", "Environment";
    WastewaterTotal => "全镇工业废水", "Town industrial wastewater";
    WastewaterCluster => "集群企业废水", "Cluster firms' wastewater";
    UnitWastewater => "万吨/年", "10k t/year";
    CodTotal => "全镇 COD 排放", "Town COD";
    CodCluster => "集群企业 COD 排放", "Cluster firms' COD";
    UnitTonnes => "吨/年", "t/year";
    TreatmentCoverage => "集群废水处理率", "Share of cluster wastewater treated";
    TreatmentPlant => "有集中污水处理厂", "A central treatment plant serves the cluster";
    JudgmentsSection => "定性评分与权重", "Judgments and weights";
    JudgmentsHint => "评分可由镇干部或专家组给出；填写后成熟度的“根植性”一项和 GEM 评价才能计算。",
        "Scores by officials or an expert panel; they unlock the embeddedness dimension and the GEM assessment.";
    ScoresHeading => "营商环境评分（1–5 分）", "Business climate (1–5)";
    Trust => "企业间信任与合作", "Trust and cooperation among firms";
    MarketInstitutions => "市场体系与机制", "Market institutions";
    GovernmentService => "政府服务", "Government service";
    GemHeading => "GEM 模型六要素（1–10 分）", "GEM model, six factors (1–10)";
    GemHint => "六项都填写后才计算 GEM 得分。", "The GEM score needs all six factors.";
    GemResources => "资源", "Resources";
    GemFacilities => "设施", "Facilities";
    GemSuppliers => "供应商与相关产业", "Supplying and related industries";
    GemStructure => "企业结构、战略与竞争", "Firm structure, strategy and rivalry";
    GemLocalMarket => "本地市场", "Local market";
    GemExternalMarket => "外部市场", "External market";
    AhpHeading => "成熟度各维度权重（层次分析法两两比较）", "Maturity weights (AHP pairwise comparisons)";
    AhpHint => "不填则八个维度等权。每行比较左边维度相对右边维度的重要程度：9 为极端重要，1 为同等重要，1/9 为极不重要。",
        "Without comparisons the eight dimensions weigh the same. Each row says how much more important the left dimension is than the right: 9 extremely, 1 equally, 1/9 far less.";
    AhpStart => "开始两两比较", "Start pairwise comparisons";
    AhpClear => "清除比较（恢复等权）", "Clear comparisons (equal weights)";
    AhpCompare => "相对重要性", "Relative importance";
    AhpVersus => "对", "versus";
    AhpConsistent => "一致性可接受", "Consistency acceptable";
    AhpInconsistent => "判断不一致（CR > 0.10），请调整相互矛盾的比较", "Inconsistent judgments (CR > 0.10): revise the comparisons that contradict each other";
    AhpWeight => "权重", "Weight";
    ConsistencyRatio => "一致性比率 CR", "Consistency ratio CR";
    ParametersSection => "参数", "Parameters";
    ParametersHint => "每个参数都有默认值；旁边列出其来源，改动后结果即时更新。",
        "Every parameter has a default; its source is shown beside it and results update as you change it.";
    KeynesHeading => "凯恩斯乘数", "Keynesian multiplier";
    KeynesAdd => "填写凯恩斯乘数参数", "Enter Keynes parameters";
    KeynesRemove => "不用凯恩斯乘数", "Drop the Keynes parameters";
    KeynesC => "边际消费倾向 c", "Marginal propensity to consume c";
    KeynesT => "税率 t", "Tax rate t";
    KeynesM => "漏出（进口）比例 m", "Leakage (import) share m";
    KeynesForm => "公式形式", "Form";
    FormLeakage => "本地漏出式", "Local leakage";
    FormTextbook => "开放经济教科书式", "Open-economy textbook";
    FormArmstrongTaylor => "Armstrong–Taylor 式", "Armstrong & Taylor";
    AnchorC => "参考：2024 年全国居民平均消费倾向 0.683（城镇 0.638、农村 0.834；国家统计局）",
        "Anchor: China 2024 average propensity to consume 0.683 (urban 0.638, rural 0.834; NBS)";
    AnchorM => "参考：小地方商业漏出 55–80%（New Mexico State University, 1971）",
        "Anchor: small places leak 55–80 % of business (New Mexico State University, 1971)";
    AnchorT => "按本地实际税负填写；不填时可先用 0", "Use the local tax burden; 0 until known";
    FlqDelta => "FLQ 参数 δ", "FLQ δ";
    AnchorDelta => "假设值：Flegg 与 Webber 以来最常用；中国各省拟合值 0.05–0.075",
        "An assumption: the value most used since Flegg & Webber; Chinese provinces fit 0.05–0.075";
    SmallIndustryThreshold => "小行业门槛（就业人数）", "Small-industry threshold (employment)";
    AnchorSmall => "假设值：就业少于此数的行业区位商不稳定", "An assumption: LQs of industries with fewer employees are unstable";
    LeadingShare => "龙头企业产值占比门槛", "Leading firm: share of cluster output";
    AnchorLeadingShare => "假设值", "An assumption";
    LeadingRevenue => "龙头企业营业收入门槛", "Leading firm: revenue";
    AnchorLeadingRevenue => "统计上大中小微型企业划分办法：大型工业企业",
        "NBS size classification: large industrial firm";
    AboveScale => "规模以上企业门槛", "Above-scale threshold";
    AnchorAboveScale => "国家统计局 2011 年起规模以上工业标准",
        "NBS above-scale industry since 2011";
    UnitWan => "万元", "10k yuan";
    DefaultValue => "默认", "default";
    ScenariosSection => "情景模拟", "Scenarios";
    ScenariosHint => "添加情景后，结果中会并列显示基准与情景的就业、产值和成熟度；需先有乘数（经济基础或凯恩斯）。",
        "Scenarios are compared side by side with the baseline; they need a multiplier (economic base or Keynes).";
    AddLeadingFirmScenario => "情景：引进一家龙头企业", "Scenario: add a leading firm";
    AddJobsScenario => "情景：新增 500 个就业岗位", "Scenario: add 500 jobs";
    NewLeadingFirmName => "新引进龙头企业", "New leading firm";
    ScenarioName => "情景名称", "Scenario name";
    RemoveScenario => "删除情景", "Remove scenario";
    ChangeAddFirm => "新增企业", "Add a firm";
    ChangeRemoveFirm => "减少企业", "Remove a firm";
    ChangeAddJobs => "新增就业", "Add jobs";
    ChangeRemoveJobs => "减少就业", "Remove jobs";
    Jobs => "岗位数（人）", "Jobs (persons)";
    JobsOutput => "新增产值（万元，可选）", "Added output (10k yuan, optional)";
    NoScenarios => "还没有情景。", "No scenarios yet.";
    StepCluster => "集群", "Cluster";
    StepFirms => "企业", "Firms";
    StepSupport => "支撑与环境", "Support";
    StepJudgments => "评分", "Judgments";
    StepParameters => "参数", "Parameters";
    StepScenarios => "情景", "Scenarios";
    Yes => "是", "yes";
    No => "否", "no";
    Unknown => "未知", "unknown";
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
    KindFinal => "最终产品", "final product";
    KindIntermediate => "中间环节", "intermediate";
    KindService => "配套服务", "service";
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
    MissingStages => "缺失环节（已调查、本地没有企业）", "Missing stages (surveyed, no local firm)";
    UnsurveyedStages => "未调查的环节（不计入完整度）", "Stages not surveyed (left out of completeness)";
    ChainCoverage => "环节调查覆盖率", "Stages surveyed";
    ChecklistNotApplicable => "未申报特色小镇，不适用（特色小镇不是整个建制镇）", "No 特色小镇 declared: not applicable (a featured town is not the whole township)";
    DataNeeded => "需要补充调查的数据", "Data to collect";
    DataNeededHint => "以下数据尚未填写，相关对策因此无法判断；补充后会自动重新分析。", "These data are not given yet, so the measures below cannot be judged; the analysis reruns as soon as they are entered.";
    ChartChain => "产业链各环节的本地企业数（按环节顺序编号，颜色见图下图例）", "Local firms in each value-chain stage (numbered in chain order; colours in the legend below)";
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
    ChartImpacts => "各情景新增就业（人，按来源堆叠，见图例）", "New jobs by scenario (persons, stacked by source; see the legend)";
    ChecklistsSection => "认定条件对照", "Designation checklists";
    Criterion => "条件", "Criterion";
    Status => "状态", "Status";
    Met => "符合", "met";
    NotMet => "不符合", "not met";
    StatusUnknown => "数据不足", "unknown";
    NoData => "无数据", "no data";
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
    ChartHeatmap => "乡镇 × 行业区位商热力图（颜色越深 LQ 越高）", "Town × industry LQ heat map (darker = higher LQ)";
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
    GuideHeading => "课堂导读", "Classroom guide";
    GuideClose => "关闭导读", "Close the guide";
    GuideNeedsHistory => "需要集群至少两个年份的产值，才能演示增长率的算法。", "The cluster needs output for at least two years to show how the growth rate is computed.";
    GuideXiqiaoTitle => "西樵“年均增长 26.7%”是怎么算出来的", "Where Xiqiao's “26.7 % a year” comes from";
    GuideXiqiaoIntro => "研究报告第四章写道：西樵纺织业销售收入从 1998 年的 59.5 亿元增至 2001 年的 153.4 亿元，年均增长 26.7%。复合年均增长率 CAGR = (期末 ÷ 期初)^(1/期数) − 1，关键在于“期数”取几。下面用本数据集里的集群历年产值（亿元）代入：",
        "The study (ch.4) says Xiqiao's textile sales rose from 5.95 bn yuan in 1998 to 15.34 bn yuan in 2001, “26.7 % a year”. The compound annual growth rate is CAGR = (end ÷ start)^(1/n) − 1; everything depends on n. Substituting this dataset's cluster output (亿元):";
    GuideYears => "年份", "Years";
    GuidePeriodsYears => "个间隔年（期末年 − 期初年）", "intervals (end year − start year)";
    GuidePeriodsCounted => "个年份，每年算一期", "years, each counted as a period";
    GuideXiqiaoLesson => "只有把 1998—2001 四个年份都算作一期，才得到报告中的 26.7%；按实际相隔的年数计算，增长率要高得多。本计算器按相隔年数计算（见“集群”结果中的年均增长率），并写明期数。引用增长率时，请同时写明起止年份和期数。",
        "Only counting all four years 1998–2001 as periods gives the study's 26.7 %; over the years actually elapsed the rate is much higher. This calculator uses the years elapsed (the cluster's growth rate in the results) and states n. When quoting a growth rate, give the start and end years and n.";
    GuideChainTitle => "成链的集群与“扎堆”的乡镇", "A linked cluster versus firms that only crowd together";
    GuideDatangIntro => "大唐袜业的企业分布在原料、织造、定型、包装、销售等各个环节，分工很细（报告第二、四章）。把它与企业挤在同一环节的湖南纺织小镇（示意数据，报告第五章）比较下面三个数：",
        "Datang's hosiery firms spread over yarn, knitting, setting, packing and trade: a fine division of labour (study ch.2, ch.4). Compare three numbers with the Hunan textile town (illustrative, ch.5), whose firms crowd into one stage:";
    GuideHunanIntro => "这个示意乡镇的纺织企业大多挤在同一个环节，上下游环节缺失——正是报告第五章所说的“扎堆”。把它与分工细致的大唐袜业（报告第二、四章）比较下面三个数：",
        "Most of this illustrative town's textile firms sit in one stage and the stages around it are missing: the “扎堆” problem of study ch.5. Compare three numbers with Datang (ch.2, ch.4), where the work is finely divided:";
    GuideChainLesson => "产业链完整度 = 有本地企业的环节数 ÷ 模板的环节数；扎堆指数 = 企业最多的那个环节的企业数 ÷ 企业总数。区位商高而完整度低、扎堆指数高，就是“集而不群”：企业多，彼此却没有分工协作。相应的对策见第六章：延链补链、培育龙头企业。",
        "Completeness = stages with a local firm ÷ stages in the template; 扎堆 index = firms in the largest stage ÷ all firms. A high LQ with low completeness and a high 扎堆 index is “co-located, not linked”: many firms, little division of labour. The matching measures are in ch.6: fill the missing links, grow leading firms.";
    GuideTown => "乡镇", "Town";
    GuideThisTown => "当前数据", "This dataset";
    GuideCountyTitle => "区域模式：一个县的多个乡镇", "Region mode: several towns of a county";
    GuideCountyIntro => "“区域”结果页的乡镇 × 行业区位商热图显示哪个乡镇在哪个行业上专业化；EG 指数在扣除企业规模不均（赫芬达尔指数）之后衡量行业的地理集中，按 Ellison 与 Glaeser（1997）的惯例 γ > 0.05 为高度集中；区位基尼系数衡量一个行业在各乡镇之间分布的不均程度。",
        "The region results show a town × industry LQ heat map (which town specialises in what); the EG index measures an industry's geographic concentration net of uneven firm sizes (the Herfindahl index), with γ > 0.05 counted as highly concentrated by Ellison and Glaeser's (1997) convention; the locational Gini measures how unevenly an industry is spread over the towns.";
    BigRunning => "正在后台分析大数据集：", "Analysing a big dataset in the background:";
    BigLoading => "正在启动计算引擎…", "Starting the engine…";
    BigReading => "读取并检查文件", "Reading and checking the file";
    BigAnalyzing => "计算（基准、各情景、对策）", "Analysing (baseline, each scenario, measures)";
    BigCancelled => "已取消分析，页面上的数据没有改动。", "Analysis cancelled; the data on the page is unchanged.";
    BigOpened => "已在后台线程中分析：", "Analysed in a background thread: ";
    BigFirms => "家企业", "firms";
    BigIndustries => "个行业", "industries";
    BigTowns => "个乡镇", "towns";
    BigHeading => "大数据集（只读）", "Big dataset (read-only)";
    BigReadOnly => "这个文件太大，不在页面上逐条编辑：读取、校验和计算都在后台线程中完成，右侧结果只读。它不会自动保存——您打开的文件本身就是副本；之前的工作已保留，关闭后恢复。要修改数据，请在表格中修改后重新打开。",
        "This file is too big to edit row by row on the page: it was read, checked and analysed in a background thread, and the results beside are read-only. It is not autosaved (the file you opened is the copy); the work you had open is kept and comes back when you close this. To change the data, edit it in a spreadsheet and open it again.";
    BigClose => "关闭大数据集，回到之前的工作", "Close the big dataset and return to the previous work";
    BigClosed => "已回到之前的工作。", "Back to the previous work.";
    BigKeepFile => "大数据集只读：请直接发送或导入原文件。", "A big dataset is read-only: send or import the original file instead.";
    BigWorkerFailed => "后台计算线程无法启动或中途出错", "the background analysis could not start or stopped with an error";
    OpenFile => "打开文件", "Open file";
    OpenFileHint => "打开本计算器保存的 .json 文件；也可以把文件拖到页面上。", "Open a .json file saved by this calculator, or drop it on the page.";
    SaveFile => "保存文件", "Save file";
    FileTooLarge => "文件太大，未打开", "file too large, not opened";
    FileUnreadable => "无法读取这个文件", "this file cannot be read";
    FileNotDataset => "不是本计算器的数据文件，未打开", "not a data file of this calculator, not opened";
    FileOpened => "已打开文件（可撤销）：", "Opened (undo restores the previous data): ";
    ShareLink => "分享链接", "Share link";
    ExportCsv => "导出结果（CSV）", "Export results (CSV)";
    ImportOpen => "导入表格", "Import a table";
    ImportTitle => "从 Excel / WPS 表格导入", "Import from an Excel / WPS spreadsheet";
    ImportHint => "选择 .xlsx 或 .csv 文件，或从表格中复制单元格粘贴到下面。导入前先预览；整张表导入或完全不导入，可撤销。数据只在本机处理。",
        "Pick an .xlsx or .csv file, or copy cells in the spreadsheet and paste them below. You see a preview first; the whole table is imported or nothing, and it can be undone. The data is processed on this device only.";
    ImportTable => "导入到", "Import into";
    ImportAuto => "自动识别", "Detect from the headers";
    ImportIndustries => "行业表", "industries table";
    ImportFirms => "企业名单", "firm list";
    ImportFile => "选择文件（.xlsx / .csv）", "Choose a file (.xlsx / .csv)";
    ImportSheet => "工作表", "Sheet";
    ImportPaste => "或粘贴单元格（含表头行）", "Or paste cells (with the header row)";
    ImportReadPaste => "读取粘贴内容", "Read the pasted cells";
    ImportTemplates => "下载模板：", "Templates:";
    ImportReading => "正在读取…", "Reading…";
    ImportPastedSheet => "粘贴内容", "pasted cells";
    ImportNoSheets => "工作簿中没有工作表", "the workbook has no sheets";
    ImportCancel => "取消读取", "Cancel reading";
    ImportCancelled => "已取消读取，数据没有改变。", "Reading cancelled; nothing changed.";
    ImportChecking => "正在检查工作簿：已解压 {done} / {total} MB", "Checking the workbook: {done} of {total} MB unpacked";
    ImportReadingSheets => "正在读取工作表：{done} / {total}", "Reading sheets: {done} of {total}";
    ImportSkipped => "已跳过的工作表：", "Sheets passed over:";
    ImportOthers => "另有工作表 {names}，可在“工作表”中选择。", "Other sheets: {names}; choose one under Sheet.";
    ImportHistoryKept => "保留了 {n} 个行业原有的历年数据。", "The earlier years of {n} industries were kept.";
    SheetsUnavailable => "表格模块未能加载，请检查网络后重试", "The spreadsheet module could not be loaded; check the connection and try again";
    ImportSummary => "工作表“{sheet}”：{table} {rows} 行，表头在第 {header} 行", "Sheet '{sheet}': {table}, {rows} rows; header in row {header}";
    ImportColumns => "列的对应", "How the columns are read";
    ImportColumn => "列", "Column";
    ImportHeader => "表头", "Header";
    ImportField => "对应数据项（× 单位换算）", "Data field (× unit conversion)";
    ImportIgnored => "不导入", "not imported";
    ImportFirstRows => "前几行预览", "First rows";
    ImportRow => "行号", "Row";
    ImportMoreBefore => "另有", "and";
    ImportMoreAfter => "行未列出", "more rows not shown";
    ImportReplaces => "应用后将替换当前的{table}（可撤销）。", "Applying replaces the current {table} (undoable).";
    ImportApply => "应用导入", "Apply the import";
    ImportDone => "已导入（可撤销）：", "Imported (undoable):";
    ExportXlsx => "导出结果（xlsx）", "Export results (xlsx)";
    RecentWork => "最近的工作（本机保存，最多 5 个）", "Recent work (kept on this device, up to 5)";
    RecentGone => "这份较早的工作已不在本机存储中", "This earlier work is no longer in this device's storage";
    UnnamedTown => "（未命名乡镇）", "(unnamed town)";
    SavePng => "保存图片（PNG）", "Save as PNG";
    ReportOpen => "调研报告", "Survey report";
    Cancel => "取消", "Cancel";
    ReportPrint => "打印 / 另存为 PDF", "Print / save as PDF";
    ReportBack => "返回计算器", "Back to the calculator";
    ReportPrintHint => "打印时选择“另存为 PDF”可得到 PDF 文件（A4）；要修改文字后再上报，请保存为 Word 文件编辑。", "Choose 'Save as PDF' in the print dialog for a PDF (A4); to edit the text before handing it in, save it as a Word file.";
    ReportDocx => "保存为 Word 文件（.docx）", "Save as Word (.docx)";
    ReportDocxSuffix => "-调研报告.docx", "-survey-report.docx";
    ExportNeedsValidData => "输入有误，暂时没有可导出的结果；请先按提示改正", "The input has a problem, so there are no results to export yet; correct it first";
    ShareLinkLabel => "分享链接（数据在链接里，不经过任何服务器）：", "Share link (the data is in the link itself; no server sees it): ";
    ShareReady => "分享链接已生成并尽量复制到剪贴板；也可以从下面的框里复制。", "The share link is ready and was copied where the browser allows; you can also copy it from the box below.";
    ShareTooLarge => "数据太大，放不进分享链接；请用“保存文件”发送文件", "The data is too large for a share link; send the saved file instead";
    LinkDamaged => "这个分享链接不完整或已损坏（可能在转发时被截断），未打开", "This share link is incomplete or damaged (perhaps cut when forwarded); nothing was opened";
    LinkChanged => "这个分享链接在转发中被改动过（校验码与数据不符），未打开；请向发送人要原链接或数据文件", "This share link was changed on its way (its checksum does not match the data); nothing was opened. Ask the sender for the original link or the data file";
    LinkNewer => "这个分享链接由更新版本的计算器生成（链接格式第 {version} 版），本页面读不了；请刷新页面使用最新版本后再打开", "This share link was made by a newer version of the calculator (link format {version}), which this page cannot read; reload the page to get the newest version and open it again";
    LinkUnchecked => "已打开旧版分享链接。旧版链接没有校验码，无法确认转发中是否被改动，请核对主要数字", "Opened an old-format share link. Old links carry no checksum, so changes on the way cannot be detected; check the main figures";
    LinkInvalid => "分享链接里的数据有误，未打开", "The data in this share link is invalid; nothing was opened";
    LinkAskBefore => "这个链接带有", "This link carries the data of ";
    LinkAskAfter => "的数据。打开它会替换当前的工作（之后仍可撤销找回）。", ". Opening it replaces your current work (undo brings it back).";
    LinkOpen => "打开链接中的数据", "Open the link's data";
    LinkKeep => "保留当前工作", "Keep my current work";
    LinkOpened => "已打开链接中的数据（可撤销）。", "The link's data is open (undo restores your previous work).";
    Close => "关闭", "Close";
    UnknownExample => "没有这个案例", "No such case study";
    ContinueWork => "继续上次的工作", "Continue where you left off";
    LoadingWorkbench => "正在加载计算器…", "Loading the calculator…";
    ContinuingLastWork => "正在打开上次的工作（自动保存）…要新建或打开案例，请点下面的按钮。", "Opening your last work (autosaved)… To start something else instead, choose below.";
    LoadedKb => "已下载", "downloaded";
    WorkbenchFailed => "计算器未能加载（网络可能中断）。已输入的数据仍保存在本机。请检查网络后再点一次。",
        "The calculator could not be loaded (the connection may have dropped). Your data is still saved on this device. Check the connection and choose again.";
    ExampleDatang => "浙江诸暨大唐镇·袜业", "Datang, Zhuji (Zhejiang): hosiery";
    ExampleDatangNote => "产业链分工细致的成熟集群（报告第二、四章）", "a mature cluster with a fine division of labour (ch.2, ch.4)";
    ExampleXiqiao => "广东南海西樵镇·纺织", "Xiqiao, Nanhai (Guangdong): textiles";
    ExampleXiqiaoNote => "衰退后依靠技术服务复兴（报告第四章）", "decline, then revival through a technology service company (ch.4)";
    ExampleHunan => "湖南纺织小镇（示意）", "A Hunan textile town (illustrative)";
    ExampleHunanNote => "“扎堆”而缺少产业链的典型问题（报告第五章）", "firms crowded together without a value chain (ch.5)";
    ExampleCounty => "一个县的多个乡镇（区域模式，示意）", "Several towns of a county (region mode, illustrative)";
    ExampleCountyNote => "EG 指数、区位基尼系数与乡镇×行业区位商", "EG index, locational Gini and the town × industry LQ matrix";
    ExampleTourism => "湖南古城旅游小镇（示意）", "A Hunan old-town tourism township (illustrative)";
    ExampleTourismNote => "旅游生态型集群：适用的对策与工业集群不同（报告第六章一）", "a tourism-and-ecology cluster: the measures that apply differ from an industrial one's (ch.6)";
    SummarySection => "分析概览", "Summary";
    ClusterLq => "集群就业区位商", "Cluster employment LQ";
    MaturityIndex => "成熟度指数", "Maturity index";
    LifecycleStage => "生命周期阶段", "Life-cycle stage";
    ChainCompleteness => "产业链完整度", "Value-chain completeness";
    Multipliers => "乘数", "Multipliers";
    EconomicBaseMultiplier => "经济基础乘数", "Economic-base multiplier";
    KeynesMultiplier => "凯恩斯乘数", "Keynesian multiplier";
    Measures => "对策建议", "Suggested measures";
    Evidence => "依据", "Evidence";
    MeasuresHint => "按《湖南小城镇优化研究》第六章的六个方面归类，每个方面内按优先级从高到低排列；优先级（0—1）由差距大小、判据权重和数据完整程度算出。", "Grouped under the six headings of chapter 6 of the study, highest priority first within each; the priority (0–1) comes from the size of the gap, the rule's weight and how complete the data is.";
    MeasureWhy => "建议理由：", "Why: ";
    ClusterTypeField => "集群类型", "Cluster type";
    ClusterTypeAuto => "按产业链模板或行业代码判断", "from the chain template or the industry codes";
    ClusterTypeHint => "研究报告第六章（一）的四种类型；类型决定哪些对策适用（例如旅游集群不建议建工业园区）。", "The study's four types (ch.6, part 1); the type decides which measures apply (a tourism cluster is not told to build an industrial park).";
    ClusterTypeUnknown => "未定", "not settled";
    MeasureSource => "出处：", "Source: ";
    MeasureRank => "排序依据：", "Why this rank: ";
    NotGiven => "未填写", "not given";
    Warnings => "提示", "Warnings";
    SmallIndustry => "样本小", "small";
    SmallIndustryNote => "就业人数少，区位商不稳定", "few employees: the LQ is unstable";
    AutosaveUnreadable => "自动保存的数据无法读取（已损坏，或由更新版本保存），也没有更早的完好副本，已从空白开始；无法读取的那份另存在浏览器中，不会丢失",
        "The autosave could not be read (damaged, or saved by a newer version) and there is no earlier good copy, so the calculator starts empty. The unreadable copy is kept in the browser, not lost";
    AutosaveRecovered => "自动保存的数据无法读取（已损坏，或由更新版本保存），已恢复上一份完好的副本；无法读取的那份另存在浏览器中，不会丢失",
        "The autosave could not be read (damaged, or saved by a newer version); the last good copy was restored. The unreadable copy is kept in the browser, not lost";
    StorageUnavailable => "浏览器存储不可用（如隐私模式），本次修改不会自动保存，请用“保存文件”。",
        "Browser storage is unavailable (e.g. private mode): changes are not autosaved; save a file instead.";
    StorageFull => "浏览器存储已满，最近的修改没有自动保存。", "Browser storage is full: the latest changes were not autosaved. ";
    StorageFullKept => "存储里还有此前的一份自动保存，但不含这些修改；请用“保存文件”保存当前数据。", "An earlier autosave is still there, without these changes; use Save file to keep the current data.";
    StorageFullNothing => "存储里没有此前的自动保存；请用“保存文件”保存当前数据，否则关闭页面后会丢失。", "There is no earlier autosave; use Save file to keep the current data, or it is lost when the page closes.";
    StorageSkippedLast => "上次的工作“{town}”（约 {mb} MB）太大，没有自动保存，这里打开的是更早自动保存的工作。如果当时用“保存文件”保存过，请用“打开文件”打开那个文件。", "The last work, '{town}' (about {mb} MB), was too big to autosave, so what opens here is older autosaved work. If you kept it with Save file, open that file with Open file.";
    StorageSkippedNone => "上次的工作“{town}”（约 {mb} MB）太大，没有自动保存。如果当时用“保存文件”保存过，请用“打开文件”打开那个文件。", "The last work, '{town}' (about {mb} MB), was too big to autosave. If you kept it with Save file, open that file with Open file.";
    FatalTitle => "计算器内部出错，已停止运行", "The calculator hit an internal error and stopped";
    FatalBody => "页面上的按钮已不能使用。您的数据还在：请先“保存恢复文件”到本机，再重新载入页面（载入后用“打开文件”打开恢复文件，或继续自动保存的工作）。", "The page's buttons no longer work. Your data is still here: save the recovery file to this computer first, then reload the page (open the recovery file with Open file, or continue the autosaved work).";
    FatalNothing => "页面上的按钮已不能使用，而且浏览器里没有可恢复的数据副本。请重新载入页面。", "The page's buttons no longer work, and the browser holds no copy of the data to recover. Please reload the page.";
    FatalSave => "保存恢复文件", "Save the recovery file";
    FatalReload => "重新载入页面", "Reload the page";
    FatalFile => "小城镇产业集群-恢复文件.json", "clustercalc-recovery.json";
    StorageTooBig => "这份数据约 {mb} MB，超过浏览器存储能放下的大小（约 5 MB），因此不会自动保存；请用“保存文件”保存到本机，以后用“打开文件”继续。", "This dataset is about {mb} MB, more than browser storage holds (about 5 MB), so it is not autosaved; use Save file to keep it on this computer and Open file to continue later.";
    OtherTabSaved => "另一个标签页也在编辑并自动保存了数据。为免互相覆盖，本页当前的数据已另存到开始页的“最近的工作”中，两份都不会丢；建议只在一个标签页中编辑。", "Another tab is editing too and has autosaved its data. So that neither overwrites the other, this page's data was also kept under Recent work on the start screen; both are safe. Edit in one tab only.";
    Toolbar => "工具栏", "Toolbar";
    Undo => "撤销", "Undo";
    NextStep => "下一步：", "Next: ";
    UndoTrimmed => "数据量大：为免占满浏览器内存，撤销只保留最近约 {n} 步修改。", "A large dataset: so as not to fill the browser's memory, undo keeps only about the last {n} edits.";
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

/// Why the engine did not compute a section, as the user reads it: without the JSON field names it keeps in
/// brackets for the CLI (the same words as the report's).
pub fn reason_text(reason: &clustercalc_core::lang::Text, lang: Lang) -> String {
    clustercalc_core::present::document::plain_reason(reason.get(lang), lang)
}

/// The display name of an engine variant id (`assignment`, `lq`, `leakage`, …) in the user's language (the ids
/// are program words; the method notes name each variant in words); unknown ids are shown as they are.
pub fn variant_label(id: &str, lang: Lang) -> String {
    let name = match id {
        "assignment" => lang.pick("分配法（按外销比例）", "assignment (outside-sales shares)"),
        "lq" => lang.pick("区位商法", "location-quotient method"),
        "leakage" => lang.pick("漏出式", "leakage form"),
        "textbook" => lang.pick("教科书式", "textbook form"),
        "armstrong-taylor" => lang.pick("Armstrong–Taylor 式", "Armstrong–Taylor form"),
        _ => return id.to_string(),
    };
    name.to_string()
}

/// A GB/T 4754 code as shown in tables and charts; the engine's `other` (employment outside the listed
/// industries) is named in the user's language.
pub fn code_label(code: &str, lang: Lang) -> String {
    if code == "other" {
        lang.pick("其他", "other").to_string()
    } else {
        code.to_string()
    }
}

/// The Ellison–Glaeser bands in words (the engine's `eg_bands_source` gives the same bands in English).
pub fn eg_bands_text(lang: Lang) -> &'static str {
    lang.pick(
        "γ < 0.02 为不太集中，0.02–0.05 为中度集中，> 0.05 为高度集中（Ellison 与 Glaeser 1997 的常用分档）",
        "γ < 0.02 not very localised, 0.02–0.05 moderately, > 0.05 highly (Ellison & Glaeser 1997, as commonly cited)",
    )
}
