//! `clustercalc import FILE... [--town NAME] [--sheet NAME|N] [--lang zh|en]`: statistics tables (CSV/TSV in UTF-8
//! or GB18030, .xlsx/.xlsm workbooks) read with the same core import as the app, printed as one
//! `clustercalc-dataset` JSON on stdout. What each table became (the app's preview) goes to stderr; a problem
//! exits 2 with one line naming the file, sheet, row and column.

use clustercalc_core::dataset::Dataset;
use clustercalc_core::import::{self, CellError, Preview, Sheet, TableKind};
use clustercalc_core::Lang;

/// Largest file read (as the app: a 50 000-firm sheet is about 5 MB of text).
const MAX_FILE_BYTES: u64 = import::MAX_TEXT_BYTES as u64;

struct Args {
    files: Vec<String>,
    town: Option<String>,
    sheet: Option<String>,
    lang: Lang,
}

fn usage(lang: Lang, zh: &str, en: &str) -> String {
    format!(
        "{} ({})",
        lang.pick(zh, en),
        lang.pick("用 --help 查看用法", "see --help")
    )
}

fn parse(raw: &[String]) -> Result<Args, String> {
    // The language first, so that every other message is in it.
    let mut lang = Lang::default();
    let mut it = raw.iter();
    while let Some(a) = it.next() {
        let v = match a.strip_prefix("--lang=") {
            Some(v) => Some(v.to_string()),
            None if a == "--lang" => it.next().cloned(),
            None => None,
        };
        if let Some(v) = v {
            lang = Lang::parse(&v).ok_or_else(|| {
                format!("--lang 只能是 zh 或 en，而不是“{v}” / --lang must be zh or en, not '{v}'")
            })?;
        }
    }
    let mut args = Args {
        files: Vec::new(),
        town: None,
        sheet: None,
        lang,
    };
    let mut it = raw.iter();
    while let Some(a) = it.next() {
        let (key, inline) = match a.split_once('=') {
            Some((k, v)) if k.starts_with("--") => (k.to_string(), Some(v.to_string())),
            _ => (a.clone(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            inline
                .clone()
                .or_else(|| it.next().cloned())
                .filter(|v| !v.is_empty())
                .ok_or_else(|| {
                    usage(
                        lang,
                        &format!("{name} 后缺少值"),
                        &format!("{name} needs a value"),
                    )
                })
        };
        match key.as_str() {
            "--lang" => {
                value("--lang")?;
            }
            "--town" => args.town = Some(value("--town")?),
            "--sheet" => args.sheet = Some(value("--sheet")?),
            k if k.starts_with('-') && k != "-" => {
                return Err(usage(
                    lang,
                    &format!("未知选项 {k}"),
                    &format!("unknown option {k}"),
                ))
            }
            _ => args.files.push(a.clone()),
        }
    }
    if args.files.is_empty() {
        return Err(usage(lang, "缺少表格文件", "missing FILE"));
    }
    Ok(args)
}

/// Text of a CSV file's bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, else GB18030 (which also reads
/// GBK and GB2312, as older Excel and WPS save CSV in China).
fn decode(bytes: &[u8]) -> Option<String> {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom..]);
        return (!had_errors).then(|| text.into_owned());
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Some(s.to_string());
    }
    encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|t| t.into_owned())
}

/// One file's sheets, as the core reads them.
fn sheets_of(path: &str, lang: Lang) -> Result<(Vec<Sheet>, bool), String> {
    let fail = |zh: &str, en: &str| format!("{path}: {}", lang.pick(zh, en));
    let meta = std::fs::metadata(path).map_err(|e| {
        format!(
            "{path}: {} ({e})",
            lang.pick("无法读取文件", "cannot read the file")
        )
    })?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(fail("文件超过 20 MB", "the file is larger than 20 MB"));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        format!(
            "{path}: {} ({e})",
            lang.pick("无法读取文件", "cannot read the file")
        )
    })?;
    let stem = std::path::Path::new(path)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("Sheet1")
        .to_string();
    let kind = import::file_kind(&bytes, path);
    if let Some(why) = kind.refusal() {
        return Err(format!("{path}: {}", why.get(lang)));
    }
    if kind == import::FileKind::Workbook {
        let book = clustercalc_sheets::read(&bytes).map_err(|e| {
            format!(
                "{path}: {} ({e})",
                import::workbook_problem(e.problem.code()).get(lang)
            )
        })?;
        let sheets: Vec<Sheet> = book
            .into_iter()
            .map(|s| Sheet {
                name: s.name,
                rows: s.rows,
            })
            .collect();
        return Ok((sheets, true));
    }
    let text = decode(&bytes).ok_or_else(|| {
        fail(
            "不是 UTF-8 或 GB18030 编码的文本表格",
            "not a text table in UTF-8 or GB18030",
        )
    })?;
    Ok((
        vec![Sheet {
            name: stem,
            rows: import::parse_delimited(&text),
        }],
        false,
    ))
}

fn located(path: &str, e: &CellError, lang: Lang) -> String {
    format!("{path}: {}", e.message(lang)).replace(['\n', '\r'], " ")
}

/// The sheets of a workbook to read: the one `--sheet` names (by name or 1-based number), else all.
fn choose<'a>(
    path: &str,
    sheets: &'a [Sheet],
    choice: Option<&str>,
    lang: Lang,
) -> Result<Vec<&'a Sheet>, String> {
    let Some(choice) = choice else {
        return Ok(sheets.iter().collect());
    };
    let by_name = sheets.iter().find(|s| s.name == choice);
    let by_number = choice
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_sub(1))
        .and_then(|n| sheets.get(n));
    match by_name.or(by_number) {
        Some(s) => Ok(vec![s]),
        None => {
            let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
            Err(format!(
                "{path}: {}",
                match lang {
                    Lang::Zh => format!(
                        "没有工作表“{choice}”，可选：{}（或序号 1–{}）",
                        names.join("、"),
                        names.len()
                    ),
                    Lang::En => format!(
                        "no sheet '{choice}'; the sheets are: {} (or a number 1–{})",
                        names.join(", "),
                        names.len()
                    ),
                }
            ))
        }
    }
}

/// Runs the command; `Ok` is the dataset JSON for stdout (the previews have gone to stderr).
pub fn run(raw: &[String]) -> Result<String, String> {
    let args = parse(raw)?;
    let lang = args.lang;
    let mut d = Dataset::empty(args.town.clone().unwrap_or_default());
    let mut taken: Vec<(TableKind, String)> = Vec::new();
    let mut log: Vec<String> = Vec::new();
    for path in &args.files {
        let (sheets, workbook) = sheets_of(path, lang)?;
        if workbook {
            let names: Vec<String> = sheets.iter().map(|s| s.name.clone()).collect();
            import::check_workbook(&names).map_err(|e| located(path, &e, lang))?;
        }
        let chosen = choose(
            path,
            &sheets,
            args.sheet.as_deref().filter(|_| workbook),
            lang,
        )?;
        let mut read_any = false;
        let mut skipped: Option<CellError> = None;
        for sheet in chosen.iter().copied() {
            if sheet.is_blank() {
                continue;
            }
            let preview: Preview = match import::read(sheet, None) {
                Ok(p) => p,
                // A sheet without a table (notes, a chart's data) is passed over when the workbook was not
                // narrowed to it; a problem inside a table is not.
                Err(e) if e.row == 0 && chosen.len() > 1 => {
                    log.push(format!(
                        "{path}: {} {}",
                        lang.pick("跳过", "skipped"),
                        e.message(lang)
                    ));
                    skipped.get_or_insert(e);
                    continue;
                }
                Err(e) => return Err(located(path, &e, lang)),
            };
            let here = match lang {
                Lang::Zh => format!("{path} 工作表“{}”", sheet.name),
                Lang::En => format!("{path} sheet '{}'", sheet.name),
            };
            if let Some((_, before)) = taken.iter().find(|(k, _)| *k == preview.kind) {
                let table = match preview.kind {
                    TableKind::Industries => lang.pick("行业表", "industries table"),
                    TableKind::Firms => lang.pick("企业表", "firm list"),
                };
                return Err(match lang {
                    Lang::Zh => format!("{here}：已从 {before} 读入{table}，一次只能导入一张；请用 --sheet 选一张，或合并成一张表"),
                    Lang::En => format!("{here}: a {table} was already read from {before}; import one at a time (choose with --sheet, or merge the tables)"),
                });
            }
            d = import::apply(&d, &preview).map_err(|e| located(path, &e, lang))?;
            log.extend(
                preview
                    .describe(lang)
                    .into_iter()
                    .map(|l| format!("{path}: {l}")),
            );
            taken.push((preview.kind, here));
            read_any = true;
        }
        if !read_any {
            let e = skipped.unwrap_or_else(|| CellError {
                sheet: sheets.first().map(|s| s.name.clone()).unwrap_or_default(),
                row: 0,
                column: String::new(),
                reason: clustercalc_core::lang::Text::new("没有内容", "nothing in it"),
            });
            return Err(located(path, &e, lang));
        }
    }
    // A firm list without an industries table: the industries are the firms' divisions.
    if !d.firms.is_empty() && !taken.iter().any(|(k, _)| *k == TableKind::Industries) {
        let r = import::industries_from_firms(&d.firms);
        let codes: Vec<&str> = r.industries.iter().map(|i| i.code.as_str()).collect();
        log.push(match lang {
            Lang::Zh => format!(
                "没有行业表：按企业的行业代码归并到大类，得到 {} 个行业（{}）{}",
                codes.len(),
                codes.join("、"),
                if r.uncoded + r.missing_employment + r.missing_revenue > 0 {
                    format!(
                        "；无行业代码的企业 {} 家未计入，缺从业人员的 {} 家、缺营业收入的 {} 家不计入合计",
                        r.uncoded, r.missing_employment, r.missing_revenue
                    )
                } else {
                    String::new()
                }
            ),
            Lang::En => format!(
                "no industries table: firms rolled up by their codes to {} divisions ({}){}",
                codes.len(),
                codes.join(", "),
                if r.uncoded + r.missing_employment + r.missing_revenue > 0 {
                    format!(
                        "; {} firms without a code left out, {} without employment and {} without revenue not in the sums",
                        r.uncoded, r.missing_employment, r.missing_revenue
                    )
                } else {
                    String::new()
                }
            ),
        });
        d.industries = r.industries;
        d.validate().map_err(|e| e.message(lang))?;
    }
    for line in &log {
        eprintln!("{line}");
    }
    Ok(d.to_json_pretty() + "\n")
}
