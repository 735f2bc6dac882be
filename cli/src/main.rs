//! `clustercalc`: the command-line front end of the Town Cluster Calculator engine.
//!
//! A thin shell over `clustercalc-core`: it reads a file or stdin, calls the engine and prints JSON or a
//! bilingual text summary. Invalid input exits with status 2 and exactly one line on stderr naming the JSON path
//! and the reason in the chosen language; output is built completely before anything is printed, so a failure
//! never leaves a partial result on stdout.

mod text;

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
}

fn parse_args(raw: &[String]) -> Result<Args, Failure> {
    let mut positional = Vec::new();
    let mut lang = None;
    let mut format = None;
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
    let format = format.unwrap_or_else(|| "json".into());
    if format != "json" && format != "text" {
        return Err(usage_error(
            lang,
            &format!("--format 只能是 json 或 text，而不是“{format}”"),
            &format!("--format must be json or text, not '{format}'"),
        ));
    }
    Ok(Args {
        positional,
        lang,
        format,
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
                Ok(text::render(&report, lang))
            } else {
                Ok(pretty(&report))
            }
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
