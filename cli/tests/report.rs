//! `clustercalc report` as a user runs it: every bundled example and a sparse town, in both languages, as
//! Markdown, HTML and Word; the Chinese text clean; hostile names inert; errors on one line in the chosen
//! language. When LibreOffice is installed, one .docx is also converted to PDF, as a word processor opens it
//! (`scripts/docx-render.sh` draws the pages to look at).

// Helpers outside #[test] functions unwrap too: a panic here is a failed test, not a crash in front of a user.
#![allow(clippy::unwrap_used)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clustercalc"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    assert!(
        o.status.success(),
        "exit {:?}: {}",
        o.status.code(),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn tmp(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("report-tests");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

const ZH_HEADINGS: [&str; 6] = [
    "一、基本情况",
    "二、主要特点",
    "三、存在的问题",
    "四、对策建议",
    "五、需要补充的数据",
    "附录 数据来源与方法说明",
];
const EN_HEADINGS: [&str; 6] = [
    "1. Basic facts",
    "2. Main characteristics",
    "3. Problems",
    "4. Suggested measures",
    "5. Data to collect",
    "Appendix: data sources and methods",
];

/// Latin-letter words a Chinese report may hold: method acronyms, units, standard names.
const ALLOWED: &[&str] = &[
    "LQ", "HHI", "CR", "AHP", "GEM", "FLQ", "SLQ", "CILQ", "AFLQ", "EG", "GB", "MIIT", "NBS",
    "NDRC", "GDP", "COD", "km",
];

/// The bundled examples and a sparse town (the Hunan town without support, environment and judgements),
/// as paths or example names the CLI takes.
fn towns() -> Vec<String> {
    let names = stdout(&run(&["example"]));
    let mut out: Vec<String> = names.lines().map(str::to_string).collect();
    assert!(out.len() >= 4);
    let text = stdout(&run(&["example", "hunan-textile-town"]));
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    for k in ["support", "environment", "judgments"] {
        v.as_object_mut().unwrap().remove(k);
    }
    let path = tmp("sparse-town.json");
    std::fs::write(&path, v.to_string()).unwrap();
    out.push(path.to_string_lossy().into_owned());
    out
}

/// The text a reader sees in an HTML file: no head, no tags, entities decoded.
fn html_text(html: &str) -> String {
    let body = html.split("</head>").nth(1).unwrap_or(html);
    let mut out = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push('\n');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Words of two or more Latin letters that are not allowed in Chinese text.
fn latin_words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 2 && !ALLOWED.contains(w))
        .map(str::to_string)
        .collect();
    out.dedup();
    out
}

/// Numbers printed with more than three decimals.
fn long_decimals(text: &str) -> Vec<String> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    for i in 1..b.len() {
        if b[i] == b'.' && b[i - 1].is_ascii_digit() {
            let run = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            if run > 3 {
                out.push(
                    String::from_utf8_lossy(&b[i.saturating_sub(4)..i + 1 + run]).into_owned(),
                );
            }
        }
    }
    out
}

#[track_caller]
fn check_chinese(what: &str, text: &str) {
    for h in ZH_HEADINGS {
        assert!(text.contains(h), "{what}: no heading {h}");
    }
    assert!(
        text.contains("《湖南小城镇优化研究》"),
        "{what}: the seed's title"
    );
    assert!(!text.contains("区位熵"), "{what}: 区位熵");
    let raw_ref = text
        .match_indices("ch.")
        .any(|(i, _)| text[i + 3..].starts_with(|c: char| c.is_ascii_digit()));
    assert!(!raw_ref, "{what}: a raw ch. reference");
    assert_eq!(
        latin_words(text),
        Vec::<String>::new(),
        "{what}: English or raw ids"
    );
    assert_eq!(
        long_decimals(text),
        Vec::<String>::new(),
        "{what}: long decimals"
    );
}

#[test]
fn every_town_writes_markdown_and_html_in_both_languages() {
    for town in towns() {
        for lang in ["zh", "en"] {
            let md = stdout(&run(&["report", &town, "--lang", lang]));
            let html = stdout(&run(&["report", &town, "--lang", lang, "--format", "html"]));
            assert!(html.starts_with("<!DOCTYPE html>"), "{town} {lang}");
            assert!(html.contains("@page { size: A4"), "{town}: A4 print rules");
            assert!(!html.contains("<script"), "{town}: no script in the report");
            let text = html_text(&html);
            if lang == "zh" {
                check_chinese(&format!("{town} md"), &md);
                check_chinese(&format!("{town} html"), &text);
            } else {
                for h in EN_HEADINGS {
                    assert!(md.contains(&format!("## {h}")), "{town}: md heading {h}");
                    assert!(text.contains(h), "{town}: html heading {h}");
                }
                assert!(md.contains("Optimising Hunan's Small Towns"), "{town}");
                assert_eq!(long_decimals(&md), Vec::<String>::new(), "{town} en");
            }
        }
    }
}

/// Checks that an XML text is well-formed as far as tags go: every start tag closed in order.
#[track_caller]
fn assert_well_formed(name: &str, xml: &str) {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = xml;
    while let Some(open) = rest.find('<') {
        let close = rest[open..]
            .find('>')
            .unwrap_or_else(|| panic!("{name}: unclosed <"));
        let tag = &rest[open + 1..open + close];
        rest = &rest[open + close + 1..];
        if tag.starts_with('?') || tag.starts_with('!') {
            continue;
        }
        let tag_name = |t: &str| {
            t.split_whitespace()
                .next()
                .unwrap_or("")
                .trim_end_matches('/')
                .to_string()
        };
        if let Some(end) = tag.strip_prefix('/') {
            let top = stack
                .pop()
                .unwrap_or_else(|| panic!("{name}: </{end}> without a start"));
            assert_eq!(top, end.trim(), "{name}: mismatched tags");
        } else if !tag.ends_with('/') {
            stack.push(tag_name(tag));
        }
        // Text between tags may hold no raw '<' or '&' that is not an entity.
        let text = &rest[..rest.find('<').unwrap_or(rest.len())];
        for (i, _) in text.match_indices('&') {
            let entity = &text[i..text[i..].find(';').map_or(text.len(), |e| i + e + 1)];
            assert!(
                ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"].contains(&entity),
                "{name}: raw & in {text:?}"
            );
        }
    }
    assert!(stack.is_empty(), "{name}: unclosed {stack:?}");
}

/// The parts of a .docx: name → text.
fn docx_parts(path: &Path) -> Vec<(String, String)> {
    let file = std::fs::File::open(path).unwrap();
    let mut zip = zip::ZipArchive::new(file).expect("a .docx is a zip");
    let mut out = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut text = String::new();
        f.read_to_string(&mut text).unwrap();
        out.push((f.name().to_string(), text));
    }
    out
}

#[test]
fn every_town_writes_a_word_file_with_real_headings() {
    for (k, town) in towns().iter().enumerate() {
        for lang in ["zh", "en"] {
            let path = tmp(&format!("town{k}-{lang}.docx"));
            let o = run(&[
                "report",
                town,
                "--lang",
                lang,
                "--format",
                "docx",
                "-o",
                path.to_str().unwrap(),
            ]);
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
            assert!(o.stdout.is_empty(), "nothing on stdout with -o");
            let parts = docx_parts(&path);
            let names: Vec<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
            for need in [
                "[Content_Types].xml",
                "_rels/.rels",
                "word/document.xml",
                "word/styles.xml",
            ] {
                assert!(names.contains(&need), "{town}: {need} in {names:?}");
            }
            for (name, text) in &parts {
                assert_well_formed(name, text);
            }
            let doc = &parts
                .iter()
                .find(|(n, _)| n == "word/document.xml")
                .unwrap()
                .1;
            let headings = if lang == "zh" {
                ZH_HEADINGS
            } else {
                EN_HEADINGS
            };
            for h in headings {
                let styled = format!("<w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t xml:space=\"preserve\">{h}</w:t>");
                assert!(doc.contains(&styled), "{town} {lang}: Heading 1 “{h}”");
            }
            assert!(doc.contains("<w:tbl>"), "{town}: real tables");
            // Every chart is a Word chart part, related and typed, with the values cached in it.
            let charts: Vec<&(String, String)> = parts
                .iter()
                .filter(|(n, _)| n.starts_with("word/charts/"))
                .collect();
            assert_eq!(
                doc.matches("<c:chart r:id=").count(),
                charts.len(),
                "{town}: one drawing per chart part"
            );
            let part = |name: &str| &parts.iter().find(|(n, _)| n == name).unwrap().1;
            for (n, (name, xml)) in charts.iter().enumerate() {
                let file = name.trim_start_matches("word/");
                assert!(part("word/_rels/document.xml.rels").contains(&format!("Id=\"rIdC{}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart\" Target=\"{file}\"", n + 1)));
                assert!(part("[Content_Types].xml").contains(&format!("PartName=\"/{name}\" ContentType=\"application/vnd.openxmlformats-officedocument.drawingml.chart+xml\"")));
                assert!(
                    xml.contains("<c:barChart>") && xml.contains("<c:numLit>"),
                    "{name}"
                );
            }
            if town.as_str() == "datang" {
                assert_eq!(charts.len(), 2, "LQ by industry and the cluster's maturity");
                assert!(
                    charts[0].1.contains("<c:v>14.20"),
                    "industry 18's LQ 14.20 cached"
                );
            }
            let styles = &parts
                .iter()
                .find(|(n, _)| n == "word/styles.xml")
                .unwrap()
                .1;
            assert!(
                styles.contains("<w:name w:val=\"heading 1\"/>"),
                "built-in heading style"
            );
            if lang == "zh" {
                let text: String = doc
                    .split("<w:t xml:space=\"preserve\">")
                    .skip(1)
                    .filter_map(|s| s.split("</w:t>").next())
                    .collect::<Vec<_>>()
                    .join("\n")
                    .replace("&amp;", "&")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">");
                check_chinese(&format!("{town} docx"), &text);
            }
        }
    }
}

#[test]
fn a_word_processor_opens_the_word_file() {
    let Ok(out) = Command::new("soffice").arg("--version").output() else {
        eprintln!(
            "skipped: LibreOffice (soffice) is not installed; scripts/docx-render.sh installs it"
        );
        return;
    };
    assert!(out.status.success());
    let dir = tmp("lo");
    std::fs::create_dir_all(&dir).unwrap();
    let docx = dir.join("datang.docx");
    let o = run(&[
        "report",
        "datang",
        "--format",
        "docx",
        "-o",
        docx.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("profile").display()
    );
    let conv = Command::new("soffice")
        .args([
            profile.as_str(),
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(&dir)
        .arg(&docx)
        .output()
        .unwrap();
    assert!(
        conv.status.success(),
        "{}",
        String::from_utf8_lossy(&conv.stderr)
    );
    let pdf = std::fs::read(dir.join("datang.pdf")).unwrap();
    assert!(
        pdf.starts_with(b"%PDF") && pdf.len() > 10_000,
        "a PDF of some pages"
    );
}

#[test]
fn hostile_names_stay_text() {
    let text = stdout(&run(&["example", "datang"]));
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["town"]["name"] = "<script>alert(1)</script>&amp;<w:p>".into();
    v["clusters"][0]["name"] = "]]><!-- *x* | [a](javascript:b)".into();
    v["firms"][0]["name"] = "</w:t><img src=x onerror=alert(2)>".into();
    let path = tmp("hostile.json");
    std::fs::write(&path, v.to_string()).unwrap();
    let p = path.to_str().unwrap();
    let html = stdout(&run(&["report", p, "--format", "html"]));
    assert!(!html.contains("<script") && !html.contains("<img") && !html.contains("<w:p>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;amp;&lt;w:p&gt;"));
    let md = stdout(&run(&["report", p]));
    for tag in ["<script", "<img", "</script"] {
        let unescaped = md.match_indices(tag).any(|(i, _)| !md[..i].ends_with('\\'));
        assert!(!unescaped, "{tag} escaped in Markdown");
    }
    assert!(md.contains("\\<script>alert(1)\\</script>\\&amp;"));
    let docx = tmp("hostile.docx");
    assert!(run(&[
        "report",
        p,
        "--format",
        "docx",
        "-o",
        docx.to_str().unwrap()
    ])
    .status
    .success());
    for (name, text) in docx_parts(&docx) {
        assert_well_formed(&name, &text);
    }
}

#[test]
fn errors_are_one_line_in_the_chosen_language() {
    let cases: [(&[&str], &str); 6] = [
        (&["report", "datang", "--format", "docx"], "-o"),
        (
            &["report", "datang", "--format", "docx", "--lang", "en"],
            "needs -o FILE",
        ),
        (&["report", "datang", "--format", "pdf"], "md、html、docx"),
        (
            &["report", "datang", "--format", "pdf", "--lang", "en"],
            "md, html, docx",
        ),
        (
            &["report", "no-such-file.json", "--lang", "en"],
            "cannot read the file",
        ),
        (&["report"], "缺少文件名"),
    ];
    for (args, says) in cases {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}: no partial output");
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(err.lines().count(), 1, "{args:?}: one line: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
    // An invalid dataset names the field.
    let bad = tmp("bad.json");
    std::fs::write(&bad, r#"{"format":"clustercalc-dataset","version":1,"town":{"name":"x","employed":-5},"industries":[]}"#).unwrap();
    let o = run(&["report", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("town.employed"));
    // -o with Markdown writes the file and nothing to stdout.
    let md = tmp("datang.md");
    let o = run(&["report", "datang", "-o", md.to_str().unwrap()]);
    assert!(o.status.success() && o.stdout.is_empty());
    assert!(std::fs::read_to_string(&md)
        .unwrap()
        .starts_with("# 大唐镇产业集群调研报告"));
}
