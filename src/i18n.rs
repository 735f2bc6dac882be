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
    Total => "合计", "Total";
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
