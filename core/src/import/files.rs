//! What kind of file the user gave, from its bytes (a renamed workbook is still a workbook), and the words for a
//! workbook the spreadsheet reader refused. One place for the app and the CLI, so both say the same.

use crate::lang::Text;

/// A file offered for import, by content first and name second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Nothing in it.
    Empty,
    /// A zip archive: an .xlsx / .xlsm workbook (the spreadsheet reader decides whether it is one).
    Workbook,
    /// An old binary .xls / .et workbook (an OLE compound file, which is also what an encrypted .xlsx is), or a
    /// file named .xls / .et that is not a zip.
    OldWorkbook,
    /// Anything else: read as delimited text (CSV, TSV, a paste), if it decodes as text.
    Text,
    /// Bytes that no spreadsheet or text table looks like (NUL bytes in the first KB: a PDF, an image, a .doc).
    Binary,
}

const OLE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The kind of `bytes`, named `name` (only its extension is looked at, and only when the content says nothing).
pub fn file_kind(bytes: &[u8], name: &str) -> FileKind {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    if bytes.iter().all(u8::is_ascii_whitespace) {
        FileKind::Empty
    } else if bytes.starts_with(b"PK\x03\x04") {
        FileKind::Workbook
    } else if bytes.starts_with(&OLE) || matches!(ext.as_str(), "xls" | "et") {
        FileKind::OldWorkbook
    } else if bytes.iter().take(1024).any(|&b| b == 0) {
        FileKind::Binary
    } else {
        FileKind::Text
    }
}

impl FileKind {
    /// Why the file cannot be imported as it is, or `None` when it goes on to be read.
    pub fn refusal(self) -> Option<Text> {
        match self {
            FileKind::Empty => Some(Text::new("文件是空的", "the file is empty")),
            FileKind::OldWorkbook => Some(Text::new(
                "这是旧版 .xls/.et 工作簿（或加密的工作簿），暂不能读取：请在 Excel 或 WPS 中“另存为” .xlsx 或 CSV 后再导入",
                "this is an old .xls/.et workbook (or an encrypted one), which cannot be read yet: use Save As .xlsx or CSV in Excel or WPS, then import that",
            )),
            FileKind::Binary => Some(Text::new(
                "不是表格文件：请选择 .xlsx 工作簿或 CSV 文本表格",
                "not a spreadsheet: choose an .xlsx workbook or a CSV text table",
            )),
            FileKind::Workbook | FileKind::Text => None,
        }
    }
}

/// The words for a workbook the spreadsheet reader refused, by its problem code (`clustercalc_sheets::Problem`).
pub fn workbook_problem(code: &str) -> Text {
    match code {
        "too-many-cells" => Text::new(
            "工作簿的单元格太多（超过 800 万个，或某张工作表从 A1 到最后一格的范围超过 800 万格），为保护本机内存未读取：请只保留要导入的表，删去多余的行列后另存",
            "the workbook has too many cells (more than 8 million, or a sheet spanning more than 8 million from A1 to its last cell); it was not read, to protect this computer's memory: keep only the table to import, delete the extra rows and columns, and save again",
        ),
        "too-large" => Text::new(
            "工作簿解压后超过 512 MB，未读取：请只保留要导入的表后另存",
            "the workbook unpacks to more than 512 MB and was not read: keep only the table to import and save again",
        ),
        "not-a-workbook" => Text::new(
            "不是 .xlsx 工作簿（文件是压缩包，但里面没有工作簿）：请在 Excel 或 WPS 中另存为 .xlsx",
            "not an .xlsx workbook (a zip archive without a workbook in it): save it as .xlsx in Excel or WPS",
        ),
        "cancelled" => Text::new("已取消读取", "reading cancelled"),
        _ => Text::new(
            "工作簿已损坏，无法读取：请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试",
            "the workbook is damaged and cannot be read: open it in Excel or WPS, save it as .xlsx and try again",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_known_by_their_content_before_their_name() {
        assert_eq!(file_kind(b"", "a.csv"), FileKind::Empty);
        assert_eq!(file_kind(b" \r\n", "a.xlsx"), FileKind::Empty);
        assert_eq!(file_kind(b"PK\x03\x04rest", "a.csv"), FileKind::Workbook);
        let mut xls = OLE.to_vec();
        xls.extend_from_slice(b"\0\0rest");
        assert_eq!(file_kind(&xls, "renamed.xlsx"), FileKind::OldWorkbook);
        assert_eq!(
            file_kind(b"code,employment", "a.XLS"),
            FileKind::OldWorkbook
        );
        assert_eq!(file_kind(b"%PDF-1.7\n\0\0", "a.csv"), FileKind::Binary);
        assert_eq!(
            file_kind("行业代码,就业\n17,1".as_bytes(), "a.txt"),
            FileKind::Text
        );
    }

    #[test]
    fn every_refusal_and_problem_has_words_in_both_languages() {
        for k in [FileKind::Empty, FileKind::OldWorkbook, FileKind::Binary] {
            let t = k.refusal().unwrap();
            assert!(!t.zh.is_empty() && !t.en.is_empty());
        }
        assert!(FileKind::Text.refusal().is_none());
        for code in [
            "too-many-cells",
            "too-large",
            "not-a-workbook",
            "damaged",
            "cancelled",
        ] {
            let t = workbook_problem(code);
            assert!(!t.zh.contains("unreachable") && !t.en.is_empty());
        }
        assert_ne!(
            workbook_problem("damaged"),
            workbook_problem("too-many-cells")
        );
    }
}
