//! GB/T 4754-2017 《国民经济行业分类》 divisions (大类 01–97) with their section (门类) and three-sector class.
//!
//! Codes are text with leading zeros. Chinese names as published in the standard; sector per the 2018
//! 《三次产业划分规定》 (divisions 05, 11 and 43 are tertiary). English names are the project's translation.
//! Source data: shared/data/gbt4754-2017-divisions.csv.

use crate::lang::Lang;
use serde::Serialize;

/// One division (大类) of GB/T 4754-2017.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Division {
    pub code: &'static str,
    pub name_zh: &'static str,
    pub name_en: &'static str,
    /// Section letter (门类) A–T.
    pub section: char,
    /// 1 primary, 2 secondary, 3 tertiary (2018 rules).
    pub sector: u8,
}

impl Division {
    pub fn name(&self, lang: Lang) -> &'static str {
        lang.pick(self.name_zh, self.name_en)
    }
}

/// One section (门类) A–T.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Section {
    pub letter: char,
    pub name_zh: &'static str,
    pub name_en: &'static str,
}

pub const SECTIONS: &[Section] = &[
    Section {
        letter: 'A',
        name_zh: "农、林、牧、渔业",
        name_en: "Agriculture, forestry, animal husbandry and fishery",
    },
    Section {
        letter: 'B',
        name_zh: "采矿业",
        name_en: "Mining",
    },
    Section {
        letter: 'C',
        name_zh: "制造业",
        name_en: "Manufacturing",
    },
    Section {
        letter: 'D',
        name_zh: "电力、热力、燃气及水生产和供应业",
        name_en: "Production and supply of electricity, heat, gas and water",
    },
    Section {
        letter: 'E',
        name_zh: "建筑业",
        name_en: "Construction",
    },
    Section {
        letter: 'F',
        name_zh: "批发和零售业",
        name_en: "Wholesale and retail trade",
    },
    Section {
        letter: 'G',
        name_zh: "交通运输、仓储和邮政业",
        name_en: "Transport, storage and postal services",
    },
    Section {
        letter: 'H',
        name_zh: "住宿和餐饮业",
        name_en: "Accommodation and catering",
    },
    Section {
        letter: 'I',
        name_zh: "信息传输、软件和信息技术服务业",
        name_en: "Information transmission, software and IT services",
    },
    Section {
        letter: 'J',
        name_zh: "金融业",
        name_en: "Finance",
    },
    Section {
        letter: 'K',
        name_zh: "房地产业",
        name_en: "Real estate",
    },
    Section {
        letter: 'L',
        name_zh: "租赁和商务服务业",
        name_en: "Leasing and business services",
    },
    Section {
        letter: 'M',
        name_zh: "科学研究和技术服务业",
        name_en: "Scientific research and technical services",
    },
    Section {
        letter: 'N',
        name_zh: "水利、环境和公共设施管理业",
        name_en: "Water, environment and public facilities management",
    },
    Section {
        letter: 'O',
        name_zh: "居民服务、修理和其他服务业",
        name_en: "Resident services, repair and other services",
    },
    Section {
        letter: 'P',
        name_zh: "教育",
        name_en: "Education",
    },
    Section {
        letter: 'Q',
        name_zh: "卫生和社会工作",
        name_en: "Health and social work",
    },
    Section {
        letter: 'R',
        name_zh: "文化、体育和娱乐业",
        name_en: "Culture, sports and entertainment",
    },
    Section {
        letter: 'S',
        name_zh: "公共管理、社会保障和社会组织",
        name_en: "Public administration, social security and social organisations",
    },
    Section {
        letter: 'T',
        name_zh: "国际组织",
        name_en: "International organisations",
    },
];

pub const DIVISIONS: &[Division] = &[
    Division { code: "01", name_zh: "农业", name_en: "Agriculture", section: 'A', sector: 1 },
    Division { code: "02", name_zh: "林业", name_en: "Forestry", section: 'A', sector: 1 },
    Division { code: "03", name_zh: "畜牧业", name_en: "Animal husbandry", section: 'A', sector: 1 },
    Division { code: "04", name_zh: "渔业", name_en: "Fishery", section: 'A', sector: 1 },
    Division { code: "05", name_zh: "农、林、牧、渔专业及辅助性活动", name_en: "Support activities for agriculture, forestry, animal husbandry and fishery", section: 'A', sector: 3 },
    Division { code: "06", name_zh: "煤炭开采和洗选业", name_en: "Mining and washing of coal", section: 'B', sector: 2 },
    Division { code: "07", name_zh: "石油和天然气开采业", name_en: "Extraction of petroleum and natural gas", section: 'B', sector: 2 },
    Division { code: "08", name_zh: "黑色金属矿采选业", name_en: "Mining and processing of ferrous metal ores", section: 'B', sector: 2 },
    Division { code: "09", name_zh: "有色金属矿采选业", name_en: "Mining and processing of non-ferrous metal ores", section: 'B', sector: 2 },
    Division { code: "10", name_zh: "非金属矿采选业", name_en: "Mining and processing of non-metallic minerals", section: 'B', sector: 2 },
    Division { code: "11", name_zh: "开采专业及辅助性活动", name_en: "Support activities for mining", section: 'B', sector: 3 },
    Division { code: "12", name_zh: "其他采矿业", name_en: "Other mining", section: 'B', sector: 2 },
    Division { code: "13", name_zh: "农副食品加工业", name_en: "Processing of food from agricultural products", section: 'C', sector: 2 },
    Division { code: "14", name_zh: "食品制造业", name_en: "Manufacture of foods", section: 'C', sector: 2 },
    Division { code: "15", name_zh: "酒、饮料和精制茶制造业", name_en: "Manufacture of liquor, beverages and refined tea", section: 'C', sector: 2 },
    Division { code: "16", name_zh: "烟草制品业", name_en: "Manufacture of tobacco", section: 'C', sector: 2 },
    Division { code: "17", name_zh: "纺织业", name_en: "Manufacture of textiles", section: 'C', sector: 2 },
    Division { code: "18", name_zh: "纺织服装、服饰业", name_en: "Manufacture of textile garments and apparel", section: 'C', sector: 2 },
    Division { code: "19", name_zh: "皮革、毛皮、羽毛及其制品和制鞋业", name_en: "Manufacture of leather, fur, feathers and related products and footwear", section: 'C', sector: 2 },
    Division { code: "20", name_zh: "木材加工和木、竹、藤、棕、草制品业", name_en: "Processing of timber and manufacture of wood, bamboo, rattan, palm and straw products", section: 'C', sector: 2 },
    Division { code: "21", name_zh: "家具制造业", name_en: "Manufacture of furniture", section: 'C', sector: 2 },
    Division { code: "22", name_zh: "造纸和纸制品业", name_en: "Manufacture of paper and paper products", section: 'C', sector: 2 },
    Division { code: "23", name_zh: "印刷和记录媒介复制业", name_en: "Printing and reproduction of recording media", section: 'C', sector: 2 },
    Division { code: "24", name_zh: "文教、工美、体育和娱乐用品制造业", name_en: "Manufacture of articles for culture, education, arts and crafts, sport and entertainment", section: 'C', sector: 2 },
    Division { code: "25", name_zh: "石油、煤炭及其他燃料加工业", name_en: "Processing of petroleum, coal and other fuels", section: 'C', sector: 2 },
    Division { code: "26", name_zh: "化学原料和化学制品制造业", name_en: "Manufacture of raw chemical materials and chemical products", section: 'C', sector: 2 },
    Division { code: "27", name_zh: "医药制造业", name_en: "Manufacture of medicines", section: 'C', sector: 2 },
    Division { code: "28", name_zh: "化学纤维制造业", name_en: "Manufacture of chemical fibres", section: 'C', sector: 2 },
    Division { code: "29", name_zh: "橡胶和塑料制品业", name_en: "Manufacture of rubber and plastics products", section: 'C', sector: 2 },
    Division { code: "30", name_zh: "非金属矿物制品业", name_en: "Manufacture of non-metallic mineral products", section: 'C', sector: 2 },
    Division { code: "31", name_zh: "黑色金属冶炼和压延加工业", name_en: "Smelting and pressing of ferrous metals", section: 'C', sector: 2 },
    Division { code: "32", name_zh: "有色金属冶炼和压延加工业", name_en: "Smelting and pressing of non-ferrous metals", section: 'C', sector: 2 },
    Division { code: "33", name_zh: "金属制品业", name_en: "Manufacture of metal products", section: 'C', sector: 2 },
    Division { code: "34", name_zh: "通用设备制造业", name_en: "Manufacture of general-purpose machinery", section: 'C', sector: 2 },
    Division { code: "35", name_zh: "专用设备制造业", name_en: "Manufacture of special-purpose machinery", section: 'C', sector: 2 },
    Division { code: "36", name_zh: "汽车制造业", name_en: "Manufacture of automobiles", section: 'C', sector: 2 },
    Division { code: "37", name_zh: "铁路、船舶、航空航天和其他运输设备制造业", name_en: "Manufacture of railway, ship, aerospace and other transport equipment", section: 'C', sector: 2 },
    Division { code: "38", name_zh: "电气机械和器材制造业", name_en: "Manufacture of electrical machinery and equipment", section: 'C', sector: 2 },
    Division { code: "39", name_zh: "计算机、通信和其他电子设备制造业", name_en: "Manufacture of computers, communication and other electronic equipment", section: 'C', sector: 2 },
    Division { code: "40", name_zh: "仪器仪表制造业", name_en: "Manufacture of measuring instruments and meters", section: 'C', sector: 2 },
    Division { code: "41", name_zh: "其他制造业", name_en: "Other manufacturing", section: 'C', sector: 2 },
    Division { code: "42", name_zh: "废弃资源综合利用业", name_en: "Utilisation of waste resources", section: 'C', sector: 2 },
    Division { code: "43", name_zh: "金属制品、机械和设备修理业", name_en: "Repair of metal products, machinery and equipment", section: 'C', sector: 3 },
    Division { code: "44", name_zh: "电力、热力生产和供应业", name_en: "Production and supply of electricity and heat", section: 'D', sector: 2 },
    Division { code: "45", name_zh: "燃气生产和供应业", name_en: "Production and supply of gas", section: 'D', sector: 2 },
    Division { code: "46", name_zh: "水的生产和供应业", name_en: "Production and supply of water", section: 'D', sector: 2 },
    Division { code: "47", name_zh: "房屋建筑业", name_en: "Building construction", section: 'E', sector: 2 },
    Division { code: "48", name_zh: "土木工程建筑业", name_en: "Civil engineering", section: 'E', sector: 2 },
    Division { code: "49", name_zh: "建筑安装业", name_en: "Construction installation", section: 'E', sector: 2 },
    Division { code: "50", name_zh: "建筑装饰、装修和其他建筑业", name_en: "Building decoration, renovation and other construction", section: 'E', sector: 2 },
    Division { code: "51", name_zh: "批发业", name_en: "Wholesale trade", section: 'F', sector: 3 },
    Division { code: "52", name_zh: "零售业", name_en: "Retail trade", section: 'F', sector: 3 },
    Division { code: "53", name_zh: "铁路运输业", name_en: "Rail transport", section: 'G', sector: 3 },
    Division { code: "54", name_zh: "道路运输业", name_en: "Road transport", section: 'G', sector: 3 },
    Division { code: "55", name_zh: "水上运输业", name_en: "Water transport", section: 'G', sector: 3 },
    Division { code: "56", name_zh: "航空运输业", name_en: "Air transport", section: 'G', sector: 3 },
    Division { code: "57", name_zh: "管道运输业", name_en: "Pipeline transport", section: 'G', sector: 3 },
    Division { code: "58", name_zh: "多式联运和运输代理业", name_en: "Multimodal transport and transport agencies", section: 'G', sector: 3 },
    Division { code: "59", name_zh: "装卸搬运和仓储业", name_en: "Loading, unloading, handling and warehousing", section: 'G', sector: 3 },
    Division { code: "60", name_zh: "邮政业", name_en: "Postal services", section: 'G', sector: 3 },
    Division { code: "61", name_zh: "住宿业", name_en: "Accommodation", section: 'H', sector: 3 },
    Division { code: "62", name_zh: "餐饮业", name_en: "Catering", section: 'H', sector: 3 },
    Division { code: "63", name_zh: "电信、广播电视和卫星传输服务", name_en: "Telecommunications, broadcasting and satellite transmission services", section: 'I', sector: 3 },
    Division { code: "64", name_zh: "互联网和相关服务", name_en: "Internet and related services", section: 'I', sector: 3 },
    Division { code: "65", name_zh: "软件和信息技术服务业", name_en: "Software and information technology services", section: 'I', sector: 3 },
    Division { code: "66", name_zh: "货币金融服务", name_en: "Monetary and financial services", section: 'J', sector: 3 },
    Division { code: "67", name_zh: "资本市场服务", name_en: "Capital market services", section: 'J', sector: 3 },
    Division { code: "68", name_zh: "保险业", name_en: "Insurance", section: 'J', sector: 3 },
    Division { code: "69", name_zh: "其他金融业", name_en: "Other financial activities", section: 'J', sector: 3 },
    Division { code: "70", name_zh: "房地产业", name_en: "Real estate", section: 'K', sector: 3 },
    Division { code: "71", name_zh: "租赁业", name_en: "Leasing", section: 'L', sector: 3 },
    Division { code: "72", name_zh: "商务服务业", name_en: "Business services", section: 'L', sector: 3 },
    Division { code: "73", name_zh: "研究和试验发展", name_en: "Research and experimental development", section: 'M', sector: 3 },
    Division { code: "74", name_zh: "专业技术服务业", name_en: "Professional technical services", section: 'M', sector: 3 },
    Division { code: "75", name_zh: "科技推广和应用服务业", name_en: "Technology promotion and application services", section: 'M', sector: 3 },
    Division { code: "76", name_zh: "水利管理业", name_en: "Water management", section: 'N', sector: 3 },
    Division { code: "77", name_zh: "生态保护和环境治理业", name_en: "Ecological protection and environmental management", section: 'N', sector: 3 },
    Division { code: "78", name_zh: "公共设施管理业", name_en: "Public facilities management", section: 'N', sector: 3 },
    Division { code: "79", name_zh: "土地管理业", name_en: "Land management", section: 'N', sector: 3 },
    Division { code: "80", name_zh: "居民服务业", name_en: "Resident services", section: 'O', sector: 3 },
    Division { code: "81", name_zh: "机动车、电子产品和日用产品修理业", name_en: "Repair of motor vehicles, electronic products and household goods", section: 'O', sector: 3 },
    Division { code: "82", name_zh: "其他服务业", name_en: "Other services", section: 'O', sector: 3 },
    Division { code: "83", name_zh: "教育", name_en: "Education", section: 'P', sector: 3 },
    Division { code: "84", name_zh: "卫生", name_en: "Health", section: 'Q', sector: 3 },
    Division { code: "85", name_zh: "社会工作", name_en: "Social work", section: 'Q', sector: 3 },
    Division { code: "86", name_zh: "新闻和出版业", name_en: "News and publishing", section: 'R', sector: 3 },
    Division { code: "87", name_zh: "广播、电视、电影和录音制作业", name_en: "Radio, television, film and sound recording production", section: 'R', sector: 3 },
    Division { code: "88", name_zh: "文化艺术业", name_en: "Culture and arts", section: 'R', sector: 3 },
    Division { code: "89", name_zh: "体育", name_en: "Sports", section: 'R', sector: 3 },
    Division { code: "90", name_zh: "娱乐业", name_en: "Entertainment", section: 'R', sector: 3 },
    Division { code: "91", name_zh: "中国共产党机关", name_en: "Organs of the Communist Party of China", section: 'S', sector: 3 },
    Division { code: "92", name_zh: "国家机构", name_en: "State organs", section: 'S', sector: 3 },
    Division { code: "93", name_zh: "人民政协、民主党派", name_en: "People's Political Consultative Conference and democratic parties", section: 'S', sector: 3 },
    Division { code: "94", name_zh: "社会保障", name_en: "Social security", section: 'S', sector: 3 },
    Division { code: "95", name_zh: "群众团体、社会团体和其他成员组织", name_en: "Mass organisations, social organisations and other membership organisations", section: 'S', sector: 3 },
    Division { code: "96", name_zh: "基层群众自治组织及其他组织", name_en: "Grassroots self-governing mass organisations and other organisations", section: 'S', sector: 3 },
    Division { code: "97", name_zh: "国际组织", name_en: "International organisations", section: 'T', sector: 3 },
];

/// The division of a code: a 2-digit division code, or the first two digits of a 3-digit 中类 or 4-digit 小类 code.
pub fn division(code: &str) -> Option<&'static Division> {
    let code = code.trim();
    if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let head = code.get(..2)?;
    DIVISIONS.iter().find(|d| d.code == head)
}

/// Divisions whose code starts with `query` or whose name (either language) contains it, in code order.
pub fn search(query: &str) -> Vec<&'static Division> {
    let q = query.trim();
    if q.is_empty() {
        return DIVISIONS.iter().collect();
    }
    let lower = q.to_lowercase();
    DIVISIONS
        .iter()
        .filter(|d| {
            d.code.starts_with(q)
                || d.name_zh.contains(q)
                || d.name_en.to_lowercase().contains(&lower)
        })
        .collect()
}

pub fn section(letter: char) -> Option<&'static Section> {
    SECTIONS.iter().find(|s| s.letter == letter)
}

impl Section {
    pub fn name(&self, lang: Lang) -> &'static str {
        lang.pick(self.name_zh, self.name_en)
    }

    /// The section letter as a code (`"C"`).
    pub fn code(&self) -> String {
        self.letter.to_string()
    }

    /// Three-sector class of the section as a whole: A primary, B–E secondary (industry and construction), F–T
    /// tertiary. (The 2018 rules move divisions 05, 11 and 43 to the tertiary sector; a section-level table
    /// cannot split them out.)
    pub fn sector(&self) -> u8 {
        match self.letter {
            'A' => 1,
            'B'..='E' => 2,
            _ => 3,
        }
    }
}

/// True for a section (门类) code: one capital letter A–T.
pub fn is_section_code(code: &str) -> bool {
    code.len() == 1 && code.bytes().all(|b| (b'A'..=b'T').contains(&b))
}

/// The section of any code: a section letter itself, or the section of a 2–4 digit code's division.
pub fn section_of(code: &str) -> Option<&'static Section> {
    let code = code.trim();
    if is_section_code(code) {
        return code.chars().next().and_then(section);
    }
    division(code).and_then(|d| section(d.section))
}

/// The three-sector class (1, 2, 3) of a section letter or a 2–4 digit code.
pub fn sector(code: &str) -> Option<u8> {
    match division(code) {
        Some(d) => Some(d.sector),
        None => section_of(code).map(Section::sector),
    }
}

/// The standard's name of a section letter or of a code's division.
pub fn code_name(code: &str, lang: Lang) -> Option<&'static str> {
    match division(code) {
        Some(d) => Some(d.name(lang)),
        None if is_section_code(code.trim()) => section_of(code).map(|s| s.name(lang)),
        None => None,
    }
}

/// The code a 3- or 4-digit 中类/小类 rolls up to: its division (`"1762"` → `"17"`). A division or section code
/// is its own; anything else is `None`.
pub fn division_code(code: &str) -> Option<String> {
    let code = code.trim();
    if is_section_code(code) {
        return Some(code.to_string());
    }
    division(code).map(|d| d.code.to_string())
}

/// Names compared without spaces and the punctuation tables put in them (`农、林、牧、渔业` = `农林牧渔业`).
fn name_key(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '、' | '，' | ',' | '．' | '.' | '·'))
        .collect::<String>()
        .to_lowercase()
}

/// The code whose standard name (Chinese or English) is `name`: a section letter (`制造业` → `C`) or a division
/// (`纺织业` → `17`). Exact names only, spaces and the separators 、，. ignored.
pub fn code_for_name(name: &str) -> Option<String> {
    let key = name_key(name);
    if key.is_empty() {
        return None;
    }
    if let Some(s) = SECTIONS
        .iter()
        .find(|s| name_key(s.name_zh) == key || name_key(s.name_en) == key)
    {
        return Some(s.code());
    }
    division_for_name(name).map(|d| d.code.to_string())
}

/// The division whose standard name is `name` (some share their section's name: 教育, 房地产业, 国际组织).
pub fn division_for_name(name: &str) -> Option<&'static Division> {
    let key = name_key(name);
    DIVISIONS
        .iter()
        .find(|d| !key.is_empty() && (name_key(d.name_zh) == key || name_key(d.name_en) == key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_all_97_divisions_in_order_with_unique_codes() {
        assert_eq!(DIVISIONS.len(), 97);
        assert!(DIVISIONS.windows(2).all(|w| w[0].code < w[1].code));
        assert_eq!(SECTIONS.len(), 20);
    }

    #[test]
    fn tertiary_exceptions_of_the_2018_rules() {
        for code in ["05", "11", "43"] {
            assert_eq!(division(code).map(|d| d.sector), Some(3), "{code}");
        }
        assert_eq!(division("17").map(|d| d.sector), Some(2));
        assert_eq!(division("01").map(|d| d.sector), Some(1));
    }

    #[test]
    fn subclass_codes_map_to_their_division() {
        assert_eq!(division("1711").map(|d| d.name_zh), Some("纺织业"));
        assert_eq!(division("177").map(|d| d.code), Some("17"));
        assert!(division("7").is_none());
        assert!(division("17a").is_none());
        assert!(division("98").is_none());
    }

    #[test]
    fn section_letters_are_codes_with_a_sector_and_a_name() {
        assert!(is_section_code("C") && is_section_code("T"));
        assert!(!is_section_code("U") && !is_section_code("c") && !is_section_code("CC"));
        assert_eq!(section_of("C").map(|s| s.name_zh), Some("制造业"));
        assert_eq!(section_of("1762").map(|s| s.letter), Some('C'));
        assert_eq!(section_of("01").map(|s| s.letter), Some('A'));
        assert_eq!(
            [
                sector("A"),
                sector("C"),
                sector("E"),
                sector("F"),
                sector("17")
            ],
            [Some(1), Some(2), Some(2), Some(3), Some(2)]
        );
        // The division's own class wins over its section's (43 repairs is tertiary inside C).
        assert_eq!(sector("43"), Some(3));
        assert_eq!(code_name("H", Lang::Zh), Some("住宿和餐饮业"));
        assert_eq!(code_name("1762", Lang::Zh), Some("纺织业"));
        assert_eq!(code_name("X", Lang::Zh), None);
        assert_eq!(division_code("1762").as_deref(), Some("17"));
        assert_eq!(division_code("C").as_deref(), Some("C"));
        assert_eq!(division_code("99"), None);
    }

    #[test]
    fn codes_from_standard_names() {
        assert_eq!(code_for_name("制造业").as_deref(), Some("C"));
        assert_eq!(code_for_name("农林牧渔业").as_deref(), Some("A"));
        assert_eq!(code_for_name(" 批发和零售业 ").as_deref(), Some("F"));
        assert_eq!(code_for_name("纺织业").as_deref(), Some("17"));
        assert_eq!(code_for_name("Manufacturing").as_deref(), Some("C"));
        assert_eq!(code_for_name("针织"), None);
        assert_eq!(code_for_name("教育").as_deref(), Some("P"));
        assert_eq!(division_for_name("教育").map(|d| d.code), Some("83"));
    }

    #[test]
    fn search_by_code_prefix_and_name() {
        assert_eq!(search("纺织").len(), 2);
        assert!(search("textile").iter().any(|d| d.code == "18"));
        assert_eq!(search("17").first().map(|d| d.code), Some("17"));
    }
}
