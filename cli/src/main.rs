//! `clustercalc`: the command-line front end of the Town Cluster Calculator engine.
//!
//! A thin shell over `clustercalc-core`: it reads a file or stdin, calls the engine and prints JSON or a
//! bilingual text summary. Invalid input exits with status 2 and exactly one line on stderr naming the JSON path
//! and the reason in the chosen language; output is built completely before anything is printed, so a failure
//! never leaves a partial result on stdout.

mod import;

use clustercalc_core::analyze::analyze;
use clustercalc_core::dataset::{self, Dataset};
use clustercalc_core::{api, examples, Error, Lang};
use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
clustercalc — 小城镇产业集群计算器 / Town Cluster Calculator

USAGE:
    clustercalc analyze FILE|-|EXAMPLE [--lang zh|en] [--format json|text]
        Analyse a dataset (format clustercalc-dataset v1). FILE may be '-' for stdin, or the name of a bundled
        example when no such file exists. 分析数据集。
    clustercalc report FILE|-|EXAMPLE [--lang zh|en] [--format md|html|docx] [-o FILE]
        Write the survey report (调研报告): Markdown (default) or HTML to stdout or FILE; docx needs -o FILE.
        撰写调研报告（Markdown、HTML 或 Word）。
    clustercalc import FILE... [--town NAME] [--sheet NAME|N] [--lang zh|en]
        Read statistics tables (CSV/TSV in UTF-8 or GB18030, .xlsx) into one dataset JSON on stdout; what each
        column became goes to stderr. 导入统计报表（行业表、企业表），输出数据集 JSON。
    clustercalc method NAME [FILE|-] [--lang zh|en]
        Run one method of the JSON method API (ENGINE-API.md) on FILE or stdin. 运行单个方法。
    clustercalc schema
        Print the JSON Schema of the dataset format. 输出数据格式的 JSON Schema。
    clustercalc example [NAME]
        Print a bundled example dataset, or list them. 输出或列出示例数据。
    clustercalc --help | --version

EXIT STATUS:
    0 success; 2 invalid input or usage (one line on stderr naming the JSON path and the reason).
";

/// A failure: the one line to print on stderr.
struct Failure(String);

fn usage_error(lang: Lang, zh: &str, en: &str) -> Failure {
    Failure(format!(
        "{} ({})",
        lang.pick(zh, en),
        lang.pick("用 --help 查看用法", "see --help")
    ))
}

fn input_error(e: &Error, lang: Lang) -> Failure {
    // Keep it to one line whatever serde put in the message.
    Failure(e.message(lang).replace(['\n', '\r'], " "))
}

/// Parsed command line.
struct Args {
    positional: Vec<String>,
    lang: Lang,
    format: String,
    /// `-o FILE` (the report command only).
    output: Option<String>,
}

fn parse_args(raw: &[String]) -> Result<Args, Failure> {
    let mut positional = Vec::new();
    let mut lang = None;
    let mut format = None;
    let mut output = None;
    let mut it = raw.iter();
    while let Some(a) = it.next() {
        let (key, inline) = match a.split_once('=') {
            Some((k, v)) if k.starts_with("--") => (k.to_string(), Some(v.to_string())),
            _ => (a.clone(), None),
        };
        match key.as_str() {
            "--lang" => {
                let v = inline.or_else(|| it.next().cloned()).unwrap_or_default();
                lang = Some(Lang::parse(&v).ok_or_else(|| {
                    // The language itself is what is wrong, so say it in both.
                    Failure(format!(
                        "--lang 只能是 zh 或 en，而不是“{v}” / --lang must be zh or en, not '{v}'"
                    ))
                })?);
            }
            "--format" => {
                let v = inline.or_else(|| it.next().cloned()).unwrap_or_default();
                format = Some(v);
            }
            "-o" | "--output" => {
                output = Some(inline.or_else(|| it.next().cloned()).unwrap_or_default());
            }
            "-" => positional.push(a.clone()),
            k if k.starts_with('-') && k != "-" => {
                let l = lang.unwrap_or_default();
                return Err(usage_error(
                    l,
                    &format!("未知选项 {k}"),
                    &format!("unknown option {k}"),
                ));
            }
            _ => positional.push(a.clone()),
        }
    }
    let lang = lang.unwrap_or_default();
    let report = positional.first().is_some_and(|c| c == "report");
    let (formats, default) = if report {
        (["md", "html", "docx"].as_slice(), "md")
    } else {
        (["json", "text"].as_slice(), "json")
    };
    let format = format.unwrap_or_else(|| default.into());
    if !formats.contains(&format.as_str()) {
        let list = formats.join(lang.pick("、", ", "));
        return Err(usage_error(
            lang,
            &format!("--format 只能是 {list}，而不是“{format}”"),
            &format!("--format must be {list}, not '{format}'"),
        ));
    }
    match &output {
        Some(o) if o.is_empty() => {
            return Err(usage_error(lang, "-o 后缺少文件名", "-o needs a FILE"))
        }
        Some(_) if !report => {
            return Err(usage_error(
                lang,
                "-o 只用于 report 命令",
                "-o is for the report command only",
            ))
        }
        _ => {}
    }
    Ok(Args {
        positional,
        lang,
        format,
        output,
    })
}

/// Reads FILE, or stdin for `-`; a missing file that names a bundled example reads the example.
fn read_input(source: &str, lang: Lang, allow_example: bool) -> Result<String, Failure> {
    if source == "-" {
        let mut s = String::new();
        std::io::stdin()
            .take(dataset::MAX_TEXT_BYTES as u64 + 1)
            .read_to_string(&mut s)
            .map_err(|e| {
                Failure(format!(
                    "{}: {e}",
                    lang.pick("无法读取标准输入", "cannot read stdin")
                ))
            })?;
        return Ok(s);
    }
    let path = std::path::Path::new(source);
    if !path.exists() && allow_example {
        if let Some(text) = examples::get(source) {
            return Ok(text.to_string());
        }
    }
    let bytes = std::fs::read(path).map_err(|e| {
        Failure(format!(
            "{source}: {} ({e})",
            lang.pick("无法读取文件", "cannot read the file")
        ))
    })?;
    String::from_utf8(bytes).map_err(|_| {
        Failure(format!(
            "{source}: {}",
            lang.pick("不是 UTF-8 编码的文本", "is not UTF-8 text")
        ))
    })
}

fn pretty(v: &impl serde::Serialize) -> String {
    // Serialising the engine's plain structs and maps with string keys cannot fail.
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s
}

fn run(raw: &[String]) -> Result<String, Failure> {
    if raw.is_empty() || raw.iter().any(|a| a == "--help" || a == "-h") {
        return Ok(USAGE.to_string());
    }
    if raw.iter().any(|a| a == "--version" || a == "-V") {
        return Ok(format!("clustercalc {}\n", env!("CARGO_PKG_VERSION")));
    }
    if raw.first().is_some_and(|c| c == "import") {
        return import::run(&raw[1..]).map_err(Failure);
    }
    let args = parse_args(raw)?;
    let lang = args.lang;
    let mut pos = args.positional.iter().map(String::as_str);
    match pos.next() {
        Some("help") => Ok(USAGE.to_string()),
        Some("analyze") => {
            let Some(source) = pos.next() else {
                return Err(usage_error(lang, "缺少文件名", "missing FILE"));
            };
            if let Some(extra) = pos.next() {
                return Err(usage_error(
                    lang,
                    &format!("多余的参数 {extra}"),
                    &format!("unexpected argument {extra}"),
                ));
            }
            let text = read_input(source, lang, true)?;
            let d = Dataset::from_json(&text).map_err(|e| input_error(&e, lang))?;
            let report = analyze(&d);
            if args.format == "text" {
                // The same document as `clustercalc report`, as plain text (present::text).
                let doc = clustercalc_core::present::document::build(&report, lang);
                Ok(clustercalc_core::present::text::plain_text(&doc))
            } else {
                Ok(pretty(&report))
            }
        }
        Some("report") => {
            let Some(source) = pos.next() else {
                return Err(usage_error(
                    lang,
                    "缺少文件名或示例名",
                    "missing FILE or EXAMPLE",
                ));
            };
            if let Some(extra) = pos.next() {
                return Err(usage_error(
                    lang,
                    &format!("多余的参数 {extra}"),
                    &format!("unexpected argument {extra}"),
                ));
            }
            report(source, &args)
        }
        Some("method") => {
            let Some(name) = pos.next() else {
                return Err(usage_error(
                    lang,
                    &format!("缺少方法名，可选：{}", api::METHODS.join(", ")),
                    &format!("missing method NAME, one of: {}", api::METHODS.join(", ")),
                ));
            };
            let source = pos.next().unwrap_or("-");
            let text = read_input(source, lang, false)?;
            let out = api::call_str(name, &text).map_err(|e| input_error(&e, lang))?;
            Ok(pretty(&out))
        }
        Some("schema") => Ok(pretty(&dataset::json_schema())),
        Some("example") => match pos.next() {
            None => Ok(examples::names().join("\n") + "\n"),
            // `synthetic-town:50x5000`: the benchmark town, for performance reports.
            Some(name) if name.starts_with("synthetic-town:") => {
                let dims = name.trim_start_matches("synthetic-town:");
                let (i, f) = dims.split_once('x').unwrap_or((dims, "0"));
                match (i.parse::<usize>(), f.parse::<usize>()) {
                    (Ok(i), Ok(f)) if f <= 1_000_000 => {
                        Ok(examples::synthetic_town(i, f).to_json_pretty() + "\n")
                    }
                    _ => Err(Failure(format!(
                        "{name}: expected synthetic-town:INDUSTRIESxFIRMS"
                    ))),
                }
            }
            // `synthetic-county:20x1000000`: the big county, for the off-main-thread analysis report.
            Some(name) if name.starts_with("synthetic-county:") => {
                let dims = name.trim_start_matches("synthetic-county:");
                let (t, f) = dims.split_once('x').unwrap_or((dims, "0"));
                match (t.parse::<usize>(), f.parse::<usize>()) {
                    (Ok(t), Ok(f)) if (2..=1_000).contains(&t) && f <= 5_000_000 => {
                        Ok(serde_json::to_string(&examples::synthetic_county(t, f))
                            .unwrap_or_default()
                            + "\n")
                    }
                    _ => Err(Failure(format!(
                        "{name}: expected synthetic-county:TOWNSxFIRMS (2–1000 towns)"
                    ))),
                }
            }
            Some(name) => examples::get(name).map(str::to_string).ok_or_else(|| {
                let list = examples::names().join(", ");
                Failure(format!(
                    "{name}: {}",
                    if lang == Lang::Zh {
                        format!("没有这个示例，可选：{list}")
                    } else {
                        format!("no such example, expected one of: {list}")
                    }
                ))
            }),
        },
        Some(other) => Err(usage_error(
            lang,
            &format!("未知命令 {other}"),
            &format!("unknown command {other}"),
        )),
        None => Ok(USAGE.to_string()),
    }
}

/// `clustercalc report`: the survey report as Markdown or HTML (stdout or `-o`), or as .docx (`-o` only).
fn report(source: &str, args: &Args) -> Result<String, Failure> {
    use clustercalc_core::present::{document, docx, render};
    let lang = args.lang;
    if args.format == "docx" && args.output.is_none() {
        return Err(usage_error(
            lang,
            "docx 格式须用 -o 指定输出文件",
            "--format docx needs -o FILE",
        ));
    }
    let text = read_input(source, lang, true)?;
    let d = Dataset::from_json(&text).map_err(|e| input_error(&e, lang))?;
    let doc = document::build(&analyze(&d), lang);
    let bytes = match args.format.as_str() {
        "html" => render::html(&doc).into_bytes(),
        "docx" => docx::docx(&doc).map_err(|e| Failure(e.to_string()))?,
        _ => render::markdown(&doc).into_bytes(),
    };
    match &args.output {
        None => Ok(String::from_utf8(bytes).unwrap_or_default()),
        Some(path) => {
            std::fs::write(path, &bytes).map_err(|e| {
                Failure(format!(
                    "{path}: {} ({e})",
                    lang.pick("无法写入文件", "cannot write the file")
                ))
            })?;
            Ok(String::new())
        }
    }
}

fn main() -> ExitCode {
    let raw: Vec<String> = std::env::args().skip(1).collect();
    match run(&raw) {
        Ok(out) => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth a panic or a message.
            let _ = stdout.write_all(out.as_bytes());
            let _ = stdout.flush();
            ExitCode::SUCCESS
        }
        Err(Failure(line)) => {
            eprintln!("{line}");
            ExitCode::from(2)
        }
    }
}
